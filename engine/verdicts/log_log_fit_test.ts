import assert from "node:assert/strict";
import { createRng } from "../../numerics/random.ts";
import { linearFit } from "../../numerics/stats.ts";
import { containsRate, logLogDecay, logLogFit } from "./log_log_fit.ts";

Deno.test("logLogDecay: an m^{-1/2} gap with multiplicative noise decays, its interval around −1/2", () => {
  const rng = createRng("log-log-decay");
  const sizes = [8, 16, 32, 64, 128, 256, 512].flatMap((m) => [m, m]);
  const gaps = sizes.map((m) => Math.exp(0.1 * rng.normal()) / Math.sqrt(m));
  const fit = logLogDecay(sizes, gaps, 0.999)!;
  assert.ok(fit.decays, `${fit.lo}, ${fit.hi}`);
  assert.equal(containsRate(fit, -0.5), "contains");
});

Deno.test("logLogDecay: a flat gap does not decay", () => {
  const rng = createRng("log-log-flat");
  const sizes = [8, 16, 32, 64, 128];
  const fit = logLogDecay(sizes, sizes.map(() => 1 + 0.1 * rng.uniform(0, 1)), 0.99)!;
  assert.ok(!fit.decays && fit.lo < 0 && 0 < fit.hi);
});

Deno.test("logLogDecay: fewer than 3 sizes, or a zero or non-finite gap, cannot be fitted", () => {
  assert.equal(logLogDecay([8, 16, 8, 16], [1, 0.5, 1, 0.5], 0.99), undefined);
  assert.equal(logLogDecay([8, 16, 32], [1, 0, 0.5], 0.99), undefined);
  assert.equal(logLogDecay([8, 16, 32], [1, NaN, 0.5], 0.99), undefined);
});

Deno.test("logLogFit is linearFit on the logarithms, bit for bit", () => {
  const x = [16, 64, 256, 1024, 4096], y = [0.3, 0.11, 0.07, 0.031, 0.016];
  assert.deepEqual(logLogFit(x, y, 0.999), linearFit(x.map(Math.log), y.map(Math.log), 0.999));
});
