import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { dnnEvolution } from "./dnn_evolution.ts";

Deno.test("yang-dnn-evolution is verified at the test budget", async () => {
  const { result } = await runClaim(dnnEvolution(), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified", result.reason);
});

Deno.test("yang-dnn-evolution catches the near miss ∂ₜh = −(1/N)K̂(h − f)", async () => {
  const caught = await firstCaughtInstance(dnnEvolution(1), 1, "test");
  assert.notEqual(caught, null);
  assert.match(caught!.conclusion!.detail, /\(d\)/);
});
