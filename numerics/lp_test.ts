import assert from "node:assert/strict";
import { solveLp } from "./lp.ts";
import { isNumericalFailure } from "./numerical_failure.ts";

Deno.test("solveLp: a textbook LP with a known optimum and duals (max 3x + 5y, Hillier and Lieberman's Wyndor)", async () => {
  // max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18: optimum 36 at (2, 6), shadow prices (0, 3/2, 1).
  const s = await solveLp({
    sense: "max",
    cost: [3, 5],
    rows: [{ coef: [1, 0], upper: 4 }, { coef: [0, 2], upper: 12 }, { coef: [3, 2], upper: 18 }],
  });
  assert.ok(Math.abs(s.objective - 36) < 1e-9);
  assert.deepEqual(Array.from(s.x, (v) => Math.round(v * 1e9) / 1e9), [2, 6]);
  assert.deepEqual(Array.from(s.rowDual, (v) => Math.round(v * 1e9) / 1e9), [0, 1.5, 1]);
});

Deno.test("solveLp: minimisation with ≥ rows, equalities and free variables (a diet-type LP solved by hand)", async () => {
  // min x + 2y + 0z s.t. x + y ≥ 2, x − y = 0, z free with −1 ≤ z + x ≤ 5: x = y = 1, objective 3.
  const s = await solveLp({
    sense: "min",
    cost: [1, 2, 0],
    rows: [{ coef: [1, 1, 0], lower: 2 }, { coef: [1, -1, 0], lower: 0, upper: 0 }, {
      coef: [1, 0, 1],
      lower: -1,
      upper: 5,
    }],
    lower: [0, 0, -Infinity],
  });
  assert.ok(Math.abs(s.objective - 3) < 1e-9 && Math.abs(s.x[0] - 1) < 1e-9 && Math.abs(s.x[1] - 1) < 1e-9);
  assert.ok(s.x[2] >= -2 - 1e-9 && s.x[2] <= 4 + 1e-9);
});

Deno.test("solveLp: the max-margin LP of two points on a line, max γ s.t. yᵢ wxᵢ ≥ γ, |w| ≤ 1", async () => {
  // x = (2, −3), y = (1, −1): w = 1 gives margins 2 and 3, so γ = 2.
  const s = await solveLp({
    sense: "max",
    cost: [0, 1],
    rows: [{ coef: [2, -1], lower: 0 }, { coef: [3, -1], lower: 0 }],
    lower: [-1, -Infinity],
    upper: [1, Infinity],
  });
  assert.ok(Math.abs(s.objective - 2) < 1e-9);
});

Deno.test("solveLp: infeasible and unbounded LPs are numerical failures, not numbers", async () => {
  const infeasible = solveLp({ sense: "max", cost: [1], rows: [{ coef: [1], upper: -1 }] });
  await assert.rejects(infeasible, (e) => isNumericalFailure(e));
  const unbounded = solveLp({ sense: "max", cost: [1], rows: [{ coef: [1], lower: 0 }] });
  await assert.rejects(unbounded, (e) => isNumericalFailure(e));
});
