import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { relu, softplus } from "../../models/activation.ts";
import { reluHomogeneity } from "./relu_homogeneity.ts";

Deno.test("chizat-homogeneity catches a non-homogeneous activation (softplus)", async () => {
  assert.notEqual(await firstCaughtInstance(reluHomogeneity(softplus), 1, "test"), null);
});

Deno.test("chizat-homogeneity catches the near miss σ(z) = max{0, z}^{5/4}: a particle (2 + 1/4)-homogeneous", async () => {
  const power = {
    ...relu,
    name: "ReLU^{5/4}",
    f: (z: number) => (z > 0 ? z ** 1.25 : 0),
    df: (z: number) => (z > 0 ? 1.25 * z ** 0.25 : 0),
  };
  assert.notEqual(await firstCaughtInstance(reluHomogeneity(power), 1, "test"), null);
});
