import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { gdFeatureModelLimit } from "./gd_feature_model_limit.ts";

Deno.test("rem-11.4 catches a limit that forgets the ⟨φ(x), ŵ₀⟩ term", async () => {
  assert.notEqual(await firstCaughtInstance(gdFeatureModelLimit((estimator) => estimator), 1, "test"), null);
});
