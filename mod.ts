/**
 * gd-check: executable, randomized, reproducible checks of what the theory of gradient descent
 * and wide neural networks claims. This module is the authoring API: everything a claim file needs
 * (defineClaim and its types, the runner, the verdict helpers, the seeded random streams, the
 * rounding-budget helpers, the plot builders). A claim file may live anywhere and import it by path or
 * URL: its own imports are all relative or `npm:`/`node:` specifiers, so it needs no `deno.json`.
 * `deno task report --claims my_claims.ts` (and explore, list, replay, seeds) run the claims of a
 * module exporting `claims`, an array of claims; docs/writing-a-claim.md walks through one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { atMost, defineClaim, runClaim } from "./mod.ts";
 * const square = defineClaim<number>({
 *   id: "my-square", title: "x² ≥ 0", kind: "exact", source: { document: "my notes", where: "p. 1" },
 *   statement: "$x^2 \\ge 0$", tightness: "none", instances: { test: 5, report: 50 },
 *   generate: ({ rng }) => rng.normal(), describe: (x) => `x = ${x}`, hypotheses: [],
 *   conclusion: {
 *     statement: "$x^2 \\ge 0$",
 *     check: (x) => {
 *       const c = atMost(-x * x, 0);
 *       return { holds: c.ok, observed: c.observed, bound: c.bound, tightness: 0, detail: `x² = ${x * x}` };
 *     },
 *   },
 * });
 * const { result } = await runClaim(square, { seed: 1, budget: "test" });
 * assert.equal(result.status, "verified");
 * ```
 *
 * The catalog of built-in claims is `theorems/catalog.ts` (not re-exported here: a claim file that
 * imports this module does not load the catalog's claims, in the main thread or in any worker).
 *
 * @module
 */
// Claims and runs
export * from "./engine/claim.ts";
export * from "./engine/run.ts";
export * from "./engine/registry.ts";
export * from "./engine/records.ts";
export * from "./engine/explore.ts";
export * from "./engine/mutation.ts";
export * from "./engine/parallel_run.ts";
export * from "./engine/false_alarm.ts";
export * from "./engine/report.ts";
export * from "./engine/plot.ts";
// Verdict helpers
export * from "./engine/verdicts/exact_checks.ts";
export * from "./engine/verdicts/worst_of_checks.ts";
export * from "./engine/verdicts/failure_frequency.ts";
export * from "./engine/verdicts/instance_tests.ts";
export * from "./engine/verdicts/log_log_fit.ts";
export * from "./engine/verdicts/mean_slope.ts";
export * from "./engine/verdicts/decay_decision.ts";
export * from "./engine/verdicts/convergence_order.ts";
export * from "./engine/verdicts/width_decay_rate.ts";
export * from "./engine/verdicts/quadrature_agreement.ts";
// Plot builders
export * from "./engine/plots/chart.ts";
export * from "./engine/plots/log_curves.ts";
export * from "./engine/plots/log_log.ts";
export * from "./engine/plots/power_law.ts";
export * from "./engine/plots/trajectory.ts";
export * from "./engine/plots/width_scatter.ts";
// Seeded random streams, comparisons that NaN never passes, rounding budgets, statistics
export * from "./numerics/random.ts";
export * from "./numerics/compare.ts";
export * from "./numerics/rounding.ts";
export * from "./numerics/numerical_failure.ts";
export * from "./numerics/stats.ts";
export type { TestSides } from "./numerics/power.ts";
export * from "./numerics/catoni.ts";
export type { Interval } from "./numerics/interval.ts";
export * from "./numerics/ode.ts";
// Models kept public since the first releases
export { compareTangentKernel, type TangentKernelComparison } from "./models/tangent_kernel_api.ts";
export type { Expectation, KernelSpec } from "./models/ntk_kernels.ts";
export { empiricalKernelVariance, lecunKernel, limitKernel, ntkKernel } from "./models/ntk_kernels.ts";
export type { Parametrisation } from "./models/two_layer.ts";
export { type Activation, activations, arctan, relu, softplus } from "./models/activation.ts";
