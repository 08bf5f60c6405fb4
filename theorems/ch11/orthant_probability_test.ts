/** Mutation tests: a deliberately wrong formula plugged into the same claim must be caught. */
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { angle } from "../../models/ntk_kernels.ts";
import { orthantProbability } from "./orthant_probability.ts";

Deno.test("ex-11.36 catches θ/(2π) in place of (π − θ)/(2π)", async () => {
  assert.notEqual(
    await firstCaughtInstance(orthantProbability((x, z) => angle(x, z) / (2 * Math.PI)), 1, "test"),
    null,
  );
});
