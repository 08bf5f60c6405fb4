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
