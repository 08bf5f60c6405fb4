import assert from "node:assert/strict";
import { Matrix } from "ml-matrix";
import { localMinimize } from "./optimize.ts";

Deno.test("localMinimize finds the minimum of the Rosenbrock function", () => {
  const f = {
    value: (w: ArrayLike<number>) => (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2,
    gradient: (w: ArrayLike<number>) =>
      Float64Array.of(-2 * (1 - w[0]) - 400 * w[0] * (w[1] - w[0] ** 2), 200 * (w[1] - w[0] ** 2)),
    hessian: (w: ArrayLike<number>) =>
      new Matrix([[2 - 400 * (w[1] - 3 * w[0] ** 2), -400 * w[0]], [-400 * w[0], 200]]),
  };
  const { w, value } = localMinimize(f, [-1.2, 1], 500);
  assert.ok(value < 1e-20, `f = ${value}`);
  assert.ok(Math.abs(w[0] - 1) < 1e-9 && Math.abs(w[1] - 1) < 1e-9);
});

Deno.test("localMinimize never returns a point worse than its start", () => {
  const f = {
    value: (w: ArrayLike<number>) => Math.cos(w[0]),
    gradient: (w: ArrayLike<number>) => Float64Array.of(-Math.sin(w[0])),
    hessian: (w: ArrayLike<number>) => new Matrix([[-Math.cos(w[0])]]),
  };
  assert.ok(localMinimize(f, [0.3], 50).value <= Math.cos(0.3));
});
