import assert from "node:assert/strict";
import { runClaim } from "../engine/run.ts";
import { chizatRandomFeatures } from "./chizat_random_features.ts";

Deno.test("chizat-random-features catches a wrong limiting kernel (arc-cosine without the bias coordinate)", async () => {
  const noBias = (x: ArrayLike<number>, z: ArrayLike<number>) => {
    let xx = 0, zz = 0, xz = 0;
    for (let k = 0; k < x.length; k++) {
      xx += x[k] * x[k];
      zz += z[k] * z[k];
      xz += x[k] * z[k];
    }
    const nx = Math.sqrt(xx), nz = Math.sqrt(zz), c = Math.min(1, Math.max(-1, xz / (nx * nz)));
    const t = Math.acos(c);
    return ((nx * nz) / (2 * Math.PI)) * (Math.sin(t) + (Math.PI - t) * c);
  };
  const { result } = await runClaim(chizatRandomFeatures(noBias), { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
});
