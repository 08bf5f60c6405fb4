/**
 * Exact rational arithmetic and linear algebra on BigInt fractions (reduced, positive denominator):
 * sums, products, quotients, powers; vectors and matrices; Gauss–Jordan elimination for rank,
 * kernel bases, consistent solves, inverses and determinants. Every finite double converts exactly
 * (it is a dyadic rational), so float64 data can be decided on exactly: rank, regularity, identities.
 * Meant for small matrices (tens of rows): the cost grows with the bit length of the entries.
 *
 * @module
 */
import { dyadic, type Rational } from "./rational.ts";

export type { Rational };

/** A rational vector. */
export type QVector = Rational[];

/** A rational matrix, row-major (an array of rows). */
export type QMatrix = Rational[][];

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * The reduced fraction num/den (den ≠ 0; the sign goes to the numerator).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { q } from "./rational_linalg.ts";
 * assert.deepEqual(q(6n, -4n), { num: -3n, den: 2n });
 * assert.deepEqual(q(0n, 5n), { num: 0n, den: 1n });
 * ```
 */
export function q(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num), d = BigInt(den);
  if (d === 0n) throw new RangeError("zero denominator");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

/** 0. */
export const Q0: Rational = { num: 0n, den: 1n };
/** 1. */
export const Q1: Rational = { num: 1n, den: 1n };

/**
 * A finite double as the exact rational it is (throws on NaN and ±∞).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { qFromNumber } from "./rational_linalg.ts";
 * assert.deepEqual(qFromNumber(-0.375), { num: -3n, den: 8n });
 * assert.throws(() => qFromNumber(NaN));
 * ```
 */
export function qFromNumber(x: number): Rational {
  const { num, shift } = dyadic(x);
  return q(num, 1n << BigInt(shift));
}

/** a + b. */
export function qAdd(a: Rational, b: Rational): Rational {
  return a.den === b.den ? q(a.num + b.num, a.den) : q(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** a − b. */
export function qSub(a: Rational, b: Rational): Rational {
  return qAdd(a, qNeg(b));
}

/** a·b. */
export function qMul(a: Rational, b: Rational): Rational {
  return q(a.num * b.num, a.den * b.den);
}

/** a / b (throws when b = 0). */
export function qDiv(a: Rational, b: Rational): Rational {
  return q(a.num * b.den, a.den * b.num);
}

/** −a. */
export function qNeg(a: Rational): Rational {
  return { num: -a.num, den: a.den };
}

/** a^k for an integer k ≥ 0. */
export function qPow(a: Rational, k: number): Rational {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`exponent ${k}`);
  const e = BigInt(k);
  return { num: a.num ** e, den: a.den ** e };
}

/** a = 0. */
export function qIsZero(a: Rational): boolean {
  return a.num === 0n;
}

/**
 * The sign of a − b: −1, 0 or 1, exactly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { q, qCmp } from "./rational_linalg.ts";
 * assert.equal(qCmp(q(1n, 3n), q(33n, 100n)), 1);
 * assert.equal(qCmp(q(2n, 4n), q(1n, 2n)), 0);
 * ```
 */
export function qCmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const d = a.num * b.den - b.num * a.den;
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/** a = b exactly. */
export function qEq(a: Rational, b: Rational): boolean {
  return qCmp(a, b) === 0;
}

/** "p/q" (or "p"). */
export function qToString(a: Rational): string {
  return a.den === 1n ? `${a.num}` : `${a.num}/${a.den}`;
}

/** A float64 vector as exact rationals. */
export function qVector(x: ArrayLike<number>): QVector {
  return Array.from(x, qFromNumber);
}

/** Float64 rows as an exact rational matrix. */
export function qMatrix(rows: readonly ArrayLike<number>[]): QMatrix {
  return rows.map(qVector);
}

/** Σᵢ aᵢbᵢ. */
export function qDot(a: readonly Rational[], b: readonly Rational[]): Rational {
  if (a.length !== b.length) throw new RangeError(`lengths ${a.length} and ${b.length}`);
  // Accumulated unreduced, over a denominator that grows only when no denominator divides the other
  // (never for dyadic data), and reduced once at the end.
  let num = 0n, den = 1n;
  for (let i = 0; i < a.length; i++) {
    const tn = a[i].num * b[i].num, td = a[i].den * b[i].den;
    if (tn === 0n) continue;
    if (den % td === 0n) num += tn * (den / td);
    else if (td % den === 0n) [num, den] = [num * (td / den) + tn, td];
    else [num, den] = [num * td + tn * den, den * td];
  }
  return q(num, den);
}

/** Ax. */
export function qMatVec(a: QMatrix, x: readonly Rational[]): QVector {
  return a.map((row) => qDot(row, x));
}

/** Aᵀ. */
export function qTranspose(a: QMatrix, columns = a[0]?.length ?? 0): QMatrix {
  return Array.from({ length: columns }, (_, j) => a.map((row) => row[j]));
}

/** AB. */
export function qMatMul(a: QMatrix, b: QMatrix): QMatrix {
  const bt = qTranspose(b);
  return a.map((row) => bt.map((col) => qDot(row, col)));
}

/** The n×n identity. */
export function qIdentity(n: number): QMatrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Q1 : Q0)));
}

/** Every entry is 0. */
export function qIsZeroVector(x: readonly Rational[]): boolean {
  return x.every(qIsZero);
}

/** The reduced row echelon form of a matrix and its pivot columns. */
export interface RowEchelon {
  /** The reduced row echelon form (same shape). */
  rref: QMatrix;
  /** Pivot column of each nonzero row, increasing. */
  pivots: number[];
  /** The product of the pivots before scaling, with the sign of the row swaps (det when square). */
  pivotProduct: Rational;
}

/**
 * Gauss–Jordan elimination in exact arithmetic.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { qMatrix, qRowReduce } from "./rational_linalg.ts";
 * const { pivots } = qRowReduce(qMatrix([[1, 2, 3], [2, 4, 6], [1, 0, 1]]));
 * assert.deepEqual(pivots, [0, 1]);
 * ```
 */
export function qRowReduce(a: QMatrix, columns = a[0]?.length ?? 0): RowEchelon {
  // Hot kernel (eq-11.3.3's solves and kernel bases spent ~95% of their CPU in the per-entry gcds of
  // rational Gauss–Jordan): fraction-free Gauss–Jordan (Bareiss) on integer rows, each input row scaled by
  // the lcm of its denominators, which changes neither the reduced row echelon form nor the zero pattern the
  // pivot search sees (so the same rows are swapped). After the step at pivot k every pivot row's pivot is
  // p_k, and every entry is a minor of the scaled matrix, so the division by p_{k−1} is exact; the
  // fractions are reduced once, at the end. The result (reduced fractions, pivots, pivot product) is the
  // one rational Gauss–Jordan with the same pivot rule gives (rational_linalg_test.ts compares the two).
  const height = a.length;
  const scale: bigint[] = new Array(height);
  const r: bigint[][] = new Array(height);
  const original: (readonly Rational[])[] = a.slice();
  for (let i = 0; i < height; i++) {
    const row = a[i];
    let l = 1n;
    for (let j = 0; j < row.length; j++) {
      const d = row[j].den;
      if (l % d === 0n) continue;
      l = d % l === 0n ? d : (l / gcd(l, d)) * d;
    }
    const ints: bigint[] = new Array(row.length);
    for (let j = 0; j < row.length; j++) ints[j] = row[j].num * (l / row[j].den);
    scale[i] = l;
    r[i] = ints;
  }
  // A row that rational elimination never rewrites keeps its entries (the same objects).
  const touched: boolean[] = new Array(height).fill(false);
  const pivots: number[] = [];
  let previous = 1n, negative = false, row = 0;
  for (let col = 0; col < columns && row < height; col++) {
    let p = row;
    while (p < height && r[p][col] === 0n) p++;
    if (p === height) continue;
    if (p !== row) {
      [r[p], r[row]] = [r[row], r[p]];
      [scale[p], scale[row]] = [scale[row], scale[p]];
      [original[p], original[row]] = [original[row], original[p]];
      [touched[p], touched[row]] = [touched[row], touched[p]];
      negative = !negative;
    }
    const pr = r[row], pivot = pr[col], width = pr.length;
    touched[row] = true;
    for (let i = 0; i < height; i++) {
      if (i === row) continue;
      const ri = r[i], f = ri[col];
      if (f !== 0n) {
        touched[i] = true;
        for (let j = 0; j < width; j++) ri[j] = (pivot * ri[j] - f * pr[j]) / previous;
      } else if (pivot !== previous) {
        for (let j = 0; j < width; j++) if (ri[j] !== 0n) ri[j] = (pivot * ri[j]) / previous;
      }
    }
    previous = pivot;
    pivots.push(col);
    row++;
  }
  // A pivot row is its pivot p_last times the reduced row; a row below them, p_last times its scale times its
  // rational-elimination value (zero in the first `columns` columns, not always beyond them).
  const rref: QMatrix = r.map((ints, i) => {
    if (!touched[i]) return original[i].slice();
    const den = i < pivots.length ? previous : previous * scale[i];
    return ints.map((v) => (v === 0n ? Q0 : q(v, den)));
  });
  // The product of the rational pivots is the leading minor of the permuted rows over their scales.
  let product = Q1;
  if (pivots.length > 0) {
    let den = 1n;
    for (let i = 0; i < pivots.length; i++) den *= scale[i];
    product = q(negative ? -previous : previous, den);
  }
  return { rref, pivots, pivotProduct: product };
}

/**
 * The rank, exactly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { qMatrix, qRank } from "./rational_linalg.ts";
 * assert.equal(qRank(qMatrix([[1, 2], [2, 4]])), 1);
 * assert.equal(qRank(qMatrix([[1, 2], [2, 4.000000000000001]])), 2);
 * ```
 */
export function qRank(a: QMatrix, columns = a[0]?.length ?? 0): number {
  return qRowReduce(a, columns).pivots.length;
}

/**
 * A basis of ker A (one vector per free column), exactly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { qMatrix, qMatVec, qNullspace, qIsZeroVector } from "./rational_linalg.ts";
 * const a = qMatrix([[1, 2, 3], [2, 4, 6]]);
 * const basis = qNullspace(a);
 * assert.equal(basis.length, 2);
 * assert.ok(basis.every((k) => qIsZeroVector(qMatVec(a, k))));
 * ```
 */
export function qNullspace(a: QMatrix, columns = a[0]?.length ?? 0): QVector[] {
  const { rref, pivots } = qRowReduce(a, columns);
  const free = Array.from({ length: columns }, (_, j) => j).filter((j) => !pivots.includes(j));
  return free.map((f) => {
    const v: QVector = Array.from({ length: columns }, (_, j) => (j === f ? Q1 : Q0));
    pivots.forEach((p, i) => (v[p] = qNeg(rref[i][f])));
    return v;
  });
}

/**
 * A solution of Ax = b (free variables 0), or null when the system is inconsistent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { q, qMatrix, qSolve, qVector } from "./rational_linalg.ts";
 * assert.deepEqual(qSolve(qMatrix([[2, 0], [0, 4]]), qVector([1, 1])), [q(1n, 2n), q(1n, 4n)]);
 * assert.equal(qSolve(qMatrix([[1, 1], [1, 1]]), qVector([0, 1])), null);
 * ```
 */
export function qSolve(a: QMatrix, b: readonly Rational[], columns = a[0]?.length ?? 0): QVector | null {
  const augmented = a.map((row, i) => [...row, b[i]]);
  const { rref, pivots } = qRowReduce(augmented, columns + 1);
  if (pivots.includes(columns)) return null;
  const x: QVector = Array.from({ length: columns }, () => Q0);
  pivots.forEach((p, i) => (x[p] = rref[i][columns]));
  return x;
}

/**
 * A⁻¹ of a square matrix, or null when it is singular.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { q, qInverse, qMatrix } from "./rational_linalg.ts";
 * assert.deepEqual(qInverse(qMatrix([[2, 1], [1, 1]])), [[q(1n), q(-1n)], [q(-1n), q(2n)]]);
 * assert.equal(qInverse(qMatrix([[1, 2], [2, 4]])), null);
 * ```
 */
export function qInverse(a: QMatrix): QMatrix | null {
  const n = a.length;
  const id = qIdentity(n);
  const { rref, pivots } = qRowReduce(a.map((row, i) => [...row, ...id[i]]), 2 * n);
  if (pivots.length < n || pivots[n - 1] >= n) return null;
  return rref.map((row) => row.slice(n));
}

/**
 * det A of a square matrix, exactly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { q, qDet, qMatrix } from "./rational_linalg.ts";
 * assert.deepEqual(qDet(qMatrix([[0, 1], [1, 0]])), q(-1n));
 * assert.deepEqual(qDet(qMatrix([[1, 2], [2, 4]])), q(0n));
 * ```
 */
export function qDet(a: QMatrix): Rational {
  const n = a.length;
  const { pivots, pivotProduct } = qRowReduce(a, n);
  return pivots.length < n ? Q0 : pivotProduct;
}

/**
 * Sylvester's criterion: whether the symmetric S is positive definite (every leading principal minor > 0),
 * exactly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { qMatrix, qPositiveDefinite } from "./rational_linalg.ts";
 * assert.equal(qPositiveDefinite(qMatrix([[2, -1], [-1, 2]])), true);
 * assert.equal(qPositiveDefinite(qMatrix([[1, 1], [1, 1]])), false); // singular
 * assert.equal(qPositiveDefinite(qMatrix([[1, 2], [2, 1]])), false); // indefinite
 * ```
 */
export function qPositiveDefinite(s: QMatrix): boolean {
  for (let k = 1; k <= s.length; k++) {
    if (qCmp(qDet(s.slice(0, k).map((row) => row.slice(0, k))), Q0) <= 0) return false;
  }
  return true;
}
