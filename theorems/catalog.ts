/**
 * Every claim the project checks, in the order of the catalog (docs/claims.md): a list of modules and
 * the export that builds each claim. The tests, the report and the CLI all read this registry; workers
 * rebuild a claim from its entry.
 *
 * @module
 */
import { loadRegistry, type Registry } from "../engine/registry.ts";
import type { Claim } from "../engine/claim.ts";

/**
 * The registry of all claims.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { catalog } from "./catalog.ts";
 * assert.equal(catalog.byId("eq-10.21")?.kind, "exact");
 * ```
 */
export const catalog: Registry = await loadRegistry(import.meta.url, [
  // Chapter 10
  ["./ch10_linear.ts", "eq1021"],
  ["./ch10_linear.ts", "sec101"],
  ["./ch10_nonlinear.ts", "eq1028"],
  ["./ch10_nonlinear.ts", "eq1045"],
  ["./ch10_nonlinear.ts", "eq1047"],
  ["./ch10_descent.ts", "lemma102"],
  ["./ch10_np_hardness.ts", "thm103"],
  ["./ch10_edge_of_stability.ts", "eos103"],
  // Chapter 11
  ["./ch11_least_squares.ts", "prop112"],
  ["./ch11_least_squares.ts", "thm113"],
  ["./ch11_kernel_least_squares.ts", "rem114"],
  ["./ch11_kernel_examples.ts", "ex115"],
  ["./ch11_kernel_least_squares.ts", "thm117"],
  ["./ch11_kernel_examples.ts", "def118"],
  ["./ch11_kernel_least_squares.ts", "prop119"],
  ["./ch11_kernel_examples.ts", "ex1110"],
  ["./ch11_kernel_examples.ts", "ex1133"],
  ["./ch11_convergence.ts", "thm1113"],
  ["./ch11_tangent_kernel.ts", "thm1116"],
  ["./ch11_tangent_kernel.ts", "ex1117"],
  ["./ch11_probabilistic.ts", "lemma1119"],
  ["./ch11_probabilistic.ts", "lemma1120"],
  ["./ch11_probabilistic.ts", "lemma1121"],
  ["./ch11_probabilistic.ts", "lemma1122"],
  ["./ch11_wide.ts", "thm1123"],
  ["./ch11_convergence.ts", "rem1124"],
  ["./ch11_wide.ts", "prop1125"],
  ["./ch11_wide.ts", "prop1126"],
  ["./ch11_probabilistic.ts", "prop1128"],
  ["./ch11_wide.ts", "fig113"],
  ["./ch11_tangent_kernel.ts", "sec116"],
  ["./ch11_tangent_kernel.ts", "thm1130"],
  ["./ch11_tangent_kernel.ts", "ex1131"],
  ["./ch11_tangent_kernel.ts", "ex1136"],
  ["./ch11_tangent_kernel.ts", "ex1137"],
  // Lecture 13
  ["./lecture13.ts", "yangGram"],
  ["./lecture13.ts", "yangRiskFlow"],
  ["./lecture13.ts", "yangLinearized"],
  ["./lecture13_lemmas.ts", "yangInitRisk"],
  ["./lecture13_lemmas.ts", "yangLambdaMin"],
  ["./lecture13_lemmas.ts", "yangMovement"],
  ["./lecture13_lemmas.ts", "yangLinearRate"],
  ["./lecture13_lemmas.ts", "yangTstar"],
  // Chizat's slides
  ["./chizat/relu_homogeneity.ts", "reluHomogeneity"],
  ["./chizat/random_features_ridge.ts", "randomFeaturesRidge"],
  ["./chizat/mean_field_limit.ts", "meanFieldLimit"],
  ["./chizat/global_convergence.ts", "globalConvergence"],
  ["./chizat/lazy_training.ts", "lazyTraining"],
  ["./chizat/relative_scale.ts", "relativeScale"],
  ["./chizat/implicit_bias.ts", "implicitBias"],
]);

/** All claims, in catalog order. */
export const claims: readonly Claim[] = catalog.claims;

/**
 * The claim with this id, or undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimById } from "./catalog.ts";
 * assert.equal(claimById("eq-10.21")?.kind, "exact");
 * ```
 */
export function claimById(id: string): Claim | undefined {
  return catalog.byId(id);
}
