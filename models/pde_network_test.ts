import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { featureLipschitz, gaussianL1TwelfthMoment, pdeFeature, pdeGram, PdeNetwork } from "./pde_network.ts";
import { RELU3_SCALE } from "./pde_network.ts";
import { integrate1d } from "../numerics/quadrature.ts";
import { pdeRateRun } from "./pde_rate_certificate.ts";

const SAMPLES = [
  { x: [0.9, 0.3], A: [[0.5, -0.2], [-0.2, 1]], b: [0.3, -0.7], c: 0.4 },
  { x: [0.2, 0.8], A: [[-1, 0.6], [0.6, 0.2]], b: [-0.5, 0.1], c: -0.9 },
];

Deno.test("pdeFeature is 𝓛 applied to σ(wᵀx) = max(wᵀx, 0)³/6, against central differences in x", () => {
  const w = [1.3, 0.7], h = 1e-4;
  for (const s of SAMPLES) {
    const u = (x: number[]) => Math.max(w[0] * x[0] + w[1] * x[1], 0) ** 3 / 6;
    const at = (dx: number[]) => u([s.x[0] + dx[0], s.x[1] + dx[1]]);
    let lu = s.c * u(s.x);
    for (let a = 0; a < 2; a++) {
      const ea = [a === 0 ? h : 0, a === 1 ? h : 0];
      lu += s.b[a] * (at(ea) - at(ea.map((v) => -v))) / (2 * h);
      for (let b = 0; b < 2; b++) {
        const eb = [b === 0 ? h : 0, b === 1 ? h : 0];
        const d2 = (at([ea[0] + eb[0], ea[1] + eb[1]]) - at([ea[0] - eb[0], ea[1] - eb[1]]) -
          at([eb[0] - ea[0], eb[1] - ea[1]]) + at([-ea[0] - eb[0], -ea[1] - eb[1]])) / (4 * h * h);
        lu += s.A[a][b] * d2;
      }
    }
    assert.ok(Math.abs(lu - pdeFeature(s, w)) < 1e-6, `${lu} vs ${pdeFeature(s, w)}`);
  }
});

Deno.test("riskGradient matches central differences of R_S, and ‖∇_wφ‖ ≤ ‖w‖²G", () => {
  const rng = createRng("pde-grad");
  const net = new PdeNetwork(SAMPLES, [0.3, -0.4], 5);
  const theta = net.initialise(rng, 0.7), g = net.riskGradient(theta), h = 1e-6;
  for (let q = 0; q < theta.length; q++) {
    const p = Float64Array.from(theta), m = Float64Array.from(theta);
    p[q] += h;
    m[q] -= h;
    assert.ok(Math.abs((net.risk(p) - net.risk(m)) / (2 * h) - g[q]) < 1e-6 * (1 + Math.abs(g[q])), `component ${q}`);
  }
  for (const s of SAMPLES) {
    for (let t = 0; t < 50; t++) {
      const w = [rng.normal(), rng.normal()], e = 1e-6;
      const grad = [0, 1].map((j) => {
        const p = [...w], m = [...w];
        p[j] += e;
        m[j] -= e;
        return (pdeFeature(s, p) - pdeFeature(s, m)) / (2 * e);
      });
      assert.ok(Math.hypot(...grad) <= (w[0] ** 2 + w[1] ** 2) * featureLipschitz(s) * (1 + 1e-6));
    }
  }
});

Deno.test("pdeGram: the degree-3 arc-cosine kernel (Cho and Saul) for the c-term, Monte Carlo for the full operator", () => {
  // c only, σ = max(z, 0)³: E(wᵀx)₊³(wᵀy)₊³ = ‖x‖³‖y‖³J₃(θ)/(2π),
  // J₃ = 4sin³θ + 15 sinθ cos²θ + (π − θ)(9 sin²θ cosθ + 15 cos³θ).
  const x = [0.9, 0.3], y = [0.2, 0.8];
  const zero = { A: [[0, 0], [0, 0]], b: [0, 0], c: 1 };
  const th = Math.acos((x[0] * y[0] + x[1] * y[1]) / (Math.hypot(...x) * Math.hypot(...y)));
  const j3 = 4 * Math.sin(th) ** 3 + 15 * Math.sin(th) * Math.cos(th) ** 2 +
    (Math.PI - th) * (9 * Math.sin(th) ** 2 * Math.cos(th) + 15 * Math.cos(th) ** 3);
  const k = pdeGram([{ x, ...zero }, { x: y, ...zero }], 1).gram.get(0, 1);
  assert.ok(Math.abs(k - Math.hypot(...x) ** 3 * Math.hypot(...y) ** 3 * j3 / (2 * Math.PI)) < 1e-10 * k);
  // Full operator against 200 000 draws of w (5 standard errors, fixed seed).
  const rng = createRng("pde-gram");
  const { gram } = pdeGram(SAMPLES);
  let s = 0, s2 = 0;
  const m = 200_000;
  for (let t = 0; t < m; t++) {
    const w = [rng.normal(), rng.normal()];
    const v = pdeFeature(SAMPLES[0], w) * pdeFeature(SAMPLES[1], w);
    s += v;
    s2 += v * v;
  }
  const mean = s / m, se = Math.sqrt((s2 / m - mean * mean) / m);
  assert.ok(Math.abs(mean - gram.get(0, 1)) < 5 * se, `${mean} ± ${se} vs ${gram.get(0, 1)}`);
});

Deno.test("C_d = E‖w‖₁¹²: d = 1 exactly 11!!, d = 2 against the binomial sum over the two coordinates", () => {
  assert.equal(gaussianL1TwelfthMoment(1), 10395);
  // E(|g₁| + |g₂|)¹² = Σ_k C(12, k) m_k m_{12−k} with m_k = E|g|^k = 2^{k/2}Γ((k + 1)/2)/√π.
  const gamma = (z: number): number => (z === 0.5 ? Math.sqrt(Math.PI) : z === 1 ? 1 : (z - 1) * gamma(z - 1));
  const mk = (k: number) => 2 ** (k / 2) * gamma((k + 1) / 2) / Math.sqrt(Math.PI);
  let c = 1, sum = 0;
  for (let k = 0; k <= 12; k++) {
    sum += c * mk(k) * mk(12 - k);
    c = c * (12 - k) / (k + 1);
  }
  assert.ok(Math.abs(gaussianL1TwelfthMoment(2) - sum) < 1e-9 * sum);
});

Deno.test("pdeRateRun: a correct rate is certified on t ≥ 0, a rate 3 times too fast is violated", () => {
  const net = new PdeNetwork([{ x: [1], A: [[1]], b: [1], c: 1 }], [0.5], 2000);
  const theta = net.initialise(createRng("pde-run"), 1e-5);
  const ok = pdeRateRun(net, theta, 750 / 36, 1), bad = pdeRateRun(net, theta, 750 / 36, 3);
  assert.ok(ok.supBound <= 1 && ok.observedMax <= 1);
  assert.ok(bad.observedMax > 1 && !(bad.supBound <= 1));
  assert.equal(ok.steps, bad.steps); // the same flow (cached)
});

Deno.test("pdeGram (d = 2): the error estimate is the quadrature's, scaled like the entry (×s²·d(d + 2)(d + 4)/(2π))", () => {
  // One sample with max coefficient 1 (so the entries are not rescaled): K = s²·er6·∫φ(u)²dt/(2π).
  const s = { x: [0.6, 0.3], A: [[1, 0.2], [0.2, 0.5]], b: [0.3, -0.4], c: 0.8 };
  const { gram, error } = pdeGram([s]);
  const t = Math.atan2(0.3, 0.6), wrap = (a: number) => ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  const breaks = [t + Math.PI / 2, t - Math.PI / 2, t + Math.PI / 2, t - Math.PI / 2].map(wrap);
  const q = integrate1d((a) => pdeFeature(s, [Math.cos(a), Math.sin(a)], 1) ** 2, 0, 2 * Math.PI, breaks, 1e-13);
  const er6 = 2 * 4 * 6, s2 = RELU3_SCALE ** 2;
  assert.ok(Math.abs(gram.get(0, 0) - (s2 * er6 * q.value) / (2 * Math.PI)) < 1e-12 * gram.get(0, 0));
  assert.ok(error > 0 && Math.abs(error - (s2 * er6 * q.error) / (2 * Math.PI)) <= 1e-9 * error, `${error}`);
  assert.throws(
    () => pdeGram([{ x: [1, 1, 1], A: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], b: [0, 0, 0], c: 0 }]),
    RangeError,
  );
});
