import assert from "node:assert/strict";
import fc from "fast-check";
import { add, nextDown, nextUp, scale, square, xOneMinusX } from "./interval.ts";
import { commonDyadic } from "./rational.ts";

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });

/** Exact comparison x ≤ p/q for a double x and the rational p/q (q > 0). */
function leq(x: number, num: bigint, den: bigint): boolean {
  const { nums: [p], shift } = commonDyadic([x]);
  return p * den <= num * (1n << BigInt(shift));
}

Deno.test("nextUp and nextDown step by one ulp", () => {
  assert.equal(nextUp(1), 1 + Number.EPSILON);
  assert.equal(nextDown(-1), -1 - Number.EPSILON);
  assert.equal(nextUp(-Number.MIN_VALUE), -0);
  assert.ok(nextUp(1e300) > 1e300 && nextDown(1e-300) < 1e-300);
});

Deno.test("add, scale, square and xOneMinusX enclose the exact results (BigInt reference)", () => {
  fc.assert(
    fc.property(finite, finite, fc.integer({ min: 0, max: 1e7 }), (x, y, c) => {
      const { nums: [px, py], shift } = commonDyadic([x, y]);
      const den = 1n << BigInt(shift);
      const s = add({ lo: x, hi: x }, { lo: y, hi: y });
      assert.ok(leq(s.lo, px + py, den) && leq(-s.hi, -(px + py), den));
      const sc = scale(c, { lo: x, hi: x });
      assert.ok(leq(sc.lo, BigInt(c) * px, den) && leq(-sc.hi, -BigInt(c) * px, den));
      const sq = square({ lo: x, hi: x });
      assert.ok(leq(sq.lo, px * px, den * den) && leq(-sq.hi, -px * px, den * den));
      // x(1 − x) = (px·den − px²)/den².
      const lg = xOneMinusX({ lo: x, hi: x }), exact = px * den - px * px;
      assert.ok(leq(lg.lo, exact, den * den) && leq(-lg.hi, -exact, den * den));
    }),
    { seed: 31, numRuns: 500 },
  );
});

Deno.test("xOneMinusX covers the interior maximum ¼ and square covers 0", () => {
  assert.equal(xOneMinusX({ lo: 0.2, hi: 0.9 }).hi, 0.25);
  assert.equal(square({ lo: -2, hi: 1 }).lo, 0);
});
