/** Mutation tests: a deliberately wrong bound or formula plugged into the same claim must be caught. */
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { gradientLipschitzBall, printedGradientConstant } from "./gradient_lipschitz_ball.ts";

const opts = { seed: 1, budget: "test" as const };

Deno.test("lemma-11.21: observed tightness is reported and M/100 is caught (the printed M is ~40× loose)", async () => {
  const ok = await runClaim(gradientLipschitzBall(), opts);
  assert.equal(ok.result.status, "verified");
  assert.ok(ok.result.tightness !== null && ok.result.tightness > 0.005 && ok.result.tightness < 1);
  assert.notEqual(
    await firstCaughtInstance(gradientLipschitzBall((R) => printedGradientConstant(R) / 100), 1, "test"),
    null,
  );
});
