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
