import assert from "node:assert/strict";
import { startMutantRun, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { testLast } from "../../testing/last_pass.ts";

const printed = startWholeRun(new URL("./group_training.ts", import.meta.url), "groupTraining");
const ntk = startMutantRun(import.meta.url, "anyParametrisation");

testLast("sec-11.6-training is verified at the test budget; its two decay tests do not reject", async () => {
  const run = await wholeRun(printed);
  assert.equal(run.result.status, "verified", run.result.reason);
  testsMatchVerdict(run);
});

testLast("sec-11.6-training catches the near miss: the NTK parametrisation moves every group alike", async () => {
  const run = await wholeRun(ntk);
  assert.equal(run.result.status, "falsified", run.result.reason);
});
