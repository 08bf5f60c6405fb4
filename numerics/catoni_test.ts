import assert from "node:assert/strict";
import { catoniMeanTest } from "./catoni.ts";
import { createRng } from "./random.ts";
import { binomialLowerTail, holm } from "./stats.ts";
import { chiSquareCdf, normalCdf } from "./goodness_of_fit.ts";

/** Draws from a lognormal e^g (mean e^{1/2}, variance (e − 1)e): skewed and heavy-tailed. */
function lognormalSample(rng: ReturnType<typeof createRng>, N: number): Float64Array {
  return Float64Array.from({ length: N }, () => Math.exp(rng.normal()));
}

Deno.test("catoniMeanTest: its level holds for a heavy-tailed law, where it is rigorous", () => {
  const rng = createRng("catoni-level");
  const mean = Math.exp(0.5), variance = (Math.E - 1) * Math.E, level = 0.01, reps = 4000;
  let rejected = 0;
  for (let r = 0; r < reps; r++) {
    if (catoniMeanTest(lognormalSample(rng, 50), mean, variance, level).pValue <= level) rejected++;
  }
  // P(Bin(4000, 0.01) ≥ k) ≥ 10⁻⁶ unless the p-value were anti-conservative.
  assert.ok(1 - binomialLowerTail(rejected - 1, reps, level) > 1e-6, `${rejected}/${reps} rejected at ${level}`);
});

Deno.test("catoniMeanTest: a wrong variance or a wrong mean is caught (the check can fail)", () => {
  const rng = createRng("catoni-power");
  const mean = Math.exp(0.5), variance = (Math.E - 1) * Math.E;
  let tooSmall = 0, shifted = 0;
  for (let r = 0; r < 200; r++) {
    const sample = lognormalSample(rng, 400);
    // A variance claimed 100× too small makes its p-value anti-conservative: it rejects the true mean often.
    if (catoniMeanTest(sample, mean, variance / 100, 0.01).pValue <= 0.01) tooSmall++;
    // A mean off by 8 standard errors is detected (the detection scale at 10⁻³ is √(2 log 2000) ≈ 3.9).
    if (catoniMeanTest(sample, mean - 8 * Math.sqrt(variance / 400), variance, 1e-3).pValue <= 1e-3) shifted++;
  }
  assert.ok(tooSmall >= 20, `variance 100× too small: ${tooSmall}/200 rejected`);
  assert.ok(shifted >= 190, `mean 8 standard errors off: ${shifted}/200 rejected`);
});

Deno.test("catoniMeanTest: where the normal z-test with the exact variance exceeds its level", () => {
  // For X = g² (χ²₁) the mean of N draws is χ²_N/N exactly, so the z-test's right tail is computable: at N = 16 and
  // one-sided nominal 10⁻⁶ it is ≈ 290× too large. The Catoni bound has no such approximation.
  const N = 16, nominal = 1e-6;
  let z = 4;
  while (1 - normalCdf(z) > nominal) z += 1e-4; // z ≈ 4.753
  const exactRight = 1 - chiSquareCdf(N + z * Math.sqrt(2 * N), N);
  assert.ok(exactRight > 100 * nominal, `exact right tail ${exactRight}`);
  // The same deviation, as data: 16 draws with mean 1 + z√(2/16) give a Catoni p-value ≥ 2·10⁻⁶.
  const sample = Array.from({ length: N }, () => 1 + z * Math.sqrt(2 / N));
  assert.ok(catoniMeanTest(sample, 1, 2, 2 * nominal).pValue > 2 * nominal);
});

Deno.test("catoniMeanTest: NaN samples give a NaN p-value, which Holm rejects; bad arguments throw", () => {
  const t = catoniMeanTest([0.1, NaN, -0.3], 0, 1, 0.01);
  assert.ok(Number.isNaN(t.pValue));
  assert.deepEqual(holm([t.pValue, 0.5], 0.05), [true, false]);
  assert.throws(() => catoniMeanTest([], 0, 1, 0.01), RangeError);
  assert.throws(() => catoniMeanTest([1], 0, 0, 0.01), RangeError);
  assert.throws(() => catoniMeanTest([1], 0, NaN, 0.01), RangeError);
  assert.throws(() => catoniMeanTest([1], 0, 1, 1), RangeError);
});
