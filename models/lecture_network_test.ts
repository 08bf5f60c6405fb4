import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { gaussianL1FourthMoment, kernelA, kernelW, LectureNetwork, sampleGramA } from "./lecture_network.ts";

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
