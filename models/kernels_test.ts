import assert from "node:assert/strict";
import fc from "fast-check";
import { distanceFunction, featureKernel, kernelMatrix, polynomial2Features, polynomialKernel } from "./kernels.ts";
import { quadraticFeatures, randomFourierFeatures, randomReluFeatureMap, rbfKernel } from "./kernels.ts";
import { affineFeatures, featureMatrix, type Kernel, kernelFeatureMap, laplaceKernel } from "./kernels.ts";
import { commonDyadic, dyadic, ratToNumber } from "../numerics/rational.ts";
import { createRng } from "../numerics/random.ts";

/** (xᵀy + c)^r exactly, for float inputs (dyadic rationals). */
function exactPolynomial(x: number[], y: number[], c: number, r: number): number {
  const { nums, shift } = commonDyadic([...x, ...y, c]);
  const d = x.length, one = 1n << BigInt(shift);
  let s = nums[2 * d] * one;
  for (let i = 0; i < d; i++) s += nums[i] * nums[d + i];
  return ratToNumber({ num: s ** BigInt(r), den: (one * one) ** BigInt(r) });
}

Deno.test("polynomial kernel: the stated error bound covers the exact value (BigInt reference)", () => {
  const coord = fc.double({ min: -3, max: 3, noNaN: true });
  fc.assert(
    fc.property(
      fc.array(coord, { minLength: 3, maxLength: 3 }),
      fc.array(coord, { minLength: 3, maxLength: 3 }),
      fc.double({ min: 0, max: 2, noNaN: true }),
      fc.integer({ min: 1, max: 6 }),
      (x, y, c, r) => {
        const k = polynomialKernel(c, r);
        const err = Math.abs(k.value(x, y) - exactPolynomial(x, y, c, r));
        // ratToNumber itself rounds: allow one extra ulp of the value.
        assert.ok(err <= k.error(x, y) + 2.3e-16 * Math.abs(k.value(x, y)), `${err} > ${k.error(x, y)}`);
      },
    ),
    { seed: 21, numRuns: 300 },
  );
});

Deno.test("the explicit features of (1 + xᵀx′)² reproduce the polynomial kernel within both error bounds", () => {
  const rng = createRng("poly2");
  for (let trial = 0; trial < 50; trial++) {
    const d = rng.int(1, 4), phi = polynomial2Features(d);
    const x = Array.from({ length: d }, () => rng.normal()), y = Array.from({ length: d }, () => rng.normal());
    const viaFeatures = featureKernel(phi), direct = polynomialKernel(1, 2);
    const gap = Math.abs(viaFeatures.value(x, y) - direct.value(x, y));
    assert.ok(gap <= viaFeatures.error(x, y) + direct.error(x, y), `${gap}`);
  }
});

Deno.test("(11.2.6) features span the quadratics: ⟨w, φ(x)⟩ = ρ² − ‖x − c‖² for the right w", () => {
  const [c1, c2, rho] = [0.3, -0.2, 1.1];
  const w = [rho * rho - c1 * c1 - c2 * c2, 2 * c1, 2 * c2, 0, -1, -1];
  const x = [0.7, 0.4], f = quadraticFeatures.map(x);
  const lhs = w.reduce((s, v, k) => s + v * f[k], 0);
  assert.ok(Math.abs(lhs - (rho * rho - (x[0] - c1) ** 2 - (x[1] - c2) ** 2)) < 1e-15);
});

Deno.test("random Fourier features approximate the RBF kernel (Monte Carlo, 4000 features)", () => {
  const phi = randomFourierFeatures(createRng("rff"), 2, 4000, 0.5);
  const k = featureKernel(phi), rbf = rbfKernel(0.5);
  // n terms each in [−2/n, 2/n] with mean exp(−c‖x − x′‖²)/n: Hoeffding, P(|error| ≥ 0.2) ≤ 2e^{−0.04n/8} ≈ 4e-9.
  assert.ok(Math.abs(k.value([0.2, 0.1], [-0.5, 0.9]) - rbf.value([0.2, 0.1], [-0.5, 0.9])) < 0.2);
});

Deno.test("kernel matrices are exactly symmetric", () => {
  const pts = Array.from({ length: 6 }, (_, i) => [Math.sin(i), Math.cos(3 * i)]);
  assert.ok(kernelMatrix(rbfKernel(0.7), pts).g.isSymmetric());
  assert.ok(kernelMatrix(featureKernel(quadraticFeatures), pts).g.isSymmetric());
});

const UNIT = 2 ** -53, gammaOf = (k: number) => (k * UNIT) / (1 - k * UNIT);

Deno.test("kernels: the distance's rounding budget is within 2× of its first-order model", () => {
  // ‖x − y‖ by a sum of d squares (γ_{d+2}, halved by the root) and a root (≤ 4u for libm): about
  // ((d + 3)u/2 + 4u)·‖x − y‖; the budget (with its 1% safety factor) must not be looser than twice that.
  for (const [x, y] of [[[0, 0], [3, 4]], [[1, -2, 0.5], [0.25, 1, -3]]]) {
    const dist = distanceFunction.value(x, y), model = ((x.length + 3) * UNIT / 2 + 4 * UNIT) * dist;
    const e = distanceFunction.error(x, y);
    assert.ok(e >= model && e <= 2 * model, `${e} against ${model}`);
  }
});

Deno.test("kernels: random ReLU features' error bounds are nonnegative and even in x (they use |w|·|x|)", () => {
  const phi = randomReluFeatureMap(createRng("relu-err"), 3, 20);
  for (const x of [[1, -2, 0.5], [-0.3, 0.7, 2]]) {
    const e = phi.error(x), eNeg = phi.error(x.map((v) => -v));
    for (let k = 0; k < 20; k++) {
      assert.ok(e[k] > 0);
      assert.equal(e[k], eNeg[k]);
    }
  }
});

Deno.test("kernels: a feature kernel's budget covers γₙ·Σ|φₖ(x)φₖ(y)| even when the products cancel", () => {
  // φ(1, 0) = (1, 1, 0, 0, 1, 0), φ(−1, 0) = (1, −1, 0, 0, 1, 0): ⟨φ, φ′⟩ = 1 but Σ|φₖφ′ₖ| = 3.
  const k = featureKernel(quadraticFeatures);
  assert.equal(k.value([1, 0], [-1, 0]), 1);
  assert.ok(k.error([1, 0], [-1, 0]) >= gammaOf(6) * 3);
});

Deno.test("polynomial2Features: √2·xᵢxⱼ has three roundings (√2 itself is rounded): γ₂ would not cover it, γ₃ does", () => {
  // Exact √2·x₀x₁ against the computed component, in integers: √2 to 300 bits, the doubles as dyadics.
  const P = 300n;
  let s = 1n << 302n; // Newton's integer square root of 2·2^600, from above (2^302 > 2^300.5)
  for (let t = (s + (2n << 600n) / s) >> 1n; t < s; t = (s + (2n << 600n) / s) >> 1n) s = t;
  assert.ok(s * s <= 2n << 600n && (s + 1n) * (s + 1n) > 2n << 600n);
  const x = [0.8572664014568971, 0.4454111693983758], phi = polynomial2Features(2);
  const v = phi.map(x)[5], bound = phi.error(x)[5];
  const a = dyadic(v), b0 = dyadic(x[0]), b1 = dyadic(x[1]);
  const exact = s * b0.num * b1.num << BigInt(a.shift), computed = a.num << (P + BigInt(b0.shift + b1.shift));
  // Both over the denominator 2^(300 + shifts): compare err with u·|v| = |v|/2^53 (γₖ > k·u).
  const err = exact > computed ? exact - computed : computed - exact;
  const uv = (computed < 0n ? -computed : computed) >> 53n; // u·|v|, to the integer below
  assert.ok(err > 2n * uv, "this input needs more than two roundings' worth");
  assert.ok(Number(err) / Number(uv) < bound / (UNIT * Math.abs(v)), `${Number(err) / Number(uv)} u`);
  assert.ok(bound >= 3 * UNIT * Math.abs(v));
});

Deno.test("polynomial2Features: dimension 1 + 2d + d(d − 1)/2, the length of the map", () => {
  for (const [d, dim] of [[1, 3], [2, 6], [3, 10], [4, 15]]) {
    const phi = polynomial2Features(d);
    assert.equal(phi.dim, dim);
    assert.equal(phi.map(Array.from({ length: d }, (_, i) => i + 1)).length, dim);
  }
});

const near = (a: number, b: number, rel = 1e-12) => assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${a} vs ${b}`);

Deno.test("kernels: RBF and Laplace values and budgets are the documented ones (1.01 × the rounding model)", () => {
  const x = [1, -2, 0.5], y = [0.25, 1, -3], q = 0.75 ** 2 + 9 + 3.5 ** 2, r = Math.sqrt(q), d = 3;
  for (const c of [0.3, 2]) {
    near(rbfKernel(c).value(x, y), Math.exp(-c * q));
    // RBF: ‖x − y‖² with relative error γ_{d+3} (c·q included), times the Lipschitz factor k; exp's own 4u.
    near(rbfKernel(c).error(x, y), 1.01 * Math.exp(-c * q) * (c * q * gammaOf(d + 3) + 4 * UNIT));
    near(laplaceKernel(c).value(x, y), Math.exp(-c * r));
    // Laplace: the root halves γ_{d+3} and adds 4u, c·r one more u; exp adds 4u.
    const k = Math.exp(-c * r);
    near(laplaceKernel(c).error(x, y), 1.01 * k * (c * r * (gammaOf(d + 3) / 2 + 4 * UNIT + UNIT) + 4 * UNIT));
  }
  assert.equal(laplaceKernel(1).value([2, 2], [2, 2]), 1);
  assert.equal(laplaceKernel(1).error([2, 2], [2, 2]), 1.01 * 4 * UNIT);
  near(distanceFunction.error(x, y), 1.01 * r * (gammaOf(d + 3) / 2 + 4 * UNIT));
});

Deno.test("kernels: polynomial budget, r(|v| + δ)^{r−1}δ + γ_{r−1}|v|^r with δ = γ_{d+1}(Σ|xᵢyᵢ| + |c|), and r = 0, 1", () => {
  const x = [1, -2], y = [3, 0.5], s = 2, a = 4; // xᵀy = 3 − 1, Σ|xᵢyᵢ| = 3 + 1
  for (const [c, r] of [[1, 3], [0.5, 2], [2, 1], [1, 0]]) {
    const v = Math.abs(s + c), delta = gammaOf(3) * (a + Math.abs(c));
    const want = 1.01 * (r * (v + delta) ** (r - 1) * delta + gammaOf(Math.max(r - 1, 0)) * v ** r);
    near(polynomialKernel(c, r).error(x, y), want);
    assert.equal(polynomialKernel(c, r).value(x, y), (s + c) ** r);
  }
  assert.equal(polynomialKernel(1, 0).error(x, y), 0); // the constant 1: no rounding at all
});

Deno.test("kernels: the kernel matrix's error is the Frobenius norm of the entries' budgets", () => {
  const constant: Kernel = { name: "k", value: (x, y) => x[0] * y[0], error: (x, y) => Math.abs(x[0] - y[0]) };
  // Budgets |xᵢ − xⱼ| on the points 0, 1, 3: the off-diagonal entries 1, 3, 2 twice each: √(2·(1 + 9 + 4)) = √28.
  const { g, error } = kernelMatrix(constant, [[0], [1], [3]]);
  near(error, Math.sqrt(28));
  assert.deepEqual(g.to2DArray(), [[0, 0, 0], [0, 1, 3], [0, 3, 9]]);
});

Deno.test("kernels: kernelFeatureMap, affineFeatures, featureMatrix and the (11.2.6) budgets", () => {
  const phi = kernelFeatureMap(rbfKernel(1), [[0, 0], [1, 0], [0, 2]]);
  assert.deepEqual([phi.inputDim, phi.dim], [2, 3]);
  assert.deepEqual(Array.from(phi.map([1, 1])), [Math.exp(-2), Math.exp(-1), Math.exp(-2)]);
  assert.deepEqual(Array.from(phi.error([1, 1])), [[0, 0], [1, 0], [0, 2]].map((c) => rbfKernel(1).error([1, 1], c)));
  assert.equal(kernelFeatureMap(rbfKernel(1), []).inputDim, 0);
  const aff = affineFeatures(3);
  assert.deepEqual([aff.inputDim, aff.dim, Array.from(aff.error([1, 2, 3]))], [3, 4, [0, 0, 0, 0]]);
  assert.deepEqual(featureMatrix(aff, [[1, 2, 3], [-1, 0, 5]]).to2DArray(), [[1, 1, 2, 3], [1, -1, 0, 5]]);
  // (11.2.6): one rounded product in each of x₁x₂, x₁², x₂²: the budget u·|product| covers the exact error (BigInt).
  const x = [0.1, -0.7], f = quadraticFeatures.map(x), e = quadraticFeatures.error(x);
  assert.deepEqual(Array.from(e.subarray(0, 3)), [0, 0, 0]);
  ([[x[0], x[1]], [x[0], x[0]], [x[1], x[1]]] as [number, number][]).forEach(([p, q], k) => {
    assert.equal(e[3 + k], UNIT * Math.abs(p * q));
    const { nums, shift } = commonDyadic([p, q, f[3 + k]]);
    const diff = nums[0] * nums[1] - (nums[2] << BigInt(shift));
    const err = ratToNumber({ num: diff < 0n ? -diff : diff, den: 1n << BigInt(2 * shift) });
    assert.ok(err > 0 && err <= e[3 + k], `component ${3 + k}: error ${err}, budget ${e[3 + k]}`);
  });
});

Deno.test("kernels: random ReLU features are max(0, uₖᵀx)/√n, E‖φ(x)‖² = ‖x‖²/2 (Monte Carlo, n = 20000)", () => {
  const n = 20000, phi = randomReluFeatureMap(createRng("relu-mc"), 3, n), x = [1, -2, 0.5], x2 = 5.25;
  const f = phi.map(x), fNeg = phi.map(x.map((v) => -v)), f2 = phi.map(x.map((v) => 2 * v));
  assert.ok(f.every((v, k) => v >= 0 && f2[k] === 2 * v && (v === 0 || fNeg[k] === 0)));
  // φₖ(x) + φₖ(−x) = |uₖᵀx|/√n ≥ 0, and Σₖφₖ(x)² = (1/n)Σ max(0, g)², g ~ N(0, ‖x‖²): mean ‖x‖²/2, sd of one
  // term √(5/4)·‖x‖²; 4 standard errors of the mean.
  const sq = f.reduce((s, v) => s + v * v, 0);
  assert.ok(Math.abs(sq - x2 / 2) < 4 * Math.sqrt(1.25) * x2 / Math.sqrt(n), `${sq} vs ${x2 / 2}`);
  // The budget 1.01·(γ_{d+1}·Σ|uₖᵢxᵢ| + u)/√n: at least u/√n and at most 1.01·(γ₄·|u|₁‖x‖_∞ + u)/√n.
  const e = phi.error(x);
  assert.ok(e.every((v) => v >= UNIT / Math.sqrt(n)));
});

Deno.test("kernels: random Fourier features are bounded by √(2/n) and their kernel is symmetric with K(x, x) ≈ 1", () => {
  const n = 4000, phi = randomFourierFeatures(createRng("rff-bound"), 2, n, 0.5), s = Math.sqrt(2 / n);
  const f = phi.map([0.3, -1]);
  assert.ok(f.every((v) => Math.abs(v) <= s * (1 + 1e-15)) && Math.max(...f.map(Math.abs)) > 0.999 * s);
  // ‖φ(x)‖² = (2/n)Σcos²(·) = 1 + (1/n)Σcos(2·): mean 1 (uniform phases), sd of the average ≤ 1/√(2n).
  const sq = f.reduce((a, v) => a + v * v, 0);
  assert.ok(Math.abs(sq - 1) < 4 / Math.sqrt(2 * n), `${sq}`);
  // Budgets: at least the scale times the cosine's own error (4u) and the two roundings (2u).
  assert.ok(phi.error([0.3, -1]).every((v) => v >= 1.01 * s * 6 * UNIT));
});
