import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { correctedRelativeScaleExponent, relativeScale } from "./relative_scale.ts";
import { testLast } from "../../testing/last_pass.ts";

Deno.test("chizat-kappa catches a wrong corrected exponent (−1/4 in place of −1/2)", async () => {
  assert.notEqual(await firstCaughtInstance(relativeScale(undefined, (b) => Math.max(-0.25, b - 1)), 1, "test"), null);
});

Deno.test("chizat-kappa: the corrected exponent plugged in as printed is verified", async () => {
  const { result } = await runClaim(relativeScale(correctedRelativeScaleExponent), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified");
  testsMatchVerdict({ result });
});

testLast(
  "chizat-kappa: the printed form holds for α = m^-1/2 and 1/m (the erratum's scope) and fails for α = 1",
  async () => {
    const { result } = await wholeRun(startWholeRun(new URL("./relative_scale.ts", import.meta.url), "relativeScale"));
    assert.equal(result.status, "erratum", result.reason);
    testsMatchVerdict({ result });
    const { inside, outside } = result.scope!;
    // Instances cycle β = 0, 1/2, 1: two of three lie inside the scope.
    assert.deepEqual([inside.tried, inside.held, outside.tried, outside.failed], [2, 2, 1, 1]);
  },
);

Deno.test("chizat-kappa catches the near miss err ≲ t^{9/4}κ_h(w₀) (the local exponent of err in t is 2)", async () => {
  const { result } = await runClaim(relativeScale(undefined, undefined, 2.25), { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified", result.reason);
});
