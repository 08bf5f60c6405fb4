import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { gaussianL1FourthMoment, kernelA, kernelW, LectureNetwork, sampleGramA } from "./lecture_network.ts";
import { kernelGram, lectureInitialisation, widthAveragedGram } from "./lecture_network.ts";

function sample(seed: string, n: number, d: number, width: number) {
  const rng = createRng(seed);
  const xs = Array.from({ length: n }, () => Float64Array.from({ length: d }, () => rng.normal()));
  const ys = Float64Array.from({ length: n }, () => rng.normal());
  const net = new LectureNetwork(xs, ys, width);
  return { net, theta: net.initialise(rng, 0.7), rng };
}

Deno.test("riskGradient matches central differences of R_S", () => {
  const { net, theta } = sample("g", 4, 3, 7);
  const g = net.riskGradient(theta), h = 1e-6;
  for (let q = 0; q < theta.length; q++) {
    const p = Float64Array.from(theta), m = Float64Array.from(theta);
    p[q] += h;
    m[q] -= h;
    assert.ok(Math.abs((net.risk(p) - net.risk(m)) / (2 * h) - g[q]) < 1e-7, `component ${q}`);
  }
});

Deno.test("‖∇R_S‖² = (N/n²)eᵀK̂e (the lecture's identity) on a random θ", () => {
  const { net, theta } = sample("id", 5, 2, 9);
  const g = net.riskGradient(theta), e = net.errors(theta), k = net.gram(theta);
  let lhs = 0, rhs = 0;
  for (const v of g) lhs += v * v;
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) rhs += e[i] * k.get(i, j) * e[j];
  rhs *= 9 / 25;
  assert.ok(Math.abs(lhs - rhs) < 1e-12 * lhs);
});

Deno.test("k^(a), k^(w) closed forms against Monte Carlo (4 standard errors, fixed seed)", () => {
  const rng = createRng("mc");
  const x = [0.3, -1.1, 0.5], y = [1.2, 0.4, -0.3];
  const samples = 200_000;
  let sa = 0, sa2 = 0, sw = 0, sw2 = 0;
  for (let s = 0; s < samples; s++) {
    const w = [rng.normal(), rng.normal(), rng.normal()], a = rng.normal();
    const zx = w[0] * x[0] + w[1] * x[1] + w[2] * x[2], zy = w[0] * y[0] + w[1] * y[1] + w[2] * y[2];
    const ga = Math.max(zx, 0) * Math.max(zy, 0);
    const gw = a * a * (zx > 0 ? 1 : 0) * (zy > 0 ? 1 : 0) * (x[0] * y[0] + x[1] * y[1] + x[2] * y[2]);
    sa += ga;
    sa2 += ga * ga;
    sw += gw;
    sw2 += gw * gw;
  }
  const ma = sa / samples, mw = sw / samples;
  const sea = Math.sqrt((sa2 / samples - ma * ma) / samples), sew = Math.sqrt((sw2 / samples - mw * mw) / samples);
  assert.ok(Math.abs(ma - kernelA(x, y)) < 4 * sea, `${ma} vs ${kernelA(x, y)}`);
  assert.ok(Math.abs(mw - kernelW(x, y)) < 4 * sew, `${mw} vs ${kernelW(x, y)}`);
});

Deno.test("sampleGramA draws the same K̂^(a) as gramA on the same stream of w_k", () => {
  const xs = [Float64Array.of(1, 0.2), Float64Array.of(0.1, 1)];
  const net = new LectureNetwork(xs, [0, 0], 50);
  // gramA on θ whose w part is drawn in the same order as sampleGramA draws it.
  const rng = createRng("same");
  const theta = new Float64Array(net.paramCount);
  for (let q = 50; q < theta.length; q++) theta[q] = rng.normal();
  const a = net.gramA(theta), b = sampleGramA(createRng("same"), xs, 50);
  for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) assert.ok(Math.abs(a.get(i, j) - b.get(i, j)) < 1e-14);
});

Deno.test("LectureNetwork.kinkDistance: the smallest relative pre-activation, invariant to scaling each w_k", () => {
  const net = new LectureNetwork([Float64Array.of(1, 0.1), Float64Array.of(0.2, 1)], Float64Array.of(0, 0), 2);
  // a = (1, 1); w₁ = (1, 0), w₂ = (1, −0.2): w₂ᵀx₂ = 0, so the distance is 0.
  assert.equal(net.kinkDistance([1, 1, 1, 0, 1, -0.2]), 0);
  const theta = [1, 1, 3, 0.5, -1, 2];
  const direct = Math.min(
    ...[[3, 0.5], [-1, 2]].flatMap((w) =>
      net.xs.map((x) => Math.abs(w[0] * x[0] + w[1] * x[1]) / Math.hypot(...w) / Math.hypot(x[0], x[1]))
    ),
  );
  assert.ok(Math.abs(net.kinkDistance(theta) - direct) < 1e-15);
  assert.ok(Math.abs(net.kinkDistance([1, 1, 30, 5, -1, 2]) - direct) < 1e-15);
  assert.equal(net.kinkDistance([1, 1, 0, 0, 0, 0]), 1);
});

Deno.test("C_d matches Monte Carlo E‖w‖₁⁴ (d = 3, 4 standard errors, fixed seed)", () => {
  const rng = createRng("cd");
  let s = 0, s2 = 0;
  const T = 200_000;
  for (let t = 0; t < T; t++) {
    const v = (Math.abs(rng.normal()) + Math.abs(rng.normal()) + Math.abs(rng.normal())) ** 4;
    s += v;
    s2 += v * v;
  }
  const m = s / T, se = Math.sqrt((s2 / T - m * m) / T);
  assert.ok(Math.abs(m - gaussianL1FourthMoment(3)) < 4 * se, `${m} vs ${gaussianL1FourthMoment(3)}`);
});

Deno.test("jacobian: central differences of h(x; θ), at the sample and at other points; K̂ = JJᵀ/N; e = h − f", () => {
  const { net, theta } = sample("jacobian", 4, 3, 5);
  const other = [Float64Array.of(0.3, -1, 2), Float64Array.of(-0.5, 0.2, 0.1)];
  for (const xs of [net.xs, other]) {
    const j = net.jacobian(theta, xs), h = 1e-6;
    for (let q = 0; q < net.paramCount; q++) {
      const p = Float64Array.from(theta), m = Float64Array.from(theta);
      p[q] += h;
      m[q] -= h;
      const hp = net.outputs(p, xs), hm = net.outputs(m, xs);
      // Away from the kinks h is quadratic in θ along a coordinate: central differences are exact up to rounding.
      xs.forEach((_, i) => assert.ok(Math.abs(j[i][q] - (hp[i] - hm[i]) / (2 * h)) < 1e-7, `x ${i}, θ ${q}`));
    }
  }
  assert.ok(net.kinkDistance(theta) > 1e-4, "θ is away from the kinks (the differences above are valid)");
  const jac = net.jacobian(theta), g = net.gram(theta), ga = net.gramA(theta), gw = net.gramW(theta);
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < 4; b++) {
      const dot = (lo: number, hi: number) => {
        let s = 0;
        for (let q = lo; q < hi; q++) s += jac[a][q] * jac[b][q];
        return s / net.width;
      };
      assert.ok(Math.abs(ga.get(a, b) - dot(0, net.width)) < 1e-12);
      assert.ok(Math.abs(gw.get(a, b) - dot(net.width, net.paramCount)) < 1e-12);
      assert.ok(Math.abs(g.get(a, b) - dot(0, net.paramCount)) < 1e-12);
    }
  }
  const h0 = net.outputs(theta), e = net.errors(theta);
  e.forEach((v, i) => assert.equal(v, h0[i] - net.ys[i]));
  assert.equal(net.risk(theta), e.reduce((s, v) => s + v * v, 0) / 8);
  const out = new Float64Array(4);
  net.riskGradient(theta, out);
  assert.deepEqual(out, e);
});

Deno.test("kernelA, kernelW, kernelGram, widthAveragedGram, C_d and the initialisation by hand", () => {
  const e1 = [1, 0], e2 = [0, 1], m1 = [-1, 0];
  assert.ok(Math.abs(kernelA(e1, e2) - 1 / (2 * Math.PI)) < 1e-16);
  assert.ok(Math.abs(kernelA(e1, m1)) < 1e-16);
  assert.ok(Math.abs(kernelA([2, 0], [3, 0]) - 3) < 1e-15); // ‖x‖‖x′‖·π/(2π)
  assert.ok(Math.abs(kernelW(e1, e2)) < 1e-16 && Math.abs(kernelW(e1, m1)) < 1e-16);
  assert.ok(Math.abs(kernelW([2, 0], [3, 0]) - 3) < 1e-15); // xᵀx′·π/(2π)
  assert.ok(Math.abs(kernelW([1, 1], [0, 1]) - 1 * (Math.PI - Math.PI / 4) / (2 * Math.PI)) < 1e-15);
  assert.equal(kernelA([0, 0], e1), 0);
  assert.equal(kernelW(e1, [0, 0]), 0);
  const g = kernelGram((x, y) => x[0] * 10 + y[0], [[1], [2], [3]]);
  // The upper triangle is evaluated and mirrored: (i ≤ j) k(xᵢ, xⱼ).
  assert.deepEqual(g.to2DArray(), [[11, 12, 13], [12, 22, 23], [13, 23, 33]]);
  // (1/N)Σₖ w(k)·fᵢₖfⱼₖ with N = 2, w(k) = k + 1: rows (1, 2), (3, 0).
  const w = widthAveragedGram([Float64Array.of(1, 2), Float64Array.of(3, 0)], 2, (k) => k + 1);
  assert.deepEqual(w.to2DArray(), [[(1 + 8) / 2, 3 / 2], [3 / 2, 9 / 2]]);
  assert.deepEqual(widthAveragedGram([Float64Array.of(1, 2), Float64Array.of(3, 0)], 2).to2DArray(), [[2.5, 1.5], [
    1.5,
    4.5,
  ]]);
  // C₁ = E g⁴ = 3; C₂ = 2·3 + 8·m₃m₁ + 6 = 12 + 32/π.
  assert.equal(gaussianL1FourthMoment(1), 3);
  assert.ok(Math.abs(gaussianL1FourthMoment(2) - (12 + 32 / Math.PI)) < 1e-13);
  // a ~ N(0, γ²) for the first N entries, N(0, 1) for the rest, from the same stream.
  const [unit, scaled] = [1, 3].map((gamma) => lectureInitialisation(createRng(1), 2, 6, gamma));
  assert.deepEqual(Array.from(scaled.subarray(0, 2)), Array.from(unit.subarray(0, 2), (v) => 3 * v));
  assert.deepEqual(scaled.subarray(2), unit.subarray(2));
  const net = new LectureNetwork([[1, 2]], [0], 2);
  assert.deepEqual(net.initialise(createRng(1), 3), scaled);
  assert.equal(net.paramCount, 6);
});
