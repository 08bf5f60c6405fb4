import assert from "node:assert/strict";
import { importClaim } from "../../engine/registry.ts";
import { pool } from "../../testing/pool.ts";
import { settled, startEarly } from "../../testing/early.ts";
import { falsified, startMutantRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { testLast } from "../../testing/last_pass.ts";

const fiveQuarters = startMutantRun(import.meta.url, "yangTstarExponentFiveQuarters");
// Seed 756's sliding instance 0 (hypotheses ignored) and smooth instance 4, on the shared pool (the flows take seconds).
const kinkRecords = startEarly(async () => {
  const claim = await importClaim(new URL("./tstar_infinite.ts", import.meta.url), "tstarInfinite");
  return await Promise.all([
    pool.runInstances(claim, 756, "test", 24, [0], { ignoreHypotheses: true }),
    pool.runInstances(claim, 756, "test", 24, [4]),
  ]);
});

testLast(
  "yang-tstar: a flow that slides along a ReLU kink fails the existence hypothesis; checked anyway, it never passes",
  async () => {
    // Seed 756, instance 0 (N = 32): w₁₆ᵀx₀ = −4.5·10⁻⁴ at θ⁰ reaches 0 at t ≈ 0.02T and slides there.
    const [[sliding], [smooth]] = await settled(kinkRecords);
    assert.equal(sliding.met, false);
    assert.match(String(sliding.hypotheses[1].value), /slides along a ReLU kink from t ≈ 1\.9\de-2/);
    // Checked anyway (explorations ignore hypotheses): NaN movements never pass.
    assert.equal(sliding.conclusion?.holds, false);
    assert.equal(smooth.met, true);
    assert.equal(smooth.hypotheses[1].value, "integrated to T");
  },
);

testLast("yang-tstar catches the near miss O(N^(-5/4)), by its exponent test", async () => {
  const run = await wholeRun(fiveQuarters);
  falsified(run);
  testsMatchVerdict(run);
});
