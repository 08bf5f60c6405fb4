import assert from "node:assert/strict";
import fc from "fast-check";
import { distanceFunction, featureKernel, kernelMatrix, polynomial2Features, polynomialKernel } from "./kernels.ts";
import { quadraticFeatures, randomFourierFeatures, randomReluFeatureMap, rbfKernel } from "./kernels.ts";
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
