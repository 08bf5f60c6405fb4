import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import { runClaim } from "../engine/run.ts";
import {
  affineFeatures,
  distanceFunction,
  featureKernel,
  type FeatureMap,
  kernelMatrix,
  polynomialKernel,
} from "../models/kernels.ts";
import { psdWithFormationError } from "../numerics/psd.ts";
import { def118, ex1110, ex1133, ex115 } from "./ch11_kernel_examples.ts";

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
  const wrong = ex1110([() => ({ kernel: distanceFunction, parameters: { holds: true, value: "none" } })]);
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});

Deno.test("def-11.8 catches an indefinite 'inner product' ⟨φ(x), Dφ(x′)⟩, D = diag(1, −1, 1, −1, …)", async () => {
  const indefinite = (phi: FeatureMap) => {
    const k = featureKernel(phi);
    return {
      name: "indefinite",
      value: (x: ArrayLike<number>, y: ArrayLike<number>) => {
        const a = phi.map(x), b = phi.map(y);
        return a.reduce((s, v, i) => s + (i % 2 ? -1 : 1) * v * b[i], 0);
      },
      error: k.error,
    };
  };
  assert.notEqual(await firstCaughtInstance(def118(indefinite), 1, "test"), null);
});

Deno.test("ex-11.5 catches a feature map without the quadratic features: affine (1, x₁, x₂)", async () => {
  assert.notEqual(await firstCaughtInstance(ex115(affineFeatures(2)), 1, "test"), null);
});

Deno.test("ex-11.33 catches a construction that is too weak: affine features (1, x) in place of (K(x, xⱼ))ⱼ", async () => {
  const caught = await firstCaughtInstance(ex1133((points) => affineFeatures(points[0].length)), 1, "test");
  assert.equal(caught?.corrected?.holds, false);
});

Deno.test("ex-11.33 as printed fails exactly on the instances with a repeated point (erratum)", async () => {
  const { result, records } = await runClaim(ex1133(), { seed: 1, budget: "test" });
  assert.equal(result.status, "erratum");
  for (const r of records) assert.equal(r.conclusion!.holds, !r.description.includes("repeated"));
});
