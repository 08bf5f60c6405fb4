import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import {
  cd,
  movementCertificate,
  printedInitRiskBound,
  printedLambdaThreshold,
  yangInitRisk,
  yangLambdaMin,
  yangTstar,
} from "./lecture13_lemmas.ts";
import { kernelA, kernelGram, LectureNetwork } from "../models/lecture_network.ts";
import { symmetricEigen } from "../numerics/linalg.ts";
import { createRng } from "../numerics/random.ts";
import { runInstance } from "../engine/run.ts";

Deno.test("C_d matches Monte Carlo E‖w‖₁⁴ (d = 3, 4 standard errors, fixed seed)", () => {
  const rng = createRng("cd");
  let s = 0, s2 = 0;
  const T = 200_000;
  for (let t = 0; t < T; t++) {
    const v = (Math.abs(rng.normal()) + Math.abs(rng.normal()) + Math.abs(rng.normal())) ** 4;
    s += v;
    s2 += v * v;
  }
  const m = s / T, se = Math.sqrt((s2 / T - m * m) / T);
  assert.ok(Math.abs(m - cd(3)) < 4 * se, `${m} vs ${cd(3)}`);
});

Deno.test("yang-init-risk catches a bound 10⁻⁵ times the printed one", async () => {
  const claim = yangInitRisk((g, N, d, delta) => 1e-5 * printedInitRiskBound(g, N, d, delta));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

Deno.test("yang-lambda-min catches a width threshold 10⁵ times too small", async () => {
  const claim = yangLambdaMin((n, c, l, delta) => 1e-5 * printedLambdaThreshold(n, c, l, delta));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

Deno.test("movementCertificate: its bounds dominate the movements and kernel shift sampled at 64 times", () => {
  // Small widths (the bootstrap must close without the lemma's width) on both kinds of data, fixed seed.
  const rng = createRng("movement-certificate");
  for (const xs of [[[1], [-1]], [[1, 1], [1, -1]], [[1, 0.3], [0.2, -1], [-0.5, 0.5]]]) {
    for (const width of [64, 256]) {
      const net = new LectureNetwork(xs, xs.map(() => rng.uniform(-1, 1)), width);
      const theta0 = net.initialise(rng, 1 / Math.sqrt(width));
      const lambdaS = symmetricEigen(kernelGram(kernelA, xs)).values[xs.length - 1];
      const c = movementCertificate(net, theta0, lambdaS, { samples: 64, rtol: 1e-8 });
      assert.ok(Number.isFinite(c.upperA) && c.shiftBound < 0.25, `bootstrap closes: ${JSON.stringify(c)}`);
      assert.ok(c.sampledA <= c.upperA && c.sampledW <= c.upperW && c.sampledShift <= c.shiftBound, JSON.stringify(c));
    }
  }
});

Deno.test("yang-tstar: a flow that slides along a ReLU kink fails the existence hypothesis, with no movement recorded", async () => {
  // Seed 756, instance 0 (N = 32): w₁₆ᵀx₀ = −4.5·10⁻⁴ at θ⁰ reaches 0 at t ≈ 0.02T and slides there.
  const claim = yangTstar();
  const sliding = await runInstance(claim, 756, 0, "test", 24);
  assert.equal(sliding.met, false);
  assert.match(String(sliding.hypotheses[1].value), /slides along a ReLU kink from t ≈ 1\.9\de-2/);
  assert.equal(sliding.conclusion, undefined);
  // Checked anyway (explorations ignore hypotheses): NaN movements never pass.
  const forced = await runInstance(claim, 756, 0, "test", 24, { ignoreHypotheses: true });
  assert.equal(forced.conclusion?.holds, false);
  const smooth = await runInstance(claim, 756, 4, "test", 24);
  assert.equal(smooth.met, true);
  assert.equal(smooth.hypotheses[1].value, "integrated to T");
});
