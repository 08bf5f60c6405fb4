import assert from "node:assert/strict";
import { runClaim } from "../engine/run.ts";
import { chizatImplicitBias } from "./chizat_implicit_bias.ts";

Deno.test("chizat-implicit-bias catches a wrong reference direction (the centroid classifier Σyᵢxᵢ)", async () => {
  const claim = chizatImplicitBias((data) => {
    const w = new Float64Array(data.d);
    data.y.forEach((yi, i) => {
      for (let k = 0; k < data.d; k++) w[k] += yi * data.x[i * data.d + k];
    });
    // Scale to margin 1, as the max-margin vector ŵ is.
    let min = Infinity;
    data.y.forEach((yi, i) => {
      let m = 0;
      for (let k = 0; k < data.d; k++) m += w[k] * data.x[i * data.d + k];
      min = Math.min(min, yi * m);
    });
    return { w: w.map((v) => v / min), angleBound: 0 };
  });
  const { result } = await runClaim(claim, { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
  // The binomial test on the limit and the 1/log t law rejects on its own.
  assert.ok(result.aggregate!.pValue! <= result.aggregate!.alpha!, result.aggregate!.summary);
});
