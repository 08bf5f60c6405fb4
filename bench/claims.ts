/**
 * `deno task bench:claims [--budget test|report] [--seed N] [--workers W] [--only id,id] [--serial-only]`: runs
 * every catalog claim (or those of `--only`) single-threaded, then on a pool of W workers (default 2,
 * `engine/parallel_run.ts`), checks that the records and verdicts are identical (up to wall-clock `*Ms` fields), and
 * prints one JSON line per claim `{"id", "status", "serial_ms", "parallel_ms"}` and a total line, then the claims
 * sorted by serial time (slowest first). `--serial-only` skips the pool run (a claim's CPU time, half the cost).
 * Exits 1 if any record differs.
 *
 * @module
 */
import { InstancePool, withoutTimings } from "../engine/parallel_run.ts";
import { runClaim } from "../engine/run.ts";
import type { BudgetName } from "../engine/claim.ts";
import { claims } from "../theorems/catalog.ts";
import { isDeepStrictEqual } from "node:util";
import { runBenchMain } from "./_main.ts";

function flag(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

async function main(args: string[]): Promise<number> {
  const budget = flag(args, "--budget", "report") as BudgetName;
  const seed = Number(flag(args, "--seed", "1")), workers = Number(flag(args, "--workers", "2"));
  if (budget !== "test" && budget !== "report") throw new RangeError(`--budget must be test or report`);
  if (!Number.isInteger(seed) || !(Number.isInteger(workers) && workers > 0)) throw new RangeError("bad number");
  const only = args.includes("--only") ? flag(args, "--only", "").split(",") : null;
  const serialOnly = args.includes("--serial-only");
  const unknown = only?.filter((id) => !claims.some((c) => c.id === id)) ?? [];
  if (unknown.length) throw new RangeError(`unknown claim id ${unknown.join(", ")}`);
  const selected = only ? claims.filter((c) => only.includes(c.id)) : claims;
  const times: { id: string; serial_ms: number }[] = [];
  let serialTotal = 0, parallelTotal = 0, mismatches = 0;
  const start = performance.now();
  const pool = serialOnly ? null : new InstancePool({ workers });
  const startup = performance.now() - start;
  try {
    for (const claim of selected) {
      let t = performance.now();
      const serial = await runClaim(claim, { seed, budget });
      const serialMs = performance.now() - t;
      let parallelMs = NaN, same = true;
      if (pool) {
        t = performance.now();
        const par = await runClaim(claim, { seed, budget, mapInstances: pool.mapInstances });
        parallelMs = performance.now() - t;
        // Identical up to wall-clock fields (`*Ms`), which differ between any two runs.
        same = isDeepStrictEqual(withoutTimings(par.records), withoutTimings(serial.records)) &&
          isDeepStrictEqual(withoutTimings(par.result), withoutTimings(serial.result));
      }
      times.push({ id: claim.id, serial_ms: Math.round(serialMs) });
      if (!same) mismatches++;
      serialTotal += serialMs;
      parallelTotal += parallelMs;
      console.log(JSON.stringify({
        id: claim.id,
        status: serial.result.status,
        identical: same,
        serial_ms: Math.round(serialMs),
        parallel_ms: pool ? Math.round(parallelMs) : null,
      }));
    }
  } finally {
    pool?.close();
  }
  console.log(JSON.stringify({
    total: true,
    budget,
    workers,
    serial_ms: Math.round(serialTotal),
    parallel_ms: pool ? Math.round(parallelTotal) : null,
    pool_start_ms: Math.round(startup),
    mismatches,
  }));
  times.sort((a, b) => b.serial_ms - a.serial_ms);
  for (const [rank, t] of times.entries()) console.log(JSON.stringify({ rank: rank + 1, ...t }));
  return mismatches ? 1 : 0;
}

if (import.meta.main) await runBenchMain(main);
