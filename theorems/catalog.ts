/**
 * Every claim the project checks, in catalog order. The tests, the report and the CLI all read
 * this list.
 *
 * @module
 */
import type { Claim } from "../engine/claim.ts";
import { lemma102 } from "./ch10_descent.ts";
import { eos103 } from "./ch10_edge_of_stability.ts";
import { eq1021, sec101 } from "./ch10_linear.ts";
import { thm103 } from "./ch10_np_hardness.ts";
import { prop112, thm113 } from "./ch11_least_squares.ts";
import { def118, ex1110, ex1133, ex115 } from "./ch11_kernel_examples.ts";
import { prop119, rem114, thm117 } from "./ch11_kernel_least_squares.ts";
import { lemma1119, lemma1120, lemma1121, lemma1122, prop1128 } from "./ch11_probabilistic.ts";
import { ex1117, ex1131, ex1136, ex1137, sec116, thm1116, thm1130 } from "./ch11_tangent_kernel.ts";
import { chizatHomogeneity } from "./chizat_homogeneity.ts";
import { chizatImplicitBias } from "./chizat_implicit_bias.ts";
import { chizatGlobalConvergence, chizatMeanField } from "./chizat_mean_field.ts";
import { chizatRandomFeatures } from "./chizat_random_features.ts";

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
  eq1021(),
  sec101(),
  lemma102(),
  thm103(),
  eos103(),
  prop112(),
  thm113(),
  rem114(),
  ex115(),
  thm117(),
  def118(),
  prop119(),
  ex1110(),
  ex1133(),
  thm1116(),
  ex1117(),
  lemma1119(),
  lemma1120(),
  lemma1121(),
  lemma1122(),
  prop1128(),
  thm1130(),
  ex1131(),
  ex1136(),
  ex1137(),
  sec116(),
  chizatHomogeneity(),
  chizatRandomFeatures(),
  chizatMeanField(),
  chizatGlobalConvergence(),
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
