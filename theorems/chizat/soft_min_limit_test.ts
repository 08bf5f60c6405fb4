import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance, withParams } from "../../engine/mutation.ts";
import { createRng } from "../../numerics/random.ts";
import { softMinLimit } from "./soft_min_limit.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("chizat-soft-min is verified at the test budget", async () => {
  const { result } = await wholeRun(startWholeRun(new URL("./soft_min_limit.ts", import.meta.url), "softMinLimit"));
  assert.equal(result.status, "verified", result.reason);
  // The upper end log(n)/β is approached: the worst gap·β/log n is near 1.
  assert.ok((result.tightness ?? 0) > 0.9, `tightness ${result.tightness}`);
});

Deno.test("chizat-soft-min catches the near miss log(n)/(2β)", async () => {
  assert.notEqual(await firstCaughtInstance(softMinLimit(0.5), 1, "test"), null);
});

Deno.test("chizat-soft-min without separability: the hypothesis fails and no separator gives the linear growth bound", async () => {
  const params = { separable: 0 };
  const claim = withParams(softMinLimit(), params);
  const instance = await claim.generate({ rng: createRng(5), index: 0, count: 1, budget: "test", params });
  assert.equal(claim.hypotheses[0].check(instance).holds, false);
  const c = await claim.conclusion.check(instance);
  assert.equal(c.holds, false);
});
