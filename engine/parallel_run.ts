/**
 * Runs the instances of a claim on a pool of workers (numerics/parallel.ts). Each worker rebuilds the
 * claim from the catalog and runs `runInstance(claim, seed, index, budget, count)`, which depends on
 * nothing but its arguments, so the records (and hence the verdict and report) are identical to a
 * single-threaded run for the same seed. A claim that is not the catalog's own object (e.g. one built
 * around a deliberately wrong formula) runs on the workers too if it came from `importClaim` (each
 * worker rebuilds it from the same module export); any other claim runs in this thread instead.
 *
 * @module
 */
import type { BudgetName, Claim, InstanceRecord } from "./claim.ts";
import { type InstanceMapper, runInstance } from "./run.ts";
import type { ClaimSource, InstanceTaskInput } from "./instance_task.ts";
import { claimById } from "../theorems/catalog.ts";
import { type PoolOptions, WorkerPool } from "../numerics/parallel.ts";

const TASK = new URL("./instance_task.ts", import.meta.url);

/** Where each claim built by `importClaim` came from, so a worker can rebuild it. */
const sources = new WeakMap<Claim, ClaimSource>();

/**
 * Imports `module` (an absolute URL) and calls its export `name`, a function of no arguments returning
 * a claim; remembers where the claim came from, so `InstancePool.mapInstances` runs its instances on the
 * workers (each rebuilds it the same way) rather than in this thread. The module must be importable in
 * a worker: no `Deno.test`, no side effects beyond defining its exports.
 *
 * @example
 * ```ts
 * import { importClaim } from "./parallel_run.ts";
 * const claim = await importClaim(new URL("../theorems/ch10_linear.ts", import.meta.url), "sec101");
 * console.assert(claim.id === "sec-10.1");
 * ```
 */
export async function importClaim(module: URL | string, name: string): Promise<Claim> {
  const url = new URL(module).href; // throws on a relative specifier, which a worker would resolve elsewhere
  const make = (await import(url))[name];
  if (typeof make !== "function") throw new TypeError(`${url} has no exported function ${name}`);
  const claim = make() as Claim;
  if (typeof claim?.generate !== "function") throw new TypeError(`${url}#${name}() did not return a claim`);
  sources.set(claim, { module: url, name });
  return claim;
}

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

  /**
   * Records of instances 0..count-1, in order: catalog claims and claims from `importClaim` on the workers
   * (even a single instance: this thread stays free to feed the workers and run aggregates), others here.
   */
  mapInstances: InstanceMapper = async (
    claim: Claim,
    seed: number,
    budget: BudgetName,
    count: number,
    onProgress?: (done: number, total: number) => void,
  ): Promise<InstanceRecord[]> => {
    const source = sources.get(claim);
    const catalog = claimById(claim.id) === claim;
    if (!source && !catalog) {
      const records: InstanceRecord[] = [];
      for (let index = 0; index < count; index++) {
        records.push(await runInstance(claim, seed, index, budget, count));
        onProgress?.(index + 1, count);
      }
      return records;
    }
    const inputs: InstanceTaskInput[] = Array.from(
      { length: count },
      (_, index) => source ? { source, seed, index, budget, count } : { id: claim.id, seed, index, budget, count },
    );
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
