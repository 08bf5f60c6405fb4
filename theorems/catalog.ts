/**
 * Every claim the project checks, in catalog order. The tests, the report and the CLI all read
 * this list.
 *
 * @module
 */
import type { Claim } from "../engine/claim.ts";
import { lemma102 } from "./ch10_descent.ts";
import { chizatKappa } from "./chizat_kappa.ts";
import { chizatLazy } from "./chizat_lazy.ts";
import { eq1021, sec101 } from "./ch10_linear.ts";
import { eq1028, eq1045, eq1047 } from "./ch10_nonlinear.ts";
import { rem1124, thm1113 } from "./ch11_convergence.ts";
import { prop112, thm113 } from "./ch11_least_squares.ts";
import { ex1117, ex1131, ex1136, ex1137, sec116, thm1116, thm1130 } from "./ch11_tangent_kernel.ts";
import { fig113, prop1125, prop1126, thm1123 } from "./ch11_wide.ts";
import { yangGram, yangLinearized, yangRiskFlow } from "./lecture13.ts";
import { yangInitRisk, yangLambdaMin, yangTstar } from "./lecture13_lemmas.ts";

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
  eq1028(),
  eq1045(),
  eq1047(),
  lemma102(),
  prop112(),
  thm113(),
  thm1113(),
  rem1124(),
  yangGram(),
  yangRiskFlow(),
  yangLinearized(),
  yangInitRisk(),
  yangLambdaMin(),
  yangTstar(),
  chizatLazy(),
  chizatKappa(),
  thm1116(),
  ex1117(),
  thm1130(),
  ex1131(),
  ex1136(),
  ex1137(),
  sec116(),
  thm1123(),
  prop1125(),
  prop1126(),
  fig113(),
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
