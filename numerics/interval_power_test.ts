import assert from "node:assert/strict";
import { catoniMeanTest } from "./catoni.ts";
import { binomialTwoSidedPValue, catoniPower, clopperPearsonPower, normalBandPower } from "./interval_power.ts";
import { normalTwoSidedPValue } from "./interval_power.ts";
import { createRng } from "./random.ts";
import { binomialLowerTail, clopperPearson } from "./stats.ts";

Deno.test("clopperPearsonPower sums the probabilities of the counts outside the interval", () => {
  for (const [n, p0, confidence, pAlt] of [[40, 0.3, 0.99, 0.5], [200, 0.25, 1 - 1e-4, 0.3], [25, 0.5, 0.95, 0.5]]) {
    let brute = 0;
    for (let k = 0; k <= n; k++) {
      const ci = clopperPearson(k, n, confidence);
      if (ci.lo > p0 || ci.hi < p0) brute += binomialLowerTail(k, n, pAlt) - binomialLowerTail(k - 1, n, pAlt);
    }
    const power = clopperPearsonPower(n, p0, confidence, pAlt);
    assert.ok(Math.abs(power - brute) < 1e-12, `n ${n}: ${power} vs ${brute}`);
  }
  // Under H0 the exact test is conservative: at most the level.
  assert.ok(clopperPearsonPower(200, 0.25, 0.99, 0.25) <= 0.01);
});

Deno.test("binomialTwoSidedPValue is below 1 − confidence exactly when p0 is outside the Clopper–Pearson interval", () => {
  const n = 60, p0 = 0.35, level = 1e-3;
  for (let k = 0; k <= n; k++) {
    const ci = clopperPearson(k, n, 1 - level);
    assert.equal(binomialTwoSidedPValue(k, n, p0) < level, ci.lo > p0 || ci.hi < p0, `k = ${k}`);
  }
});

Deno.test("normalBandPower agrees with a simulated band test; normalTwoSidedPValue with its band", () => {
  const rng = createRng("interval-power-band"), draws = 40_000;
  for (const [shift, se, c] of [[3, 1, 3], [0.5, 0.2, 5], [0, 1, 2]]) {
    let rejected = 0;
    for (let i = 0; i < draws; i++) if (Math.abs(se * rng.normal() + shift) > c * se) rejected++;
    const p = normalBandPower(shift, se, se, c), sd = Math.sqrt(p * (1 - p) / draws);
    assert.ok(Math.abs(rejected / draws - p) < 5 * sd + 1e-4, `shift ${shift}: ${rejected / draws} vs ${p}`);
  }
  assert.ok(normalTwoSidedPValue(4.9) > normalTwoSidedPValue(5) && normalTwoSidedPValue(0) === 1);
});

Deno.test("catoniPower agrees with simulated Catoni tests on a skewed law (within the normal model's error)", () => {
  // Exponential draws (mean 1, variance 1) tested against mean 1/1.1 with variance 1/1.21, as a covariance 10% off.
  const rng = createRng("interval-power-catoni"), N = 1600, level = 1e-3, runs = 2000;
  const mean = 1 / 1.1, variance = 1 / 1.21;
  const draw = () => Array.from({ length: N }, () => -Math.log(1 - rng.double()));
  let rejected = 0, predicted = 0;
  for (let r = 0; r < runs; r++) {
    const sample = draw(), test = catoniMeanTest(sample, mean, variance, level);
    if (test.pValue <= level) rejected++;
    if (r < 50) predicted += catoniPower(draw(), mean, variance, test.scale, level) / 50;
  }
  const simulated = rejected / runs;
  assert.ok(simulated > 0.05 && simulated < 0.95, `simulated power ${simulated} (the case must be informative)`);
  assert.ok(Math.abs(predicted - simulated) < 0.05, `predicted ${predicted} vs simulated ${simulated}`);
});
