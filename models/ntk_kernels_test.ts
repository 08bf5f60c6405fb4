import assert from "node:assert/strict";
import { arctan, relu, softplus } from "./activation.ts";
import { gaussianVariance2, studentT5 } from "../numerics/distributions.ts";
import { angle, derivativeKernel, empiricalKernelVariance, lecunKernel, ntkKernel } from "./ntk_kernels.ts";
import { pairExpectation, reluBiasKernelsClosedForm, reluDerivativeKernelClosedForm } from "./ntk_kernels.ts";
import { limitKernel, pairLaw, reluLecunKernelClosedForm, reluNtkKernelClosedForm } from "./ntk_kernels.ts";
import { createRng, gaussian, rademacher, uniformSqrt3 } from "../numerics/random.ts";
import { TwoLayerNetwork } from "./two_layer.ts";

Deno.test("kernels: stable angle at 0, π/2, π", () => {
  assert.equal(angle([1, 2], [2, 4]), 0);
  assert.ok(Math.abs(angle([1, 0], [0, 3]) - Math.PI / 2) < 1e-15);
  assert.ok(Math.abs(angle([1, 2, 3], [-2, -4, -6]) - Math.PI) < 1e-15);
});

Deno.test("kernels: ReLU closed forms (with u ~ N(0, I/d)) equal nested quadrature", () => {
  const rng = createRng("kernels-closed");
  for (let t = 0; t < 10; t++) {
    const d = 1 + (t % 4);
    const x = Array.from({ length: d }, () => rng.normal()), z = Array.from({ length: d }, () => rng.normal());
    const spec = { parametrisation: "ntk" as const, activation: relu, distribution: gaussian };
    const k0 = lecunKernel(x, z, spec), k1 = derivativeKernel(x, z, spec), kn = ntkKernel(x, z, spec);
    assert.ok(Math.abs(k0.value - reluLecunKernelClosedForm(x, z)) <= 10 * k0.error + 1e-14);
    assert.ok(Math.abs(k1.value - reluDerivativeKernelClosedForm(x, z)) <= 10 * k1.error + 1e-14);
    assert.ok(Math.abs(kn.value - reluNtkKernelClosedForm(x, z)) <= 10 * kn.error + 1e-13);
    const kb = lecunKernel(x, z, { ...spec, biasVariance: 1 });
    assert.ok(Math.abs(kb.value - reluBiasKernelsClosedForm(x, z, 1).lecun) <= 10 * kb.error + 1e-14);
  }
});

Deno.test("kernels: Rademacher enumeration is exact in d = 1", () => {
  // u = ±1 with probability ½: E[σ(ux)σ(uz)] = (σ(x)σ(z) + σ(−x)σ(−z))/2.
  const k = lecunKernel([0.7], [-1.3], { parametrisation: "lecun", activation: softplus, distribution: rademacher });
  const f = softplus.f;
  assert.equal(k.value, (f(0.7) * f(-1.3) + f(-0.7) * f(1.3)) / 2);
});

Deno.test("kernels: uniform-D quadrature agrees with Monte Carlo (5 standard errors)", () => {
  const rng = createRng("kernels-uniform");
  const x = [0.8, -1.5], z = [1.1, 0.4];
  for (const act of [relu, arctan]) {
    const k = lecunKernel(x, z, { parametrisation: "lecun", activation: act, distribution: uniformSqrt3 });
    const N = 200000, s = Math.sqrt(1 / 2);
    let m = 0, m2 = 0;
    for (let i = 0; i < N; i++) {
      const u0 = s * uniformSqrt3.sample(rng), u1 = s * uniformSqrt3.sample(rng);
      const t = act.f(u0 * x[0] + u1 * x[1]) * act.f(u0 * z[0] + u1 * z[1]);
      m += t;
      m2 += t * t;
    }
    m /= N;
    const se = Math.sqrt((m2 / N - m * m) / N);
    assert.ok(Math.abs(k.value - m) <= 5 * se, `${act.name}: quadrature ${k.value} vs MC ${m} ± ${se}`);
  }
});

Deno.test("pairExpectation refuses a law it has no quadrature for (never silently the uniform rule)", () => {
  const law = { p: [1, 0], q: [1, 0], scales: [1, 1] };
  for (const dist of [studentT5, gaussianVariance2]) {
    assert.throws(() => pairExpectation((a) => a, (b) => b, [], [], law, dist), /no quadrature/);
  }
});

Deno.test("empiricalKernelVariance: n·Var[s_n K̂ₙ] agrees with draws of the network, 1/n terms included", () => {
  const rng = createRng("kernel-variance");
  const x = [2, 0.5], z = [1.5, -1.5], n = 4, N = 20000;
  for (
    const spec of [
      { parametrisation: "lecun" as const, activation: relu, distribution: gaussian },
      { parametrisation: "ntk" as const, activation: softplus, distribution: uniformSqrt3 },
    ]
  ) {
    const v = empiricalKernelVariance(x, z, spec), exact = v.constant + v.perWidth / n + v.perWidthSquared / n ** 2;
    const scale = spec.parametrisation === "lecun" ? 1 / n : 1;
    const draws = Array.from({ length: N }, () => {
      const net = TwoLayerNetwork.initialise(rng, { d: 2, n, ...spec }, { distribution: spec.distribution });
      return scale * net.tangentKernel([x, z]).get(0, 1);
    });
    const mean = draws.reduce((s, t) => s + t, 0) / N;
    const sq = draws.map((t) => (t - mean) ** 2), s2 = sq.reduce((s, t) => s + t, 0) / (N - 1);
    const se = Math.sqrt(sq.reduce((s, t) => s + (t - s2) ** 2, 0) / N / N);
    assert.ok(
      Math.abs(n * s2 - exact) <= 5 * n * se,
      `${spec.parametrisation}: n·s² ${n * s2} vs ${exact} ± ${n * se}`,
    );
    if (spec.parametrisation === "lecun") {
      // The constant alone (the width limit) is rejected at n = 4: the 1/n terms are real.
      assert.ok(Math.abs(n * s2 - v.constant) > 5 * n * se, `constant ${v.constant} not rejected`);
    }
  }
});

Deno.test("pairExpectation: uniform D with one random coordinate (a = 2ξ, b = 3ξ, ξ uniform on [−√3, √3])", () => {
  const law = { p: [2], q: [3], scales: [1] }, r = (t: number) => Math.max(0, t);
  // E[ab] = 6·E[ξ²] = 6; E[relu(a)relu(b)] = 6·E[ξ²; ξ > 0] = 3; E[a·1] = 0.
  assert.ok(Math.abs(pairExpectation((a) => a, (b) => b, [], [], law, uniformSqrt3).value - 6) < 1e-10);
  assert.ok(Math.abs(pairExpectation(r, r, [0], [0], law, uniformSqrt3).value - 3) < 1e-10);
  assert.ok(Math.abs(pairExpectation((a) => a, () => 1, [], [], law, uniformSqrt3).value) < 1e-10);
});

Deno.test("pairExpectation: Gaussian D with two coordinates: E[ab] = pᵀq by hand, with a small error estimate", () => {
  // a = ξ₁ + 2ξ₂, b = 3ξ₁ − ξ₂ (standard Gaussians): E[ab] = 3 − 2 = 1.
  const e = pairExpectation((a) => a, (b) => b, [], [], { p: [1, 2], q: [3, -1], scales: [1, 1] }, gaussian);
  assert.ok(Math.abs(e.value - 1) < 1e-9 && e.error < 1e-6, `${e.value} ± ${e.error}`);
});

Deno.test("ReLU closed forms by hand at θ = 0, π/2, π (d = 2, ‖x‖ = ‖z‖ = 1)", () => {
  const e1 = [1, 0], e2 = [0, 1], m1 = [-1, 0];
  // θ = 0: E relu(a)² = Var(a)/2 = 1/4 (a ~ N(0, 1/2)); θ = π/2: 1/(2π·2); θ = π: 0.
  const lc = [reluLecunKernelClosedForm(e1, e1), reluLecunKernelClosedForm(e1, e2), reluLecunKernelClosedForm(e1, m1)];
  [0.25, 1 / (4 * Math.PI), 0].forEach((v, k) => assert.ok(Math.abs(lc[k] - v) < 1e-16, `${k}: ${lc[k]}`));
  // P(a > 0, b > 0) = (π − θ)/(2π): ½, ¼, 0.
  assert.deepEqual([e1, e2, m1].map((z) => reluDerivativeKernelClosedForm(e1, z)), [0.5, 0.25, 0]);
  // K^NTK = (1 + xᵀz/d)·P + K^LC + 1.
  const ntk = [e1, e2, m1].map((z) => reluNtkKernelClosedForm(e1, z));
  [1.5 * 0.5 + 0.25 + 1, 0.25 + 1 / (4 * Math.PI) + 1, 1].forEach((v, k) => assert.ok(Math.abs(ntk[k] - v) < 1e-15));
  // Scaling: K^LC is bilinear in (‖x‖, ‖z‖); the derivative kernel depends on the angle only.
  assert.ok(Math.abs(reluLecunKernelClosedForm([2, 0], [0, 3]) - 6 / (4 * Math.PI)) < 1e-15);
  assert.equal(reluDerivativeKernelClosedForm([2, 0], [0, 3]), 0.25);
});

Deno.test("reluBiasKernelsClosedForm: zero bias gives the plain closed forms; zero inputs give ς_b²/2 and ½", () => {
  const x = [1, 2, -0.5], z = [0.3, -1, 2];
  const b0 = reluBiasKernelsClosedForm(x, z, 0);
  assert.ok(Math.abs(b0.lecun - reluLecunKernelClosedForm(x, z)) < 1e-15);
  assert.ok(Math.abs(b0.derivative - reluDerivativeKernelClosedForm(x, z)) < 1e-15);
  assert.ok(Math.abs(b0.ntk - reluNtkKernelClosedForm(x, z)) < 1e-14);
  // x = z = 0: a = b = β ~ N(0, ς_b²), E relu(β)² = ς_b²/2, P(β > 0) = ½, K^NTK = ½ + ς_b²/2 + 1.
  const zero = reluBiasKernelsClosedForm([0, 0], [0, 0], 3);
  assert.ok(Math.abs(zero.lecun - 1.5) < 1e-15 && Math.abs(zero.derivative - 0.5) < 1e-15);
  assert.ok(Math.abs(zero.ntk - 3) < 1e-15);
  // And the quadrature with biases agrees (Gaussian D).
  const spec = { parametrisation: "lecun" as const, activation: relu, distribution: gaussian, biasVariance: 0.7 };
  const b = reluBiasKernelsClosedForm(x, z, 0.7);
  assert.ok(Math.abs(lecunKernel(x, z, spec).value - b.lecun) < 1e-9);
  assert.ok(Math.abs(derivativeKernel(x, z, spec).value - b.derivative) < 1e-9);
  assert.ok(Math.abs(ntkKernel(x, z, { ...spec, parametrisation: "ntk" }).value - b.ntk) < 1e-8);
});

Deno.test("ntk kernels: weight variance ς² scales K^LC by ς² (ReLU is 1-homogeneous) and enters K^NTK as ς²(1 + xᵀz/d)", () => {
  const x = [1, 2], z = [0.5, -1], s2 = 4, xz = 0.5 - 2;
  const plain = { parametrisation: "ntk" as const, activation: relu, distribution: gaussian };
  const scaled = { ...plain, weightVariance: s2 };
  const k = reluLecunKernelClosedForm(x, z), p = reluDerivativeKernelClosedForm(x, z);
  assert.ok(Math.abs(lecunKernel(x, z, scaled).value - s2 * k) < 1e-9);
  assert.ok(Math.abs(derivativeKernel(x, z, scaled).value - p) < 1e-9);
  const ntk = ntkKernel(x, z, scaled);
  assert.ok(Math.abs(ntk.value - (s2 * (1 + xz / 2) * p + s2 * k + 1)) < 1e-8, `${ntk.value}`);
  assert.ok(ntk.error >= lecunKernel(x, z, scaled).error && ntk.error < 1e-8);
  // limitKernel: K^LC for LeCun, K^NTK for NTK.
  assert.equal(limitKernel(x, z, plain).value, ntkKernel(x, z, plain).value);
  assert.equal(limitKernel(x, z, { ...plain, parametrisation: "lecun" }).value, lecunKernel(x, z, plain).value);
  // pairLaw: scales √(ς²/d) on the inputs, √ς_b² on the bias coordinate.
  assert.deepEqual(pairLaw(x, z, { ...scaled, biasVariance: 9 }), {
    p: [1, 2, 1],
    q: [0.5, -1, 1],
    scales: [Math.SQRT2, Math.SQRT2, 3],
  });
});

Deno.test("pairExpectation: the degenerate and the small cases of each law by hand", () => {
  const id = (t: number) => t, one = (t: number) => t + 1, r = relu.f;
  // Gaussian, a ≡ 0 (x = 0): E[(0 + 1)·relu(b)] = sd(b)/√(2π), sd(b) = ‖(1, 2)‖/√2.
  const sd = Math.sqrt(2.5);
  const zeroX = pairExpectation(
    one,
    r,
    [],
    [0],
    { p: [0, 0], q: [1, 2], scales: [Math.SQRT1_2, Math.SQRT1_2] },
    gaussian,
  );
  assert.ok(Math.abs(zeroX.value - sd / Math.sqrt(2 * Math.PI)) < 1e-10, `${zeroX.value}`);
  const zeroZ = pairExpectation(
    r,
    one,
    [0],
    [],
    { p: [1, 2], q: [0, 0], scales: [Math.SQRT1_2, Math.SQRT1_2] },
    gaussian,
  );
  assert.ok(Math.abs(zeroZ.value - sd / Math.sqrt(2 * Math.PI)) < 1e-10);
  // Both zero: f(0)g(0) exactly.
  assert.equal(pairExpectation(one, one, [], [], { p: [0], q: [0], scales: [1] }, gaussian).value, 1);
  // Parallel and antiparallel (θ = 0, π): E[relu(a)relu(2a)] = 2·Var(a)/2, E[relu(a)relu(−a)] = 0.
  const law = (c: number) => ({ p: [1, 1], q: [c, c], scales: [1, 1] });
  assert.ok(Math.abs(pairExpectation(r, r, [0], [0], law(2), gaussian).value - 2) < 1e-10);
  assert.ok(Math.abs(pairExpectation(r, r, [0], [0], law(-1), gaussian).value) < 1e-10);
  // Uniform, one coordinate: E[(2ξ)(3ξ)] = 6, E[relu(ξ)²] = ½ (ξ uniform on [−√3, √3]).
  const u1 = pairExpectation(id, id, [], [], { p: [2], q: [3], scales: [1] }, uniformSqrt3);
  assert.ok(Math.abs(u1.value - 6) < 1e-12 && u1.error < 1e-10);
  assert.ok(
    Math.abs(pairExpectation(r, r, [0], [0], { p: [1], q: [1], scales: [1] }, uniformSqrt3).value - 0.5) < 1e-12,
  );
  // Uniform, two coordinates: E[(ξ₁ + ξ₂)(ξ₁ − 2ξ₂)] = 1 − 2 = −1.
  const u2 = pairExpectation(id, id, [], [], { p: [1, 1], q: [1, -2], scales: [1, 1] }, uniformSqrt3);
  assert.ok(Math.abs(u2.value + 1) < 1e-10);
  // More than two random coordinates: refused; Rademacher beyond 2²⁰ signs: refused.
  assert.throws(
    () => pairExpectation(id, id, [], [], { p: [1, 1, 1], q: [1, 1, 1], scales: [1, 1, 1] }, uniformSqrt3),
    RangeError,
  );
  const big = { p: Array(21).fill(1), q: Array(21).fill(1), scales: Array(21).fill(1) };
  assert.throws(() => pairExpectation(id, id, [], [], big, rademacher), RangeError);
  // Rademacher, 3 coordinates: E[(ξ₁ + ξ₂ + ξ₃)²] = 3 exactly, E[|ξ₁ + 2ξ₂|·1] = (3 + 1)/2 = 2.
  const rad = pairExpectation(id, id, [], [], { p: [1, 1, 1], q: [1, 1, 1], scales: [1, 1, 1] }, rademacher);
  assert.equal(rad.value, 3);
  assert.ok(rad.error <= 12 * Number.EPSILON * 3 && rad.error > 0);
  assert.equal(
    pairExpectation(Math.abs, () => 1, [], [], { p: [1, 2], q: [0, 0], scales: [1, 1] }, rademacher).value,
    2,
  );
});
