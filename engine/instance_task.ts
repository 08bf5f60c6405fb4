/**
 * Task module for `engine/parallel_run.ts`: runs one instance of a catalog claim in a worker, exactly
 * as `runInstance` does in the main thread, and checks that it leaves no tfjs tensor behind.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BudgetName, Claim, InstanceRecord } from "./claim.ts";
import { runInstance } from "./run.ts";
import { claimById } from "../theorems/catalog.ts";

// The CPU backend, chosen before anything asks for one (tfjs would otherwise probe WebGL, loudly, and fail).
await tf.setBackend("cpu");

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
  return runInstanceWithoutLeaks(claim, input.seed, input.index, input.budget, input.count);
}

/**
 * `runInstance`, then a check that the instance left no tfjs tensor behind (over a long run in a worker,
 * leaked tensors would exhaust memory): rejects if it did.
 *
 * @example
 * ```ts
 * import { runInstanceWithoutLeaks } from "./instance_task.ts";
 * import { claimById } from "../theorems/catalog.ts";
 * const r = await runInstanceWithoutLeaks(claimById("eq-10.21")!, 1, 0, "test", 1);
 * console.assert(r.index === 0);
 * ```
 */
export async function runInstanceWithoutLeaks(
  claim: Claim,
  seed: number,
  index: number,
  budget: BudgetName,
  count: number,
): Promise<InstanceRecord> {
  const tensorsBefore = tf.memory().numTensors;
  const record = await runInstance(claim, seed, index, budget, count);
  const leaked = tf.memory().numTensors - tensorsBefore;
  if (leaked !== 0) throw new Error(`${claim.id} instance ${index}: leaked ${leaked} tfjs tensors`);
  return record;
}
