import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import { runClaim } from "../engine/run.ts";
import { correctedLinearisedFormula, rem1124, thm1113 } from "./ch11_convergence.ts";

Deno.test("thm-11.13 catches a loss bound with rate 1 − 3hλ_min (faster than GD can go along the λ_min direction)", async () => {
  const claim = thm1113((f0, h, lmin, k) => (1 - 3 * h * lmin) ** (2 * k) * f0);
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

Deno.test("rem-11.24: a wrong corrected form (B^{j+1}Ay) is not accepted as the erratum", async () => {
  const shifted = rem1124(
    undefined,
    (a, b, phi0, y, k) => correctedLinearisedFormula(a, b, phi0, y.map((v) => 0.5 * v), k),
  );
  assert.notEqual(await firstCaughtInstance(shifted, 1, "test"), null);
});

Deno.test("rem-11.24: the corrected formula passes when plugged in as the printed one", async () => {
  const claim = rem1124(correctedLinearisedFormula);
  const { result } = await runClaim(claim, { seed: 1, budget: "test" });
  assert.equal(result.status, "verified");
});
