import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { initialRisk, printedInitRiskBound } from "./initial_risk.ts";

Deno.test("yang-init-risk catches a bound 10⁻⁵ times the printed one", async () => {
  const claim = initialRisk((g, N, d, delta) => 1e-5 * printedInitRiskBound(g, N, d, delta));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});
