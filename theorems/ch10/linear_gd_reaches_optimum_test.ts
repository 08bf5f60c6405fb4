import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { linearGdReachesOptimum } from "./linear_gd_reaches_optimum.ts";

Deno.test("sec-10.1 catches a wrong optimum: ½‖Py‖² in place of ½‖(I − P)y‖²", async () => {
  const wrong = linearGdReachesOptimum((ls) => 0.5 * ls.y.reduce((s, v) => s + v * v, 0) - ls.optimalLoss());
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});
