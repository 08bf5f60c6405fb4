import assert from "node:assert/strict";
import { withParams } from "../../engine/mutation.ts";
import { runInstance } from "../../engine/run.ts";
import { falsified, startMutantRun, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { trainedNetworkGp } from "./trained_network_gp.ts";
import { testLast } from "../../testing/last_pass.ts";

const correct = startWholeRun(new URL("./trained_network_gp.ts", import.meta.url), "trainedNetworkGp");
const oneStepTooMany = startMutantRun(import.meta.url, "trainedNetworkGpOneStepTooMany");
const noCrossTerms = startMutantRun(import.meta.url, "trainedNetworkGpNoCrossTerms");

testLast("gp-11.5.5 is verified at the test budget, with power against a covariance without cross terms", async () => {
  const run = await wholeRun(correct);
  assert.equal(run.result.status, "verified", run.result.reason);
  testsMatchVerdict(run);
  const [moments, trend] = run.result.aggregate!.tests!;
  assert.ok(moments.pValue > moments.alpha && trend.pValue > trend.alpha);
  assert.ok(moments.power!.probability > 0.9, JSON.stringify(moments.power));
});

testLast("gp-11.5.5 catches the near miss: the process of k + 1 steps", async () => {
  const run = await wholeRun(oneStepTooMany);
  falsified(run);
  testsMatchVerdict(run);
  const [, trend] = run.result.aggregate!.tests!;
  assert.ok(trend.pValue <= trend.alpha, trend.statistic); // the trained networks do not approach its map
});

testLast("gp-11.5.5 catches a covariance without its cross terms, by the moment tests", async () => {
  const run = await wholeRun(noCrossTerms);
  falsified(run);
  const [moments] = run.result.aggregate!.tests!;
  assert.ok(moments.pValue <= moments.alpha, moments.statistic);
});

Deno.test("gp-11.5.5 scenario step-beyond-stability: the loss goes up", async () => {
  const claim = withParams(trainedNetworkGp(), { stepFactor: 6, width: 64 });
  const r = await runInstance(claim, 1, 0, "test", 1, { ignoreHypotheses: true });
  assert.equal(r.met, false);
  assert.equal(r.conclusion!.holds, false, r.conclusion!.detail);
});
