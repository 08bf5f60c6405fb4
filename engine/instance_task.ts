/**
 * Task module for `engine/parallel_run.ts`: runs one instance of a claim in a worker (a catalog claim,
 * or one rebuilt from a module export as `importClaim` built it), exactly as `runInstance` does in the
 * main thread, and checks that it leaves no tfjs tensor behind.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { BudgetName, Claim, InstanceRecord } from "./claim.ts";
import { runInstance } from "./run.ts";
import { claimById } from "../theorems/catalog.ts";
import { importClaim } from "./parallel_run.ts";

// The CPU backend, chosen before anything asks for one (tfjs would otherwise probe WebGL, loudly, and fail).
await tf.setBackend("cpu");

/** A module export rebuilding a claim: `(await import(module))[name]()`. */
export interface ClaimSource {
  /** Absolute URL of the module. */
  module: string;
  /** Name of its export, a function of no arguments returning the claim. */
  name: string;
}

/** Which instance to run. */
export interface InstanceTaskInput {
  /** Catalog claim id (if no `source`). */
  id?: string;
  /** Where to rebuild the claim from (instead of the catalog). */
  source?: ClaimSource;
  /** Master seed. */
  seed: number;
  /** Instance index. */
  index: number;
  /** Budget. */
  budget: BudgetName;
  /** Instances in the run. */
  count: number;
}

/** Claims rebuilt from module exports in this worker, by `module#name` (built once, like the catalog's). */
const rebuilt = new Map<string, Promise<Claim>>();

/**
 * The record of instance `index` of catalog claim `id`, or of the claim rebuilt from `source`.
 *
 * @example
 * ```ts
 * import runCatalogInstance from "./instance_task.ts";
 * const r = await runCatalogInstance({ id: "eq-10.21", seed: 1, index: 0, budget: "test", count: 1 });
 * console.assert(r.index === 0);
 * const module = new URL("../theorems/ch10_linear.ts", import.meta.url).href;
 * const s = await runCatalogInstance({ source: { module, name: "sec101" }, seed: 1, index: 0, budget: "test", count: 1 });
 * console.assert(s.index === 0);
 * ```
 */
export default async function runCatalogInstance(input: InstanceTaskInput): Promise<InstanceRecord> {
  let claim: Claim | undefined;
  if (input.source) {
    const key = `${input.source.module}#${input.source.name}`;
    if (!rebuilt.has(key)) rebuilt.set(key, importClaim(input.source.module, input.source.name));
    claim = await rebuilt.get(key)!;
  } else {
    claim = claimById(input.id ?? "");
    if (!claim) throw new RangeError(`no claim ${input.id} in the catalog`);
  }
  return await runInstanceWithoutLeaks(claim, input.seed, input.index, input.budget, input.count);
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
