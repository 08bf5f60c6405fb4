/** Mutation tests: a deliberately wrong formula plugged into the same claim must be caught. */
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { limitKernel } from "../../models/ntk_kernels.ts";
import { ntkWithBiases } from "./ntk_with_biases.ts";
import { startMutantRun, startWholeRun } from "../../testing/whole_run.ts";
import { testsRejectOnlyTheMutant } from "../../testing/test_records.ts";

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

const biasCorrect = startWholeRun(new URL("./ntk_with_biases.ts", import.meta.url), "ntkWithBiases");
const biasMutant = startMutantRun(import.meta.url, "ntkWithBiasesFivePercentLarge");

Deno.test("ex-11.37: its test record rejects exactly when the claim does (a derived limit 5% too large and the printed claim)", () =>
  testsRejectOnlyTheMutant(biasMutant, biasCorrect));
