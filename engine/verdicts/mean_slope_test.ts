import assert from "node:assert/strict";
import { formatMeanSlope, logLogSlope, meanSlope, meanSlopeDecayTest } from "./mean_slope.ts";

Deno.test("mean slope: the t interval against the tabulated t quantile t_{0.975, 2} = 4.302652729911275 (stdlib: to 1e-10)", () => {
  const s = meanSlope([-1, -0.5, -0.75], 0.05);
  const half = 4.302652729911275 * 0.25 / Math.sqrt(3);
  assert.equal(s.mean, -0.75);
  assert.ok(Math.abs(s.lo - (-0.75 - half)) < 1e-9 && Math.abs(s.hi - (-0.75 + half)) < 1e-9);
  assert.equal(formatMeanSlope(s, 2), `-0.75 [${(-0.75 - half).toFixed(2)}, ${(-0.75 + half).toFixed(2)}]`);
});

Deno.test("mean slope: exact power laws give their exponent; a NaN slope is never a decay", () => {
  assert.ok(Math.abs(logLogSlope([8, 16, 32], [1 / 64, 1 / 256, 1 / 1024]) + 2) < 1e-12);
  const nan = meanSlope([-1, NaN, -1], 1e-3);
  assert.ok(Number.isNaN(nan.hi));
  assert.ok(!(nan.hi < 0));
  const growing = meanSlopeDecayTest("gap", meanSlope([0.5, 0.4, 0.6, 0.55], 1e-3), 1e-3);
  assert.ok(growing.pValue <= growing.alpha);
});
