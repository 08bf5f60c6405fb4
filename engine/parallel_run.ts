/**
 * Runs the instances of a claim on a pool of workers (numerics/parallel.ts). Each worker rebuilds the
 * claim from the catalog and runs `runInstance(claim, seed, index, budget, count)`, which depends on
 * nothing but its arguments, so the records (and hence the verdict and report) are identical to a
 * single-threaded run for the same seed. Claims that are not the catalog's own objects (e.g. a claim
 * built around a deliberately wrong formula in a test) cannot be rebuilt in a worker and run in this
 * thread instead.
 *
 * @module
 */
import type { BudgetName, Claim, InstanceRecord } from "./claim.ts";
import { type InstanceMapper, runInstance } from "./run.ts";
import type { InstanceTaskInput } from "./instance_task.ts";
import { claimById } from "../theorems/catalog.ts";
import { type PoolOptions, WorkerPool } from "../numerics/parallel.ts";

const TASK = new URL("./instance_task.ts", import.meta.url);

/**
 * A worker pool for claim instances; pass `pool.mapInstances` as `RunOptions.mapInstances`.
 *
 * @example
 * ```ts
 * import { InstancePool } from "./parallel_run.ts";
 * import { runClaim } from "./run.ts";
 * import { claimById } from "../theorems/catalog.ts";
 * const pool = new InstancePool({ workers: 2 });
 * try {
 *   const { result } = await runClaim(claimById("eq-10.21")!, { seed: 1, budget: "test", mapInstances: pool.mapInstances });
 *   console.assert(result.status === "verified");
 * } finally {
 *   pool.close();
 * }
 * ```
 */
export class InstancePool {
  #pool: WorkerPool<InstanceTaskInput, InstanceRecord>;

  /** Starts the workers (default: one per core). */
  constructor(options: PoolOptions = {}) {
    this.#pool = new WorkerPool(TASK, options);
  }

  /** Records of instances 0..count-1, in order; catalog claims on the workers, others in this thread. */
  mapInstances: InstanceMapper = async (
    claim: Claim,
    seed: number,
    budget: BudgetName,
    count: number,
    onProgress?: (done: number, total: number) => void,
  ): Promise<InstanceRecord[]> => {
    if (claimById(claim.id) !== claim || count <= 1) {
      const records: InstanceRecord[] = [];
      for (let index = 0; index < count; index++) {
        records.push(await runInstance(claim, seed, index, budget, count));
        onProgress?.(index + 1, count);
      }
      return records;
    }
    const inputs = Array.from({ length: count }, (_, index) => ({ id: claim.id, seed, index, budget, count }));
    return await this.#pool.map(inputs, onProgress);
  };

  /** Terminates the workers. */
  close(): void {
    this.#pool.close();
  }
}

/**
 * A copy of a value without the fields whose names end in `Ms` (wall-clock timings, which the project
 * keeps out of reproducibility comparisons), for comparing runs.
 *
 * @example
 * ```ts
 * import { withoutTimings } from "./parallel_run.ts";
 * console.assert(JSON.stringify(withoutTimings({ a: 1, bbMs: 3, b: [{ tMs: 1, c: 2 }] })) === '{"a":1,"b":[{"c":2}]}');
 * ```
 */
export function withoutTimings<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutTimings) as T;
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!k.endsWith("Ms")) out[k] = withoutTimings(v);
  return out as T;
}
