import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { INIT_RISK_DRAWS, initialRisk, printedInitRiskBound } from "./initial_risk.ts";
import { CHECK_FALSE_ALARM, POWER_GOAL } from "../../engine/false_alarm.ts";
import { failureFrequencyPower } from "../../numerics/power.ts";
import { startMutantRun, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { testLast } from "../../testing/last_pass.ts";

Deno.test("yang-init-risk catches a bound 10⁻⁵ times the printed one", async () => {
  const claim = initialRisk((g, N, d, delta) => 1e-5 * printedInitRiskBound(g, N, d, delta));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

const riskCorrect = startWholeRun(new URL("./initial_risk.ts", import.meta.url), "initialRisk");
const riskMutant = startMutantRun(import.meta.url, "initialRiskBoundTiny");

testLast(
  "yang-init-risk: its test record rejects exactly when the claim does (a bound 10⁻⁵ times the printed one and the printed claim)",
  async () => {
    testsMatchVerdict(await wholeRun(riskMutant));
    assert.equal((await wholeRun(riskMutant)).result.status, "falsified");
    testsMatchVerdict(await wholeRun(riskCorrect));
  },
);

Deno.test("yang-init-risk: the draws per δ give each instance's test its budget's power goal against P[fail] = 2δ", () => {
  for (const budget of ["test", "report"] as const) {
    for (const [delta, draws] of Object.entries(INIT_RISK_DRAWS[budget])) {
      const d = Number(delta);
      const power = failureFrequencyPower(draws, d, CHECK_FALSE_ALARM / 18, Math.min(2 * d, (1 + d) / 2));
      assert.ok(power >= POWER_GOAL[budget], `${budget}, δ = ${d}: ${draws} draws, power ${power}`);
    }
  }
});
