import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { dnnEvolution } from "./dnn_evolution.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("yang-dnn-evolution is verified at the test budget", async () => {
  const { result } = await wholeRun(startWholeRun(new URL("./dnn_evolution.ts", import.meta.url), "dnnEvolution"));
  assert.equal(result.status, "verified", result.reason);
});

Deno.test("yang-dnn-evolution catches the near miss ∂ₜh = −(1/N)K̂(h − f)", async () => {
  const caught = await firstCaughtInstance(dnnEvolution(1), 1, "test");
  assert.notEqual(caught, null);
  assert.match(caught!.conclusion!.detail, /\(d\)/);
});
