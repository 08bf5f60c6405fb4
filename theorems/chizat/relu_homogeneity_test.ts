import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { softplus } from "../../models/activation.ts";
import { reluHomogeneity } from "./relu_homogeneity.ts";

Deno.test("chizat-homogeneity catches a non-homogeneous activation (softplus)", async () => {
  assert.notEqual(await firstCaughtInstance(reluHomogeneity(softplus), 1, "test"), null);
});
