/**
 * `deno task report [--seed N] [--only id,id] [--out PATH] [--json PATH] [--budget test|report]`:
 * runs the claims and writes REPORT.md (plots as SVG in `report/` beside it) and optionally JSON.
 *
 * @module
 */
import { dirname, join, relative } from "node:path";
import { writeTextAtomic } from "../engine/io.ts";
import { renderSvg } from "../engine/plot.ts";
import { renderJson, renderMarkdown, type ReportEntry } from "../engine/report.ts";
import { runClaim } from "../engine/run.ts";
import { runScenario, searchTightness } from "../engine/explore.ts";
import { declaredFalseAlarm, holmOverResults, SUITE_FALSE_ALARM } from "../engine/false_alarm.ts";
import { InstancePool } from "../engine/parallel_run.ts";
import { budgetFlag, claimsFlag, integerFlag, parseStrict, runMain, UsageError } from "./args.ts";

const HELP = `deno task report [flags]
  --seed N            master seed (default 1)
  --only id,id        only these claims (ids from ../shared/CLAIMS.md)
  --out PATH          markdown output (default REPORT.md); plots go to report/ beside it
  --json PATH         also write the results as JSON
  --budget B          "report" (default) or "test" (quick)
  --workers W         worker threads for the claims' instances (default: one per core; 1 = this thread only);
                      the report is byte-identical for any W (timings aside)`;

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
  const { values, positionals } = parseStrict(args, {
    seed: { type: "string" },
    only: { type: "string" },
    out: { type: "string" },
    json: { type: "string" },
    budget: { type: "string" },
    workers: { type: "string" },
    help: { type: "boolean" },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const seed = integerFlag("seed", values.seed, 1, 0);
  const budget = budgetFlag(values.budget, "report");
  const selected = claimsFlag(values.only);
  const out = values.out ?? "REPORT.md";
  if (out === "") throw new UsageError("--out must not be empty");
  const workers = integerFlag("workers", values.workers, navigator.hardwareConcurrency ?? 1, 1, 64);
  const plotDir = join(dirname(out), "report");
  const entries: ReportEntry[] = [];
  const pool = workers > 1 ? new InstancePool({ workers }) : null;
  try {
    for (const [k, claim] of selected.entries()) {
      const label = `[${k + 1}/${selected.length}] ${claim.id}`;
      const { result, records } = await runClaim(claim, {
        seed,
        budget,
        mapInstances: pool?.mapInstances,
        onProgress: (done, total) => {
          if (Deno.stderr.isTerminal() && (done === total || done % Math.max(1, Math.floor(total / 10)) === 0)) {
            Deno.stderr.writeSync(new TextEncoder().encode(`\r${label}: ${done}/${total} instances`));
          }
        },
      });
      console.error(
        `\r${label}: ${result.status} (${result.hypothesesMet}/${result.instances} met, ${result.elapsedMs} ms)`,
      );
      const plots: ReportEntry["plots"] = [];
      for (const p of claim.plots?.(records, result.aggregate ?? undefined) ?? []) {
        const file = join(plotDir, `${claim.id}-${p.name}.svg`);
        await writeTextAtomic(file, await renderSvg({ title: p.title, ...p.spec }));
        plots.push({ title: p.title, file: relative(dirname(out), file) });
      }
      const entry: ReportEntry = { claim, result, plots };
      if (budget === "report") {
        entry.scenarios = [];
        for (const sc of claim.scenarios ?? []) {
          entry.scenarios.push(await runScenario(claim, sc, { seed, instances: 12, searchRuns: 24 }));
        }
        if (claim.kind === "exact") entry.search = await searchTightness(claim, { seed, evaluations: 40 });
      }
      entries.push(entry);
    }
  } finally {
    pool?.close();
  }
  const falseAlarm = {
    declared: declaredFalseAlarm(entries.map((e) => e.claim)),
    level: SUITE_FALSE_ALARM,
    holm: holmOverResults(entries.map((e) => e.result)),
  };
  await writeTextAtomic(out, renderMarkdown(entries, { seed, budget, falseAlarm }));
  const verdicts = Object.fromEntries(entries.map((e) => [e.result.id, e.result.status]));
  await writeTextAtomic(join(plotDir, "verdicts.json"), JSON.stringify({ seed, budget, verdicts }, null, 2) + "\n");
  console.error(`wrote ${out}`);
  if (values.json !== undefined) {
    await writeTextAtomic(
      values.json,
      renderJson(
        entries.map((e) => e.search === undefined ? e.result : { ...e.result, search: e.search }),
        { seed, budget },
      ),
    );
    console.error(`wrote ${values.json}`);
  }
}

if (import.meta.main) await runMain(() => main(Deno.args));
