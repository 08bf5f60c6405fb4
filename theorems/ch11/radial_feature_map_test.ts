import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { affineFeatures } from "../../models/kernels.ts";
import { radialFeatureMap } from "./radial_feature_map.ts";

Deno.test("ex-11.5 catches a feature map without the quadratic features: affine (1, x₁, x₂)", async () => {
  assert.notEqual(await firstCaughtInstance(radialFeatureMap(affineFeatures(2)), 1, "test"), null);
});
