import { falsified, mutantTest } from "../../testing/whole_run.ts";
import { aggregateScenarioTests } from "../../testing/aggregate_scenario_tests.ts";
import { randomMatrixNorm } from "./random_matrix_norm.ts";

aggregateScenarioTests(randomMatrixNorm, [
  ["variance-two", "breaks"],
  ["no-eighth-moment", "survives"],
]);

mutantTest(
  import.meta.url,
  "randomMatrixNormHundredfoldSmallBound",
  "lemma-11.20 catches a failure bound 100 times too small",
  falsified,
);
