import assert from "node:assert/strict";
import { SinePerturbedLinear } from "./sine_perturbed_linear.ts";
import { Matrix } from "../numerics/linalg.ts";
import { createRng } from "../numerics/random.ts";

const c = new Matrix([[1, 2], [0, -1]]), xs = [Float64Array.of(1, 1), Float64Array.of(2, -0.5)];
const model = new SinePerturbedLinear(xs, c, 0.3);

Deno.test("SinePerturbedLinear: Cᵀx, Φ = xᵀw + β·sin(xᵀCw) and its Jacobian by hand, and by central differences", () => {
  // Cᵀ(1, 1) = (1, 1), Cᵀ(2, −½) = (2, 4.5).
  assert.deepEqual(model.cxs.map((v) => Array.from(v)), [[1, 1], [2, 4.5]]);
  assert.equal(model.paramCount, 2);
  const w = [0.4, -0.2];
  const out = model.outputs(w);
  assert.ok(Math.abs(out[0] - (0.2 + 0.3 * Math.sin(0.2))) < 1e-16);
  assert.ok(Math.abs(out[1] - (0.9 + 0.3 * Math.sin(0.8 - 0.9))) < 1e-16);
  const jac = model.jacobian(w), h = 1e-6;
  for (let k = 0; k < 2; k++) {
    const p = [...w], m = [...w];
    p[k] += h;
    m[k] -= h;
    const op = model.outputs(p), om = model.outputs(m);
    for (let i = 0; i < 2; i++) assert.ok(Math.abs(jac[i][k] - (op[i] - om[i]) / (2 * h)) < 1e-9, `${i}, ${k}`);
  }
});

Deno.test("SinePerturbedLinear: U = maxᵢ‖xᵢ‖ + β‖Cᵀxᵢ‖ and L = β·maxᵢ‖Cᵀxᵢ‖² bound every observed gradient and its variation", () => {
  assert.ok(Math.abs(model.gradientBound() - (Math.hypot(2, 0.5) + 0.3 * Math.hypot(2, 4.5))) < 1e-15);
  assert.ok(Math.abs(model.lipschitzBound() - 0.3 * (4 + 20.25)) < 1e-15);
  const rng = createRng("spl");
  let worstU = 0, worstL = 0;
  for (let k = 0; k < 2000; k++) {
    const w = [3 * rng.normal(), 3 * rng.normal()], v = [w[0] + 0.01 * rng.normal(), w[1] + 0.01 * rng.normal()];
    const jw = model.jacobian(w), jv = model.jacobian(v);
    for (let i = 0; i < 2; i++) {
      worstU = Math.max(worstU, Math.hypot(jw[i][0], jw[i][1]));
      worstL = Math.max(
        worstL,
        Math.hypot(jw[i][0] - jv[i][0], jw[i][1] - jv[i][1]) / Math.hypot(w[0] - v[0], w[1] - v[1]),
      );
    }
  }
  // Both bounds hold; L is nearly attained (sin = ±1 with w − v along Cᵀxᵢ), U only when xᵢ ∥ Cᵀxᵢ (not here:
  // the largest ‖xᵢ + β·cos(·)Cᵀxᵢ‖ is ‖(2, −½) + 0.3·(2, 4.5)‖ = 2.74 of U = 3.54).
  assert.ok(worstU <= model.gradientBound() && worstU > 2.7, `${worstU}`);
  assert.ok(worstL <= model.lipschitzBound() && worstL > 0.8 * model.lipschitzBound(), `${worstL}`);
});

Deno.test("SinePerturbedLinear: the Jacobian's rounding budget as documented (γₙ argument, 4u cos, γ₃ ops, γ₄ sum)", () => {
  const u = 2 ** -53, g = (k: number) => (k * u) / (1 - k * u), w = [0.4, -0.2];
  const e = model.jacobianError(w);
  const cx = model.cxs[1], abs = Math.abs(cx[0] * w[0]) + Math.abs(cx[1] * w[1]);
  const cosError = g(2) * abs * (1 + g(2)) + 4 * u, cc = Math.abs(0.3 * Math.cos(cx[0] * w[0] + cx[1] * w[1]));
  const want = [0, 1].map((k) =>
    (0.3 * cosError * Math.abs(cx[k]) + g(3) * (Math.abs(xs[1][k]) + (cc + 0.3 * cosError) * Math.abs(cx[k]))) *
    (1 + g(4))
  );
  want.forEach((v, k) => assert.ok(Math.abs(e[1][k] - v) <= 1e-15 * v, `${k}: ${e[1][k]} vs ${v}`));
  // β = 0: the Jacobian is x itself, exact: zero budget where x has no rounding, γ₃|x| otherwise.
  const lin = new SinePerturbedLinear([Float64Array.of(1, 0)], Matrix.eye(2), 0).jacobianError([3, 4]);
  assert.ok(lin[0][1] === 0 && Math.abs(lin[0][0] - g(3) * (1 + g(4))) < 1e-30);
});
