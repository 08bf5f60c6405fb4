/**
 * `deno task report [--seed N] [--only id,id] [--out PATH] [--json PATH] [--html DIR] [--budget test|report]
 * [--claims MODULE]`: runs the claims and writes REPORT.md (plots as SVG in `report/` beside it), optionally JSON,
 * and optionally the report as a self-contained static site in DIR (web/site.ts).
 * With `--shard i/n --json PATH` it runs only every n-th claim from the i-th on and writes a shard
 * file for `deno task merge-reports` (engine/report_shard.ts), which joins the shards into the
 * report a single run writes.
 *
 * @module
 */
import { dirname, join, relative } from "node:path";
import { writeTextAtomic } from "../engine/io.ts";
import { renderSvg } from "../engine/plot.ts";
import { renderJson, renderMarkdown, type ReportEntry } from "../engine/report.ts";
import { encodeShard, type ShardEntry, shardPositions } from "../engine/report_shard.ts";
import { runClaim } from "../engine/run.ts";
import { runScenario, searchTightness } from "../engine/explore.ts";
import { declaredFalseAlarm, holmOverResults, SUITE_FALSE_ALARM } from "../engine/false_alarm.ts";
import { InstancePool } from "../engine/parallel_run.ts";
import { type SiteEntry, writeSite } from "../web/site.ts";
import {
  budgetFlag,
  catalogWith,
  CLAIMS_HELP,
  claimsFlag,
  integerFlag,
  parseCommand,
  runMain,
  shardFlag,
  UsageError,
} from "./args.ts";

/** Evaluations of the targeted tightness search per exact claim (Claim.searchBudget lowers it for costly claims). */
const DEFAULT_SEARCH_EVALUATIONS = 40;

const HELP = `deno task report [flags]
  --seed N            master seed (default 1)
  --only id,id        only these claims (ids from ../shared/CLAIMS.md or the --claims module)
${CLAIMS_HELP}
  --out PATH          markdown output (default REPORT.md); plots go to report/ beside it
  --json PATH         also write the results as JSON
  --html DIR          also write the report as a static site in DIR (index.html, claims/<id>.html, assets/;
                      KaTeX-typeset, plots embedded, no server needed; same seed, same bytes)
  --budget B          "report" (default) or "test" (quick)
  --workers W         worker threads for the claims' instances (default: one per core; 1 = this thread only);
                      the report is byte-identical for any W (timings aside)
  --shard i/n         run only every n-th claim of the selection from the i-th on and write a shard file to
                      --json PATH (no markdown); deno task merge-reports joins the n shards into the report`;

/** The flags that take a value. */
const VALUE_FLAGS = ["seed", "only", "out", "json", "html", "budget", "workers", "shard", "claims"] as const;

/**
 * Writes the verification report for `args` (the flags of `deno task report`); throws `UsageError` on bad input before writing anything.
 *
 * @example
 * ```ts ignore
 * import { main } from "./report.ts";
 * await main(["--budget", "test", "--only", "eq-10.21", "--out", "/tmp/R.md"]);
 * ```
 */
export async function main(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, HELP, VALUE_FLAGS);
  if (!parsed) return;
  const { values, positionals } = parsed;
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const seed = integerFlag("seed", values.seed, 1, 0);
  const budget = budgetFlag(values.budget, "report");
  const selected = claimsFlag(values.only, await catalogWith(values.claims));
  const out = values.out ?? "REPORT.md";
  if (out === "") throw new UsageError("--out must not be empty");
  const shard = values.shard === undefined ? null : shardFlag(values.shard);
  if (shard && (values.json === undefined || values.json === "")) {
    throw new UsageError("--shard writes a shard file: give its path with --json PATH");
  }
  if (shard && values.out !== undefined) {
    throw new UsageError("--shard writes no markdown: drop --out (merge-reports takes it)");
  }
  if (shard && values.html !== undefined) {
    throw new UsageError("--shard writes no site: drop --html (write it from a whole run)");
  }
  const workers = integerFlag("workers", values.workers, navigator.hardwareConcurrency ?? 1, 1, 64);
  const plotDir = join(dirname(out), "report");
  const entries: ReportEntry[] = [];
  const shardEntries: ShardEntry[] = [];
  const siteEntries: SiteEntry[] = [];
  const positions = shard ? shardPositions(selected.length, shard) : selected.map((_, k) => k);
  const pool = workers > 1 ? new InstancePool({ workers }) : null;
  const run = (k: number) => {
    const label = `[${k + 1}/${selected.length}] ${selected[k].id}`;
    return runClaim(selected[k], {
      seed,
      budget,
      mapInstances: pool?.mapInstances,
      onProgress: (done, total) => {
        if (Deno.stderr.isTerminal() && (done === total || done % Math.max(1, Math.floor(total / 10)) === 0)) {
          Deno.stderr.writeSync(new TextEncoder().encode(`\r${label}: ${done}/${total} instances`));
        }
      },
    });
  };
  // With workers, the next claim's instances are queued while this thread writes the plots and runs the scenarios and
  // the search of the current one, so the workers do not wait for them; the records, hence the report, are the same
  // (a claim's records depend only on the claim, the seed and the budget). One claim ahead bounds the memory.
  const started = new Map<number, ReturnType<typeof run>>();
  const startRun = (j: number) => {
    if (j >= positions.length || started.has(j)) return;
    const p = run(positions[j]);
    p.catch(() => {}); // awaited below; a failure is not unhandled while the previous claim finishes
    started.set(j, p);
  };
  try {
    for (const [j, k] of positions.entries()) {
      const claim = selected[k];
      const label = `[${k + 1}/${selected.length}] ${claim.id}`;
      startRun(j);
      const { result, records } = await started.get(j)!;
      started.delete(j);
      if (pool) startRun(j + 1);
      console.error(
        `\r${label}: ${result.status} (${result.hypothesesMet}/${result.instances} met, ${result.elapsedMs} ms)`,
      );
      const plots: ShardEntry["plots"] = [];
      for (const p of claim.plots?.(records, result.aggregate ?? undefined) ?? []) {
        const file = join(plotDir, `${claim.id}-${p.name}.svg`);
        const svg = await renderSvg({ title: p.title, ...p.spec });
        if (!shard) await writeTextAtomic(file, svg);
        plots.push({ title: p.title, file: relative(dirname(out), file), svg });
      }
      const entry: ReportEntry = { claim, result, plots: plots.map(({ title, file }) => ({ title, file })) };
      if (budget === "report") {
        entry.scenarios = [];
        for (const sc of claim.scenarios ?? []) {
          entry.scenarios.push(await runScenario(claim, sc, { seed, instances: 12, searchRuns: 24 }));
        }
        const evaluations = claim.searchBudget?.evaluations ?? DEFAULT_SEARCH_EVALUATIONS;
        if (claim.kind === "exact" && evaluations > 0) {
          entry.search = await searchTightness(claim, { seed, evaluations });
        }
      }
      entries.push(entry);
      if (values.html !== undefined) {
        siteEntries.push({ claim, result, plots: plots.map(({ title, svg }) => ({ title, svg })) });
      }
      const { claim: _, plots: __, ...rest } = entry;
      shardEntries.push({ id: claim.id, entry: rest, plots });
    }
  } finally {
    pool?.close();
  }
  if (shard) {
    await writeTextAtomic(
      values.json!,
      encodeShard({
        format: "gd-check report shard",
        seed,
        budget,
        shard,
        selection: selected.map((c) => c.id),
        entries: shardEntries,
      }),
    );
    console.error(`wrote shard ${shard.index}/${shard.of} to ${values.json}`);
    return;
  }
  await writeReport(entries, { seed, budget, out, json: values.json });
  if (values.html !== undefined) {
    const files = await writeSite(siteEntries, { seed, budget, dir: values.html });
    console.error(`wrote ${files.length} files of the static site to ${values.html}`);
  }
}

/**
 * Writes REPORT.md (at `out`), `report/verdicts.json` beside it and, when `json` is given, the
 * results as JSON: what a run and a merge of shards both end with.
 *
 * @example
 * ```ts ignore
 * import { writeReport } from "./report.ts";
 * await writeReport([], { seed: 1, budget: "test", out: "/tmp/R.md" });
 * ```
 */
export async function writeReport(
  entries: ReportEntry[],
  run: { seed: number; budget: "test" | "report"; out: string; json?: string },
): Promise<void> {
  const { seed, budget, out } = run;
  const plotDir = join(dirname(out), "report");
  const falseAlarm = {
    declared: declaredFalseAlarm(entries.map((e) => e.claim)),
    level: SUITE_FALSE_ALARM,
    holm: holmOverResults(entries.map((e) => e.result)),
  };
  await writeTextAtomic(out, renderMarkdown(entries, { seed, budget, falseAlarm }));
  const verdicts = Object.fromEntries(entries.map((e) => [e.result.id, e.result.status]));
  await writeTextAtomic(join(plotDir, "verdicts.json"), JSON.stringify({ seed, budget, verdicts }, null, 2) + "\n");
  console.error(`wrote ${out}`);
  if (run.json !== undefined) {
    await writeTextAtomic(
      run.json,
      renderJson(
        entries.map((e) => e.search === undefined ? e.result : { ...e.result, search: e.search }),
        { seed, budget },
      ),
    );
    console.error(`wrote ${run.json}`);
  }
}

if (import.meta.main) await runMain(() => main(Deno.args));
