import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { minNormLeastSquares } from "./min_norm_least_squares.ts";

Deno.test("prop-11.2 catches a minimiser that is not of minimum norm (A⁺y plus a kernel vector)", async () => {
  const wrong = minNormLeastSquares((ls) => {
    const w = ls.minNormSolution();
    const k = ls.kernelComponent(w.map((_, j) => (j % 2 ? 1 : -1)));
    return w.map((v, j) => v + k[j]);
  });
  const caught = await firstCaughtInstance(wrong, 1, "test");
  assert.equal(caught?.corrected?.holds, false);
});
