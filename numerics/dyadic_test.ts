import assert from "node:assert/strict";
import { Dyadic, dyadicSum } from "./dyadic.ts";
import { createRng } from "./random.ts";

Deno.test("Dyadic: exact sums and products of doubles agree with float64 where float64 is exact", () => {
  const rng = createRng("dyadic");
  for (let k = 0; k < 200; k++) {
    // Small integers times powers of two: float64 is exact on these.
    const a = rng.int(-1000, 1000) * 2 ** rng.int(-20, 20), b = rng.int(-1000, 1000) * 2 ** rng.int(-20, 20);
    assert.ok(Dyadic.of(a).mul(Dyadic.of(b)).equals(Dyadic.of(a * b)));
    assert.equal(Dyadic.of(a).sub(Dyadic.of(b)).toNumber(), a - b);
    assert.equal(Dyadic.of(a).sign(), Math.sign(a));
  }
  // (1 + 2⁻⁶⁰) − 1 is 2⁻⁶⁰ exactly, though float64 loses it.
  const tiny = Dyadic.pow2(-60);
  assert.ok(Dyadic.of(1).add(tiny).sub(Dyadic.of(1)).equals(tiny));
  assert.equal(dyadicSum([Dyadic.of(0.1), Dyadic.of(-0.1)]).sign(), 0);
  assert.ok(Math.abs(Dyadic.of(Math.PI).mul(Dyadic.of(Math.E)).toNumber() - Math.PI * Math.E) <= 1e-15 * 9);
});
