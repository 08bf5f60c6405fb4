/**
 * `deno task merge-reports A.json B.json … [--out PATH] [--json PATH] [--claims MODULE]`: joins the shard files that
 * `deno task report --shard i/n --json PATH` wrote (same seed, budget and `--only`) into the
 * report a single run writes: REPORT.md, its plots in `report/` beside it, and optionally the JSON.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { writeTextAtomic } from "../engine/io.ts";
import { decodeShard, mergeShards, type ShardFile } from "../engine/report_shard.ts";
import { catalogWith, parseCommand, runMain, UsageError } from "./args.ts";
import { writeReport } from "./report.ts";

const HELP = `deno task merge-reports SHARD.json... [flags]
  --out PATH    markdown output (default REPORT.md); plots go to report/ beside it
  --json PATH   also write the results as JSON (as deno task report --json does)
  --claims M    the claims module the shards' run took (deno task report --claims M)
The shard files come from deno task report --shard i/n --json PATH, one per i, all with the same
--seed, --budget and --only.`;

/**
 * Merges shard files into the report; throws `UsageError` on bad input before writing anything.
 *
 * @example
 * ```ts ignore
 * import { main } from "./merge_reports.ts";
 * await main(["/tmp/s1.json", "/tmp/s2.json", "--out", "/tmp/R.md"]);
 * ```
 */
export async function main(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, HELP, ["out", "json", "claims"]);
  if (!parsed) return;
  const { values, positionals } = parsed;
  if (!positionals.length) throw new UsageError("expected the shard files (deno task report --shard i/n --json PATH)");
  const out = values.out ?? "REPORT.md";
  if (out === "") throw new UsageError("--out must not be empty");
  if (values.json === "") throw new UsageError("--json must not be empty");
  const files: ShardFile[] = [];
  for (const path of positionals) {
    let text: string;
    try {
      text = await Deno.readTextFile(path);
    } catch {
      throw new UsageError(`cannot read "${path}"`);
    }
    try {
      files.push(decodeShard(text, path));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  const registry = await catalogWith(values.claims);
  let merged;
  try {
    merged = mergeShards(files, (id) => registry.byId(id));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  for (const { file, svg } of merged.svgs) await writeTextAtomic(join(dirname(out), file), svg);
  await writeReport(merged.entries, { seed: merged.seed, budget: merged.budget, out, json: values.json });
}

if (import.meta.main) await runMain(() => main(Deno.args));
