import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { sparseDeconvolution } from "./sparse_deconvolution.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("chizat-sparse-deconvolution is observed at the test budget", async () => {
  const { result } = await wholeRun(
    startWholeRun(new URL("./sparse_deconvolution.ts", import.meta.url), "sparseDeconvolution"),
  );
  assert.equal(result.status, "observed", result.reason);
});

Deno.test("chizat-sparse-deconvolution catches the weights-only descent (β = 0)", async () => {
  assert.notEqual(await firstCaughtInstance(sparseDeconvolution(true), 1, "test"), null);
});
