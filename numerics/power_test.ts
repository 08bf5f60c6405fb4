import assert from "node:assert/strict";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { failureFrequencyPower, successRatePower, tTestPower } from "./power.ts";
import { createRng } from "./random.ts";
import { binomialLowerTail, binomialUpperTail } from "./stats.ts";

Deno.test("tTestPower agrees with a simulated noncentral t test", () => {
  const rng = createRng("power-test");
  const draws = 40_000;
  for (const [df, shift, sides] of [[5, 2, "two-sided"], [7, 3, "upper"], [4, -1.5, "lower"]] as const) {
    const alpha = 0.05;
    const c = tQuantile(sides === "two-sided" ? 1 - alpha / 2 : 1 - alpha, df);
    let rejected = 0;
    for (let i = 0; i < draws; i++) {
      let v = 0;
      for (let j = 0; j < df; j++) v += rng.normal() ** 2;
      const t = (rng.normal() + shift) / Math.sqrt(v / df); // the effect, signed, in standard errors
      if (sides === "two-sided" ? Math.abs(t) > c : sides === "upper" ? t > c : t < -c) rejected++;
    }
    const p = tTestPower(df, shift, alpha, sides), se = Math.sqrt(p * (1 - p) / draws);
    assert.ok(Math.abs(rejected / draws - p) < 5 * se, `df ${df}, shift ${shift}: ${rejected / draws} vs ${p}`);
  }
});

Deno.test("tTestPower grows with the shift and is NaN on bad input", () => {
  assert.ok(tTestPower(6, 1, 0.01, "upper") < tTestPower(6, 2, 0.01, "upper"));
  assert.ok(tTestPower(6, -2, 0.01, "upper") < 0.01); // the wrong direction has less than the level
  assert.ok(Number.isNaN(tTestPower(0, 1, 0.01, "upper")));
  assert.ok(Number.isNaN(tTestPower(5, NaN, 0.01, "upper")));
});

Deno.test("binomial powers sum the rejected counts' probabilities under the alternative", () => {
  // Brute force: every count k rejected at level alpha, summed under the alternative.
  const n = 30, p0 = 0.8, alpha = 1e-3, pAlt = 0.4;
  let brute = 0;
  for (let k = 0; k <= n; k++) {
    if (binomialLowerTail(k, n, p0) <= alpha) {
      brute += binomialLowerTail(k, n, pAlt) - binomialLowerTail(k - 1, n, pAlt);
    }
  }
  assert.ok(Math.abs(successRatePower(n, p0, alpha, pAlt) - brute) < 1e-12);
  let bruteFrequency = 0;
  for (let k = 0; k <= n; k++) {
    if (binomialUpperTail(k, n, 0.1) < alpha) {
      bruteFrequency += binomialUpperTail(k, n, 0.3) - binomialUpperTail(k + 1, n, 0.3);
    }
  }
  assert.ok(Math.abs(failureFrequencyPower(n, 0.1, alpha, 0.3) - bruteFrequency) < 1e-12);
  assert.equal(failureFrequencyPower(n, 0.1, alpha, 0.1) < alpha, true); // under H0: at most the level
});
