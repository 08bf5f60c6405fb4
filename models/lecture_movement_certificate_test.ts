import assert from "node:assert/strict";
import { kernelA, kernelGram, LectureNetwork } from "./lecture_network.ts";
import { aprioriMovementCertificate, movementCertificate } from "./lecture_movement_certificate.ts";
import { symmetricEigen } from "../numerics/linalg.ts";
import { createRng } from "../numerics/random.ts";

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

Deno.test("aprioriMovementCertificate: no ODE, yet its bounds dominate the movements and kernel shift sampled at 32 times", () => {
  const rng = createRng("apriori-movement-certificate");
  let provesTstar = 0;
  for (const xs of [[[1], [-1]], [[1, 1], [1, -1]], [[1, 0.3], [0.2, -1], [-0.5, 0.5]]]) {
    for (const width of [64, 1024]) {
      const net = new LectureNetwork(xs, xs.map(() => rng.uniform(-1, 1)), width);
      const theta0 = net.initialise(rng, 1 / Math.sqrt(width));
      const lambdaS = symmetricEigen(kernelGram(kernelA, xs)).values[xs.length - 1];
      const a = aprioriMovementCertificate(net, theta0, lambdaS);
      const c = movementCertificate(net, theta0, lambdaS, { samples: 32, rtol: 1e-7 });
      // The bounds hold before t* (where the sampled movements are taken); the shift bound, when below 1/4, proves
      // t* = ∞ and then dominates the shift at every sampled time.
      assert.ok(Number.isFinite(a.upperA), `bootstrap closes: ${JSON.stringify(a)}`);
      assert.ok(c.sampledA <= a.upperA && c.sampledW <= a.upperW, JSON.stringify(a));
      assert.ok(a.shiftBound >= 0.25 || c.sampledShift <= a.shiftBound, JSON.stringify(a));
      // Looser than the integrated certificate, which uses ∫₀^T|eᵢ| itself.
      assert.ok(a.upperA >= c.upperA && a.initA === c.initA && a.lambdaMin0 === c.lambdaMin0);
      if (a.shiftBound < 0.25) provesTstar++;
    }
  }
  assert.ok(provesTstar >= 3, `t* = ∞ proved on ${provesTstar} of 6`);
});

Deno.test("aprioriMovementCertificate: no bound when λ_min(K̂^(a)(θ⁰)) ≤ λ_S/4", () => {
  const net = new LectureNetwork([[1], [-1]], [0.5, -0.5], 1);
  // One neuron sees only x₁: K̂^(a) = diag(σ(w)², 0), λ_min = 0.
  const a = aprioriMovementCertificate(net, Float64Array.of(0.1, 1), 0.5);
  assert.equal(a.lambdaMin0, 0);
  assert.ok(a.upperA === Infinity && a.upperW === Infinity && a.shiftBound === Infinity);
});

Deno.test("movementCertificate with everyStep: reads every accepted step, the sampled times among them", () => {
  const net = new LectureNetwork([[1, 1], [1, -1]], [0.3, -0.2], 256);
  const theta0 = net.initialise(createRng("every-step"), 1 / 16);
  const lambdaS = 1 - 1 / Math.PI;
  const plain = movementCertificate(net, theta0, lambdaS, { samples: 4 });
  const every = movementCertificate(net, theta0, lambdaS, { samples: 4, everyStep: true });
  assert.equal(every.stepTimes.length, every.steps);
  assert.deepEqual(plain.risks, every.risks);
  for (const t of every.times) assert.ok(every.stepTimes.includes(t));
  assert.ok(every.stepRisks.every((r, j) => j === 0 || r <= every.stepRisks[j - 1]), "R_S decreases along (1)");
  assert.ok(every.sampledA >= plain.sampledA && every.sampledW >= plain.sampledW);
  assert.deepEqual(plain.stepTimes, []);
});
