import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { mirrorDescentRate } from "./mirror_descent_rate.ts";

Deno.test("chizat-mirror-descent is verified at the test budget", async () => {
  const { result } = await runClaim(mirrorDescentRate(), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified", result.reason);
});

Deno.test("chizat-mirror-descent catches the near miss 1/t²", async () => {
  assert.notEqual(await firstCaughtInstance(mirrorDescentRate(() => -2), 1, "test"), null);
});
