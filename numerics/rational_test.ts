import assert from "node:assert/strict";
import fc from "fast-check";
import { commonDyadic, dyadic, ratAtLeast, ratToNumber } from "./rational.ts";

Deno.test("dyadic is exact: p/2^k reproduces the double", () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), (x) => {
      const { num, shift } = dyadic(x);
      assert.ok(ratToNumber({ num, den: 1n << BigInt(shift) }) === x); // −0 becomes 0n: equal as numbers
    }),
    { seed: 11, numRuns: 300 },
  );
  assert.equal(dyadic(Number.MIN_VALUE).shift, 1074);
});

Deno.test("commonDyadic puts every entry over one denominator", () => {
  const { nums, shift } = commonDyadic([0.1, 3, -0.75]);
  nums.forEach((p, i) => assert.equal(ratToNumber({ num: p, den: 1n << BigInt(shift) }), [0.1, 3, -0.75][i]));
});

Deno.test("ratAtLeast and ratToNumber", () => {
  assert.ok(ratAtLeast({ num: 2n, den: 4n }, { num: 1n, den: 2n }));
  assert.ok(!ratAtLeast({ num: 49n, den: 100n }, { num: 1n, den: 2n }));
  assert.equal(ratToNumber({ num: -3n, den: 4n }), -0.75);
  assert.ok(Math.abs(ratToNumber({ num: 1n, den: 400000000000037n }) * 400000000000037 - 1) < 1e-15);
});
