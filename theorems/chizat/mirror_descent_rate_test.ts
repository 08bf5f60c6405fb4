import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { mirrorDescentRate } from "./mirror_descent_rate.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("chizat-mirror-descent is verified at the test budget", async () => {
  const { result } = await wholeRun(
    startWholeRun(new URL("./mirror_descent_rate.ts", import.meta.url), "mirrorDescentRate"),
  );
  assert.equal(result.status, "verified", result.reason);
});

Deno.test("chizat-mirror-descent catches the near miss 1/t²", async () => {
  assert.notEqual(await firstCaughtInstance(mirrorDescentRate(() => -2), 1, "test"), null);
});
