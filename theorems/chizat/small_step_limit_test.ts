import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { smallStepLimit } from "./small_step_limit.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("chizat-small-step is an erratum at the test budget: −m∇F_m fails for m ≥ 2, −∇F_m holds on all", async () => {
  const { result } = await wholeRun(startWholeRun(new URL("./small_step_limit.ts", import.meta.url), "smallStepLimit"));
  assert.equal(result.status, "erratum", result.reason);
  // The printed form holds inside the stated scope m = 1 and fails outside it.
  assert.equal(result.scope?.inside.failed, 0);
  assert.ok((result.scope?.outside.failed ?? 0) > 0);
  // Readings: printed fails, −∇F_m holds, GD with step mη ⇒ −m∇F_m holds.
  assert.deepEqual(result.readings?.map((r) => r.verdict), ["fails", "holds", "holds"]);
});

Deno.test("chizat-small-step with the limit flow −∇F_m in place of −m∇F_m is verified", async () => {
  const { result } = await runClaim(smallStepLimit(1, () => 1), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified", result.reason);
});

Deno.test("chizat-small-step catches the near miss: a gap of order η²", async () => {
  assert.notEqual(await firstCaughtInstance(smallStepLimit(2, () => 1), 1, "test"), null);
});
