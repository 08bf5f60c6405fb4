import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { initialRisk, printedInitRiskBound } from "./initial_risk.ts";
import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";

Deno.test("yang-init-risk catches a bound 10⁻⁵ times the printed one", async () => {
  const claim = initialRisk((g, N, d, delta) => 1e-5 * printedInitRiskBound(g, N, d, delta));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

const riskCorrect = startWholeRun(new URL("./initial_risk.ts", import.meta.url), "initialRisk");
const riskMutant = startWholeRun(new URL("./initial_risk_mutants.ts", import.meta.url), "initialRiskBoundTiny");

Deno.test("yang-init-risk: its test record rejects exactly when the claim does (a bound 10⁻⁵ times the printed one and the printed claim)", async () => {
  testsMatchVerdict(await wholeRun(riskMutant));
  assert.equal((await wholeRun(riskMutant)).result.status, "falsified");
  testsMatchVerdict(await wholeRun(riskCorrect));
});
