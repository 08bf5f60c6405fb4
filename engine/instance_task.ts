/**
 * Task module for `engine/parallel_run.ts`: runs one instance of a catalog claim in a worker, exactly
 * as `runInstance` does in the main thread.
 *
 * @module
 */
import type { BudgetName, InstanceRecord } from "./claim.ts";
import { runInstance } from "./run.ts";
import { claimById } from "../theorems/catalog.ts";

/** Which instance to run. */
export interface InstanceTaskInput {
  /** Catalog claim id. */
  id: string;
  /** Master seed. */
  seed: number;
  /** Instance index. */
  index: number;
  /** Budget. */
  budget: BudgetName;
  /** Instances in the run. */
  count: number;
}

/**
 * The record of instance `index` of catalog claim `id`.
 *
 * @example
 * ```ts
 * import runCatalogInstance from "./instance_task.ts";
 * const r = await runCatalogInstance({ id: "eq-10.21", seed: 1, index: 0, budget: "test", count: 1 });
 * console.assert(r.index === 0);
 * ```
 */
export default function runCatalogInstance(input: InstanceTaskInput): Promise<InstanceRecord> {
  const claim = claimById(input.id);
  if (!claim) throw new RangeError(`no claim ${input.id} in the catalog`);
  return runInstance(claim, input.seed, input.index, input.budget, input.count);
}
