import assert from "node:assert/strict";
import { arctan, relu, softplus } from "./activation.ts";
import { gaussianVariance2, studentT5 } from "../numerics/distributions.ts";
import { angle, derivativeKernel, empiricalKernelVariance, lecunKernel, ntkKernel } from "./ntk_kernels.ts";
import { pairExpectation, reluBiasKernelsClosedForm, reluDerivativeKernelClosedForm } from "./ntk_kernels.ts";
import { reluLecunKernelClosedForm, reluNtkKernelClosedForm } from "./ntk_kernels.ts";
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
