/** Mutation tests: a deliberately wrong formula plugged into the same claim must be caught. */
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { reluDerivativeKernelClosedForm, reluNtkKernelClosedForm } from "../../models/ntk_kernels.ts";
import { ntkReluClosedForm } from "./ntk_relu_closed_form.ts";
import { startMutantRun, startWholeRun } from "../../testing/whole_run.ts";
import { testsRejectOnlyTheMutant } from "../../testing/test_records.ts";

Deno.test("ex-11.31 catches (π − θ)/π for E[σ′σ′]", async () => {
  const wrong = ntkReluClosedForm({
    derivative: (x, z) => 2 * reluDerivativeKernelClosedForm(x, z),
    ntk: reluNtkKernelClosedForm,
  });
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});

const ntkCorrect = startWholeRun(new URL("./ntk_relu_closed_form.ts", import.meta.url), "ntkReluClosedForm");
const ntkMutant = startMutantRun(import.meta.url, "ntkReluClosedFormFivePercentLarge");

Deno.test("ex-11.31: its test record rejects exactly when the claim does (K^NTK 5% too large and the printed claim)", () =>
  testsRejectOnlyTheMutant(ntkMutant, ntkCorrect));
