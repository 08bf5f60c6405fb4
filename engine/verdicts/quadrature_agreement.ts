/**
 * The verdict rule of the closed-form kernel claims (Examples 11.17, 11.31, Exercises 11.36, 11.37): a
 * closed form agrees with an adaptive quadrature when their gap is within ten times the quadrature's
 * error estimate plus a few dozen roundings of the values' size.
 *
 * @module
 */
import { EPS } from "../../numerics/linalg.ts";

/** A closed form's gap to a quadrature and the bound it is held to. */
export interface QuadratureAgreement {
  /** gap ≤ bound. */
  ok: boolean;
  /** |closed − quadrature|. */
  gap: number;
  /** 10·(quadrature error estimate) + 64ε·(scale + |closed|). */
  bound: number;
}

/**
 * |closed − quadrature| ≤ 10·(quadrature error estimate) + 64ε·(scale + |closed|).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { agreesWithQuadrature } from "./quadrature_agreement.ts";
 * assert.equal(agreesWithQuadrature(0.5, { value: 0.5 + 1e-9, error: 1e-9 }, 1).ok, true);
 * assert.equal(agreesWithQuadrature(0.5, { value: 0.6, error: 1e-9 }, 1).ok, false);
 * ```
 */
export function agreesWithQuadrature(
  closed: number,
  quadrature: { value: number; error: number },
  scale: number,
): QuadratureAgreement {
  const gap = Math.abs(closed - quadrature.value);
  const bound = 10 * quadrature.error + 64 * EPS * (scale + Math.abs(closed));
  return { ok: gap <= bound, gap, bound };
}
