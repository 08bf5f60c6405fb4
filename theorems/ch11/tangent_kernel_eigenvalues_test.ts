import { falsified, mutantTest } from "../../testing/whole_run.ts";
import { aggregateScenarioTests } from "../../testing/aggregate_scenario_tests.ts";
import { tangentKernelEigenvalues } from "./tangent_kernel_eigenvalues.ts";

aggregateScenarioTests(tangentKernelEigenvalues, [
  ["width-below-n0", "breaks"],
  ["width-64-below-chebyshev-n0", "survives"],
]);

mutantTest(
  import.meta.url,
  "tangentKernelEigenvaluesTwofoldKernel",
  "lemma-11.19 catches the near miss: a band built from 2·K^LC",
  falsified,
);
