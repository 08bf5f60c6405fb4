/**
 * The conclusion "this computed matrix is symmetric PSD", for a matrix Ĝ known up to a bounded
 * formation error (a kernel matrix): Ĝ exactly symmetric and λ_min(Ĝ) ≥ −(e + 10·m·ε·‖Ĝ‖₂), by Weyl
 * and the eigensolver's backward error (numerics/psd.ts).
 *
 * @module
 */
import type { ConclusionCheck } from "../claim.ts";
import type { Matrix } from "../../numerics/linalg.ts";
import { psdWithFormationError } from "../../numerics/psd.ts";

/** The data a PSD conclusion keeps. */
export interface PsdData {
  /** λ_min(Ĝ). */
  minEigenvalue: number;
  /** The tolerance it is held to: formation bound + eigensolver backward error. */
  tolerance: number;
}

/** A computed matrix with the bound ‖Ĝ − G‖₂ ≤ error on its formation (e.g. `kernelMatrix`'s output). */
export interface MatrixWithError {
  /** Ĝ. */
  g: Matrix;
  /** Bound on ‖Ĝ − G‖₂. */
  error: number;
}

/**
 * The PSD conclusion on Ĝ: observed max(0, −λ_min(Ĝ)) against the tolerance.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix } from "../../numerics/linalg.ts";
 * import { psdUpToRounding } from "./psd_up_to_rounding.ts";
 * assert.equal(psdUpToRounding({ g: new Matrix([[1, 1], [1, 1]]), error: 1e-15 }).holds, true);
 * assert.equal(psdUpToRounding({ g: new Matrix([[0, 1], [1, 0]]), error: 1e-15 }).holds, false);
 * ```
 */
export function psdUpToRounding({ g, error }: MatrixWithError): ConclusionCheck<PsdData> {
  const t = psdWithFormationError(g, error);
  const observed = Math.max(0, -t.minEigenvalue);
  return {
    holds: t.psd,
    observed,
    bound: t.tolerance,
    tightness: observed / t.tolerance,
    detail: `G ${g.rows}×${g.rows} ${t.symmetric ? "symmetric" : "NOT symmetric"}, λ_min = ${
      t.minEigenvalue.toExponential(3)
    }, tolerance ${t.tolerance.toExponential(2)} (formation bound ${error.toExponential(2)} + eigensolver 10·m·ε·‖G‖)`,
    data: { minEigenvalue: t.minEigenvalue, tolerance: t.tolerance },
  };
}
