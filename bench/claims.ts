/**
 * `deno task bench:claims [--budget test|report] [--seed N] [--workers W]`: runs every catalog claim
 * single-threaded, then on a pool of W workers (default 2, `engine/parallel_run.ts`), checks that the
 * records and verdicts are identical (up to wall-clock `*Ms` fields), and prints one JSON line per claim `{"id", "status",
 * "serial_ms", "parallel_ms"}` and a total line. Exits 1 if any record differs.
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
  let serialTotal = 0, parallelTotal = 0, mismatches = 0;
  const start = performance.now();
  const pool = new InstancePool({ workers });
  const startup = performance.now() - start;
  try {
    for (const claim of claims) {
      let t = performance.now();
      const serial = await runClaim(claim, { seed, budget });
      const serialMs = performance.now() - t;
      t = performance.now();
      const par = await runClaim(claim, { seed, budget, mapInstances: pool.mapInstances });
      const parallelMs = performance.now() - t;
      // Identical up to wall-clock fields (`*Ms`), which differ between any two runs.
      const same = isDeepStrictEqual(withoutTimings(par.records), withoutTimings(serial.records)) &&
        isDeepStrictEqual(withoutTimings(par.result), withoutTimings(serial.result));
      if (!same) mismatches++;
      serialTotal += serialMs;
      parallelTotal += parallelMs;
      console.log(JSON.stringify({
        id: claim.id,
        status: serial.result.status,
        identical: same,
        serial_ms: Math.round(serialMs),
        parallel_ms: Math.round(parallelMs),
      }));
    }
  } finally {
    pool.close();
  }
  console.log(JSON.stringify({
    total: true,
    budget,
    workers,
    serial_ms: Math.round(serialTotal),
    parallel_ms: Math.round(parallelTotal),
    pool_start_ms: Math.round(startup),
    mismatches,
  }));
  return mismatches ? 1 : 0;
}

if (import.meta.main) await runBenchMain(main);
