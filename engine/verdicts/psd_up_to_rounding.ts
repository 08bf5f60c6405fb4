/**
 * The conclusion "this computed matrix is symmetric PSD", for a matrix Ĝ known up to a bounded
 * formation error (a kernel matrix): Ĝ exactly symmetric and its computed λ_min ≥ −(e + r), where r is the
 * radius of a rigorous enclosure of Ĝ's eigenvalues (Weyl with the residual of the computed eigenpairs,
 * numerics/eigen_enclosure.ts) and e the formation bound (Weyl again): a PSD G can never fail it.
 *
 * @module
 */
import type { ConclusionCheck } from "../claim.ts";
import { num } from "../words.ts";
import type { Matrix } from "../../numerics/linalg.ts";
import { symmetricEigenEnclosure } from "../../numerics/eigen_enclosure.ts";

/** The data a PSD conclusion keeps. */
export interface PsdData {
  /** λ_min(Ĝ). */
  minEigenvalue: number;
  /** The tolerance it is held to: formation bound + the enclosure's radius. */
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
  const symmetric = g.isSymmetric();
  const e = symmetricEigenEnclosure(g, error);
  const minEigenvalue = e.values[g.rows - 1], tolerance = e.radius;
  const psd = symmetric && Number.isFinite(tolerance) && Number.isFinite(minEigenvalue) && minEigenvalue >= -tolerance;
  const observed = Math.max(0, -minEigenvalue);
  return {
    holds: psd,
    observed,
    bound: tolerance,
    tightness: observed / tolerance,
    detail: `${
      psd || !symmetric || !Number.isFinite(minEigenvalue) ? "" : `G is not PSD: an eigenvalue lies below −tolerance; `
    }G ${g.rows}×${g.rows} ${symmetric ? "symmetric" : "NOT symmetric"}, λ_min = ${
      minEigenvalue.toExponential(3)
    }, tolerance ${tolerance.toExponential(2)} (formation bound ${
      error.toExponential(2)
    } + the radius of a rigorous eigenvalue enclosure)`,
    data: { minEigenvalue, tolerance },
    ...(psd ? {} : {
      failure: !symmetric
        ? `a kernel matrix must be symmetric PSD; this ${g.rows}×${g.rows} Ĝ is not even symmetric`
        : `a kernel matrix must be PSD: predicted λ_min ≥ −${num(tolerance)} (rounding), observed λ_min = ${
          num(minEigenvalue)
        }`,
    }),
  };
}
