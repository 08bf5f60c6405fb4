import assert from "node:assert/strict";
import { createRng, distributions, instanceSeed, sampleVector } from "./random.ts";

Deno.test("createRng: same seed, same stream; different seeds differ", () => {
  const a = createRng("s"), b = createRng("s"), c = createRng("t");
  const xs = [a.double(), a.normal(), a.int(0, 9)];
  assert.deepEqual([b.double(), b.normal(), b.int(0, 9)], xs);
  assert.notEqual(c.double(), xs[0]);
});

Deno.test("instanceSeed names master, claim and index", () => {
  assert.equal(instanceSeed(3, "eq-10.21", 4), "3/eq-10.21/4");
});

for (const dist of Object.values(distributions)) {
  Deno.test(`distribution ${dist.name}: sample moments match the declared ones`, () => {
    const n = 200_000;
    const x = sampleVector(createRng(`moments/${dist.name}`), dist, n);
    let m1 = 0, m2 = 0, m4 = 0;
    for (const v of x) {
      m1 += v;
      m2 += v * v;
      m4 += v ** 4;
    }
    m1 /= n;
    m2 /= n;
    m4 /= n;
    // Five standard errors; Var(X^4) is at most 105 (Gaussian: E X^8 = 105).
    assert.ok(Math.abs(m1 - dist.mean) < 5 / Math.sqrt(n), `mean ${m1}`);
    assert.ok(Math.abs(m2 - dist.variance) < 5 * Math.sqrt(3 / n), `variance ${m2}`);
    assert.ok(Math.abs(m4 - dist.fourthMoment) < 5 * Math.sqrt(105 / n), `fourth ${m4}`);
  });
}
