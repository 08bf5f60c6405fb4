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
// Each worker holds up to 8 inputs: the tests that need only this thread now run while the workers run the catalog
// (testing/last_pass.ts), and a worker holding only 2 starved whenever one of them ran long (measured: 2 min 14 s at
// depth 2, 1 min 57 s at 8, 2 min 2 s at 32).
export const pool: InstancePool = new InstancePool({ depth: 8 });
globalThis.addEventListener("unload", () => pool.close());
