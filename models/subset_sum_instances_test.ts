import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { ORACLE_MAX_N } from "./subset_sum.ts";
import { reductionInstance } from "./subset_sum_instances.ts";

Deno.test("subset_sum_instances: the search starts are uniform on [−0.5, 1.5)ⁿ, beyond the cube [0, 1]ⁿ on both sides", () => {
  let below = 0, above = 0, total = 0;
  for (let index = 0; index < 10; index++) {
    for (const s of reductionInstance(createRng(`starts/${index}`), index, "test").starts) {
      for (const v of s) {
        assert.ok(v >= -0.5 && v < 1.5, `${v}`);
        below += v < 0 ? 1 : 0;
        above += v > 1 ? 1 : 0;
        total++;
      }
    }
  }
  // Each side has probability 1/4: with total ≥ 60 coordinates, 0 on a side has probability < 10⁻⁷.
  assert.ok(total >= 60 && below > 0 && above > 0, `${below}, ${above} of ${total}`);
  assert.equal(reductionInstance(createRng(1), 0, "report").starts.length, 12);
});

Deno.test("subset_sum_instances: the test budget keeps n ≤ 12, the report budget goes up to the oracle's limit", () => {
  let largest = 0;
  for (let index = 0; index < 40; index++) {
    assert.ok(reductionInstance(createRng(`n/${index}`), index, "test").problem.a.length <= 12);
    largest = Math.max(largest, reductionInstance(createRng(`n/${index}`), index, "report").problem.a.length);
  }
  assert.ok(largest > 12 && largest <= ORACLE_MAX_N, `${largest}`);
});

Deno.test("subset_sum_instances: random weights are integers from 1 (1 itself drawn) up to the family's maximum", () => {
  let ones = 0;
  for (let round = 0; round < 40; round++) {
    // Family 1 ("random target"): weights uniform in [1, 10^k], k ∈ {1, …, 4}.
    const { a } = reductionInstance(createRng(`w/${round}`), 5 * round + 1, "test").problem;
    for (const v of a) assert.ok(Number.isInteger(v) && v >= 1 && v <= 10_000, `${v}`);
    ones += a.filter((v) => v === 1).length;
  }
  // 40 rounds × E[#ones] ≈ (1/4)(7/10 + 7/100 + 7/10³ + 7/10⁴) ≈ 0.19 each: about 8 ones expected.
  assert.ok(ones > 0, `${ones}`);
});

/** Every subset total of a (n ≤ 12: 4096 subsets at most). */
function subsetTotals(a: number[]): Set<number> {
  const out = new Set<number>();
  for (let mask = 0; mask < 1 << a.length; mask++) out.add(a.reduce((s, v, k) => (mask >> k) & 1 ? s + v : s, 0));
  return out;
}

Deno.test("subset_sum_instances: each family's weights and target are as documented (subset totals by brute force)", () => {
  const largest = [0, 0, 0, 0, 0];
  for (let round = 0; round < 40; round++) {
    for (let family = 0; family < 5; family++) {
      const { a, t } = reductionInstance(createRng(`fam/${round}`), 5 * round + family, "test").problem;
      assert.ok(a.every((v) => Number.isInteger(v) && v >= 1), `family ${family}: ${a}`);
      assert.ok(Number.isInteger(t) && t >= 0, `family ${family}: t = ${t}`);
      largest[family] = Math.max(largest[family], ...a);
      const sum = a.reduce((x, y) => x + y, 0), totals = subsetTotals(a);
      if (family === 0) assert.ok(totals.has(t), "random YES: t is a subset total");
      if (family === 1) assert.ok(t <= sum + 2);
      if (family === 2) assert.deepEqual([a.length, a[1], t], [2, 3, 2]);
      if (family === 3) assert.ok(a.every((v) => v % 2 === 0 && v <= 2000) && t % 2 === 1 && t <= sum + 1);
      if (family === 4) assert.ok(a.every((v) => v <= 10_000_000) && (totals.has(t + 1) || totals.has(t - 1)));
    }
  }
  // Family 0 draws maxA = 10^k, k uniform in {1, …, 6}: over 40 rounds k = 6 comes up (probability 1 − (5/6)⁴⁰ >
  // 0.9993) and then some weight exceeds 10⁵ (probability ≥ 0.9 with n ≥ 2). Family 4: weights uniform in [1, 10⁷],
  // the largest over 40 instances of n ≥ 2 is above 5·10⁶ (missed with probability 2⁻⁸⁰).
  assert.ok(largest[0] > 1e5 && largest[0] <= 1e6, `family 0: ${largest[0]}`);
  assert.ok(largest[1] <= 1e4, `family 1: ${largest[1]}`);
  assert.ok(largest[4] > 5e6, `family 4: ${largest[4]}`);
  // Near misses: M = 10^7, 10^6, …, 10 by round, then again.
  const ms = Array.from({ length: 8 }, (_, r) => reductionInstance(createRng(1), 5 * r + 2, "test").problem.a[0]);
  assert.deepEqual(ms, [1e7, 1e6, 1e5, 1e4, 1e3, 100, 10, 1e7]);
});
