/**
 * Task module for `engine/parallel_run.ts`: runs one instance of a catalog claim in a worker, exactly
 * as `runInstance` does in the main thread, and checks that it leaves no tfjs tensor behind.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
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
export default async function runCatalogInstance(input: InstanceTaskInput): Promise<InstanceRecord> {
  const claim = claimById(input.id);
  if (!claim) throw new RangeError(`no claim ${input.id} in the catalog`);
  const tensorsBefore = tf.memory().numTensors;
  const record = await runInstance(claim, input.seed, input.index, input.budget, input.count);
  // A claim must not leak tfjs tensors: over a long run in a worker they would exhaust memory.
  const leaked = tf.memory().numTensors - tensorsBefore;
  if (leaked !== 0) throw new Error(`${input.id} instance ${input.index}: leaked ${leaked} tfjs tensors`);
  return record;
}
