import assert from "node:assert/strict";
import { binomialUpperBound, clopperPearson, holm, linearFit, median } from "./stats.ts";
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
