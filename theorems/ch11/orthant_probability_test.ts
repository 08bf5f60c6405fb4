/** Mutation tests: a deliberately wrong formula plugged into the same claim must be caught. */
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { angle } from "../../models/ntk_kernels.ts";
import { orthantProbability } from "./orthant_probability.ts";
import { startMutantRun, startWholeRun } from "../../testing/whole_run.ts";
import { testsRejectOnlyTheMutant } from "../../testing/test_records.ts";

Deno.test("ex-11.36 catches θ/(2π) in place of (π − θ)/(2π)", async () => {
  assert.notEqual(
    await firstCaughtInstance(orthantProbability((x, z) => angle(x, z) / (2 * Math.PI)), 1, "test"),
    null,
  );
});

const orthantCorrect = startWholeRun(new URL("./orthant_probability.ts", import.meta.url), "orthantProbability");
const orthantMutant = startMutantRun(import.meta.url, "orthantProbabilityFivePercentLarge");

Deno.test("ex-11.36: its test record rejects exactly when the claim does (a closed form 5% too large and the printed claim)", () =>
  testsRejectOnlyTheMutant(orthantMutant, orthantCorrect));
