import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { adamGroups } from "./adam_groups.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("rem-11.29 is observed at the test budget", async () => {
  const { result } = await wholeRun(startWholeRun(new URL("./adam_groups.ts", import.meta.url), "adamGroups"));
  assert.equal(result.status, "observed", result.reason);
});

Deno.test("rem-11.29 catches the near miss: momentum without per-component scaling", async () => {
  assert.notEqual(await firstCaughtInstance(adamGroups("momentum"), 1, "test"), null);
});
