import assert from "node:assert/strict";
import { runScenario } from "../../engine/explore.ts";
import { aggregateScenario, scenarioTestOptions } from "../../testing/aggregate_scenario_tests.ts";
import { aggregateRejects, mutantTest } from "../../testing/whole_run.ts";
import { globalConvergence } from "./global_convergence.ts";

mutantTest(
  import.meta.url,
  "chizatGlobalConvergenceWrongDerivative",
  "chizat-global-convergence catches a wrong gradient (ReLU with the derivative 1[z < 0])",
  aggregateRejects,
);

Deno.test("chizat-global-convergence scenario collapsed-init breaks: the wide students stall with the small ones", async () => {
  const claim = globalConvergence();
  const sc = aggregateScenario(claim, "collapsed-init");
  const out = await runScenario(claim, sc, scenarioTestOptions());
  assert.equal(out.verdict, "breaks", out.summary);
  assert.equal(out.violated, out.tried);
  // Control: the same runs from the full-support initialisation are not rejected (the horizon alone does not break it).
  const control = await runScenario(claim, { ...sc, params: { ...sc.params, collapsed: 0 } }, scenarioTestOptions());
  assert.notEqual(control.verdict, "breaks", control.summary);
});
