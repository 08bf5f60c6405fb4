import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { scaledModelKappa } from "./scaled_model_kappa.ts";

Deno.test("eq-10.45 catches κ ∝ 1/α² in place of 1/α", async () => {
  const claim = scaledModelKappa((y, h, j, a) => y * h / (a * a * j * j));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});
