/**
 * Power of the two interval tests Monte Carlo comparisons use: the exact two-sided Clopper–Pearson test
 * of a probability (a count of hits among n draws against a closed form p₀) and the normal band test
 * "|estimate − value| ≤ c standard errors" of a mean, each against a true value shifted from the one under
 * test. The binomial power is exact; the band's is the normal model with the standard error taken as known.
 *
 * @module
 */
import erfc from "npm:@stdlib/math-base-special-erfc@0.2.5";
import { binomialLowerTail, binomialUpperTail, clopperPearson } from "./stats.ts";

/**
 * The exact two-sided binomial p-value of "the success probability is p0" after k hits in n draws,
 * min(1, 2·min(P(Bin(n, p0) ≥ k), P(Bin(n, p0) ≤ k))): below 1 − confidence exactly when p0 lies outside
 * the Clopper–Pearson interval at that confidence.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { binomialTwoSidedPValue } from "./interval_power.ts";
 * assert.ok(Math.abs(binomialTwoSidedPValue(10, 10, 0.5) - 2 * 0.5 ** 10) < 1e-15);
 * assert.equal(binomialTwoSidedPValue(5, 10, 0.5), 1);
 * ```
 */
export function binomialTwoSidedPValue(k: number, n: number, p0: number): number {
  return Math.min(1, 2 * Math.min(binomialUpperTail(k, n, p0), binomialLowerTail(k, n, p0)));
}

/**
 * Power of the exact two-sided Clopper–Pearson test (reject p0 when it lies outside the interval at
 * `confidence`) over n draws when the true probability is `pAlt`: P(Bin(n, pAlt) ∈ rejected counts), the
 * rejected counts found from the interval itself (so the power is that of the very decision a check makes).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { clopperPearsonPower } from "./interval_power.ts";
 * // 10 draws at confidence 0.99 against p0 = 0.5: only 0 and 10 hits are rejected (2·0.5¹⁰ < 0.01).
 * assert.ok(Math.abs(clopperPearsonPower(10, 0.5, 0.99, 0.7) - (0.7 ** 10 + 0.3 ** 10)) < 1e-12);
 * assert.ok(clopperPearsonPower(100000, 0.25, 1 - 1e-6, 0.25 * 1.05) > 0.99);
 * ```
 */
export function clopperPearsonPower(n: number, p0: number, confidence: number, pAlt: number): number {
  const outside = (k: number) => {
    const ci = clopperPearson(k, n, confidence);
    return ci.lo > p0 ? 1 : ci.hi < p0 ? -1 : 0;
  };
  // The interval's ends increase with k: the counts rejected from above are [hi, n], from below [0, lo].
  let a = 0, b = n + 1; // smallest k with lo(k) > p0: in (a − 1, b]
  while (a < b) {
    const m = (a + b) >> 1;
    if (outside(m) === 1) b = m;
    else a = m + 1;
  }
  const hiCount = a;
  a = -1, b = n; // largest k with hi(k) < p0: in [a, b)
  while (a < b) {
    const m = (a + b + 1) >> 1;
    if (outside(m) === -1) a = m;
    else b = m - 1;
  }
  const loCount = a;
  return (hiCount <= n ? binomialUpperTail(hiCount, n, pAlt) : 0) +
    (loCount >= 0 ? binomialLowerTail(loCount, n, pAlt) : 0);
}

/**
 * The two-sided normal p-value 2(1 − Φ(z)) = erfc(z/√2) of a standardised distance z ≥ 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalTwoSidedPValue } from "./interval_power.ts";
 * assert.ok(Math.abs(normalTwoSidedPValue(1.959964) - 0.05) < 1e-6);
 * assert.ok(Math.abs(normalTwoSidedPValue(5) - 5.733e-7) < 1e-10);
 * ```
 */
export function normalTwoSidedPValue(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/**
 * Power of the band test "reject when |estimate − value| > c·s" when the estimate is normal with standard
 * deviation `se` around value + `shift`: P(|Z·se + shift| > c·s) = Φ(−(c·s − shift)/se) + Φ(−(c·s + shift)/se).
 * `bandSe` is s, the standard error the band is built on (the check's, possibly with a rounding allowance).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalBandPower } from "./interval_power.ts";
 * assert.ok(Math.abs(normalBandPower(0, 1, 1, 1.959964) - 0.05) < 1e-6); // no shift: the level
 * assert.ok(Math.abs(normalBandPower(5, 1, 1, 5) - 0.5) < 1e-9); // shifted onto the band's edge
 * ```
 */
export function normalBandPower(shift: number, se: number, bandSe: number, c: number): number {
  const tail = (t: number) => 0.5 * erfc(t / Math.SQRT2); // P(Z > t)
  return tail((c * bandSe - Math.abs(shift)) / se) + tail((c * bandSe + Math.abs(shift)) / se);
}

/**
 * Approximate power of Catoni's test (`catoniMeanTest`, numerics/catoni.ts) at its `scale` and H0 mean and
 * variance when the sample's law is that of `sample` (an i.i.d. sample drawn under the alternative): the test
 * rejects at `level` when |S| ≥ N·log(1 + scale²·variance/2) + log(2/level), S = Σψ(scale·(Xᵢ − mean)); S is
 * modelled as normal with N times the mean and variance of ψ(scale·(X − mean)) over the sample (a normal
 * model of a sum of N log-growing terms, not an exact power).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { catoniPower } from "./interval_power.ts";
 * const sample = Array.from({ length: 2000 }, (_, i) => Math.sqrt(2) * Math.sin(i)); // mean ≈ 0, variance ≈ 1
 * const scale = Math.sqrt(2 * Math.log(2 / 1e-5) / (2000 * 1));
 * assert.ok(catoniPower(sample, 0, 1, scale, 1e-5) < 1e-3); // H0 true: about the level
 * assert.ok(catoniPower(sample.map((x) => x + 0.2), 0, 1, scale, 1e-5) > 0.9); // 9 standard errors off
 * ```
 */
export function catoniPower(
  sample: ArrayLike<number>,
  mean: number,
  variance: number,
  scale: number,
  level: number,
): number {
  const N = sample.length;
  const psi = (x: number) => (x >= 0 ? Math.log1p(x + x * x / 2) : -Math.log1p(-x + x * x / 2));
  let m1 = 0, m2 = 0;
  for (let i = 0; i < N; i++) {
    const t = psi(scale * (sample[i] - mean));
    m1 += t;
    m2 += t * t;
  }
  m1 /= N;
  const v = Math.max(0, m2 / N - m1 * m1);
  const threshold = N * Math.log1p(scale * scale * variance / 2) + Math.log(2 / level);
  const sd = Math.sqrt(N * v);
  const tail = (t: number) => 0.5 * erfc(t / Math.SQRT2); // P(Z > t)
  if (!(sd > 0)) return Math.abs(N * m1) >= threshold ? 1 : 0;
  return tail((threshold - N * m1) / sd) + tail((threshold + N * m1) / sd);
}
