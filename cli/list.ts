/**
 * `deno task list`: every claim id with its kind, title and last verdict (from the last
 * `deno task report`, read from `report/verdicts.json`).
 *
 * @module
 */
import { claims } from "../theorems/catalog.ts";
import { texToUnicode } from "../engine/unicode_math.ts";
import { parseStrict, runMain, UsageError } from "./args.ts";

/**
 * Prints every claim id with its kind, last verdict and title; throws `UsageError` on bad input.
 *
 * @example
 * ```ts ignore
 * import { main } from "./list.ts";
 * await main([]);
 * ```
 */
export async function main(args: string[]): Promise<number | void> {
  const { values, positionals } = parseStrict(args, { verdicts: { type: "string" }, help: { type: "boolean" } });
  if (values.help) {
    console.log(`deno task list [--verdicts PATH]
  every claim id with its kind, last verdict (from report/verdicts.json, or PATH) and title`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const path = (values.verdicts as string | undefined) ?? "report/verdicts.json";
  let last: Record<string, string> = {};
  try {
    last = JSON.parse(await Deno.readTextFile(path)).verdicts ?? {};
  } catch {
    // No report yet: verdicts show as "—".
  }
  const width = Math.max(...claims.map((c) => c.id.length));
  for (const c of claims) {
    console.log(
      `${c.id.padEnd(width)}  ${c.kind.padEnd(13)}  ${(last[c.id] ?? "—").padEnd(12)}  ${texToUnicode(c.title)}`,
    );
  }
}

if (import.meta.main) await runMain(() => main(Deno.args));
