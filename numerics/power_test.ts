import assert from "node:assert/strict";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { failureFrequencyPower, successRatePower, tTestPower } from "./power.ts";
import { createRng } from "./random.ts";
import { binomialLowerTail, binomialUpperTail } from "./stats.ts";
import { normalCdf } from "./goodness_of_fit.ts";

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

Deno.test("powers by hand: the documented examples, boundaries of the rejection regions, the t test at its limits", () => {
  // 4 trials, p₀ = 0.9, level 2·10⁻⁴: only k = 0 is rejected (P = 10⁻⁴), so the power at 0.45 is 0.55⁴.
  assert.ok(Math.abs(successRatePower(4, 0.9, 2e-4, 0.45) - 0.55 ** 4) < 1e-15);
  // At exactly the level: P(Bin(4, 0.9) ≤ 0) = 10⁻⁴ ≤ 10⁻⁴ is rejected (inclusive); below it nothing is.
  assert.ok(Math.abs(successRatePower(4, 0.9, 1e-4 * (1 + 1e-9), 0.45) - 0.55 ** 4) < 1e-15);
  assert.equal(successRatePower(4, 0.9, 0.99e-4, 0.45), 0);
  // Every count rejected (α ≥ 1): power 1.
  assert.equal(successRatePower(3, 0.5, 1, 0.2), 1);
  // 5 draws, δ = 0.1, level 10⁻⁴: only k = 5 is rejected (P = 10⁻⁵); at δ′ = 0.2 the power is 0.2⁵.
  assert.ok(Math.abs(failureFrequencyPower(5, 0.1, 1e-4, 0.2) - 0.2 ** 5) < 1e-17);
  // The frequency test is strict: P(Bin(5, 0.1) ≥ 5) = 10⁻⁵ is not < 10⁻⁵.
  assert.equal(failureFrequencyPower(5, 0.1, 1e-5 * (1 - 1e-9), 0.2), 0);
  assert.ok(failureFrequencyPower(5, 0.1, 1e-5 * (1 + 1e-9), 0.2) > 0);
  // t test: large df is the normal test, Φ(3 − 1.645) ≈ 0.912 one-sided; two-sided at shift 0 is the level.
  assert.ok(Math.abs(tTestPower(1e6, 3, 0.05, "upper") - normalCdf(3 - 1.6448536269514722)) < 1e-4);
  assert.ok(Math.abs(tTestPower(8, 0, 0.05, "two-sided") - 0.05) < 1e-9);
  assert.ok(Math.abs(tTestPower(8, 0, 0.05, "upper") - 0.05) < 1e-9);
  assert.ok(Math.abs(tTestPower(8, -2, 0.05, "lower") - tTestPower(8, 2, 0.05, "upper")) < 1e-12);
  assert.ok(Math.abs(tTestPower(8, 1.5, 0.05, "two-sided") - tTestPower(8, -1.5, 0.05, "two-sided")) < 1e-12);
  assert.ok(Number.isNaN(tTestPower(5, 1, 0, "upper")) && Number.isNaN(tTestPower(5, 1, 1, "upper")));
});
