/**
 * Deliberately wrong versions of `fig-11.3` that only a whole run can catch (testing/whole_run.ts):
 * each export builds one, with no arguments, so a worker can rebuild it. No `Deno.test` here.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { gdTrainer, realisationsBeforeAfterTraining } from "./realisations_before_after_training.ts";

/**
 * fig-11.3 with 3 GD steps instead of 1000 as the corrected trainer: the loss goes down but the variance
 * at the data does not collapse, which the aggregate's test rejects (the printed h = 1/n still diverges).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { realisationsBeforeAfterTrainingThreeSteps } from "./realisations_before_after_training_mutants.ts";
 * assert.equal(realisationsBeforeAfterTrainingThreeSteps().id, "fig-11.3");
 * ```
 */
export function realisationsBeforeAfterTrainingThreeSteps(): Claim {
  const short = gdTrainer(0.5);
  return realisationsBeforeAfterTraining(gdTrainer(1), (net) => short(net, 3));
}

/**
 * fig-11.3 with 5 GD steps instead of 1000 as the corrected trainer (training stopped 200× early): the
 * near miss, caught by the aggregate's test on seed 1 (and 8 of seeds 1–10) at the test budget.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { realisationsBeforeAfterTrainingFiveSteps } from "./realisations_before_after_training_mutants.ts";
 * assert.equal(realisationsBeforeAfterTrainingFiveSteps().id, "fig-11.3");
 * ```
 */
export function realisationsBeforeAfterTrainingFiveSteps(): Claim {
  const short = gdTrainer(0.5);
  return realisationsBeforeAfterTraining(gdTrainer(1), (net) => short(net, 5));
}
