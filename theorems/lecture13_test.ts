import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import { runClaim } from "../engine/run.ts";
import { correctedPredictionDynamics, yangLinearized, yangRiskFlow } from "./lecture13.ts";

Deno.test("yang-risk-flow catches the factor 1/n² in place of N/n²", async () => {
  assert.notEqual(await firstCaughtInstance(yangRiskFlow(undefined, (n) => 1 / (n * n)), 1, "test"), null);
});

Deno.test("yang-risk-flow: the corrected prediction dynamics plugged in as printed is verified", async () => {
  const { result } = await runClaim(yangRiskFlow(correctedPredictionDynamics), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified");
});

Deno.test("yang-linearized catches a wrong corrected exponent (1/N instead of 2/N)", async () => {
  assert.notEqual(await firstCaughtInstance(yangLinearized(undefined, (ns) => 1 / ns), 1, "test"), null);
});

Deno.test("yang-linearized: the corrected exponent plugged in as printed is verified", async () => {
  const { result } = await runClaim(yangLinearized((ns) => 2 / ns), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified");
});
