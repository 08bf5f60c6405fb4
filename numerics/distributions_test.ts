import assert from "node:assert/strict";
import { rademacherFromUniform } from "./distributions.ts";
import { createRng } from "./random.ts";

Deno.test("rademacherFromUniform: ±1 with frequencies near ½, NaN from a poisoned stream", () => {
  const rng = createRng("rad");
  let plus = 0;
  for (let i = 0; i < 10000; i++) {
    const s = rademacherFromUniform.sample(rng);
    assert.ok(s === 1 || s === -1);
    if (s === 1) plus++;
  }
  // Binomial(10⁴, ½): sd 50; 6 sd.
  assert.ok(Math.abs(plus - 5000) < 300);
  for (const bad of [NaN, Infinity, -Infinity]) {
    const poisoned = { ...rng, uniform: () => bad };
    assert.ok(Number.isNaN(rademacherFromUniform.sample(poisoned)));
  }
});
