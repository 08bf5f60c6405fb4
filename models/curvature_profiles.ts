/**
 * Twice-differentiable losses of known curvature, for Definition 10.1 (Chapter 10): one-dimensional
 * profiles g (convex or not, bounded curvature or not) with closed-form g′, g″ and the exact range of g″,
 * and the rotated separable loss L(w) = Σᵢ gᵢ(qᵢᵀw) built from them, whose Hessian Q diag(gᵢ″(qᵢᵀw)) Qᵀ
 * has eigenvalues gᵢ″(qᵢᵀw) when Q is orthogonal.
 *
 * @module
 */
import { Matrix } from "../numerics/linalg.ts";

/** A C^∞ function ℝ → ℝ with its derivatives and the exact range of its second derivative. */
export interface CurvatureProfile {
  /** Name with its parameter, e.g. "a·cos z (a = 1.3)". */
  readonly name: string;
  /** Convex on ℝ (g″ ≥ 0 everywhere). */
  readonly convex: boolean;
  /** g(z). */
  g(z: number): number;
  /** g′(z). */
  dg(z: number): number;
  /** g″(z). */
  d2g(z: number): number;
  /** sup g″ over ℝ (Infinity when unbounded), from the closed form. */
  readonly supCurvature: number;
  /** inf g″ over ℝ (−Infinity when unbounded), from the closed form. */
  readonly infCurvature: number;
  /** A z where g″ is largest, or, when unbounded, where g″(z) ≥ 2·level + 1. */
  maxPoint(level: number): number;
  /** A z where g″ is smallest (or nearly: the infimum may not be attained), or where g″(z) ≤ −(2·level + 1). */
  minPoint(level: number): number;
}

/** c·z²/2 (any sign of c): g″ = c. */
export function quadraticProfile(c: number): CurvatureProfile {
  return {
    name: `c·z²/2 (c = ${c.toPrecision(3)})`,
    convex: c >= 0,
    g: (z) => c * z * z / 2,
    dg: (z) => c * z,
    d2g: () => c,
    supCurvature: c,
    infCurvature: c,
    maxPoint: () => 0,
    minPoint: () => 0,
  };
}

/** a·log(1 + eᶻ), a > 0: g″ = a·s(1 − s) with s the logistic function, in (0, a/4]. */
export function softplusProfile(a: number): CurvatureProfile {
  const s = (z: number) => 1 / (1 + Math.exp(-z));
  return {
    name: `a·log(1 + eᶻ) (a = ${a.toPrecision(3)})`,
    convex: true,
    g: (z) => a * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))),
    dg: (z) => a * s(z),
    d2g: (z) => a * s(z) * s(-z),
    supCurvature: a / 4,
    infCurvature: 0,
    maxPoint: () => 0,
    minPoint: () => 40,
  };
}

/** a·cos z, a > 0: g″ = −a·cos z, in [−a, a]. */
export function cosineProfile(a: number): CurvatureProfile {
  return {
    name: `a·cos z (a = ${a.toPrecision(3)})`,
    convex: false,
    g: (z) => a * Math.cos(z),
    dg: (z) => -a * Math.sin(z),
    d2g: (z) => -a * Math.cos(z),
    supCurvature: a,
    infCurvature: -a,
    maxPoint: () => Math.PI,
    minPoint: () => 0,
  };
}

/** a·log(1 + z²), a > 0: g″ = 2a(1 − z²)/(1 + z²)², in [−a/4, 2a] (extremes at z = 0 and z² = 3). */
export function logQuadraticProfile(a: number): CurvatureProfile {
  return {
    name: `a·log(1 + z²) (a = ${a.toPrecision(3)})`,
    convex: false,
    g: (z) => a * Math.log1p(z * z),
    dg: (z) => 2 * a * z / (1 + z * z),
    d2g: (z) => 2 * a * (1 - z * z) / ((1 + z * z) ** 2),
    supCurvature: 2 * a,
    infCurvature: -a / 4,
    maxPoint: () => 0,
    minPoint: () => Math.sqrt(3),
  };
}

/** −a·e^{−z²/2}, a > 0: g″ = a(1 − z²)e^{−z²/2}, in [−2a·e^{−3/2}, a]. */
export function bumpProfile(a: number): CurvatureProfile {
  const e = (z: number) => Math.exp(-z * z / 2);
  return {
    name: `−a·e^{−z²/2} (a = ${a.toPrecision(3)})`,
    convex: false,
    g: (z) => -a * e(z),
    dg: (z) => a * z * e(z),
    d2g: (z) => a * (1 - z * z) * e(z),
    supCurvature: a,
    infCurvature: -2 * a * Math.exp(-1.5),
    maxPoint: () => 0,
    minPoint: () => Math.sqrt(3),
  };
}

/** c·z⁴/12 (c ≠ 0): g″ = c·z², unbounded above (c > 0, convex) or below (c < 0). */
export function quarticProfile(c: number): CurvatureProfile {
  const reach = (level: number) => Math.sqrt((2 * Math.max(level, 0) + 1) / Math.abs(c));
  return {
    name: `c·z⁴/12 (c = ${c.toPrecision(3)})`,
    convex: c > 0,
    g: (z) => c * z ** 4 / 12,
    dg: (z) => c * z ** 3 / 3,
    d2g: (z) => c * z * z,
    supCurvature: c > 0 ? Infinity : 0,
    infCurvature: c > 0 ? 0 : -Infinity,
    maxPoint: (level) => (c > 0 ? reach(level) : 0),
    minPoint: (level) => (c > 0 ? 0 : reach(level)),
  };
}

/** Qx, or Qᵀx when `transposed` (Q square), each entry summed over Q's other index in order. */
function rotate(q: Matrix, x: ArrayLike<number>, transposed: boolean): Float64Array {
  const d = q.rows, out = new Float64Array(d);
  for (let r = 0; r < d; r++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += (transposed ? q.get(c, r) : q.get(r, c)) * x[c];
    out[r] = s;
  }
  return out;
}

/**
 * L(w) = Σᵢ gᵢ(qᵢᵀw) with qᵢ the columns of Q: ∇L(w) = Q g′(Qᵀw), ∇²L(w) = Q diag(g″(Qᵀw)) Qᵀ.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cosineProfile, quadraticProfile, RotatedSeparableLoss } from "./curvature_profiles.ts";
 * import { Matrix } from "../numerics/linalg.ts";
 * const l = new RotatedSeparableLoss(Matrix.eye(2), [quadraticProfile(2), cosineProfile(1)]);
 * assert.equal(l.loss([1, 0]), 1 + 1);
 * assert.deepEqual(Array.from(l.hessian([0, 0]).diag()), [2, -1]);
 * ```
 */
export class RotatedSeparableLoss {
  /** Dimension d. */
  readonly dim: number;
  constructor(
    /** The rotation Q (d × d, columns qᵢ). */
    readonly q: Matrix,
    /** One profile per column of Q. */
    readonly profiles: readonly CurvatureProfile[],
  ) {
    this.dim = q.rows;
  }
  /** z = Qᵀw. */
  coordinates(w: ArrayLike<number>): Float64Array {
    return rotate(this.q, w, true);
  }
  /** w = Qz. */
  point(z: ArrayLike<number>): Float64Array {
    return rotate(this.q, z, false);
  }
  /** L(w). */
  loss(w: ArrayLike<number>): number {
    const z = this.coordinates(w);
    return this.profiles.reduce((acc, p, i) => acc + p.g(z[i]), 0);
  }
  /** ∇L(w) = Q g′(Qᵀw). */
  gradient(w: ArrayLike<number>): Float64Array {
    const z = this.coordinates(w);
    return this.point(z.map((zi, i) => this.profiles[i].dg(zi)));
  }
  /** ∇²L(w) = Q diag(g″(Qᵀw)) Qᵀ. */
  hessian(w: ArrayLike<number>): Matrix {
    const z = this.coordinates(w);
    const c = z.map((zi, i) => this.profiles[i].d2g(zi));
    const h = new Matrix(this.dim, this.dim);
    for (let a = 0; a < this.dim; a++) {
      for (let b = 0; b < this.dim; b++) {
        let s = 0;
        for (let i = 0; i < this.dim; i++) s += this.q.get(a, i) * c[i] * this.q.get(b, i);
        h.set(a, b, s);
      }
    }
    return h;
  }
  /** sup over w of λ_max(∇²L(w)) for orthogonal Q: maxᵢ sup gᵢ″. */
  get supEigenvalue(): number {
    return Math.max(...this.profiles.map((p) => p.supCurvature));
  }
  /** sup over w of max |λ(∇²L(w))| for orthogonal Q: maxᵢ max(sup gᵢ″, −inf gᵢ″). */
  get supAbsEigenvalue(): number {
    return Math.max(...this.profiles.map((p) => Math.max(p.supCurvature, -p.infCurvature)));
  }
  /** Convex (every profile convex). */
  get convex(): boolean {
    return this.profiles.every((p) => p.convex);
  }
}
