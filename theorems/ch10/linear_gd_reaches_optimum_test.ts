import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { linearGdReachesOptimum } from "./linear_gd_reaches_optimum.ts";

Deno.test("sec-10.1 catches a wrong optimum: ½‖Py‖² in place of ½‖(I − P)y‖²", async () => {
  const wrong = linearGdReachesOptimum((ls) => 0.5 * ls.y.reduce((s, v) => s + v * v, 0) - ls.optimalLoss());
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});

Deno.test("sec-10.1 catches the near miss L* = ‖(I − P)y‖²", async () => {
  assert.notEqual(await firstCaughtInstance(linearGdReachesOptimum((ls) => 2 * ls.optimalLoss()), 1, "test"), null);
});

Deno.test("sec-10.1: a diverged run has tightness above 1 and says the gap went from a to b", async () => {
  const { runInstance } = await import("../../engine/run.ts");
  const r = await runInstance(linearGdReachesOptimum(), 1, 0, "test", 1, {
    params: { etaBeta: 2.2, N: 1, d: 1 },
    ignoreHypotheses: true,
  });
  const c = r.conclusion!;
  assert.equal(c.holds, false);
  assert.ok(c.tightness > 1, `tightness ${c.tightness}`);
  assert.match(c.detail, /^the gap L\(w_k\) − L\* went from \S+ to \S+ in \d+ GD steps/);
});
