/**
 * The test suite's one pool of instance workers (one per core), shared by every test that runs claims on
 * workers, so the workers start and load the claim modules once; closed when the process unloads.
 *
 * @module
 */
import { InstancePool } from "../engine/parallel_run.ts";

/**
 * The shared pool; pass `pool.mapInstances` as `RunOptions.mapInstances`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pool } from "./pool.ts";
 * import { runClaim } from "../engine/run.ts";
 * import { claimById } from "../theorems/catalog.ts";
 * const { result } = await runClaim(claimById("lemma-10.2")!, { seed: 1, budget: "test", mapInstances: pool.mapInstances });
 * assert.equal(result.status, "verified");
 * ```
 */
export const pool: InstancePool = new InstancePool();
globalThis.addEventListener("unload", () => pool.close());

/** Work started when a test module is imported; `await` it in the test through {@link settled}. */
export type Started<T> = Promise<{ value: T; error: null } | { value: null; error: unknown }>;

/**
 * Starts `work` now (so its instances queue on the shared pool while this thread runs other tests) and keeps its
 * error for {@link settled} instead of rejecting, so a failure is not unhandled before its test awaits it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { settled, startOnPool } from "./pool.ts";
 * assert.equal(await settled(startOnPool(() => Promise.resolve(2))), 2);
 * await assert.rejects(settled(startOnPool(() => Promise.reject(new Error("x")))), /x/);
 * ```
 */
export function startOnPool<T>(work: () => Promise<T>): Started<T> {
  return work().then((value) => ({ value, error: null }), (error) => ({ value: null, error }));
}

/** The value of work started by {@link startOnPool}; rejects with its error if it failed. */
export async function settled<T>(started: Started<T>): Promise<T> {
  const { value, error } = await started;
  if (error !== null) throw error;
  return value as T;
}
