import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { norm } from "../numerics/compare.ts";
import { Matrix, symmetricEigen } from "../numerics/linalg.ts";
import { antisymmetricInit, iidInit, rowsSpectralNorm, ScaledTwoLayer } from "./scaled_two_layer.ts";
import { gram, kappa, kappaBounds, sumErrorBound } from "./scaled_two_layer.ts";
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

Deno.test("scaled two-layer: outputs α·Σvₖσ(uₖ·x) by hand, withScale, tangentKernel = DfDfᵀ, gram, rowsSpectralNorm", () => {
  // Width 2, d = 2: u₁ = (1, 0), u₂ = (0, 2), v = (3, −1); x = (1, 1): α(3·relu(1) − relu(2)) = α.
  const net = new ScaledTwoLayer([Float64Array.of(1, 1), Float64Array.of(-1, 0.5)], 2, 0.5, relu);
  const w = Float64Array.of(1, 0, 0, 2, 3, -1);
  assert.deepEqual(Array.from(net.outputs(w)), [0.5, 0.5 * -1]); // x₂: 3·relu(−1) − relu(1) = −1
  assert.deepEqual(Array.from(net.withScale(2).outputs(w)), [2, -2]);
  assert.equal(net.withScale(2).alpha, 2);
  assert.deepEqual([net.paramCount, net.dim, net.width], [6, 2, 2]);
  const j = net.jacobian(w), k = net.tangentKernel(w);
  for (let a = 0; a < 2; a++) {
    for (let b = 0; b < 2; b++) assert.ok(Math.abs(k.get(a, b) - j[a].reduce((s, v, q) => s + v * j[b][q], 0)) < 1e-15);
  }
  assert.deepEqual(gram([Float64Array.of(1, 2), Float64Array.of(3, -1)]).to2DArray(), [[5, 1], [1, 10]]);
  assert.ok(Math.abs(rowsSpectralNorm([Float64Array.of(3, 0), Float64Array.of(0, 4)]) - 4) < 1e-14);
  assert.throws(() => new ScaledTwoLayer([], 2, 1, relu), RangeError);
});

Deno.test("scaled two-layer: κ's pieces, kappaBounds = the Hessian bracket times ‖y − f‖/‖Df‖², inits, sumErrorBound", () => {
  const xs = inputs(21, 3, 2), rng = createRng("kappa-pieces");
  const net = new ScaledTwoLayer(xs, 6, 0.4, relu), w0 = iidInit(rng, 2, 6), y = [1, -0.5, 2];
  const k = kappa(net, w0, y), f = net.outputs(w0);
  const r = Math.hypot(...y.map((v, i) => v - f[i]));
  assert.ok(Math.abs(k.residualNorm - r) < 1e-14);
  assert.equal(k.hessianNorm, net.hessianOperatorNorm(w0));
  assert.equal(k.jacobianNorm, rowsSpectralNorm(net.jacobian(w0)));
  assert.ok(Math.abs(k.kappa - (r * k.hessianNorm) / k.jacobianNorm ** 2) < 1e-14 * k.kappa);
  const tnet = new ScaledTwoLayer(xs, 6, 0.4, tanh), ft = tnet.outputs(w0), hb = tnet.hessianNormBounds(w0);
  const scale = Math.hypot(...y.map((v, i) => v - ft[i])) / rowsSpectralNorm(tnet.jacobian(w0)) ** 2;
  const kb = kappaBounds(tnet, w0, y);
  assert.ok(
    Math.abs(kb.lower - scale * hb.lower) < 1e-14 * kb.lower &&
      Math.abs(kb.upper - scale * hb.upper) < 1e-14 * kb.upper,
  );
  // Antisymmetric: second half copies U, negates v (f ≡ 0); odd widths refused. iid: U ~ N(0, 1/d), v ~ N(0, 1).
  const a = antisymmetricInit(createRng(2), 3, 4);
  for (let q = 0; q < 6; q++) assert.equal(a[6 + q], a[q]);
  assert.deepEqual([a[14], a[15]], [-a[12], -a[13]]);
  assert.throws(() => antisymmetricInit(createRng(2), 3, 5), RangeError);
  const big = iidInit(createRng(3), 4, 2000), us = big.subarray(0, 8000), vs = big.subarray(8000);
  const meanSq = (v: Float64Array) => v.reduce((s, c) => s + c * c, 0) / v.length;
  assert.ok(
    Math.abs(meanSq(us) - 0.25) < 4 * 0.25 * Math.sqrt(2 / 8000) && Math.abs(meanSq(vs) - 1) < 4 * Math.sqrt(2 / 2000),
  );
  const u = Number.EPSILON / 2;
  assert.equal(sumErrorBound(3, 2), ((3 * u) / (1 - 3 * u)) * 2);
  assert.equal(sumErrorBound(0, 5), 0);
});

Deno.test("iidInit and antisymmetricInit draw exactly their parameters from the stream, in order (the next draw is the same)", () => {
  for (const [dim, width] of [[2, 3], [3, 4]]) {
    const rng = createRng(`init-stream/${dim}/${width}`), ref = createRng(`init-stream/${dim}/${width}`);
    const w = iidInit(rng, dim, width);
    const want = Float64Array.from(
      { length: width * (dim + 1) },
      (_, k) => ref.normal() / (k < width * dim ? Math.sqrt(dim) : 1),
    );
    assert.deepEqual(w, want);
    assert.equal(rng.normal(), ref.normal()); // nothing else was drawn
    const a = createRng(7), b = createRng(7), s = antisymmetricInit(a, dim, 2 * width);
    for (let k = 0; k < width; k++) {
      for (let j = 0; j < dim; j++) assert.equal(s[k * dim + j], b.normal() / Math.sqrt(dim));
      assert.equal(s[2 * width * dim + k], b.normal());
    }
    assert.equal(a.normal(), b.normal());
  }
});

Deno.test("subtractResidualGradient is −Df(w)ᵀ(c·f(X, w) − y)/c from outputs and jacobian, to the bit", () => {
  const rng = createRng("residual-gradient");
  for (const [activation, width, n] of [[tanh, 6, 5], [relu, 8, 3], [tanh, 40, 12]] as const) {
    const net = new ScaledTwoLayer(inputs(width + n, n, 3), width, 1 / Math.sqrt(width), activation);
    const w = Float64Array.from({ length: net.paramCount }, () => rng.normal());
    const y = Float64Array.from({ length: n }, () => rng.normal());
    for (const c of [1, 4, 64]) {
      const want = Float64Array.from({ length: net.paramCount }, () => rng.normal()), got = Float64Array.from(want);
      const h = net.outputs(w);
      net.jacobian(w).forEach((row, i) => {
        const r = (c * h[i] - y[i]) / c;
        for (let q = 0; q < row.length; q++) want[q] -= row[q] * r;
      });
      net.subtractResidualGradient(w, c, y, got);
      got.forEach((v, q) =>
        assert.ok(Object.is(v, want[q]), `${activation.name}, c = ${c}, q = ${q}: ${v} vs ${want[q]}`)
      );
    }
  }
});
