/**
 * One test per claim, named by its id: the claim must be verified, an erratum, or observed.
 * `CLAIM_SEED=<n> deno test -A` reruns everything under another master seed. The instances run on a
 * pool of workers, one per core (records identical to a single-threaded run: engine/parallel_run.ts);
 * each worker checks that no instance leaves a tfjs tensor behind, and each test checks the same of
 * the claim's aggregate in this thread.
 */
import * as tf from "@tensorflow/tfjs";
import { runClaim, suiteAccepts, suiteFailureMessage } from "../engine/run.ts";
import { InstancePool } from "../engine/parallel_run.ts";
import { claims } from "./catalog.ts";

// The CPU backend, chosen before anything asks for one (tfjs would otherwise probe WebGL, loudly, and fail).
await tf.setBackend("cpu");

// One pool for the whole file: starting workers per test would cost more than it saves.
const pool = new InstancePool();
globalThis.addEventListener("unload", () => pool.close());

const raw = Deno.env.get("CLAIM_SEED") ?? "1";
const seed = Number(raw);
if (!/^\d+$/.test(raw) || !Number.isSafeInteger(seed)) {
  throw new Error(`CLAIM_SEED must be an integer ≥ 0, got "${raw}"`);
}

for (const claim of claims) {
  Deno.test(claim.id, async () => {
    const tensorsBefore = tf.memory().numTensors;
    const { result } = await runClaim(claim, { seed, budget: "test", mapInstances: pool.mapInstances });
    const leaked = tf.memory().numTensors - tensorsBefore;
    if (leaked !== 0) throw new Error(`${claim.id}: leaked ${leaked} tfjs tensors`);
    if (!suiteAccepts(result, claim)) throw new Error(suiteFailureMessage(result));
  });
}
