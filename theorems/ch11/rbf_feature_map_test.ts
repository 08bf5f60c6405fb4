import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { lagrangeTailBound, rbfFeatureMap, rbfFeatures } from "./rbf_feature_map.ts";
import { testLast } from "../../testing/last_pass.ts";

Deno.test("ex-11.34 features: φ₀(x) = e^{−x²}, φ₁(x) = √2·x·e^{−x²}, φ₂(x) = √2·x²·e^{−x²}; B₀ = e^{−(x−x′)²} for t ≥ 0", () => {
  const x = 0.7, f = rbfFeatures(x, 3), e = Math.exp(-x * x);
  assert.ok(Math.abs(f[0] - e) < 1e-16 && Math.abs(f[1] - Math.SQRT2 * x * e) < 1e-16);
  assert.ok(Math.abs(f[2] - Math.SQRT2 * x * x * e) < 1e-16); // √(2²/2!) = √2
  assert.ok(Math.abs(lagrangeTailBound(1, 0.5, 0) - Math.exp(-0.25)) < 1e-15);
});

testLast("ex-11.34 is verified at the test budget, the bound nearly attained somewhere", async () => {
  const { result, records } = await wholeRun(
    startWholeRun(new URL("./rbf_feature_map.ts", import.meta.url), "rbfFeatureMap"),
  );
  assert.equal(result.status, "verified", result.reason);
  assert.ok(Math.max(...records.map((r) => r.conclusion!.tightness)) > 0.5);
});

Deno.test("ex-11.34 catches the near miss: the tail bound one term too far, |t|^(N+1)/(N+1)!", async () => {
  const offByOne = rbfFeatureMap((x, z, n) => lagrangeTailBound(x, z, n + 1));
  assert.notEqual(await firstCaughtInstance(offByOne, 1, "test"), null);
});

Deno.test("ex-11.34 catches the bound without the factor e^{max(t, 0)}", async () => {
  const noExp = rbfFeatureMap((x, z, n) => lagrangeTailBound(x, z, n) * Math.exp(-Math.max(2 * x * z, 0)));
  assert.notEqual(await firstCaughtInstance(noExp, 1, "test"), null);
});
