import assert from "node:assert/strict";
import { GRAM_INITIALISATIONS, GRAM_PARAMETERS, GRAM_WIDTHS, gramInputs } from "./lecture_gram_sweep.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("gramInputs: unit directions with each coordinate scaled by a factor in [0.5, 2], both ends approached", () => {
  // d = 1: x = ±factor, so |x| is the factor itself.
  let lo = Infinity, hi = 0, neg = 0;
  for (let seed = 0; seed < 100; seed++) {
    for (const x of gramInputs(createRng(`gram/${seed}`), 4, 1, false)) {
      lo = Math.min(lo, Math.abs(x[0]));
      hi = Math.max(hi, Math.abs(x[0]));
      if (x[0] < 0) neg++;
    }
  }
  // 400 uniform factors on [0.5, 2]: the extremes are within 0.03 of the ends (miss probability 2·0.98⁴⁰⁰ ≈ 6·10⁻⁴).
  assert.ok(lo >= 0.5 && lo < 0.53 && hi <= 2 && hi > 1.97, `${lo}, ${hi}`);
  assert.ok(neg > 150 && neg < 250, `${neg} negative of 400`);
  // d = 3: every coordinate is that of a unit vector times [0.5, 2], so the norm lies in [0.5, 2].
  for (const x of gramInputs(createRng(9), 6, 3, false)) {
    const r = Math.hypot(...x);
    assert.ok(x.length === 3 && r >= 0.5 && r <= 2, `${r}`);
  }
});

Deno.test("gramInputs: zeroInput replaces the first input by the origin after the same draws", () => {
  const a = gramInputs(createRng(4), 5, 2, false), b = gramInputs(createRng(4), 5, 2, true);
  assert.deepEqual(Array.from(b[0]), [0, 0]);
  assert.ok(a[0].some((v) => v !== 0));
  assert.deepEqual(b.slice(1), a.slice(1));
});

Deno.test("the width ladder: increasing, its top the width parameter's maximum; the knobs' ranges", () => {
  for (let k = 1; k < GRAM_WIDTHS.length; k++) assert.ok(GRAM_WIDTHS[k] > GRAM_WIDTHS[k - 1]);
  assert.equal(GRAM_PARAMETERS.width.max, GRAM_WIDTHS.at(-1));
  assert.ok(GRAM_INITIALISATIONS >= 1 && Number.isInteger(GRAM_INITIALISATIONS));
  assert.deepEqual([GRAM_PARAMETERS.zeroInput.min, GRAM_PARAMETERS.zeroInput.max], [0, 1]);
  assert.deepEqual([GRAM_PARAMETERS.n.min, GRAM_PARAMETERS.d.min, GRAM_PARAMETERS.width.min], [1, 1, 1]);
});
