/** Mutation tests: a deliberately wrong exponent plugged into the same claim must be caught. */
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { CORRECTED_EXPONENTS, gradientMagnitudes } from "./gradient_magnitudes.ts";

const opts = { seed: 1, budget: "test" as const };

Deno.test("sec-11.6: the corrected exponents verify; a wrong NTK exponent is caught", async () => {
  const ok = await runClaim(gradientMagnitudes(CORRECTED_EXPONENTS), opts);
  assert.equal(ok.result.status, "verified", ok.result.reason);
  const wrong = { ...CORRECTED_EXPONENTS, ntk: { ...CORRECTED_EXPONENTS.ntk, v: 0.5 } };
  assert.notEqual(await firstCaughtInstance(gradientMagnitudes(wrong, wrong), 1, "test"), null);
});
