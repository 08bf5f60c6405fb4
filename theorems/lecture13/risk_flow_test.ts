import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { correctedPredictionDynamics, riskFlow } from "./risk_flow.ts";

Deno.test("yang-risk-flow catches the factor 1/n² in place of N/n²", async () => {
  assert.notEqual(await firstCaughtInstance(riskFlow(undefined, (n) => 1 / (n * n)), 1, "test"), null);
});

Deno.test("yang-risk-flow catches the near miss N/(2n²)", async () => {
  assert.notEqual(await firstCaughtInstance(riskFlow(undefined, (n, N) => N / (2 * n * n)), 1, "test"), null);
});

Deno.test("yang-risk-flow: the corrected prediction dynamics plugged in as printed is verified", async () => {
  const { result } = await runClaim(riskFlow(correctedPredictionDynamics), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified");
});
