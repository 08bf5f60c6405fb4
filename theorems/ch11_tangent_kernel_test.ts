/** Mutation tests: a deliberately wrong formula plugged into the same claim must be caught. */
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import { runClaim } from "../engine/run.ts";
import { reluDerivativeKernelClosedForm, reluNtkKernelClosedForm } from "../models/ntk_kernels.ts";
import { angle, limitKernel } from "../models/ntk_kernels.ts";
import { CORRECTED_EXPONENTS, ex1117, ex1131, ex1136, ex1137, sec116 } from "./ch11_tangent_kernel.ts";

const opts = { seed: 1, budget: "test" as const };

Deno.test("ex-11.17 catches a closed form with sin and cos swapped", async () => {
  const wrong = (x: number[], z: number[]) => {
    const t = angle(x, z), d = x.length;
    return Math.hypot(...x) * Math.hypot(...z) / (2 * Math.PI * d) * (Math.cos(t) + (Math.PI - t) * Math.sin(t));
  };
  assert.notEqual(await firstCaughtInstance(ex1117(wrong), 1, "test"), null);
});

Deno.test("ex-11.36 catches θ/(2π) in place of (π − θ)/(2π)", async () => {
  assert.notEqual(await firstCaughtInstance(ex1136((x, z) => angle(x, z) / (2 * Math.PI)), 1, "test"), null);
});

Deno.test("ex-11.31 catches (π − θ)/π for E[σ′σ′]", async () => {
  const wrong = ex1131({
    derivative: (x, z) => 2 * reluDerivativeKernelClosedForm(x, z),
    ntk: reluNtkKernelClosedForm,
  });
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});

Deno.test("ex-11.37 catches a derivation that ignores the biases", async () => {
  assert.notEqual(
    await firstCaughtInstance(ex1137((x, z, s) => limitKernel(x, z, { ...s, biasVariance: 0 }).value), 1, "test"),
    null,
  );
});

Deno.test("sec-11.6: the corrected exponents verify; a wrong NTK exponent is caught", async () => {
  const ok = await runClaim(sec116(CORRECTED_EXPONENTS), opts);
  assert.equal(ok.result.status, "verified", ok.result.reason);
  const wrong = { ...CORRECTED_EXPONENTS, ntk: { ...CORRECTED_EXPONENTS.ntk, v: 0.5 } };
  assert.notEqual(await firstCaughtInstance(sec116(wrong, wrong), 1, "test"), null);
});
