/**
 * Every claim the project checks, in the order of ../shared/CLAIMS.md. The tests, the report and
 * the CLI all read this list.
 *
 * @module
 */
import type { Claim } from "../engine/claim.ts";
import { lemma102 } from "./ch10_descent.ts";
import { eos103 } from "./ch10_edge_of_stability.ts";
import { eq1021, sec101 } from "./ch10_linear.ts";
import { eq1028, eq1045, eq1047 } from "./ch10_nonlinear.ts";
import { thm103 } from "./ch10_np_hardness.ts";
import { rem1124, thm1113 } from "./ch11_convergence.ts";
import { def118, ex1110, ex1133, ex115 } from "./ch11_kernel_examples.ts";
import { prop119, rem114, thm117 } from "./ch11_kernel_least_squares.ts";
import { prop112, thm113 } from "./ch11_least_squares.ts";
import { lemma1119, lemma1120, lemma1121, lemma1122, prop1128 } from "./ch11_probabilistic.ts";
import { ex1117, ex1131, ex1136, ex1137, sec116, thm1116, thm1130 } from "./ch11_tangent_kernel.ts";
import { fig113, prop1125, prop1126, thm1123 } from "./ch11_wide.ts";
import { chizatHomogeneity } from "./chizat_homogeneity.ts";
import { chizatImplicitBias } from "./chizat_implicit_bias.ts";
import { chizatKappa } from "./chizat_kappa.ts";
import { chizatLazy } from "./chizat_lazy.ts";
import { chizatGlobalConvergence, chizatMeanField } from "./chizat_mean_field.ts";
import { chizatRandomFeatures } from "./chizat_random_features.ts";
import { yangGram, yangLinearized, yangRiskFlow } from "./lecture13.ts";
import { yangInitRisk, yangLambdaMin, yangLinearRate, yangMovement, yangTstar } from "./lecture13_lemmas.ts";

/**
 * All claims.
 *
 * @example
 * ```ts
 * import { claims } from "./catalog.ts";
 * console.assert(claims.some((c) => c.id === "eq-10.21"));
 * ```
 */
export const claims: readonly Claim[] = [
  // Chapter 10
  eq1021(),
  sec101(),
  eq1028(),
  eq1045(),
  eq1047(),
  lemma102(),
  thm103(),
  eos103(),
  // Chapter 11
  prop112(),
  thm113(),
  rem114(),
  ex115(),
  thm117(),
  def118(),
  prop119(),
  ex1110(),
  ex1133(),
  thm1113(),
  thm1116(),
  ex1117(),
  lemma1119(),
  lemma1120(),
  lemma1121(),
  lemma1122(),
  thm1123(),
  rem1124(),
  prop1125(),
  prop1126(),
  prop1128(),
  fig113(),
  sec116(),
  thm1130(),
  ex1131(),
  ex1136(),
  ex1137(),
  // Lecture 13
  yangGram(),
  yangRiskFlow(),
  yangLinearized(),
  yangInitRisk(),
  yangLambdaMin(),
  yangMovement(),
  yangLinearRate(),
  yangTstar(),
  // Chizat's slides
  chizatHomogeneity(),
  chizatRandomFeatures(),
  chizatMeanField(),
  chizatGlobalConvergence(),
  chizatLazy(),
  chizatKappa(),
  chizatImplicitBias(),
];

/**
 * The claim with this id, or undefined.
 *
 * @example
 * ```ts
 * import { claimById } from "./catalog.ts";
 * console.assert(claimById("eq-10.21")?.kind === "exact");
 * ```
 */
export function claimById(id: string): Claim | undefined {
  return claims.find((c) => c.id === id);
}
