import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { featureKernel, type FeatureMap } from "../../models/kernels.ts";
import { featureMapKernel } from "./feature_map_kernel.ts";

Deno.test("def-11.8 catches an indefinite 'inner product' ⟨φ(x), Dφ(x′)⟩, D = diag(1, −1, 1, −1, …)", async () => {
  const indefinite = (phi: FeatureMap) => {
    const k = featureKernel(phi);
    return {
      name: "indefinite",
      value: (x: ArrayLike<number>, y: ArrayLike<number>) => {
        const a = phi.map(x), b = phi.map(y);
        return a.reduce((s, v, i) => s + (i % 2 ? -1 : 1) * v * b[i], 0);
      },
      error: k.error,
    };
  };
  assert.notEqual(await firstCaughtInstance(featureMapKernel(indefinite), 1, "test"), null);
});

Deno.test("def-11.8 catches the near miss ⟨φ(x), Dφ(x′)⟩, D = diag(−1, 1, …, 1): one sign of the inner product flipped", async () => {
  const minkowski = (phi: FeatureMap) => ({
    name: "Minkowski",
    value: (x: ArrayLike<number>, y: ArrayLike<number>) => {
      const a = phi.map(x), b = phi.map(y);
      return a.reduce((s, v, i) => s + (i === 0 ? -1 : 1) * v * b[i], 0);
    },
    error: featureKernel(phi).error,
  });
  assert.notEqual(await firstCaughtInstance(featureMapKernel(minkowski), 1, "test"), null);
});
