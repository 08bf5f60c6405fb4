import assert from "node:assert/strict";
import { gaussianVariance2, rademacherFromUniform, studentT5 } from "./distributions.ts";
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

Deno.test("gaussianVariance2 and studentT5: mean 0 and the declared variance, from the seeded stream", () => {
  for (const dist of [gaussianVariance2, studentT5]) {
    const rng = createRng(`moments/${dist.name}`);
    const N = 200000;
    let s1 = 0, s2 = 0;
    for (let i = 0; i < N; i++) {
      const x = dist.sample(rng);
      s1 += x;
      s2 += x * x;
    }
    // sd of the mean √(σ²/N) ≤ 0.0032; of the mean square √((μ₄ − σ⁴)/N) ≤ 0.0063 (μ₄ − σ⁴ = 8 for both); 6 sd.
    assert.ok(Math.abs(s1 / N - dist.mean) < 0.02, `${dist.name}: mean ${s1 / N}`);
    assert.ok(Math.abs(s2 / N - dist.variance) < 0.04, `${dist.name}: mean square ${s2 / N}`);
  }
  // A law breaking Assumption 11.14 says so.
  assert.equal(studentT5.finiteMoments, 4);
  assert.equal(gaussianVariance2.variance, 2);
});
