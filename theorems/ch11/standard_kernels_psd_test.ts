import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { distanceFunction, kernelMatrix, polynomialKernel } from "../../models/kernels.ts";
import { psdWithFormationError } from "../../numerics/psd.ts";
import { standardKernelsPsd } from "./standard_kernels_psd.ts";

Deno.test("teaching: the distance ‖x − x′‖ is symmetric but not a kernel, and the PSD check says so", () => {
  const { g, error } = kernelMatrix(distanceFunction, [[0, 0], [1, 0], [0, 2]]);
  const t = psdWithFormationError(g, error);
  assert.ok(t.symmetric && !t.psd, `λ_min = ${t.minEigenvalue}`);
});

Deno.test("teaching: the polynomial 'kernel' with c < 0 (outside Example 11.10) fails on one point", () => {
  const { g, error } = kernelMatrix(polynomialKernel(-1, 1), [[0.5, 0.5]]);
  assert.ok(!psdWithFormationError(g, error).psd);
});

Deno.test("ex-11.10 catches a function that is not a kernel (the distance) among the families", async () => {
  const wrong = standardKernelsPsd([() => ({ kernel: distanceFunction, parameters: { holds: true, value: "none" } })]);
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});
