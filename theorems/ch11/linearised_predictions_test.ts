import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { correctedLinearisedFormula, linearisedPredictions } from "./linearised_predictions.ts";

Deno.test("rem-11.24: a wrong corrected form (the data term halved, ½·ΣB^jAy) is not accepted as the erratum", async () => {
  const shifted = linearisedPredictions(
    undefined,
    (a, b, phi0, y, k) => correctedLinearisedFormula(a, b, phi0, y.map((v) => 0.5 * v), k),
  );
  assert.notEqual(await firstCaughtInstance(shifted, 1, "test"), null);
});

Deno.test("rem-11.24: the corrected formula passes when plugged in as the printed one", async () => {
  const claim = linearisedPredictions(correctedLinearisedFormula);
  const { result } = await runClaim(claim, { seed: 1, budget: "test" });
  assert.equal(result.status, "verified");
});

Deno.test("rem-11.24 catches the near miss Σ_{j=0}^{k−1} B^{j+1}Ay (the sum's index off by one) as the erratum", async () => {
  // B^kΦ₀ + Σ_{j=0}^{k}B^jAy − Ay, from the corrected formula with Φ₀ = 0 or y = 0.
  const shifted = linearisedPredictions(undefined, (a, b, phi0, y, k) => {
    const zero = new Float64Array(y.length), none = new Float64Array(phi0.length);
    const free = correctedLinearisedFormula(a, b, phi0, zero, k);
    const sum = correctedLinearisedFormula(a, b, none, y, k + 1), ay = correctedLinearisedFormula(a, b, none, y, 1);
    return free.map((v, i) => v + sum[i] - ay[i]);
  });
  assert.notEqual(await firstCaughtInstance(shifted, 1, "test"), null);
});
