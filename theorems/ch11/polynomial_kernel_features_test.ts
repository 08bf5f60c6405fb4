import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { multiIndices, multinomialCoefficient, polynomialKernelFeatures } from "./polynomial_kernel_features.ts";
import { testLast } from "../../testing/last_pass.ts";

Deno.test("ex-11.35 coefficients: (1 + t)^r's binomials for d = 1, the feature map of (1 + xᵀx′)² for d = 2", () => {
  assert.deepEqual(multiIndices(1, 4).map((a) => multinomialCoefficient(4, a)), [1n, 4n, 6n, 4n, 1n]);
  // (1 + x₁z₁ + x₂z₂)² = 1 + 2x₂z₂ + x₂²z₂² + 2x₁z₁ + 2x₁x₂z₁z₂ + x₁²z₁².
  assert.deepEqual(multiIndices(2, 2).map((a) => multinomialCoefficient(2, a)), [1n, 2n, 1n, 2n, 2n, 1n]);
  assert.equal(multiIndices(3, 4).length, 35); // C(7, 4)
});

testLast("ex-11.35 is verified at the test budget, with the rank check on some instances", async () => {
  const { result, records } = await wholeRun(
    startWholeRun(new URL("./polynomial_kernel_features.ts", import.meta.url), "polynomialKernelFeatures"),
  );
  assert.equal(result.status, "verified", result.reason);
  assert.ok(records.some((r) => /kernel matrix rank/.test(r.conclusion!.detail)));
});

Deno.test("ex-11.35 catches the near miss c_α = |α|!/α! (binomial C(r, |α|) dropped)", async () => {
  const dropped = polynomialKernelFeatures((_r, alpha) =>
    multinomialCoefficient(alpha.reduce((s, a) => s + a, 0), alpha)
  );
  const caught = await firstCaughtInstance(dropped, 1, "test");
  assert.match(caught!.conclusion!.detail, /failed, first Σ c_α/);
});

Deno.test("ex-11.35 catches features without coefficients, φ_α = x^α", async () => {
  assert.notEqual(await firstCaughtInstance(polynomialKernelFeatures(() => 1n), 1, "test"), null);
});
