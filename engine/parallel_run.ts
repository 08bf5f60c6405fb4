/**
 * Runs the instances of a claim on a pool of workers (numerics/parallel.ts). A claim built by
 * `importClaim` (every registry's claims are) or taken from a claims module by `importClaims` runs on the workers: each rebuilds it from the same module
 * export and runs `runInstance(claim, seed, index, budget, count)` on batches of consecutive indices, which depends on nothing but its
 * arguments, so the records (and hence the verdict and report) are identical to a single-threaded run
 * for the same seed. Any other claim runs in this thread instead.
 *
 * @module
 */
import type { BudgetName, Claim, InstanceRecord } from "./claim.ts";
import { type InstanceMapper, type InstanceOptions, runInstance } from "./run.ts";
import type { InstanceTaskInput } from "./instance_task.ts";
import { sourceOf } from "./registry.ts";
import { type PoolOptions, WorkerPool } from "../numerics/parallel.ts";

const TASK = new URL("./instance_task.ts", import.meta.url);

/**
 * A worker pool for claim instances; pass `pool.mapInstances` as `RunOptions.mapInstances`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { InstancePool } from "./parallel_run.ts";
 * import { importClaim } from "./registry.ts";
 * import { runClaim } from "./run.ts";
 * const claim = await importClaim(new URL("./_toy_claims.ts", import.meta.url), "squareNonNegative");
 * const pool = new InstancePool({ workers: 2 });
 * try {
 *   const { result } = await runClaim(claim, { seed: 1, budget: "test", mapInstances: pool.mapInstances });
 *   assert.equal(result.status, "verified");
 * } finally {
 *   pool.close();
 * }
 * ```
 */
export class InstancePool {
  #pool: WorkerPool<InstanceTaskInput, InstanceRecord[]>;

  /** Starts the workers (default: one per core). */
  constructor(options: PoolOptions = {}) {
    this.#pool = new WorkerPool(TASK, options);
  }

  /**
   * Records of instances 0..count-1, in order: claims from `importClaim` on the workers (even a single
   * instance: this thread stays free to feed the workers and run aggregates), others here.
   */
  mapInstances: InstanceMapper = async (
    claim: Claim,
    seed: number,
    budget: BudgetName,
    count: number,
    onProgress?: (done: number, total: number) => void,
    options: InstanceOptions = {},
  ): Promise<InstanceRecord[]> => {
    const source = sourceOf(claim);
    if (!source) {
      const records: InstanceRecord[] = [];
      for (let index = 0; index < count; index++) {
        records.push(await runInstance(claim, seed, index, budget, count, options));
        onProgress?.(index + 1, count);
      }
      return records;
    }
    // Consecutive instances in batches, about 32 per worker, so that thousands of cheap instances do not each
    // cost a message both ways; a batch runs its instances in order, so the records are the same.
    const batch = Math.max(1, Math.floor(count / (32 * this.#pool.size)));
    const inputs: InstanceTaskInput[] = [];
    for (let index = 0; index < count; index += batch) {
      inputs.push({ source, seed, index, batch: Math.min(batch, count - index), budget, count, ...options });
    }
    const progress = onProgress &&
      ((done: number, total: number) => onProgress(done === total ? count : Math.min(count, done * batch), count));
    return (await this.#pool.map(inputs, progress, sameInstances(claim.id))).flat();
  };

  /**
   * The records of the instances `indices` (of a run of `count`), each its own task, so that a few long instances
   * run side by side; a claim not from `importClaim` runs in this thread. What a test that needs only some
   * instances (with a scenario's parameters, say) uses to keep this thread free.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { InstancePool } from "./parallel_run.ts";
   * import { importClaim } from "./registry.ts";
   * import { runInstance } from "./run.ts";
   * const claim = await importClaim(new URL("./_toy_claims.ts", import.meta.url), "squareNonNegative");
   * const pool = new InstancePool({ workers: 2 });
   * try {
   *   const [a, b] = await pool.runInstances(claim, 1, "test", 5, [3, 1], { ignoreHypotheses: true });
   *   assert.deepEqual([a.index, b.index], [3, 1]);
   *   assert.deepEqual(b, await runInstance(claim, 1, 1, "test", 5, { ignoreHypotheses: true }));
   * } finally {
   *   pool.close();
   * }
   * ```
   */
  async runInstances(
    claim: Claim,
    seed: number,
    budget: BudgetName,
    count: number,
    indices: readonly number[],
    options: InstanceOptions = {},
  ): Promise<InstanceRecord[]> {
    const source = sourceOf(claim);
    if (!source) {
      return await Promise.all(indices.map((index) => runInstance(claim, seed, index, budget, count, options)));
    }
    const inputs = indices.map((index): InstanceTaskInput => ({ source, seed, index, budget, count, ...options }));
    return (await this.#pool.map(inputs, undefined, sameInstances(claim.id))).flat();
  }

  /** Terminates the workers. */
  close(): void {
    this.#pool.close();
  }
}

/**
 * The worker affinity of an instance task: the same claim id, master seed, budget, run size and instances go to the
 * same worker, so a mutant's or a scenario's run of a claim's instances finds what the claim's own run kept by
 * content there (a mutant shares its claim's id); the records never depend on the worker.
 */
function sameInstances(id: string): (input: InstanceTaskInput) => string {
  return (input) => `${id}|${input.seed}|${input.budget}|${input.count}|${input.index}|${input.batch ?? 1}`;
}

/**
 * A copy of a value without the fields whose names end in `Ms` (wall-clock timings, which the project
 * keeps out of reproducibility comparisons), for comparing runs.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withoutTimings } from "./parallel_run.ts";
 * assert.equal(JSON.stringify(withoutTimings({ a: 1, bbMs: 3, b: [{ tMs: 1, c: 2 }] })), '{"a":1,"b":[{"c":2}]}');
 * ```
 */
export function withoutTimings<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutTimings) as T;
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!k.endsWith("Ms")) out[k] = withoutTimings(v);
  return out as T;
}
