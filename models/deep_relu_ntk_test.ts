import assert from "node:assert/strict";
import { drawDeepRelu, empiricalTangentGram, nextAngle, ntkRecursion, reluArcCosine } from "./deep_relu_ntk.ts";
import { reluDerivativeKernelClosedForm, reluNtkKernelClosedForm } from "./ntk_kernels.ts";
import { gaussianExpectation } from "../numerics/quadrature.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("reluArcCosine agrees with nested Gaussian quadrature of E[σ(u)σ(u′)] and P(u > 0, u′ > 0)", () => {
  for (const [a, b, c] of [[1, 1, 0.3], [2, 0.5, -0.9], [0.7, 1.3, 0.94], [1, 4, 1.999]]) {
    // u = √a·z₁, u′ = (c/√a)z₁ + √(b − c²/a)·z₂ with z₁, z₂ independent N(0, 1).
    const sa = Math.sqrt(a), cb = c / sa, sb = Math.sqrt(b - cb * cb);
    const inner = (z1: number, g: (u: number, w: number) => number) =>
      gaussianExpectation((z2) => g(sa * z1, cb * z1 + sb * z2), [-cb * z1 / sb], 1e-13).value;
    const value = gaussianExpectation((z1) => inner(z1, (u, w) => Math.max(0, u) * Math.max(0, w)), [0], 1e-12).value;
    const both = gaussianExpectation((z1) => (z1 > 0 ? inner(z1, (_u, w) => (w > 0 ? 1 : 0)) : 0), [0], 1e-12).value;
    const r = reluArcCosine(a, b, c);
    assert.ok(Math.abs(r.value - value) < 1e-8, `${a}, ${b}, ${c}: ${r.value} vs ${value}`);
    assert.ok(Math.abs(r.derivative - both) < 1e-8, `${a}, ${b}, ${c}: ${r.derivative} vs ${both}`);
  }
});

Deno.test("the depth-2 recursion is Chapter 11's K^NTK (Theorem 11.30, Example 11.31) without its two bias terms", () => {
  const pairs = [[[2, 0.5], [-1, 2.5]], [[1, 0, 1], [0.3, -2, 1]], [[1.5], [-0.5]], [[1, 1], [1, 1]]];
  for (const [x, z] of pairs) {
    const th = ntkRecursion(x, z, 2).theta[1];
    const d = reluDerivativeKernelClosedForm(x, z);
    // K^NTK = (1 + xᵀz/d)E[σ′σ′] + E[σσ] + 1: the "1·E[σ′σ′]" and "+ 1" are its hidden and output biases' gradients.
    assert.ok(Math.abs(th - (reluNtkKernelClosedForm(x, z) - d - 1)) < 1e-12, `${x} ${z}`);
  }
});

Deno.test("empiricalTangentGram is the Gram matrix of central finite-difference gradients (depth 3)", () => {
  const net = drawDeepRelu(createRng(7), 2, 5, 3), xs = [[0.8, -1.1], [1.3, 0.4]];
  const f = (x: number[]) => {
    let a: number[] = x;
    for (const [l, w] of net.layers.entries()) {
      const n = l === 0 ? net.d : net.m;
      a = Array.from(
        { length: net.m },
        (_, i) => Math.max(0, a.reduce((s, t, j) => s + w[i * n + j] * t, 0) / Math.sqrt(n)),
      );
    }
    return a.reduce((s, t, i) => s + net.v[i] * t, 0) / Math.sqrt(net.m);
  };
  const params = [...net.layers, net.v], h = 1e-6;
  const grads = xs.map((x) =>
    params.flatMap((w) =>
      Array.from(w, (_, k) => {
        const w0 = w[k];
        w[k] = w0 + h;
        const up = f(x);
        w[k] = w0 - h;
        const down = f(x);
        w[k] = w0;
        return (up - down) / (2 * h);
      })
    )
  );
  const g = empiricalTangentGram(net, xs);
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      const fd = grads[i].reduce((s, t, k) => s + t * grads[j][k], 0);
      assert.ok(Math.abs(g[i][j] - fd) < 1e-6 * (1 + Math.abs(fd)), `${i}${j}: ${g[i][j]} vs ${fd}`);
    }
  }
});

Deno.test("the near-miss variants differ from the recursion", () => {
  const x = [1, 0.2], z = [-0.3, 1];
  const t = ntkRecursion(x, z, 3).theta[2];
  assert.ok(ntkRecursion(x, z, 3, { dropDerivative: true }).theta[2] > t * 1.05);
  assert.equal(
    ntkRecursion(x, x, 3, { dropDerivative: true }).theta[2],
    ntkRecursion(x, x, 2).theta[1] + ntkRecursion(x, x, 3).sigma[2],
  );
  assert.equal(ntkRecursion(x, z, 2, { dropDerivative: true }).theta[1], ntkRecursion(x, z, 2).theta[1]);
  assert.ok(Math.abs(ntkRecursion(x, z, 3, { scale: 1.05 }).theta[2] - 1.05 * t) < 1e-15);
});

Deno.test("nextAngle is arccos((sin θ + (π − θ)cos θ)/π) where arccos is accurate, and fixes 0 and π ↦ π/2", () => {
  for (const th of [0.3, 1, 2, 2.9]) {
    const direct = Math.acos((Math.sin(th) + (Math.PI - th) * Math.cos(th)) / Math.PI);
    assert.ok(Math.abs(nextAngle(th) - direct) < 1e-14, `${th}`);
  }
  assert.equal(nextAngle(0), 0);
  assert.ok(Math.abs(nextAngle(Math.PI) - Math.PI / 2) < 1e-15);
});

Deno.test("deep ReLU NTK by hand: arc-cosine at θ = 0, π/2, π; the recursion at x = x′ and at orthogonal inputs; variants", () => {
  // (u, u′) ~ N(0, [[a, c], [c, b]]).
  const perp = reluArcCosine(1, 4, 0), same = reluArcCosine(2, 2, 2), anti = reluArcCosine(1, 1, -1);
  assert.ok(Math.abs(perp.value - 2 / (2 * Math.PI)) < 1e-15 && Math.abs(perp.derivative - 0.25) < 1e-15);
  // E σ(u)² = a/2, P(u > 0) = ½ (b − c²/a rounds to at most a few ulps: θ ≲ 10⁻⁸).
  assert.ok(Math.abs(same.value - 1) < 1e-14 && Math.abs(same.derivative - 0.5) < 1e-8);
  assert.ok(Math.abs(anti.value) < 1e-15 && Math.abs(anti.derivative) < 1e-15);
  // nextAngle: cos θ′ = (sin θ + (π − θ)cos θ)/π, so 0 ↦ 0, π/2 ↦ arccos(1/π), π ↦ π/2.
  assert.equal(nextAngle(0), 0);
  assert.ok(Math.abs(nextAngle(Math.PI / 2) - Math.acos(1 / Math.PI)) < 1e-15);
  assert.ok(Math.abs(nextAngle(Math.PI) - Math.PI / 2) < 1e-15);
  for (const th of [0.01, 0.05, 0.09, 0.11, 1, 2.5]) {
    const want = Math.acos((Math.sin(th) + (Math.PI - th) * Math.cos(th)) / Math.PI);
    assert.ok(Math.abs(nextAngle(th) - want) < 1e-7 * Math.max(want, 1e-3), `${th}: ${nextAngle(th)} vs ${want}`);
  }
  // x = x′, ‖x‖² = d: Σ = 1, ½, ¼; Σ̇ = ½; Θ = 1, 1, ¾.
  const r = ntkRecursion([1, 1], [1, 1], 3);
  assert.deepEqual(r.sigma.map((v) => Math.round(v * 1e12) / 1e12), [1, 0.5, 0.25]);
  assert.deepEqual(r.sigmaDot.map((v) => Math.round(v * 1e12) / 1e12), [0.5, 0.5]);
  assert.deepEqual(r.theta.map((v) => Math.round(v * 1e12) / 1e12), [1, 1, 0.75]);
  // Orthogonal x ⊥ x′ (‖·‖² = d): Σ¹ = 0, Σ² = 1/(2π), Σ̇² = ¼, Θ² = 0·¼ + 1/(2π).
  const o = ntkRecursion([1, 1], [1, -1], 2);
  assert.ok(Math.abs(o.sigma[1] - 1 / (2 * Math.PI)) < 1e-15 && Math.abs(o.theta[1] - 1 / (2 * Math.PI)) < 1e-15);
  assert.ok(Math.abs(o.sigmaDot[0] - 0.25) < 1e-15 && o.sigma[0] === 0);
  // Variants: scale multiplies the limit; dropDerivative drops Σ̇ in the last step only (L ≥ 3).
  assert.ok(Math.abs(ntkRecursion([1, 1], [1, 1], 3, { scale: 1.1 }).theta[2] - 0.825) < 1e-12);
  assert.ok(Math.abs(ntkRecursion([1, 1], [1, 1], 3, { dropDerivative: true }).theta[2] - 1.25) < 1e-12);
  assert.deepEqual(
    ntkRecursion([1, 1], [1, 1], 2, { dropDerivative: true }).theta,
    ntkRecursion([1, 1], [1, 1], 2).theta,
  );
  assert.deepEqual(ntkRecursion([2, 0], [1, 1], 1), { sigma: [1], sigmaDot: [], theta: [1] });
});

Deno.test("drawDeepRelu: W¹ (m×d), Wˡ (m×m), then v (m), each entry one N(0, 1) draw of the stream, in order", () => {
  const net = drawDeepRelu(createRng("deep-draw"), 2, 3, 3), ref = createRng("deep-draw");
  assert.deepEqual([net.d, net.m, net.depth, net.layers.length], [2, 3, 3, 2]);
  for (const w of net.layers) for (let k = 0; k < w.length; k++) assert.equal(w[k], ref.normal());
  for (let k = 0; k < 3; k++) assert.equal(net.v[k], ref.normal());
  assert.equal(drawDeepRelu(createRng(1), 2, 4, 1).layers.length, 0);
});
