import assert from "node:assert/strict";
import type { Claim } from "../../engine/claim.ts";
import { runInstance } from "../../engine/run.ts";
import { falsified, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { tstarInfinite } from "./tstar_infinite.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";

const fiveQuarters = startWholeRun(
  new URL("./tstar_infinite_mutants.ts", import.meta.url),
  "yangTstarExponentFiveQuarters",
);

Deno.test("yang-tstar: a flow that slides along a ReLU kink fails the existence hypothesis, with no movement recorded", async () => {
  // Seed 756, instance 0 (N = 32): w₁₆ᵀx₀ = −4.5·10⁻⁴ at θ⁰ reaches 0 at t ≈ 0.02T and slides there.
  const claim = tstarInfinite();
  // The forced check below regenerates the same instance (same seed, index, budget: the same draws); the generator
  // (the flow that slides, ~3.7 s) runs once and both records are built from its instance.
  let instance: unknown;
  const once: Claim = { ...claim, generate: (ctx) => instance ??= claim.generate(ctx) };
  const sliding = await runInstance(once, 756, 0, "test", 24);
  assert.equal(sliding.met, false);
  assert.match(String(sliding.hypotheses[1].value), /slides along a ReLU kink from t ≈ 1\.9\de-2/);
  assert.equal(sliding.conclusion, undefined);
  // Checked anyway (explorations ignore hypotheses): NaN movements never pass.
  const forced = await runInstance(once, 756, 0, "test", 24, { ignoreHypotheses: true });
  assert.equal(forced.conclusion?.holds, false);
  const smooth = await runInstance(claim, 756, 4, "test", 24);
  assert.equal(smooth.met, true);
  assert.equal(smooth.hypotheses[1].value, "integrated to T");
});

Deno.test("yang-tstar catches the near miss O(N^(-5/4)), by its exponent test", async () => {
  const run = await wholeRun(fiveQuarters);
  falsified(run);
  testsMatchVerdict(run);
});
