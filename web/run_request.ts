/**
 * The run API's query (`/api/claims/<id>/run?<param>=<value>&ignoreHypotheses=1&scenario=<name>&seed=N`) read
 * as the flags of `deno task explore`, and checked by the CLI's own parsing and validation (cli/args.ts,
 * cli/explore.ts), so a bad query gets the CLI's one-line message.
 *
 * @module
 */
import type { Claim } from "../engine/claim.ts";
import { claimsFlag, parseStrict, UsageError } from "../cli/args.ts";
import { RUN_OPTIONS, runFlags, withParameterFlags } from "../cli/explore.ts";
import type { RunRequest } from "./explore_run.ts";

/** Query keys that are not `--<key>` flags of the same name. */
const RENAMED: Record<string, string> = { ignoreHypotheses: "ignore-hypotheses" };

/** The message of `deno task explore` for an unknown scenario (cli/explore.ts). */
export function unknownScenario(claim: Claim, name: string): string {
  return `unknown scenario "${name}" for ${claim.id} (known: ${
    (claim.scenarios ?? []).map((s) => s.name).join(", ") || "none"
  })`;
}

/**
 * The claim and run a query asks for; a UsageError with the CLI's message when the id, a flag or a value is bad.
 * `ignoreHypotheses` takes 1/true (or no value) and 0/false.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseRunQuery } from "./run_request.ts";
 * const { request } = parseRunQuery("lemma-10.2", new URLSearchParams("etaBeta=2.5&ignoreHypotheses=1&seed=3"));
 * assert.deepEqual(request, { id: "lemma-10.2", seed: 3, instance: 0, count: 1, params: { etaBeta: 2.5 },
 *   ignoreHypotheses: true, countGiven: false });
 * assert.throws(() => parseRunQuery("lemma-10.2", new URLSearchParams("etaBeta=9")), /--etaBeta must be in \[0.01, 4\], got 9/);
 * assert.throws(() => parseRunQuery("lemma-10.2", new URLSearchParams("etabeta=1")), /did you mean --etaBeta/);
 * ```
 */
export function parseRunQuery(id: string, query: URLSearchParams): { claim: Claim; request: RunRequest } {
  const found = claimsFlag(id);
  if (found.length !== 1) throw new UsageError(`unknown claim id "${id}" (one id, see deno task list)`);
  const [claim] = found;
  const options = withParameterFlags(claim, RUN_OPTIONS);
  const args: string[] = [id];
  for (const [key, value] of query) {
    const flag = RENAMED[key] ?? key;
    if (options[flag]?.type === "boolean") {
      if (value === "" || value === "1" || value === "true") args.push(`--${flag}`);
      else if (value !== "0" && value !== "false") throw new UsageError(`--${flag} takes no value (${key}=1 or 0)`);
    } else args.push(`--${flag}=${value}`);
  }
  const { values } = parseStrict(args, options);
  const { seed, instance, count, params } = runFlags(claim, values);
  const request: RunRequest = {
    id: claim.id,
    seed,
    instance,
    count,
    params,
    ignoreHypotheses: values["ignore-hypotheses"] === true,
    countGiven: values.count !== undefined,
  };
  if (values.scenario !== undefined) {
    const name = values.scenario as string;
    if (!(claim.scenarios ?? []).some((s) => s.name === name)) throw new UsageError(unknownScenario(claim, name));
    request.scenario = name;
  }
  return { claim, request };
}
