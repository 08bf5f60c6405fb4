import assert from "node:assert/strict";
import { describePair, NONZERO_PAIR, PAIR_PARAMETERS, randomPair, ZERO_X_SCENARIO } from "./kernel_input_pairs.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("randomPair: d = 1 on every fourth index, else 2..6 (both ends drawn); entries N(0, 1.5²)", () => {
  const dims = new Set<number>(), entries: number[] = [];
  for (let index = 0; index < 400; index++) {
    const { x, z } = randomPair(createRng(`pair/${index}`), index);
    assert.equal(z.length, x.length);
    if (index % 4 === 0) assert.equal(x.length, 1);
    else dims.add(x.length);
    if (index % 5 !== 1) entries.push(...x, ...z);
  }
  assert.deepEqual([...dims].sort(), [2, 3, 4, 5, 6]);
  // The sample standard deviation of ~2000 N(0, 1.5²) entries is within 5% of 1.5 (about 3 standard errors).
  const mean = entries.reduce((a, b) => a + b, 0) / entries.length;
  const sd = Math.sqrt(entries.reduce((a, b) => a + (b - mean) ** 2, 0) / entries.length);
  assert.ok(entries.length > 1500 && Math.abs(sd - 1.5) < 0.075 && Math.abs(mean) < 0.15, `sd ${sd}, mean ${mean}`);
});

Deno.test("randomPair: every fifth index (and parallel = 1) has z = c·x with c ∈ {−2, 0.7}, both drawn", () => {
  const factors = new Set<number>();
  for (let index = 1; index < 200; index += 5) {
    for (const params of [{}, { parallel: 1, d: 3 }] as Record<string, number>[]) {
      const { x, z } = randomPair(createRng(`par/${index}`), index, params);
      const c = z[0] / x[0];
      assert.ok(Math.abs(c + 2) < 1e-12 || Math.abs(c - 0.7) < 1e-12, `${c}`);
      z.forEach((v, k) => assert.ok(Math.abs(v - c * x[k]) <= 1e-12 * Math.abs(v)));
      factors.add(Math.round(c * 10));
    }
  }
  assert.deepEqual([...factors].sort((a, b) => a - b), [-20, 7]);
  // Other indices: z is not parallel to x (d ≥ 2, continuous draws).
  const { x, z } = randomPair(createRng(2), 2, { d: 3 });
  assert.ok(Math.abs(z[0] / x[0] - z[1] / x[1]) > 1e-6);
});

Deno.test("randomPair: params d and zeroX; the hypothesis x, z nonzero; the scenario and the description", () => {
  const p = randomPair(createRng(5), 2, { d: 8 });
  assert.deepEqual([p.x.length, p.z.length], [8, 8]);
  const zero = randomPair(createRng(5), 2, { d: 8, zeroX: 1 });
  assert.ok(zero.x.every((v) => v === 0));
  assert.deepEqual(zero.z, p.z); // the same draws, then x zeroed
  assert.equal(NONZERO_PAIR.check(p).holds, true);
  assert.equal(NONZERO_PAIR.check(zero).holds, false);
  assert.equal(NONZERO_PAIR.check({ x: [1, 0], z: [0, 0] }).holds, false);
  assert.equal(NONZERO_PAIR.check({ x: [0, -1], z: [0, 2] }).holds, true);
  assert.equal(NONZERO_PAIR.check({ x: [3, 4], z: [0, 2] }).value, "‖x‖ = 5.000, ‖z‖ = 2.000");
  assert.deepEqual(ZERO_X_SCENARIO.params, { zeroX: 1 });
  assert.ok(PAIR_PARAMETERS.d.min === 1 && (PAIR_PARAMETERS.d.max ?? 0) >= 6);
  assert.equal(describePair({ x: [-1.234], z: [5] }), "d = 1, x = [-1.23], z = [5.00]");
});
