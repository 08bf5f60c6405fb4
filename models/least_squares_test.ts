import assert from "node:assert/strict";
import { Matrix } from "../numerics/linalg.ts";
import { LeastSquares } from "./least_squares.ts";

Deno.test("least_squares: the closed-form error flow decays at rate 2·scale·λ (by hand in one dimension)", () => {
  // L(w) = scale·(y − 2w)²: dw/dt = −∇L = 4·scale·(y − 2w), so u = y − 2w has u′ = −8·scale·u.
  for (const scale of [0.5, 1]) {
    const ls = new LeastSquares(new Matrix([[2]]), [0], scale);
    const [u] = ls.errorFlowClosedForm([1], [1 / (8 * scale)]);
    assert.ok(Math.abs(u[0] - Math.exp(-1)) < 1e-15, `scale ${scale}: ${u[0]}`);
  }
});

const close = (a: ArrayLike<number>, b: number[], tol = 1e-14) =>
  assert.ok(b.every((v, i) => Math.abs(a[i] - v) <= tol), `${Array.from(a)} vs ${b}`);

Deno.test("least_squares: loss, gradient, Hessian, β, a step, the optimum and the min-norm solution by hand", () => {
  // X = [[1, 0], [0, 2], [0, 0]], y = (1, 1, 3): Xw = (w₁, 2w₂, 0), y₃ = 3 is out of the column space.
  const x = new Matrix([[1, 0], [0, 2], [0, 0]]);
  for (const scale of [0.5, 1]) {
    const ls = new LeastSquares(x, [1, 1, 3], scale);
    // w = (2, 1): residual y − Xw = (−1, −1, 3), ‖·‖² = 11.
    close(ls.residual([2, 1]), [-1, -1, 3]);
    assert.equal(ls.loss([2, 1]), 11 * scale);
    // ∇L = 2·scale·Xᵀ(Xw − y) = 2·scale·(1, 2).
    close(ls.gradient([2, 1]), [2 * scale, 4 * scale]);
    // ∇²L = 2·scale·diag(1, 4); β = 2·scale·4.
    close(ls.hessian().to1DArray(), [2 * scale, 0, 0, 8 * scale]);
    assert.ok(Math.abs(ls.smoothness() - 8 * scale) < 1e-14);
    // w − η∇L with η = 1/4.
    close(ls.gdStep([2, 1], 0.25), [2 - 0.5 * scale, 1 - scale]);
    // min L = scale·y₃² = 9·scale at X⁺y = (1, 1/2).
    assert.ok(Math.abs(ls.optimalLoss() - 9 * scale) < 1e-13);
    close(ls.minNormSolution(), [1, 0.5]);
  }
  assert.throws(() => new LeastSquares(x, [1, 1], 0.5), RangeError);
});

Deno.test("least_squares: the kernel component of w and the minimum-norm solution of an underdetermined system", () => {
  // X = [1 1]: ker X = span{(1, −1)}; w = (3, 1) has kernel component (1, −1); X⁺y for y = 4 is (2, 2).
  const ls = new LeastSquares(new Matrix([[1, 1]]), [4], 1);
  close(ls.kernelComponent([3, 1]), [1, -1]);
  close(ls.minNormSolution(), [2, 2]);
  assert.ok(Math.abs(ls.optimalLoss()) < 1e-14);
  // The error flow of a 2-point problem: XXᵀ = diag(1, 4) for X = diag(1, 2), so u(t) = (e^{−t}, e^{−4t})·u(0) at scale ½.
  const two = new LeastSquares(new Matrix([[1, 0], [0, 2]]), [0, 0], 0.5);
  const [u] = two.errorFlowClosedForm([1, 1], [0.5]);
  close(u, [Math.exp(-0.5), Math.exp(-2)]);
});
