import assert from "node:assert/strict";
import fc from "fast-check";
import { branchAndBound, gapLowerBound, indicator, solveSubsetSum, SubsetSumLoss } from "./subset_sum.ts";
import { nextUp } from "../numerics/interval.ts";
import { localMinimize } from "../numerics/optimize.ts";
import { commonDyadic, ratAtLeast, ratToNumber } from "../numerics/rational.ts";

Deno.test("the oracle agrees with a naive enumeration", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }), fc.nat(200), (a, t) => {
      let gap = Infinity;
      for (let m = 0; m < 2 ** a.length; m++) {
        const s = a.reduce((acc, v, i) => (m & (1 << i) ? acc + v : acc), 0);
        gap = Math.min(gap, Math.abs(s - t));
      }
      const ans = solveSubsetSum({ a, t });
      assert.equal(ans.gap, gap);
      assert.equal(ans.subset !== null, gap === 0);
      assert.equal(Math.abs(ans.closest.reduce((acc, i) => acc + a[i], 0) - t), gap);
    }),
    { seed: 5, numRuns: 200 },
  );
});

Deno.test("exact evaluation agrees with float64 evaluation and is zero at YES indicators", () => {
  const L = new SubsetSumLoss({ a: [3, 5, 9], t: 14 });
  assert.equal(L.exact(indicator(3, [1, 2])).num, 0n);
  fc.assert(
    fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 3, maxLength: 3 }), (w) => {
      const e = ratToNumber(L.exact(w)), f = L.value(w);
      assert.ok(Math.abs(e - f) <= 1e-12 * (1 + e), `${e} vs ${f}`);
    }),
    { seed: 6, numRuns: 200 },
  );
});

Deno.test("gradient and Hessian match central differences", () => {
  const L = new SubsetSumLoss({ a: [2, 7, 4], t: 5 });
  const w = [0.3, -0.2, 0.9], h = 1e-6;
  const g = L.gradient(w), H = L.hessian(w);
  for (let i = 0; i < 3; i++) {
    const wp = [...w], wm = [...w];
    wp[i] += h;
    wm[i] -= h;
    assert.ok(Math.abs((L.value(wp) - L.value(wm)) / (2 * h) - g[i]) < 1e-6);
    const gp = L.gradient(wp), gm = L.gradient(wm);
    for (let j = 0; j < 3; j++) assert.ok(Math.abs((gp[j] - gm[j]) / (2 * h) - H.get(i, j)) < 1e-5);
  }
});

Deno.test("the proven bound g²/(1 + 4‖a‖²) is below L everywhere (exact comparison at random points)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 5 }),
      fc.nat(3000),
      fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { minLength: 5, maxLength: 5 }),
      (a, t, w) => {
        const { gap } = solveSubsetSum({ a, t });
        const L = new SubsetSumLoss({ a, t });
        assert.ok(ratAtLeast(L.exact(w.slice(0, a.length)), gapLowerBound({ a, t }, gap)));
      },
    ),
    { seed: 7, numRuns: 300 },
  );
});

Deno.test("near miss a = [M, 3], t = 2, M = 1e7: 1/(4M² + 37) ≤ min L ≤ L(−1/M, 1) ≈ 1/M² (exact)", () => {
  const M = 1e7, problem = { a: [M, 3], t: 2 };
  const L = new SubsetSumLoss(problem);
  const upper = L.exact([-1 / M, 1]);
  const bound = gapLowerBound(problem, solveSubsetSum(problem).gap);
  assert.ok(ratAtLeast(upper, bound));
  assert.ok(ratToNumber(upper) < 1.01 / M ** 2, `${ratToNumber(upper)}`);
  assert.equal(bound.den, 4n * 10n ** 14n + 37n);
});

Deno.test("interval branch and bound never certifies above L at a local minimum (exact comparison)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 4 }),
      fc.nat(20_000),
      fc.array(fc.double({ min: -0.5, max: 1.5, noNaN: true }), { minLength: 4, maxLength: 4 }),
      (a, t, w0) => {
        const problem = { a, t }, L = new SubsetSumLoss(problem);
        const { w } = localMinimize(L, w0.slice(0, a.length), 60);
        const value = L.exact(w);
        const upper = nextUp(nextUp(ratToNumber(value)));
        if (upper === 0) return; // a YES instance solved exactly: nothing to bound
        const { lowerBound } = branchAndBound(problem, upper, upper / 2, 1500);
        const { nums: [p], shift } = commonDyadic([lowerBound]);
        assert.ok(ratAtLeast(value, { num: p, den: 1n << BigInt(shift) }), `${lowerBound} > ${ratToNumber(value)}`);
      },
    ),
    { seed: 8, numRuns: 60 },
  );
});
