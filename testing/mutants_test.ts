/**
 * Mutation tests that only a whole run can decide (testing/mutants.ts): every mutant's run starts at
 * once on the suite's shared pool of workers (testing/pool.ts), longest first, so both cores work; one
 * step per mutant (named like the test it replaces) awaits its run and asserts the verdict. The records
 * are those of a single-threaded run (engine/parallel_run.ts), so the verdicts are too.
 */
import assert from "node:assert/strict";
import type { Claim } from "../engine/claim.ts";
import { catches } from "../engine/mutation.ts";
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

/** An instance alone catches the mutant (what `firstCaughtInstance` looks for). */
const instanceCaught = ({ claim, records }: Run) =>
  assert.ok(records.some((r) => catches(claim, r)), `${claim.id}: no instance caught the mutant`);
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
    "yang-linear-rate catches a rate claimed 4 times faster, exp(−4Nλ_S t/n)",
    "yangLinearRateFourTimesFaster",
    instanceCaught,
  ],
  ["yang-movement catches a radius q 100 times too small", "yangMovementRadiusHundredfoldSmall", instanceCaught],
  ["prop-11.26 catches a linearised model built on 1.05·∇Φ(·, w₀)", "prop1126PerturbedJacobian", falsified],
  [
    "prop-11.25 catches a linearised model built on 1.05·∇Φ(X, w₀) (the kernel gap stops decaying)",
    "prop1125PerturbedJacobian",
    falsified,
  ],
  ["thm-11.16 catches a limit kernel 10% off", "thm1116TenPercentOff", falsified],
  ["thm-11.30 catches K^NTK without its σ′ term (the LeCun limit)", "thm1130WithoutDerivativeTerm", falsified],
  ["lemma-11.19 catches a band built from 3·K^LC", "lemma1119ThreefoldKernel", falsified],
  ["eos-10.3 catches a wrong Hessian-vector product (half the true one)", "eos103HalfHessian", aggregateRejects],
  [
    "prop-11.28 catches a covariance 15% too large, by its covariance tests as well as its KS tests",
    "prop1128CovarianceTooLarge",
    (run) => {
      falsified(run);
      assert.match(run.result.aggregate?.summary ?? "", /Covariance: not all .*Catoni p ≤ .*Gaussianity .*: rejected/);
    },
  ],
  ["yang-tstar catches a claimed movement O(N^-2)", "yangTstarExponentTwo", falsified],
  [
    "fig-11.3: 3 GD steps instead of 1000 lower the loss but do not collapse the variance at the data",
    "fig113ThreeSteps",
    (run) => {
      assert.equal(run.result.conclusionFailures, run.result.instances); // the printed h = 1/n still diverges
      assert.equal(run.result.correctedFailures, 0); // the loss does go down
      aggregateRejects(run);
    },
  ],
  [
    "eq-10.21's order test catches a second-order method (Heun) posing as GD: the gap is O(η²)",
    "eq1021Heun",
    aggregateRejects,
  ],
  [
    "eq-10.28 catches GD on the linearised model (Df frozen at w₀): the gap to the flow stops being O(η)",
    "eq1028LinearisedGd",
    aggregateRejects,
  ],
  ["eq-10.47 catches a bound exponent of −3/2 (κ ≲ d_hid^{-3/2})", "eq1047ExponentThreeHalves", falsified],
  ["lemma-11.22 catches R₀ = mCδ", "lemma1122RadiusMCDelta", falsified],
  ["lemma-11.20 catches a failure bound 100 times too small", "lemma1120HundredfoldSmallBound", falsified],
  ["yang-gram catches a limit kernel off by a factor 1.2 (the error stops decaying)", "yangGramKernelOff", falsified],
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
