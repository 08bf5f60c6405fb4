/** Mutation tests: a deliberately wrong formula plugged into the same claim must be caught. */
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { limitKernel } from "../../models/ntk_kernels.ts";
import { ntkWithBiases } from "./ntk_with_biases.ts";

Deno.test("ex-11.37 catches a derivation that ignores the biases", async () => {
  assert.notEqual(
    await firstCaughtInstance(
      ntkWithBiases((x, z, s) => limitKernel(x, z, { ...s, biasVariance: 0 }).value),
      1,
      "test",
    ),
    null,
  );
});
