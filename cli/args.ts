/**
 * Flag parsing shared by the commands: strict (unknown flags are errors), typed, and every bad
 * input ends in a one-line error with exit code 2.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BudgetName } from "../engine/claim.ts";
import { extendRegistry, importClaims, noteClaimsModule, type Registry } from "../engine/registry.ts";
import { catalog } from "../theorems/catalog.ts";

/** A bad command line: reported in one line, exit code 2. */
export class UsageError extends Error {}

/** Edit distance with adjacent transpositions (optimal string alignment), for "did you mean". */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i || j));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/**
 * The known name closest to `name` when it is close enough to be a slip (case or at most a third of
 * its letters), else undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { closestName } from "./args.ts";
 * assert.equal(closestName("etabeta", ["seed", "etaBeta"]), "etaBeta");
 * assert.equal(closestName("zzz", ["seed"]), undefined);
 * ```
 */
export function closestName(name: string, known: string[]): string | undefined {
  let best: string | undefined, bestDistance = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * Parses argv strictly; unknown flags (with the nearest known one suggested), missing or empty
 * values and repeated flags become UsageErrors. A value may be negative (`--lambda -1`); `-h` is
 * `--help` where the command has it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseStrict } from "./args.ts";
 * const { values } = parseStrict(["--seed", "3", "--shift", "-1"], { seed: { type: "string" }, shift: { type: "string" } });
 * assert.equal(values.seed, "3");
 * assert.equal(values.shift, "-1");
 * assert.throws(() => parseStrict(["--sede", "3"], { seed: { type: "string" } }), /did you mean --seed/);
 * assert.throws(() => parseStrict(["--seed", "3", "--seed", "4"], { seed: { type: "string" } }), /more than once/);
 * ```
 */
export function parseStrict<T extends Record<string, { type: "string" | "boolean" }>>(argv: string[], options: T) {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.startsWith("--") ? a.slice(2) : undefined;
    if (a === "-h" && "help" in options) args.push("--help");
    else if (
      name !== undefined && options[name]?.type === "string" && i + 1 < argv.length && /^-\.?\d/.test(argv[i + 1])
    ) {
      args.push(`--${name}=${argv[++i]}`); // a negative number is the flag's value, not a flag
    } else args.push(a);
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
  } catch (e) {
    const message = (e as Error).message.split("\n")[0];
    const unknown = /Unknown option '(?:--)?([^']+)'/.exec(message)?.[1];
    if (unknown !== undefined) {
      const near = closestName(unknown.replace(/^-+/, ""), Object.keys(options));
      throw new UsageError(
        `unknown flag "${unknown.startsWith("-") ? unknown : `--${unknown}`}"${
          near ? ` (did you mean --${near}?)` : ""
        }`,
      );
    }
    throw new UsageError(message);
  }
  const seen = new Set<string>();
  for (const t of parsed.tokens ?? []) {
    if (t.kind !== "option") continue;
    if (seen.has(t.name)) throw new UsageError(`--${t.name} given more than once`);
    seen.add(t.name);
    if (options[t.name]?.type === "string" && t.value !== undefined && t.value.trim() === "") {
      throw new UsageError(`--${t.name} must not be empty`);
    }
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/**
 * An integer flag within [min, max]; `fallback` when absent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { integerFlag } from "./args.ts";
 * assert.equal(integerFlag("seed", "12", 1, 0), 12);
 * ```
 */
export function integerFlag(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be an integer, got "${raw}"`);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be in [${min}, ${max}], got ${raw}`);
  }
  return n;
}

/**
 * The budget flag: "test" or "report".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { budgetFlag } from "./args.ts";
 * assert.equal(budgetFlag(undefined, "report"), "report");
 * ```
 */
export function budgetFlag(raw: string | undefined, fallback: BudgetName): BudgetName {
  if (raw === undefined) return fallback;
  if (raw !== "test" && raw !== "report") throw new UsageError(`--budget must be "test" or "report", got "${raw}"`);
  return raw;
}

/**
 * Resolves claim ids (in the catalog, or in `registry`: the catalog with a claims module's claims),
 * rejecting unknown ones.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimsFlag } from "./args.ts";
 * assert.equal(claimsFlag("eq-10.21")[0].id, "eq-10.21");
 * ```
 */
export function claimsFlag(raw: string | undefined, registry: Registry = catalog) {
  const claims = registry.claims;
  if (raw === undefined) return [...claims];
  return raw.split(",").map((s) => s.trim()).filter((s) => s).map((id) => {
    const c = registry.byId(id);
    if (!c) {
      throw new UsageError(
        `unknown claim id "${id}" (see ../shared/CLAIMS.md; known: ${claims.map((c) => c.id).join(", ")})`,
      );
    }
    return c;
  });
}

/** The `--claims MODULE` line of each command's help. */
export const CLAIMS_HELP =
  "  --claims MODULE     also the claims of MODULE (a path or URL; its export `claims`, or default, is an array of claims)";

/** Terminal colour codes, which Deno puts in some import errors. */
// deno-lint-ignore no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * The catalog, with the claims of the claims module `raw` (the `--claims` flag: a path, relative to the
 * directory `deno task` was started in, else the working directory, or a `file:`/`http(s):` URL) appended after its own; the catalog alone when `raw`
 * is undefined. A module that cannot be loaded, that exports no array of claims, or whose ids clash with
 * the catalog's or with each other is a one-line `UsageError`. The commands printed for its claims
 * (replay, explore) carry `--claims raw`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { catalogWith } from "./args.ts";
 * const registry = await catalogWith(new URL("../engine/_toy_claims_module.ts", import.meta.url).href);
 * assert.equal(registry.byId("toy-module-square")?.kind, "exact");
 * assert.equal(registry.byId("eq-10.21")?.kind, "exact");
 * await assert.rejects(catalogWith("/no/such/claims.ts"), /cannot load/);
 * ```
 */
export async function catalogWith(raw: string | undefined): Promise<Registry> {
  if (raw === undefined) return catalog;
  // A relative path is the user's: `deno task` runs in the project's directory and says where it was started.
  const url = /^(file|https?):/.test(raw) ? new URL(raw) : pathToFileURL(resolve(Deno.env.get("INIT_CWD") ?? ".", raw));
  if (url.protocol === "file:") {
    const stat = await Deno.stat(url).catch(() => null);
    if (!stat?.isFile) throw new UsageError(`--claims: cannot load "${raw}": no such file`);
  }
  let claims;
  try {
    claims = await importClaims(url);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(ANSI, "").split("\n")[0].trim();
    throw new UsageError(`--claims: cannot load "${raw}": ${message}`);
  }
  let registry: Registry;
  try {
    registry = extendRegistry(catalog, claims, raw);
  } catch (e) {
    throw new UsageError(`--claims: ${(e as Error).message}`);
  }
  noteClaimsModule(claims.map((c) => c.id), raw);
  return registry;
}

/**
 * The value of `--claims` in raw arguments (`--claims M` or `--claims=M`), for commands that need the
 * registry before they parse the rest (explore: the claim's own flags); undefined when absent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimsModuleArg } from "./args.ts";
 * assert.equal(claimsModuleArg(["my-id", "--claims", "my.ts", "--seed", "2"]), "my.ts");
 * assert.equal(claimsModuleArg(["--claims=my.ts"]), "my.ts");
 * assert.equal(claimsModuleArg(["lemma-10.2"]), undefined);
 * ```
 */
export function claimsModuleArg(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--claims") return args[i + 1];
    if (args[i].startsWith("--claims=")) return args[i].slice("--claims=".length);
  }
  return undefined;
}

/**
 * Runs a command's main, turning UsageErrors into one line on stderr and exit code 2.
 *
 * @example
 * ```ts ignore
 * import { runMain } from "./args.ts";
 * await runMain(async () => {});
 * ```
 */
export async function runMain(main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    if (code) Deno.exit(code);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`error: ${e.message}`);
      Deno.exit(2);
    }
    throw e;
  }
}

/**
 * The `--shard i/n` flag (1 ≤ i ≤ n ≤ 10000); the whole run (1/1) when absent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shardFlag } from "./args.ts";
 * assert.deepEqual(shardFlag("2/3"), { index: 2, of: 3 });
 * assert.throws(() => shardFlag("4/3"));
 * ```
 */
export function shardFlag(raw: string | undefined): { index: number; of: number } {
  if (raw === undefined) return { index: 1, of: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(raw);
  const index = m ? Number(m[1]) : NaN, of = m ? Number(m[2]) : NaN;
  if (!(index >= 1 && of >= 1 && index <= of && of <= 10000)) {
    throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n ≤ 10000 (got "${raw}")`);
  }
  return { index, of };
}

/**
 * Parses a command's argv with {@link parseStrict}: `strings` are the flags that take a value,
 * `switches` the flags that take none, and `--help` (or `-h`) prints `help`, after which the result is
 * undefined and the command ends with exit code 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseCommand } from "./args.ts";
 * const parsed = parseCommand(["--seed", "3", "--merge", "a.json"], "usage: …", ["seed", "out"], ["merge"]);
 * assert.deepEqual({ ...parsed?.values }, { seed: "3", merge: true });
 * assert.deepEqual(parsed?.positionals, ["a.json"]);
 * assert.throws(() => parseCommand(["--sede", "3"], "usage: …", ["seed"]), /did you mean --seed/);
 * ```
 */
export function parseCommand<S extends string, B extends string = never>(
  argv: string[],
  help: string,
  strings: readonly S[],
  switches: readonly B[] = [],
): { values: { [k in S]?: string } & { [k in B]?: boolean }; positionals: string[] } | undefined {
  const options: Record<string, { type: "string" | "boolean" }> = { help: { type: "boolean" } };
  for (const name of strings) options[name] = { type: "string" };
  for (const name of switches) options[name] = { type: "boolean" };
  const { values, positionals } = parseStrict(argv, options);
  if (values.help) {
    console.log(help);
    return undefined;
  }
  return { values: values as { [k in S]?: string } & { [k in B]?: boolean }, positionals };
}
