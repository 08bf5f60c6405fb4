/**
 * gd-check: executable, randomized, reproducible checks of what the theory of gradient descent
 * and wide neural networks claims. This module re-exports the public API.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimById, runClaim } from "./mod.ts";
 * const { result } = await runClaim(claimById("lemma-10.2")!, { seed: 1, budget: "test" });
 * assert.equal(result.status, "verified");
 * ```
 *
 * Models and linear algebra take ml-matrix `Matrix` values; import them from their modules
 * (`models/least_squares.ts`, `models/smooth_losses.ts`, `numerics/linalg.ts`).
 *
 * @module
 */
export * from "./engine/claim.ts";
export * from "./engine/run.ts";
export * from "./engine/report.ts";
export * from "./engine/plot.ts";
export * from "./engine/explore.ts";
export * from "./engine/false_alarm.ts";
export * from "./engine/registry.ts";
export * from "./engine/records.ts";
export { catalog, claimById, claims } from "./theorems/catalog.ts";
export * from "./numerics/random.ts";
export * from "./numerics/compare.ts";
export * from "./numerics/stats.ts";
export * from "./numerics/catoni.ts";
export type { Interval } from "./numerics/interval.ts";
export * from "./numerics/ode.ts";
export { compareTangentKernel, type TangentKernelComparison } from "./models/tangent_kernel_api.ts";
export type { Expectation, KernelSpec } from "./models/ntk_kernels.ts";
export { empiricalKernelVariance, lecunKernel, limitKernel, ntkKernel } from "./models/ntk_kernels.ts";
export type { Parametrisation } from "./models/two_layer.ts";
export { type Activation, activations, arctan, relu, softplus } from "./models/activation.ts";
