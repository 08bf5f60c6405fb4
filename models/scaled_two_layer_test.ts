import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { norm } from "../numerics/compare.ts";
import { Matrix, symmetricEigen } from "../numerics/linalg.ts";
import { antisymmetricInit, iidInit, rowsSpectralNorm, ScaledTwoLayer } from "./scaled_two_layer.ts";
import { relu, tanh } from "./activation.ts";

function inputs(seed: number, n: number, d: number) {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Float64Array.from({ length: d }, () => rng.normal()));
}

Deno.test("jacobian matches central differences (tanh)", () => {
  const rng = createRng("jac");
  const net = new ScaledTwoLayer(inputs(1, 3, 2), 6, 0.4, tanh);
  const w = iidInit(rng, 2, 6);
  const jac = net.jacobian(w);
  const h = 1e-6;
  for (let k = 0; k < w.length; k++) {
    const wp = Float64Array.from(w), wm = Float64Array.from(w);
    wp[k] += h;
    wm[k] -= h;
    const fp = net.outputs(wp), fm = net.outputs(wm);
    for (let i = 0; i < 3; i++) assert.ok(Math.abs((fp[i] - fm[i]) / (2 * h) - jac[i][k]) < 1e-8);
  }
});

Deno.test("ReLU: D²f[v] equals the difference quotient of Df (Df is piecewise linear in w)", () => {
  const rng = createRng("hess");
  const net = new ScaledTwoLayer(inputs(2, 4, 3), 8, 1.3, relu);
  const w = iidInit(rng, 3, 8);
  const v = Float64Array.from({ length: w.length }, () => rng.normal());
  const t = 1e-7;
  const j0 = net.jacobian(w), j1 = net.jacobian(w.map((x, k) => x + t * v[k]));
  const hv = net.hessianDirection(w, v);
  hv.forEach((row, i) => row.forEach((x, k) => assert.ok(Math.abs((j1[i][k] - j0[i][k]) / t - x) < 1e-6)));
});

Deno.test("ReLU: the exact ‖D²f‖ bounds every direction and is attained by alternating maximisation", () => {
  const rng = createRng("norm");
  const net = new ScaledTwoLayer(inputs(3, 4, 3), 6, 0.7, relu);
  const w = antisymmetricInit(rng, 3, 6);
  const exact = net.hessianOperatorNorm(w);
  // Random directions: ‖D²f[v]‖₂ ≤ ‖D²f‖ for unit v.
  let best = 0;
  for (let r = 0; r < 200; r++) {
    const v = Float64Array.from({ length: w.length }, () => rng.normal());
    const s = norm(v);
    const val = rowsSpectralNorm(net.hessianDirection(w, v.map((x) => x / s)));
    assert.ok(val <= exact * (1 + 1e-12));
    best = Math.max(best, val);
  }
  // Power iteration on v ↦ D²f[v]ᵀ-adjoint: maximise ‖D²f[v]‖ over v by alternating steps.
  let v = Float64Array.from({ length: w.length }, () => rng.normal());
  for (let it = 0; it < 200; it++) {
    const s = norm(v);
    v = v.map((x) => x / s);
    const m = net.hessianDirection(w, v);
    // Top left singular vector z of M = D²f[v] via a few power steps, then v ← ∇_v ‖zᵀ M e‖ direction.
    let e = Float64Array.from({ length: w.length }, (_, k) => (k % 3) + 1);
    let z = new Float64Array(m.length);
    for (let p = 0; p < 50; p++) {
      z = Float64Array.from(m, (row) => row.reduce((a, x, k) => a + x * e[k], 0));
      const zn = norm(z);
      z = z.map((x) => x / zn);
      e = new Float64Array(w.length);
      m.forEach((row, i) => row.forEach((x, k) => (e[k] += x * z[i])));
      const en = norm(e);
      e = e.map((x) => x / en);
    }
    // zᵀ D²f[v] e is bilinear-symmetric in (v, e) per Hessian: gradient in v is D²f[e]ᵀz.
    const me = net.hessianDirection(w, e);
    const g = new Float64Array(w.length);
    me.forEach((row, i) => row.forEach((x, k) => (g[k] += x * z[i])));
    v = g;
  }
  const s = norm(v);
  const attained = rowsSpectralNorm(net.hessianDirection(w, v.map((x) => x / s)));
  assert.ok(Math.abs(attained - exact) <= 1e-8 * exact, `${attained} vs ${exact}`);
  assert.ok(best <= exact);
});

Deno.test("tanh: hessianNormBounds brackets ‖Σᵢaᵢ∇²fᵢ‖ computed from central differences of Df, and is tight to a small factor", () => {
  const rng = createRng("hess-bounds");
  const n = 3, d = 2, width = 3;
  const net = new ScaledTwoLayer(inputs(3, n, d), width, 0.7, tanh);
  const w = iidInit(rng, d, width);
  const p = w.length, h = 1e-5;
  // ∇²fᵢ by central differences of the exact Jacobian rows.
  const hess = Array.from({ length: n }, () => new Matrix(p, p));
  for (let k = 0; k < p; k++) {
    const wp = Float64Array.from(w), wm = Float64Array.from(w);
    wp[k] += h;
    wm[k] -= h;
    const jp = net.jacobian(wp), jm = net.jacobian(wm);
    for (let i = 0; i < n; i++) for (let l = 0; l < p; l++) hess[i].set(k, l, (jp[i][l] - jm[i][l]) / (2 * h));
  }
  const normAt = (a: number[]) => {
    const m = new Matrix(p, p);
    for (let k = 0; k < p; k++) {
      for (let l = 0; l < p; l++) {
        m.set(k, l, a.reduce((s, ai, i) => s + ai * (hess[i].get(k, l) + hess[i].get(l, k)) / 2, 0));
      }
    }
    const { values } = symmetricEigen(m);
    return Math.max(...values.map(Math.abs));
  };
  const { lower, upper } = net.hessianNormBounds(w);
  // The lower bound is attained at some a = eᵢ (a principal block or a column of one neuron's block).
  const atBasis = Math.max(
    ...Array.from({ length: n }, (_, i) => normAt(Array.from({ length: n }, (_, j) => +(i === j)))),
  );
  assert.ok(lower <= atBasis * (1 + 1e-6), `${lower} > ${atBasis}`);
  let sampled = atBasis;
  for (let s = 0; s < 2000; s++) {
    const a = Array.from({ length: n }, () => rng.normal()), r = norm(a);
    sampled = Math.max(sampled, normAt(a.map((v) => v / r)));
  }
  assert.ok(sampled <= upper * (1 + 1e-6), `${sampled} > ${upper}`);
  assert.ok(upper < 4 * lower, `${upper} vs ${lower}`);
});
