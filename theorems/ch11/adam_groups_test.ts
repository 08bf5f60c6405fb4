import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { adamGroups } from "./adam_groups.ts";

Deno.test("rem-11.29 is observed at the test budget", async () => {
  const { result } = await runClaim(adamGroups(), { seed: 1, budget: "test" });
  assert.equal(result.status, "observed", result.reason);
});

Deno.test("rem-11.29 catches the near miss: momentum without per-component scaling", async () => {
  assert.notEqual(await firstCaughtInstance(adamGroups("momentum"), 1, "test"), null);
});
