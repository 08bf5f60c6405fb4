import assert from "node:assert/strict";
import { binomialLowerTail, binomialUpperBound, binomialUpperTail, clopperPearson, holm, linearFit } from "./stats.ts";
import { median, successRateTest } from "./stats.ts";
import { createRng } from "./random.ts";

Deno.test("clopperPearson: known values and coverage on simulated data", () => {
  // Reference: for k = 5, n = 20 the 95% interval is [0.0866, 0.4910] (standard tables).
  const { lo, hi } = clopperPearson(5, 20);
  assert.ok(Math.abs(lo - 0.0866) < 1e-3 && Math.abs(hi - 0.4910) < 1e-3, `${lo} ${hi}`);
  // Coverage: 400 simulated experiments at p = 0.1, n = 50; at most ~5% may miss.
  const rng = createRng("cp");
  let miss = 0;
  for (let r = 0; r < 400; r++) {
    let k = 0;
    for (let i = 0; i < 50; i++) if (rng.double() < 0.1) k++;
    const ci = clopperPearson(k, 50);
    if (0.1 < ci.lo || 0.1 > ci.hi) miss++;
  }
  assert.ok(miss <= 40, `missed ${miss}/400`);
  assert.throws(() => clopperPearson(3, 2), RangeError);
  assert.ok(binomialUpperBound(0, 1000, 0.95) < 0.0031);
});

Deno.test("linearFit: recovers a slope and its interval covers the truth", () => {
  const rng = createRng("fit");
  const x = Array.from({ length: 40 }, (_, i) => i / 4);
  const y = x.map((v) => 1 - 0.5 * v + 0.01 * rng.normal());
  const f = linearFit(x, y);
  assert.ok(f.slopeInterval.lo < -0.5 && -0.5 < f.slopeInterval.hi);
  assert.ok(f.slopeInterval.hi - f.slopeInterval.lo < 0.01);
});

Deno.test("holm: step-down rejects in order and stops", () => {
  assert.deepEqual(holm([0.01, 0.02, 0.5], 0.05), [true, true, false]);
  assert.deepEqual(holm([0.02, 0.02, 0.02], 0.05), [false, false, false]);
  assert.deepEqual(holm([NaN, 0.5], 0.05), [true, false]);
  assert.ok(Number.isNaN(median([])));
});

Deno.test("binomialLowerTail: exact sums, and the test agrees with the Clopper–Pearson bound", () => {
  // P(Bin(6, 0.9) ≤ 1) = 0.1⁶ + 6·0.9·0.1⁵.
  assert.ok(Math.abs(binomialLowerTail(1, 6, 0.9) - (1e-6 + 5.4e-5)) < 1e-17);
  assert.ok(Math.abs(binomialLowerTail(5, 10, 0.5) - 638 / 1024) < 1e-15);
  assert.equal(binomialLowerTail(-1, 5, 0.3), 0);
  assert.ok(binomialLowerTail(300, 1000, 0.5) > 0); // no underflow to a wrong 0 in the tail sum
  for (const [n, p0, alpha] of [[6, 0.9, 2e-4], [12, 0.9, 2e-4], [11, 0.6, 2e-4], [40, 0.9, 4e-4]] as const) {
    for (let k = 0; k <= n; k++) {
      const t = successRateTest(k, n, p0, alpha);
      // Rejection ⟺ the one-sided upper confidence bound lies below p0 (the duality of test and interval).
      if (Math.abs(t.pValue - alpha) > 1e-9 * alpha) assert.equal(t.reject, t.upper < p0, `${k}/${n}`);
    }
  }
  // The size of the test, computed exactly: P(reject) at p = p0 is at most alpha, and at p > p0 smaller still.
  for (const p of [0.6, 0.7, 0.9]) {
    let size = 0;
    for (let k = 0; k <= 8; k++) {
      if (successRateTest(k, 8, 0.6, 0.05).reject) size += binomialLowerTail(k, 8, p) - binomialLowerTail(k - 1, 8, p);
    }
    assert.ok(size <= 0.05, `size ${size} at p = ${p}`);
    if (p === 0.6) assert.ok(size > 0.04, `size ${size}`); // not needlessly conservative
  }
});

Deno.test("binomialUpperTail: exact sums, the complement of binomialLowerTail", () => {
  // P(Bin(6, 0.1) ≥ 5) = 6·0.1⁵·0.9 + 0.1⁶.
  assert.ok(Math.abs(binomialUpperTail(5, 6, 0.1) - (5.4e-5 + 1e-6)) < 1e-17);
  for (const [n, p] of [[10, 0.5], [40, 0.05], [200, 0.3]] as const) {
    for (let k = 1; k <= n; k++) {
      const sum = binomialUpperTail(k, n, p) + binomialLowerTail(k - 1, n, p);
      assert.ok(Math.abs(sum - 1) < 1e-12, `${k}/${n}: ${sum}`);
    }
  }
  assert.equal(binomialUpperTail(3, 5, 0), 0);
  assert.equal(binomialUpperTail(3, 5, 1), 1);
  assert.ok(binomialUpperTail(700, 1000, 0.5) > 0); // no underflow to a wrong 0 in the tail sum
});

Deno.test("binomialUpperBound: rejects every input outside integers 0 ≤ k ≤ n, n > 0", () => {
  for (const [k, n] of [[5, 3], [-1, 3], [0, 0], [1.5, 3], [1, 2.5], [NaN, 3]]) {
    assert.throws(() => binomialUpperBound(k, n), RangeError, `${k}, ${n}`);
  }
  assert.equal(binomialUpperBound(3, 3), 1);
  // k = 0: the bound solves (1 − p)ⁿ = 1 − confidence.
  assert.ok(Math.abs(binomialUpperBound(0, 10) - (1 - 0.05 ** (1 / 10))) < 1e-12);
});

Deno.test("linearFit by hand: x = 0..3, y = (1, 3, 2, 5): slope 1.1, intercept 1.1, RSS 2.7, t quantiles with 2 df", () => {
  const f = linearFit([0, 1, 2, 3], [1, 3, 2, 5]);
  assert.ok(Math.abs(f.slope - 1.1) < 1e-14 && Math.abs(f.intercept - 1.1) < 1e-14 && f.n === 4);
  // se = √(RSS/(n − 2)/Sxx) = √(2.7/2/5).
  assert.ok(Math.abs(f.slopeStdErr - Math.sqrt(0.27)) < 1e-14);
  // With 2 degrees of freedom the t quantile has the closed form t_p = (2p − 1)/√(2p(1 − p)).
  const t2 = (p: number) => (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const half = (f.slopeInterval.hi - f.slopeInterval.lo) / 2;
  assert.ok(Math.abs(half - t2(0.975) * Math.sqrt(0.27)) < 1e-9, `${half}`);
  assert.ok(Math.abs((f.slopeInterval.hi + f.slopeInterval.lo) / 2 - 1.1) < 1e-14);
  const g = linearFit([0, 1, 2, 3], [1, 3, 2, 5], 0.9);
  assert.ok(Math.abs((g.slopeInterval.hi - g.slopeInterval.lo) / 2 - t2(0.95) * Math.sqrt(0.27)) < 1e-9);
  assert.throws(() => linearFit([0, 1], [0, 1]), RangeError);
  assert.throws(() => linearFit([0, 1, 2], [0, 1]), RangeError);
  // An exact line: zero residuals, zero width.
  const exact = linearFit([1, 2, 3, 4], [-1, -3, -5, -7]);
  assert.deepEqual([exact.slope, exact.intercept, exact.slopeStdErr], [-2, 1, 0]);
});

Deno.test("median, holm at their boundaries; binomial tails' input checks and edge cases", () => {
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
  const v = [3, 1, 2];
  assert.equal(median(v), 2);
  assert.deepEqual(v, [3, 1, 2]); // not sorted in place
  assert.ok(Number.isNaN(median([1, NaN, 2])));
  // Holm: the r-th smallest p-value is compared with α/(m − r), inclusive.
  assert.deepEqual(holm([0.05, 0.025], 0.05), [true, true]);
  assert.deepEqual(holm([0.05, 0.0251], 0.05), [false, false]);
  assert.deepEqual(holm([0.04, 0.01, 0.9], 0.05), [false, true, false]);
  assert.deepEqual(holm([], 0.05), []);
  assert.equal(binomialLowerTail(-1, 5, 0.3), 0);
  assert.equal(binomialLowerTail(2, 5, 0), 1);
  assert.equal(binomialLowerTail(2, 5, 1), 0);
  assert.ok(Math.abs(binomialLowerTail(1, 3, 0.5) - 0.5) < 1e-15); // (1 + 3)/8
  assert.ok(Math.abs(binomialUpperTail(2, 3, 0.5) - 0.5) < 1e-15); // (3 + 1)/8
  for (const [k, n, p] of [[1.5, 3, 0.5], [1, 2.5, 0.5], [1, -1, 0.5], [1, 3, -0.1], [1, 3, 1.1], [1, 3, NaN]]) {
    assert.throws(() => binomialLowerTail(k, n, p), RangeError, `${k}, ${n}, ${p}`);
  }
});

Deno.test("successRateTest: p-value P(Bin(n, p₀) ≤ k), reject iff ≤ α, the upper bound at 1 − α, minPValue (1 − p₀)ⁿ", () => {
  const t = successRateTest(0, 3, 0.9, 0.01);
  assert.ok(Math.abs(t.minPValue - 1e-3) < 1e-17 && Math.abs(t.pValue - 1e-3) < 1e-17 && t.reject);
  assert.equal(t.upper, binomialUpperBound(0, 3, 0.99));
  // k = 0, n = 1, p₀ = ½: p-value ½, rejected at α = ½ (inclusive), not at 0.4999.
  assert.equal(successRateTest(0, 1, 0.5, 0.5).reject, true);
  assert.equal(successRateTest(0, 1, 0.5, 0.4999).reject, false);
  // 2 of 3 at p₀ = ½: P(X ≤ 2) = 7/8.
  assert.ok(Math.abs(successRateTest(2, 3, 0.5, 0.05).pValue - 0.875) < 1e-15);
  for (const [k, n] of [[-1, 3], [4, 3], [1, 0], [0.5, 2]]) {
    assert.throws(() => successRateTest(k, n, 0.5, 0.05), RangeError);
  }
  // The upper bound is below p₀ exactly when the test rejects (duality of the exact test and the bound).
  for (let k = 0; k <= 20; k++) {
    const r = successRateTest(k, 20, 0.7, 0.05);
    assert.equal(r.upper < 0.7, r.reject, `k = ${k}`);
  }
});

Deno.test("binomial tails: the sure events are exactly 1 (k ≥ n below, k ≤ 0 above), not a rounded sum of n + 1 terms", () => {
  // Summed term by term, P(Bin(50, ½) ≤ 50) would come out as 1 − 6·10⁻¹⁵.
  for (const [n, p] of [[50, 0.5], [10, 0.37], [1, 0.9]]) {
    assert.equal(binomialLowerTail(n, n, p), 1);
    assert.equal(binomialLowerTail(n + 3, n, p), 1);
    assert.equal(binomialUpperTail(0, n, p), 1);
  }
});
