/**
 * The catalog's runs at the test budget, queued on the suite's shared pool when this module is imported:
 * `all_test.ts` imports it first, so the workers start on the catalog while this thread runs the tests that
 * need no worker (the command line, the numerics, the poisoned draws), and the catalog test, registered last,
 * finds most runs done. Each claim's own tests await the same run (`startWholeRun` memoises it).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { ClaimResult } from "../engine/run.ts";
import { claims } from "../theorems/catalog.ts";
import { catalogRun } from "./whole_run.ts";

// The CPU backend, chosen before anything asks for one (tfjs would otherwise probe WebGL, loudly, and fail).
await tf.setBackend("cpu");

/** The master seed of the suite's runs: `CLAIM_SEED` (default 1). */
export function catalogSeed(): number {
  const raw = Deno.env.get("CLAIM_SEED") ?? "1";
  const seed = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(seed)) {
    throw new Error(`CLAIM_SEED must be an integer ≥ 0, got "${raw}"`);
  }
  return seed;
}

const tensorsBefore = tf.memory().numTensors;
const seed = catalogSeed();
// Queued in catalog order, about the order in which the claims' own tests (ch10, ch11, …) await them; the
// mutants' whole runs, queued as their test modules are imported, follow, so the lectures' few long flows at the
// catalog's end do not leave a worker idle.
/** Each claim's run (in catalog order): its result, or the error it failed with. */
export const catalogRuns: Promise<{ result: ClaimResult | null; error: unknown }>[] = claims.map((claim) =>
  catalogRun(claim, seed).then(({ run, error }) => ({ result: run?.result ?? null, error }))
);

/**
 * tfjs tensors left in this thread when every catalog run has settled, over those before they were queued (the
 * claims' aggregates run here; no claim module uses tfjs, and none may leave a tensor behind).
 */
export const tensorsLeft: Promise<number> = Promise.all(catalogRuns).then(() => tf.memory().numTensors - tensorsBefore);
