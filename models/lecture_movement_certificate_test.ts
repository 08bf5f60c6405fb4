import assert from "node:assert/strict";
import { kernelA, kernelGram, LectureNetwork } from "./lecture_network.ts";
import { movementCertificate } from "./lecture_movement_certificate.ts";
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
