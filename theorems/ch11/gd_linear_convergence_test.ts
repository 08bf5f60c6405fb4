import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { gdLinearConvergence } from "./gd_linear_convergence.ts";

Deno.test("thm-11.13 catches a loss bound with rate 1 − 3hλ_min (faster than GD can go along the λ_min direction)", async () => {
  const claim = gdLinearConvergence((f0, h, lmin, k) => (1 - 3 * h * lmin) ** (2 * k) * f0);
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});
