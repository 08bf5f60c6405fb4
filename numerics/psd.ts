/**
 * PSD test of a matrix known only up to a bounded formation error: Ĝ = G + E with ‖E‖₂ ≤ e.
 * By Weyl, λ_min(G) ≥ λ_min(Ĝ) − e, and the symmetric eigensolver returns the eigenvalues of
 * Ĝ + F with ‖F‖₂ ≲ m·ε·‖Ĝ‖₂; so λ̂_min ≥ −(e + safety·m·ε·‖Ĝ‖₂) is what a PSD G must satisfy.
 *
 * @module
 */
import { isPsd, type Matrix, type PsdTest } from "./linalg.ts";

/**
 * PSD test with tolerance formationError + safety·m·ε·‖Ĝ‖₂ (the second term is `isPsd`'s).
 * Rejects matrices that are not exactly symmetric: kernel matrices are computed symmetrically.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix } from "./linalg.ts";
 * import { psdWithFormationError } from "./psd.ts";
 * assert.ok(psdWithFormationError(new Matrix([[1, 1], [1, 1 - 1e-12]]), 1e-11).psd);
 * assert.ok(!psdWithFormationError(new Matrix([[0, 1], [1, 0]]), 1e-11).psd);
 * ```
 */
export function psdWithFormationError(
  a: Matrix,
  formationError: number,
  safety = 10,
): PsdTest & { symmetric: boolean } {
  const base = isPsd(a, safety);
  const tolerance = base.tolerance + formationError;
  const symmetric = a.isSymmetric();
  const psd = symmetric && Number.isFinite(tolerance) && Number.isFinite(base.minEigenvalue) &&
    base.minEigenvalue >= -tolerance;
  return { psd, minEigenvalue: base.minEigenvalue, tolerance, symmetric };
}
