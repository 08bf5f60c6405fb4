import assert from "node:assert/strict";
import { convergenceOrderVerdict } from "./convergence_order.ts";

const criterion = { band: { lo: 0.8, hi: 1.2 }, p0: 0.9, alpha: 1e-4, units: "instances of order 1" };

Deno.test("convergenceOrderVerdict: a unit with no orders measured counts as a failure", () => {
  const v = convergenceOrderVerdict([[1], undefined], criterion);
  assert.match(v.summary, /^1 of 2 instances of order 1/);
  assert.match(v.summary, /over 1 halvings/);
});

Deno.test("convergenceOrderVerdict: no units is inconclusive, the median NaN", () => {
  const v = convergenceOrderVerdict([], criterion);
  assert.equal(v.holds, "inconclusive");
  assert.deepEqual(v.rows?.at(-1), ["median order of the GD–flow gap in η", "NaN"]);
});

Deno.test("convergenceOrderVerdict: the band is open", () => {
  const v = convergenceOrderVerdict(Array.from({ length: 10 }, () => [1.2]), criterion);
  assert.equal(v.holds, false);
});
