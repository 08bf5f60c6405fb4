/** Mutation tests: a deliberately wrong bound or formula plugged into the same claim must be caught. */
import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { gradientLipschitzBall, printedGradientConstant } from "./gradient_lipschitz_ball.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("lemma-11.21: observed tightness is reported and M/100 is caught (the printed M is ~40× loose)", async () => {
  const ok = await wholeRun(
    startWholeRun(new URL("./gradient_lipschitz_ball.ts", import.meta.url), "gradientLipschitzBall"),
  );
  assert.equal(ok.result.status, "verified");
  assert.ok(ok.result.tightness !== null && ok.result.tightness > 0.005 && ok.result.tightness < 1);
  assert.notEqual(
    await firstCaughtInstance(gradientLipschitzBall((R) => printedGradientConstant(R) / 100), 1, "test"),
    null,
  );
});
