/**
 * Task module for `engine/parallel_run.ts`: runs a batch of consecutive instances of a claim in a worker
 * (rebuilt from its module export as `importClaim` or `importClaims` built it), each exactly as `runInstance` does in the main
 * thread, and checks that none leaves a tfjs tensor behind.
 *
 * @module
 */
import * as tf from "npm:@tensorflow/tfjs@4.22.0";
import type { BudgetName, Claim, InstanceRecord } from "./claim.ts";
import { type InstanceOptions, runInstance } from "./run.ts";
import { claimFromSource, type ClaimSource } from "./registry.ts";

// The CPU backend, chosen before anything asks for one (tfjs would otherwise probe WebGL, loudly, and fail).
await tf.setBackend("cpu");

/** Which instance to run. */
export interface InstanceTaskInput {
  /** Where to rebuild the claim from. */
  source: ClaimSource;
  /** Master seed. */
  seed: number;
  /** Instance index (the batch's first). */
  index: number;
  /** Instances in the batch, index..index + batch − 1 (default 1): one message for many cheap instances. */
  batch?: number;
  /** Budget. */
  budget: BudgetName;
  /** Instances in the run. */
  count: number;
  /** Parameter values for every instance (a scenario's), as `runInstance`'s option. */
  params?: Readonly<Record<string, number>>;
  /** Check the conclusion even where a hypothesis fails (explorations), as `runInstance`'s option. */
  ignoreHypotheses?: boolean;
}

/** Claims rebuilt from module exports in this worker, by `module#name` or `module#name[index]` (each built once). */
const rebuilt = new Map<string, Promise<Claim>>();

/**
 * The records of instances `index`, …, `index + batch − 1` of the claim rebuilt from `source`, in order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import runInstanceTask from "./instance_task.ts";
 * const module = new URL("./_toy_claims.ts", import.meta.url).href;
 * const source = { module, name: "squareNonNegative" };
 * const [r] = await runInstanceTask({ source, seed: 1, index: 0, budget: "test", count: 3 });
 * assert.equal(r.index, 0);
 * const batch = await runInstanceTask({ source, seed: 1, index: 1, batch: 2, budget: "test", count: 3 });
 * assert.deepEqual(batch.map((b) => b.index), [1, 2]);
 * ```
 */
export default async function runInstanceTask(input: InstanceTaskInput): Promise<InstanceRecord[]> {
  const { module, name, index: position } = input.source;
  const key = `${module}#${name}${position === undefined ? "" : `[${position}]`}`;
  if (!rebuilt.has(key)) rebuilt.set(key, claimFromSource(input.source));
  const claim = await rebuilt.get(key)!;
  const records: InstanceRecord[] = [];
  for (let index = input.index; index < input.index + (input.batch ?? 1); index++) {
    records.push(
      await runInstanceWithoutLeaks(claim, input.seed, index, input.budget, input.count, {
        params: input.params,
        ignoreHypotheses: input.ignoreHypotheses,
      }),
    );
  }
  return records;
}

/**
 * `runInstance`, then a check that the instance left no tfjs tensor behind (over a long run in a worker,
 * leaked tensors would exhaust memory): rejects if it did.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runInstanceWithoutLeaks } from "./instance_task.ts";
 * import { squareNonNegative } from "./_toy_claims.ts";
 * const r = await runInstanceWithoutLeaks(squareNonNegative(), 1, 0, "test", 1);
 * assert.equal(r.index, 0);
 * ```
 */
export async function runInstanceWithoutLeaks(
  claim: Claim,
  seed: number,
  index: number,
  budget: BudgetName,
  count: number,
  options: InstanceOptions = {},
): Promise<InstanceRecord> {
  const tensorsBefore = tf.memory().numTensors;
  const record = await runInstance(claim, seed, index, budget, count, options);
  const leaked = tf.memory().numTensors - tensorsBefore;
  if (leaked !== 0) throw new Error(`${claim.id} instance ${index}: leaked ${leaked} tfjs tensors`);
  return record;
}
