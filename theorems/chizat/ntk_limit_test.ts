import assert from "node:assert/strict";
import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { aggregateScenarioTests } from "../../testing/aggregate_scenario_tests.ts";
import { ntkLimit } from "./ntk_limit.ts";
import { testLast } from "../../testing/last_pass.ts";

const module = new URL("./ntk_limit_mutants.ts", import.meta.url);
const printed = startWholeRun(new URL("./ntk_limit.ts", import.meta.url), "ntkLimit");
const offByFive = startWholeRun(module, "ntkLimitFivePercentOff");
const noDerivative = startWholeRun(module, "ntkLimitWithoutSigmaDot");

testLast("chizat-ntk-limit is verified at the test budget; its two exponent tests do not reject", async () => {
  const run = await wholeRun(printed);
  assert.equal(run.result.status, "verified", run.result.reason);
  testsMatchVerdict(run);
});

/** Whether the exponent test of depth 2 (index 0) and depth 3 (index 1) rejects. */
const rejects = (run: Awaited<ReturnType<typeof wholeRun>>) =>
  (run.result.aggregate?.tests ?? []).map((t) => t.pValue <= t.alpha);

testLast("chizat-ntk-limit catches the limit kernel 5% off (1.05·Θ^L)", async () => {
  const run = await wholeRun(offByFive);
  assert.equal(run.result.status, "falsified", run.result.reason);
  testsMatchVerdict(run);
  // Depth 2 reaches m = 2¹⁴, where the fluctuations (≈ 1.5/√m) are well below 5%.
  assert.equal(rejects(run)[0], true);
});

testLast("chizat-ntk-limit catches the depth-3 recursion without its Σ̇ factor (Θ³ = Θ² + Σ³)", async () => {
  const run = await wholeRun(noDerivative);
  assert.equal(run.result.status, "falsified", run.result.reason);
  testsMatchVerdict(run);
  // Only the depth-3 kernel changes: the depth-2 test must not reject, the depth-3 one must.
  assert.deepEqual(rejects(run), [false, true]);
});

aggregateScenarioTests(() => ntkLimit(), [["mean-field-output-scale", "breaks"]]);
