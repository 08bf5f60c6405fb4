import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { aggregateRejects, startMutantRun, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { gdTrainer, realisationsBeforeAfterTraining } from "./realisations_before_after_training.ts";
import { testLast } from "../../testing/last_pass.ts";

const threeSteps = startMutantRun(import.meta.url, "realisationsBeforeAfterTrainingThreeSteps");
const fiveSteps = startMutantRun(import.meta.url, "realisationsBeforeAfterTrainingFiveSteps");

Deno.test("fig-11.3: without training the observation is not reproduced", async () => {
  // An instance failing both forms (the loss does not go down) makes the run falsified, never observed or erratum.
  assert.notEqual(
    await firstCaughtInstance(
      realisationsBeforeAfterTraining(gdTrainer(1), (net) => Float64Array.from(net.params)),
      1,
      "test",
    ),
    null,
  );
});

testLast(
  "fig-11.3: 3 GD steps instead of 1000 lower the loss but do not collapse the variance at the data",
  async () => {
    const run = await wholeRun(threeSteps);
    assert.equal(run.result.conclusionFailures, run.result.instances); // the printed h = 1/n still diverges
    assert.equal(run.result.correctedFailures, 0); // the loss does go down
    aggregateRejects(run);
  },
);

testLast("fig-11.3 catches the near miss: 5 GD steps instead of 1000", async () => {
  aggregateRejects(await wholeRun(fiveSteps));
});

testLast("fig-11.3: the verdict under each reading of the unprinted setup (loss and step)", async () => {
  const { result } = await wholeRun(
    startWholeRun(
      new URL("./realisations_before_after_training.ts", import.meta.url),
      "realisationsBeforeAfterTraining",
    ),
  );
  // (11.0.1b) with h = 1/n diverges; ½Σ and the mean squared error with h = 1/n train.
  assert.deepEqual(result.readings!.map((g) => g.verdict), ["fails", "holds", "holds"]);
});
