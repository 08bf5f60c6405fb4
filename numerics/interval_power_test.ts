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

Deno.test("interval powers by hand: two-sided p-values, the 10-draw example, the band's limits, Catoni's constant samples", () => {
  assert.ok(Math.abs(binomialTwoSidedPValue(0, 2, 0.5) - 0.5) < 1e-15); // 2·min(1, ¼)
  assert.equal(binomialTwoSidedPValue(1, 2, 0.5), 1); // 2·min(¾, ¾) capped at 1
  assert.ok(Math.abs(binomialTwoSidedPValue(3, 3, 0.2) - 2 * 0.008) < 1e-15);
  // n = 10, confidence 0.99, p₀ = ½: only 0 and 10 hits are rejected (2·2⁻¹⁰ < 0.01 < 2·11·2⁻¹⁰).
  assert.ok(Math.abs(clopperPearsonPower(10, 0.5, 0.99, 0.5) - 2 * 2 ** -10) < 1e-15);
  assert.ok(Math.abs(clopperPearsonPower(10, 0.5, 0.99, 0.9) - (0.9 ** 10 + 0.1 ** 10)) < 1e-14);
  // The normal p-value: 2(1 − Φ(1.959963984540054)) = 0.05, even in z; at 0 it is 1.
  assert.ok(Math.abs(normalTwoSidedPValue(1.959963984540054) - 0.05) < 1e-12);
  assert.equal(normalTwoSidedPValue(-1.5), normalTwoSidedPValue(1.5));
  assert.equal(normalTwoSidedPValue(0), 1);
  // Band power: no shift gives the two-sided level of c·s/se; a huge shift gives 1; the sign of the shift is irrelevant.
  assert.ok(Math.abs(normalBandPower(0, 1, 1, 1.959963984540054) - 0.05) < 1e-12);
  assert.ok(Math.abs(normalBandPower(0, 2, 1, 3.919927969080108) - 0.05) < 1e-12); // c·s/se = 1.96
  assert.ok(normalBandPower(100, 1, 1, 3) > 1 - 1e-15);
  assert.equal(normalBandPower(-0.7, 1, 1, 2), normalBandPower(0.7, 1, 1, 2));
  // shift = c·s: half the mass is beyond the band's edge, plus the far tail Φ(−2cs/se).
  assert.ok(Math.abs(normalBandPower(2, 1, 1, 2) - (0.5 + normalTwoSidedPValue(4) / 2)) < 1e-15);
  // Catoni with a constant sample: S is deterministic, rejected exactly when |S| reaches the threshold.
  const at = (x: number) => catoniPower(Array(100).fill(x), 0, 1, 0.1, 0.01);
  assert.equal(at(0), 0);
  // S = 100·ψ(0.1·x) against 100·log(1 + 0.005) + log 200 ≈ 5.797: ψ(0.1·x) ≥ 0.058 needs x ≳ 0.58.
  assert.equal(at(5), 1);
  assert.equal(at(-5), 1);
  assert.equal(at(0.3), 0);
});
