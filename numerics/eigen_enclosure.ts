/**
 * A rigorous enclosure of every eigenvalue of a symmetric matrix from a computed eigen-decomposition
 * A V ≈ V Λ. With R = A V − V Λ and α ≥ ‖VᵀV − I‖₂ < 1, write V = QP (polar, Q orthogonal,
 * ‖P − I‖₂ ≤ α): QᵀAQ = Λ + F with F symmetric and ‖F‖₂ ≤ (‖R‖₂ + 2α‖Λ‖₂)/(1 − α), so by Weyl's inequality
 * the i-th largest eigenvalue of A lies within that of Λ's i-th entry. The entries of R and VᵀV − I are
 * compensated dot products (Ogita, Rump and Oishi's Dot2: error ≤ u|xᵀy| + γₙ²|x|ᵀ|y|, so the radius stays of
 * the order of the true residual, about m·ε·‖A‖); the Frobenius norms bound the spectral ones, and a relative
 * γ_{m²+8} covers the rounding of the norms themselves. A bound
 * `formationError` on ‖A − T‖₂, for the matrix T actually meant (a Gram matrix formed in float64, say), is
 * added (Weyl again).
 *
 * @module
 */
import { Matrix, symmetricEigen } from "./linalg.ts";
import { nextUp } from "./interval.ts";
import { highamGamma } from "./rounding.ts";

const SPLITTER = 134217729; // 2^27 + 1 (Dekker)

/** [s, e] with s + e = a + b exactly (Knuth's TwoSum). */
function twoSum(a: number, b: number): [number, number] {
  const s = a + b, z = s - a;
  return [s, (a - (s - z)) + (b - z)];
}

/** [p, e] with p + e = a·b exactly (Dekker's TwoProduct; no overflow for |a|, |b| < 2^995). */
function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const ca = SPLITTER * a, ah = ca - (ca - a), al = a - ah;
  const cb = SPLITTER * b, bh = cb - (cb - b), bl = b - bh;
  return [p, al * bl - (((p - ah * bh) - al * bh) - ah * bl)];
}

/**
 * Σₖ xₖyₖ by Dot2 (Ogita, Rump, Oishi 2005, Algorithm 5.3) with its error bound u|Σ| + γₙ²Σ|xₖyₖ|
 * (their Proposition 5.5, n terms).
 */
function dot2(x: number[], y: number[]): { value: number; error: number } {
  let [p, s] = twoProduct(x[0], y[0]), abs = Math.abs(x[0] * y[0]);
  for (let k = 1; k < x.length; k++) {
    const [h, r] = twoProduct(x[k], y[k]);
    const [pk, q] = twoSum(p, h);
    p = pk;
    s += q + r;
    abs += Math.abs(x[k] * y[k]);
  }
  const value = p + s, g = highamGamma(x.length);
  // abs is itself rounded (relative γₙ): (1 + γₙ) covers it.
  // The bound is on u·|true value|: dividing by 1 − u (here: times 1 + γ₂) moves it onto the computed one.
  return { value, error: (highamGamma(1) * Math.abs(value) + g * g * abs * (1 + g)) * (1 + highamGamma(2)) };
}

/** Every eigenvalue of A (or of T, within `formationError` of A), enclosed. */
export interface EigenEnclosure {
  /** Computed eigenvalues, decreasing. */
  values: Float64Array;
  /** Computed eigenvectors (columns). */
  vectors: Matrix;
  /** |λᵢ − values[i]| ≤ radius for the i-th largest eigenvalue λᵢ; Infinity when nothing can be certified. */
  radius: number;
  /** A certified lower bound on the smallest eigenvalue. */
  min: number;
  /** A certified upper bound on the largest eigenvalue. */
  max: number;
}

/**
 * Encloses the eigenvalues of a symmetric matrix (or of a symmetric T with ‖A − T‖₂ ≤ `formationError`).
 * A matrix that is not exactly symmetric is enclosed through its symmetric part, its skew part added to the
 * radius; a non-finite input gives radius Infinity.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix } from "./linalg.ts";
 * import { symmetricEigenEnclosure } from "./eigen_enclosure.ts";
 * const e = symmetricEigenEnclosure(new Matrix([[2, 1], [1, 2]]));
 * assert.ok(e.min <= 1 && 1 - e.min < 1e-14 && e.max >= 3 && e.max - 3 < 1e-14);
 * assert.ok(symmetricEigenEnclosure(new Matrix([[1, 0], [0, 1]]), 0.5).min <= 0.5);
 * ```
 */
export function symmetricEigenEnclosure(a: Matrix, formationError = 0): EigenEnclosure {
  const m = a.rows;
  // The symmetric part S = (A + Aᵀ)/2, rounded; ‖A − S‖ ≤ ‖(A − Aᵀ)/2‖_F + u‖S‖_F when A is not symmetric.
  let skew = 0, sNorm = 0, finite = true;
  const s = new Matrix(m, m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const x = a.get(i, j), y = a.get(j, i);
      finite &&= Number.isFinite(x);
      const v = x === y ? x : (x + y) / 2;
      s.set(i, j, v);
      sNorm += v * v;
      skew += ((x - y) / 2) ** 2;
    }
  }
  if (!finite) {
    return {
      values: new Float64Array(m).fill(NaN),
      vectors: new Matrix(m, m),
      radius: Infinity,
      min: -Infinity,
      max: Infinity,
    };
  }
  const asymmetry = skew === 0 ? 0 : 2 * (Math.sqrt(skew) + highamGamma(2) * Math.sqrt(sNorm));
  const { values, vectors } = symmetricEigen(s);
  let r2 = 0, g2 = 0, lambda = 0;
  for (let j = 0; j < m; j++) lambda = Math.max(lambda, Math.abs(values[j]));
  const cols = Array.from({ length: m }, (_, j) => vectors.getColumn(j));
  const rowsS = Array.from({ length: m }, (_, i) => s.getRow(i));
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      // R_ij = Σₖ S_ik V_kj − V_ij λ_j and G_ij = Σₖ V_ki V_kj − δ_ij, each with its rounding bound added.
      const r = dot2([...rowsS[i], -cols[j][i]], [...cols[j], values[j]]);
      const g = dot2([...cols[i], i === j ? -1 : 0], [...cols[j], 1]);
      r2 += (Math.abs(r.value) + r.error) ** 2;
      g2 += (Math.abs(g.value) + g.error) ** 2;
    }
  }
  const normFactor = 1 + highamGamma(m * m + 8);
  const residual = Math.sqrt(r2) * normFactor, alpha = Math.sqrt(g2) * normFactor;
  let radius = Number.isFinite(residual) && alpha < 0.5
    ? ((residual + 2 * alpha * lambda) / (1 - alpha)) * (1 + highamGamma(8)) + asymmetry + formationError
    : Infinity;
  radius = Number.isFinite(radius) ? nextUp(radius * (1 + highamGamma(4))) : Infinity;
  const lo = values[m - 1] - radius, hi = values[0] + radius;
  return {
    values,
    vectors,
    radius,
    min: Number.isFinite(lo) ? lo - Math.abs(lo) * highamGamma(1) - Number.MIN_VALUE : -Infinity,
    max: Number.isFinite(hi) ? hi + Math.abs(hi) * highamGamma(1) + Number.MIN_VALUE : Infinity,
  };
}

/**
 * A bound on ‖fl(ĴĴᵀ) − JJᵀ‖₂ for a Jacobian Ĵ computed with componentwise errors |Ĵ − J| ≤ E: the Gram
 * matrix's own rounding (γₙΣₖ|ĴᵢₖĴⱼₖ| per entry, Frobenius) plus ‖ĴΔᵀ + ΔĴᵀ + ΔΔᵀ‖ ≤ 2‖Ĵ‖_F‖E‖_F + ‖E‖_F².
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gramFormationError } from "./eigen_enclosure.ts";
 * assert.equal(gramFormationError([Float64Array.of(0, 0)], [Float64Array.of(0, 0)]), 0);
 * assert.ok(gramFormationError([Float64Array.of(1, 0)], [Float64Array.of(1e-16, 0)]) >= 2e-16);
 * ```
 */
export function gramFormationError(rows: Float64Array[], errors: Float64Array[]): number {
  const n = rows[0]?.length ?? 0, u = 2 ** -53, gamma = (n * u) / (1 - n * u);
  let rounding = 0, jNorm = 0, eNorm = 0;
  rows.forEach((a, i) => {
    for (let k = 0; k < n; k++) {
      jNorm += a[k] * a[k];
      eNorm += errors[i][k] * errors[i][k];
    }
    rows.forEach((b) => {
      let abs = 0;
      for (let k = 0; k < n; k++) abs += Math.abs(a[k] * b[k]);
      rounding += (gamma * abs) ** 2;
    });
  });
  const je = Math.sqrt(jNorm), ee = Math.sqrt(eNorm);
  // The norms and sums are themselves rounded: a relative 1 + 4γ covers them.
  return (Math.sqrt(rounding) + 2 * je * ee + ee * ee) * (1 + 4 * gamma + 1e-15);
}

/**
 * Encloses the eigenvalues of R Rᵀ for the exact rows R (each known up to componentwise `errors`, zero by
 * default): the Gram matrix is formed in float64 and its formation error added (`gramFormationError`).
 * For instance `max` is a certified upper bound on ‖R‖₂² = s_max(R)².
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gramEigenEnclosure } from "./eigen_enclosure.ts";
 * const e = gramEigenEnclosure([Float64Array.of(3, 0), Float64Array.of(0, 4)]);
 * assert.ok(e.max >= 16 && e.max - 16 < 1e-13 && e.min <= 9);
 * ```
 */
export function gramEigenEnclosure(rows: Float64Array[], errors?: Float64Array[]): EigenEnclosure {
  const m = rows.length, g = new Matrix(m, m);
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      let s = 0;
      for (let k = 0; k < rows[i].length; k++) s += rows[i][k] * rows[j][k];
      g.set(i, j, s);
      g.set(j, i, s);
    }
  }
  const e = errors ?? rows.map((r) => new Float64Array(r.length));
  return symmetricEigenEnclosure(g, gramFormationError(rows, e));
}

/**
 * The rows of a matrix as arrays (for `gramEigenEnclosure`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix } from "./linalg.ts";
 * import { matrixRows } from "./eigen_enclosure.ts";
 * assert.deepEqual(Array.from(matrixRows(new Matrix([[1, 2], [3, 4]]))[1]), [3, 4]);
 * ```
 */
export function matrixRows(a: Matrix): Float64Array[] {
  return Array.from({ length: a.rows }, (_, i) => Float64Array.from(a.getRow(i)));
}
