import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { lambdaMin, printedLambdaThreshold } from "./lambda_min.ts";
import { testLast } from "../../testing/last_pass.ts";

Deno.test("yang-lambda-min catches a width threshold 10⁵ times too small", async () => {
  const claim = lambdaMin((n, c, l, delta) => 1e-5 * printedLambdaThreshold(n, c, l, delta));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

Deno.test("yang-lambda-min catches the near miss λ_min(K̂^(a)(θ⁰)) ≥ λ_S", async () => {
  const { result } = await runClaim(lambdaMin(printedLambdaThreshold, 1), { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
  testsMatchVerdict({ result });
});

testLast("yang-lambda-min: verified at the test budget, its binomial test at the power goal", async () => {
  const { result } = await wholeRun(startWholeRun(new URL("./lambda_min.ts", import.meta.url), "lambdaMin"));
  assert.equal(result.status, "verified");
  testsMatchVerdict({ result });
  assert.ok(result.aggregate!.tests![0].power!.probability >= 0.5);
});
