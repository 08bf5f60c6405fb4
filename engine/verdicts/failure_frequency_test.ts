import assert from "node:assert/strict";
import { failureFrequencyCheck } from "./failure_frequency.ts";

Deno.test("failureFrequencyCheck: m failures of m reject δ exactly when δᵐ < α", () => {
  // The lower one-sided bound on m/m is α^{1/m}: above δ iff δᵐ < α.
  assert.equal(failureFrequencyCheck(13, 13, 0.5, 1e-4).holds, true); // 0.5¹³ = 1.2·10⁻⁴
  assert.equal(failureFrequencyCheck(14, 14, 0.5, 1e-4).holds, false); // 0.5¹⁴ = 6.1·10⁻⁵
});

Deno.test("failureFrequencyCheck: no failure never rejects, and the intervals bracket the frequency", () => {
  for (const draws of [1, 10, 1000]) assert.equal(failureFrequencyCheck(0, draws, 1e-6, 1e-3).holds, true);
  const c = failureFrequencyCheck(30, 100, 0.2, 1e-3);
  assert.ok(c.lower < 0.3 && 0.3 < c.upper);
});
