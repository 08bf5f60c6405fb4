import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { correctedLinearisedFormula, linearisedPredictions } from "./linearised_predictions.ts";

Deno.test("rem-11.24: a wrong corrected form (B^{j+1}Ay) is not accepted as the erratum", async () => {
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
