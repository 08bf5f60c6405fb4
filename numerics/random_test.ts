import assert from "node:assert/strict";
import { createFastRng, createRng, distributions, instanceSeed, sampleVector, xoshiro128ss } from "./random.ts";
import { gaussian, rademacher, uniformSqrt3 } from "./random.ts";
import { kolmogorovSmirnov, normalCdf } from "./goodness_of_fit.ts";

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

Deno.test("createFastRng: xoshiro128** reference outputs, same seed same stream", () => {
  // The reference implementation (xoshiro128starstar.c) from state (1, 2, 3, 4): 11520, 0, 5927040, 70819200.
  const next = xoshiro128ss(Uint32Array.of(1, 2, 3, 4));
  assert.deepEqual([next(), next(), next(), next()], [11520, 0, 5927040, 70819200]);
  const a = createFastRng(0.125), b = createFastRng(0.125);
  const xs = Array.from({ length: 5 }, () => a.normal());
  assert.deepEqual(Array.from({ length: 5 }, () => b.normal()), xs);
  assert.notDeepEqual(Array.from({ length: 5 }, () => createFastRng(0.126).normal()), xs);
});

Deno.test("createFastRng: uniforms and Gaussians pass KS and moment checks (fixed seeds)", () => {
  const n = 200_000, rng = createFastRng(0.3183098861837907);
  const u = Float64Array.from({ length: n }, () => rng.double());
  assert.ok(u.every((v) => v >= 0 && v < 1));
  assert.ok(kolmogorovSmirnov(u, (x) => Math.min(1, Math.max(0, x))).pValue > 1e-4);
  const g = Float64Array.from({ length: n }, () => rng.normal());
  assert.ok(kolmogorovSmirnov(g, normalCdf).pValue > 1e-4);
  let m1 = 0, m2 = 0, m4 = 0, lag = 0;
  for (let i = 0; i < n; i++) {
    m1 += g[i];
    m2 += g[i] ** 2;
    m4 += g[i] ** 4;
    if (i > 0) lag += g[i] * g[i - 1];
  }
  assert.ok(Math.abs(m1 / n) < 5 / Math.sqrt(n), `mean ${m1 / n}`);
  assert.ok(Math.abs(m2 / n - 1) < 5 * Math.sqrt(2 / n), `variance ${m2 / n}`);
  assert.ok(Math.abs(m4 / n - 3) < 5 * Math.sqrt(96 / n), `fourth ${m4 / n}`);
  // The two Gaussians of a polar pair are independent: no lag-1 correlation.
  assert.ok(Math.abs(lag / n) < 5 / Math.sqrt(n), `lag-1 ${lag / n}`);
  const k = rng.int(3, 5);
  assert.ok(k >= 3 && k <= 5 && Number.isInteger(k));
});

Deno.test("createRng: Box–Muller on the stream's uniforms (cos, then the spare sin), uniform and int by their formulas", () => {
  const u = createRng("bm"), r = createRng("bm");
  for (let k = 0; k < 5; k++) {
    const u1 = 1 - u.double(), u2 = u.double(), rad = Math.sqrt(-2 * Math.log(u1));
    assert.equal(r.normal(), rad * Math.cos(2 * Math.PI * u2));
    assert.equal(r.normal(), rad * Math.sin(2 * Math.PI * u2));
  }
  const a = createRng(5), b = createRng(5);
  for (let k = 0; k < 20; k++) {
    const x = a.double();
    assert.equal(b.uniform(-2, 3), -2 + 5 * x);
    assert.equal(a.int(3, 9) - 3, Math.floor(b.double() * 7));
  }
});

Deno.test("createFastRng: Marsaglia's polar method on its own uniforms (u·f, then the spare v·f)", () => {
  const u = createFastRng(0.75), r = createFastRng(0.75);
  for (let k = 0; k < 5; k++) {
    let x = 0, y = 0, q = 0;
    do {
      x = 2 * u.double() - 1;
      y = 2 * u.double() - 1;
      q = x * x + y * y;
    } while (q >= 1 || q === 0);
    const f = Math.sqrt((-2 * Math.log(q)) / q);
    assert.equal(r.normal(), x * f);
    assert.equal(r.normal(), y * f);
  }
  const a = createFastRng(2), b = createFastRng(2);
  for (let k = 0; k < 20; k++) {
    const x = a.double();
    assert.ok(x >= 0 && x < 1 && Number.isInteger(x * 2 ** 53));
    assert.equal(b.uniform(1, 4), 1 + 3 * x);
  }
});

Deno.test("both streams: int(lo, hi) hits both ends and nothing outside; uniform stays in [lo, hi)", () => {
  for (const rng of [createRng("ends"), createFastRng(0.125)]) {
    const seen = new Set<number>();
    for (let k = 0; k < 500; k++) {
      const v = rng.int(-2, 3);
      assert.ok(Number.isInteger(v) && v >= -2 && v <= 3);
      seen.add(v);
      const w = rng.uniform(5, 6);
      assert.ok(w >= 5 && w < 6);
    }
    assert.deepEqual([...seen].sort((p, q) => p - q), [-2, -1, 0, 1, 2, 3]);
  }
});

Deno.test("sampleVector draws dist.sample in order; Rademacher is ±1 with P(−1) ≈ ½; the record by name", () => {
  const v = sampleVector(createRng(8), uniformSqrt3, 6), r = createRng(8);
  v.forEach((x) => assert.equal(x, -Math.sqrt(3) + 2 * Math.sqrt(3) * r.double()));
  const signs = sampleVector(createRng(9), rademacher, 2000);
  const minus = signs.filter((s) => s === -1).length;
  assert.ok(signs.every((s) => s === 1 || s === -1) && Math.abs(minus - 1000) < 4 * Math.sqrt(500), `${minus}`);
  assert.deepEqual(distributions, { gaussian, uniform: uniformSqrt3, rademacher });
  assert.deepEqual([gaussian.fourthMoment, uniformSqrt3.fourthMoment, rademacher.fourthMoment], [3, 9 / 5, 1]);
});
