import { falsified, startMutantRun, wholeRun } from "../../testing/whole_run.ts";
import { aggregateScenarioTests } from "../../testing/aggregate_scenario_tests.ts";
import { randomMatrixNorm } from "./random_matrix_norm.ts";

const hundredfoldSmallBound = startMutantRun(import.meta.url, "randomMatrixNormHundredfoldSmallBound");

aggregateScenarioTests(randomMatrixNorm, [
  ["variance-two", "breaks"],
  ["no-eighth-moment", "survives"],
]);

Deno.test(
  "lemma-11.20 catches a failure bound 100 times too small",
  async () => falsified(await wholeRun(hundredfoldSmallBound)),
);
