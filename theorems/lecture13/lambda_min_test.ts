import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { lambdaMin, printedLambdaThreshold } from "./lambda_min.ts";

Deno.test("yang-lambda-min catches a width threshold 10⁵ times too small", async () => {
  const claim = lambdaMin((n, c, l, delta) => 1e-5 * printedLambdaThreshold(n, c, l, delta));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});
