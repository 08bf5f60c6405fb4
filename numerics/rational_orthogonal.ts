/**
 * Rational orthogonal matrices by the Cayley transform Q = (I − S)(I + S)⁻¹ of a rational skew-symmetric
 * S (I + S is always invertible: its eigenvalues are 1 + iλ), and matrices A = UΣVᵀ with a singular value
 * decomposition known exactly in rational arithmetic.
 *
 * @module
 */
import type { Rng } from "./random.ts";
import { qAdd, qFromNumber, qIdentity, qInverse, qMatMul, type QMatrix, qMul, qNeg, qSub } from "./rational_linalg.ts";
import { qTranspose, type Rational } from "./rational_linalg.ts";

/**
 * The Cayley transform (I − S)(I + S)⁻¹ of a skew-symmetric S: an orthogonal matrix.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cayley } from "./rational_orthogonal.ts";
 * import { q, qEq } from "./rational_linalg.ts";
 * // S = [[0, 1/2], [−1/2, 0]] gives the rotation [[3/5, −4/5], [4/5, 3/5]].
 * const Q = cayley([[q(0n), q(1n, 2n)], [q(-1n, 2n), q(0n)]]);
 * assert.ok(qEq(Q[0][0], q(3n, 5n)) && qEq(Q[0][1], q(-4n, 5n)) && qEq(Q[1][0], q(4n, 5n)));
 * ```
 */
export function cayley(s: QMatrix): QMatrix {
  const n = s.length, id = qIdentity(n);
  const minus = id.map((row, i) => row.map((v, j) => qSub(v, s[i][j])));
  const plus = id.map((row, i) => row.map((v, j) => qAdd(v, s[i][j])));
  const inv = qInverse(plus);
  if (inv === null) throw new RangeError("I + S is singular: S is not skew-symmetric");
  return qMatMul(minus, inv);
}

/** A skew-symmetric S with entries N(0, 1) rounded to multiples of 1/2, then its Cayley transform. */
export function randomRationalOrthogonal(rng: Rng, n: number): QMatrix {
  const s: QMatrix = Array.from({ length: n }, () => Array.from({ length: n }, () => qFromNumber(0)));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      s[i][j] = qFromNumber(Math.round(2 * rng.normal()) / 2);
      s[j][i] = qNeg(s[i][j]);
    }
  }
  return cayley(s);
}

/** A = UΣVᵀ with U, V rational orthogonal and Σ = diag(s) (m × d, s padded with zeros). */
export interface RationalSvd {
  /** A, m × d. */
  a: QMatrix;
  /** U, m × m orthogonal. */
  u: QMatrix;
  /** V, d × d orthogonal. */
  v: QMatrix;
  /** The singular values s₁, …, s_r > 0 (r = rank A); the rest are 0. */
  s: Rational[];
}

/**
 * A = UΣVᵀ with random rational orthogonal U (m × m), V (d × d) and the given singular values (at most
 * min(m, d) of them, all > 0).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "./random.ts";
 * import { matrixWithRationalSvd } from "./rational_orthogonal.ts";
 * import { q, qRank } from "./rational_linalg.ts";
 * const { a } = matrixWithRationalSvd(createRng(1), 3, 4, [q(2n), q(1n, 2n)]);
 * assert.equal(qRank(a), 2);
 * ```
 */
export function matrixWithRationalSvd(rng: Rng, m: number, d: number, s: Rational[]): RationalSvd {
  if (s.length > Math.min(m, d)) throw new RangeError(`${s.length} singular values for ${m}×${d}`);
  const u = randomRationalOrthogonal(rng, m), v = randomRationalOrthogonal(rng, d);
  // UΣ: the first r columns of U scaled by sⱼ, then times Vᵀ restricted to its first r rows.
  const us = u.map((row) => s.map((sj, j) => qMul(row[j], sj)));
  const vt = qTranspose(v, d).slice(0, s.length);
  const a = s.length === 0
    ? Array.from({ length: m }, () => Array.from({ length: d }, () => qFromNumber(0)))
    : qMatMul(us, vt);
  return { a, u, v, s };
}
