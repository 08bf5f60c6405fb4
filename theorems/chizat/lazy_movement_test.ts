import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { lazyMovement } from "./lazy_movement.ts";
import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { testLast } from "../../testing/last_pass.ts";

const printed = startWholeRun(new URL("./lazy_movement.ts", import.meta.url), "lazyMovement");

testLast("chizat-lazy-movement is verified at the test budget; its two decay tests do not reject", async () => {
  const run = await wholeRun(printed);
  assert.equal(run.result.status, "verified", run.result.reason);
  testsMatchVerdict(run);
});

Deno.test("chizat-lazy-movement catches the near miss O(α^{-5/4})", async () => {
  assert.notEqual(await firstCaughtInstance(lazyMovement(-1.25), 1, "test"), null);
});
