import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { affineFeatures, type FeatureMap, quadraticFeatures } from "../../models/kernels.ts";
import { radialFeatureMap } from "./radial_feature_map.ts";

Deno.test("ex-11.5 catches a feature map without the quadratic features: affine (1, x₁, x₂)", async () => {
  assert.notEqual(await firstCaughtInstance(radialFeatureMap(affineFeatures(2)), 1, "test"), null);
});

Deno.test("ex-11.5 catches the near miss (1, x₁, x₂, x₁x₂, x₁²): (11.2.6) with the x₂² feature dropped", async () => {
  const dropped: FeatureMap = {
    name: "(1, x₁, x₂, x₁x₂, x₁²)",
    inputDim: 2,
    dim: 5,
    map: (x) => quadraticFeatures.map(x).slice(0, 5),
    error: (x) => quadraticFeatures.error(x).slice(0, 5),
  };
  assert.notEqual(await firstCaughtInstance(radialFeatureMap(dropped), 1, "test"), null);
});
