import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { distanceFunction, kernelMatrix, polynomialKernel } from "../../models/kernels.ts";
import { psdWithFormationError } from "../../numerics/psd.ts";
import { type KernelFamily, standardKernelsPsd } from "./standard_kernels_psd.ts";

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

Deno.test("ex-11.10 catches the near miss exp(−c‖x − x′‖³): the RBF kernel with the distance cubed, not squared", async () => {
  const cubed: KernelFamily = (rng) => {
    const c = 10 ** rng.uniform(-1.5, 1);
    const r3 = (x: ArrayLike<number>, y: ArrayLike<number>) => Math.hypot(...Array.from(x, (v, k) => v - y[k])) ** 3;
    const kernel = {
      name: `exp(−c‖x − x′‖³), c = ${c.toFixed(4)}`,
      value: (x: ArrayLike<number>, y: ArrayLike<number>) => Math.exp(-c * r3(x, y)),
      // A generous bound on the rounding of the distance, its cube, the product by c and exp.
      error: (x: ArrayLike<number>, y: ArrayLike<number>) =>
        Math.exp(-c * r3(x, y)) * (1 + c * r3(x, y)) * (x.length + 10) * Number.EPSILON,
    };
    return { kernel, parameters: { holds: c > 0, value: `c = ${c.toFixed(4)} > 0` } };
  };
  assert.notEqual(await firstCaughtInstance(standardKernelsPsd([cubed]), 1, "test"), null);
});
