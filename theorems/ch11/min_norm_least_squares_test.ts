import assert from "node:assert/strict";
import { solve } from "ml-matrix";
import { Matrix, transposeMatVec } from "../../numerics/linalg.ts";
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

Deno.test("prop-11.2 catches the near miss ridge (AᵀA + λI)⁻¹Aᵀy, λ = 10⁻⁶‖AᵀA‖_F, for A⁺y", async () => {
  const ridge = minNormLeastSquares((ls) => {
    const a = ls.x, lambda = 1e-6 * a.transpose().mmul(a).norm("frobenius");
    const gram = a.transpose().mmul(a).add(Matrix.eye(a.columns).mul(lambda));
    return Float64Array.from(solve(gram, Matrix.columnVector(Array.from(transposeMatVec(a, ls.y)))).getColumn(0));
  });
  const caught = await firstCaughtInstance(ridge, 1, "test");
  assert.equal(caught?.corrected?.holds, false);
});
