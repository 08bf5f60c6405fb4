/**
 * `deno task compare-reports A B`: whether two reports from one seed are the same, timings aside
 * (markdown: lines marked ⏱ dropped; JSON: fields named `*Ms` dropped). Exit 0 when they are,
 * 1 with the first difference when they are not, 2 on bad input.
 *
 * @module
 */
import { isDeepStrictEqual } from "node:util";
import { withoutTimingLines } from "../engine/report.ts";
import { withoutTimings } from "../engine/parallel_run.ts";
import { parseCommand, runMain, UsageError } from "./args.ts";

const HELP = `deno task compare-reports A B
  whether two reports from one seed are the same, timings aside: A and B both markdown (lines marked ⏱
  dropped) or both JSON (fields named *Ms dropped). Exit 0 when they are, 1 with the first difference
  when they are not, 2 on bad input.`;

async function read(path: string): Promise<string> {
  try {
    return await Deno.readTextFile(path);
  } catch {
    throw new UsageError(`cannot read "${path}"`);
  }
}

/**
 * Compares two reports up to timings: returns 0 when they agree, 1 otherwise; throws `UsageError` on bad input.
 *
 * @example
 * ```ts ignore
 * import { main } from "./compare_reports.ts";
 * await main(["a/REPORT.md", "b/REPORT.md"]);
 * ```
 */
export async function main(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, HELP, []);
  if (!parsed) return 0;
  const { positionals } = parsed;
  if (positionals.length !== 2) throw new UsageError("expected two report files (both .md or both .json)");
  const [a, b] = positionals;
  const kind = (p: string) => (p.endsWith(".json") ? "json" : p.endsWith(".md") ? "md" : null);
  if (kind(a) === null || kind(a) !== kind(b)) throw new UsageError("expected two .md or two .json files");
  const [textA, textB] = [await read(a), await read(b)];
  if (kind(a) === "json") {
    const parse = (text: string, path: string) => {
      try {
        return withoutTimings(JSON.parse(text));
      } catch {
        throw new UsageError(`"${path}" is not JSON`);
      }
    };
    if (isDeepStrictEqual(parse(textA, a), parse(textB, b))) return 0;
    console.log(`${a} and ${b} differ outside their *Ms fields`);
    return 1;
  }
  const [linesA, linesB] = [withoutTimingLines(textA).split("\n"), withoutTimingLines(textB).split("\n")];
  const i = linesA.findIndex((line, k) => line !== linesB[k]);
  if (i === -1 && linesA.length === linesB.length) return 0;
  const at = i === -1 ? linesA.length : i;
  console.log(
    `first difference (line ${at + 1} once the ⏱ lines are dropped):\n< ${linesA[at] ?? ""}\n> ${linesB[at] ?? ""}`,
  );
  return 1;
}

if (import.meta.main) await runMain(() => main(Deno.args));
