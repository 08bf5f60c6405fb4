/**
 * Mutation tests that only a whole run can decide (testing/mutants.ts): every mutant's run starts at
 * once on the suite's shared pool of workers (testing/pool.ts), longest first, so both cores work; one
 * step per mutant (named like the test it replaces) awaits its run and asserts the verdict. The records
 * are those of a single-threaded run (engine/parallel_run.ts), so the verdicts are too.
 */
import assert from "node:assert/strict";
import type { Claim } from "../engine/claim.ts";
import { importClaim } from "../engine/registry.ts";
import { type ClaimResult, runClaim } from "../engine/run.ts";
import type { InstanceRecord } from "../engine/claim.ts";
import type * as mutants from "./mutants.ts";
import { pool } from "./pool.ts";

const MUTANTS = new URL("./mutants.ts", import.meta.url);

interface Run {
  claim: Claim;
  result: ClaimResult;
  records: InstanceRecord[];
}

/** The run is falsified. */
const falsified = ({ result }: Run) => assert.equal(result.status, "falsified", result.reason);
/** The run is falsified and its aggregate test rejects at its level. */
const aggregateRejects = (run: Run) => {
  falsified(run);
  const a = run.result.aggregate!;
  assert.ok(a.pValue! <= a.alpha!, a.summary);
};

/** In queue order: the longest runs first (the one-instance yang claims, then the chizat ones). */
const cases: [name: string, mutant: keyof typeof mutants, check: (run: Run) => void][] = [
  [
    "chizat-mean-field catches a scaling without an m-independent limit (NTK: f = Σφ/√m, dw/dt = −∇F)",
    "chizatMeanFieldNtkScaling",
    falsified,
  ],
  [
    "chizat-global-convergence catches a wrong gradient (ReLU with the derivative 1[z < 0])",
    "chizatGlobalConvergenceWrongDerivative",
    aggregateRejects,
  ],
  [
    "chizat-implicit-bias catches a wrong reference direction (the centroid classifier Σyᵢxᵢ)",
    "chizatImplicitBiasCentroid",
    aggregateRejects, // the binomial test on the limit and the 1/log t law rejects on its own
  ],
  [
    "chizat-random-features catches a wrong limiting kernel (arc-cosine without the bias coordinate)",
    "chizatRandomFeaturesNoBias",
    falsified,
  ],
];

Deno.test("mutants caught only by a whole run, all at once on the shared pool", async (t) => {
  // Every run is queued before the first step awaits; each promise settles to a value, so a rejection is
  // never unhandled while an earlier step is still waiting.
  const runs = cases.map(async ([, mutant]) => {
    try {
      const claim = await importClaim(MUTANTS, mutant);
      const { result, records } = await runClaim(claim, { seed: 1, budget: "test", mapInstances: pool.mapInstances });
      return { run: { claim, result, records }, error: null };
    } catch (error) {
      return { run: null, error };
    }
  });
  for (const [k, [name, , check]] of cases.entries()) {
    await t.step(name, async () => {
      const { run, error } = await runs[k];
      if (error !== null) throw error;
      check(run!);
    });
  }
  await Promise.all(runs);
});

Deno.test("every export of testing/mutants.ts is run", async () => {
  const exported = Object.keys(await import(MUTANTS.href)).sort();
  assert.deepEqual(cases.map(([, m]) => m).sort(), exported);
});
