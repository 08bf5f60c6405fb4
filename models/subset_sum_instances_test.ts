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
