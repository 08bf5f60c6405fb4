import assert from "node:assert/strict";
import { falsified, mutantsModule, startAggregateMutantRun, wholeRun } from "../../testing/whole_run.ts";
import { aggregateScenarioTests } from "../../testing/aggregate_scenario_tests.ts";
import { outputsGaussianLimit } from "./outputs_gaussian_limit.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { testLast } from "../../testing/last_pass.ts";

// The mutant's covariance enters only the aggregate (the moments it tests against): its instances are the printed
// claim's, so its verdict is decided on the printed claim's whole run's records (checked equal on three instances).
const covarianceTooLarge = startAggregateMutantRun(
  mutantsModule(import.meta.url),
  "outputsGaussianLimitCovarianceTooLarge",
  { module: new URL("./outputs_gaussian_limit.ts", import.meta.url), name: "outputsGaussianLimit" },
);

aggregateScenarioTests(outputsGaussianLimit, [["width-one", "breaks"]]);

testLast(
  "prop-11.28 catches a covariance 15% too large, by its covariance tests as well as its KS tests",
  async () => {
    const run = await wholeRun(covarianceTooLarge);
    falsified(run);
    testsMatchVerdict(run);
    assert.ok(run.result.aggregate!.tests!.every((t) => t.pValue <= t.alpha)); // both families reject
    assert.match(run.result.aggregate?.summary ?? "", /Covariance: not all .*Catoni p ≤ .*Gaussianity .*: rejected/);
  },
);
