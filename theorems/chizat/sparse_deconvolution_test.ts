import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { sparseDeconvolution } from "./sparse_deconvolution.ts";

Deno.test("chizat-sparse-deconvolution is observed at the test budget", async () => {
  const { result } = await runClaim(sparseDeconvolution(), { seed: 1, budget: "test" });
  assert.equal(result.status, "observed", result.reason);
});

Deno.test("chizat-sparse-deconvolution catches the weights-only descent (β = 0)", async () => {
  assert.notEqual(await firstCaughtInstance(sparseDeconvolution(true), 1, "test"), null);
});
