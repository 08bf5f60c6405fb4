/**
 * W∞ between a uniform discrete measure ν₀ = (1/m)Σδ_{θᵢ} on the flat torus T^d = [0, 1)^d and the uniform
 * measure vol, for the two constructions of Chizat's slides ("Via samples or a grid"), each computed as a pair of
 * independent bounds that coincide (so W∞ is exact up to rounding):
 * - a regular grid of m = k^d points: the lower bound is the covering radius (every point of the torus must be
 *   transported to an atom, so W∞ ≥ the distance from the deepest hole to its nearest atom, found by brute force);
 *   the upper bound is the coupling sending each cube of side 1/k to its centre (sup distance √d/(2k));
 * - m points on the circle T¹: the lower bound from Hall's condition on arcs (the atoms θ_(i..j) carry mass
 *   (j − i + 1)/m, which the r-neighbourhood of their arc, of length ≤ θ_(j) − θ_(i) + 2r, must hold); the upper
 *   bound from the coupling sending the arc [c + (i − 1)/m, c + i/m] to θ_(i), at the best shift c. Both equal half
 *   the Kuiper statistic, (D⁺ + D⁻)/2.
 *
 * @module
 */

/** Volume ω_d of the unit Euclidean ball in ℝ^d. */
export function unitBallVolume(d: number): number {
  // ω_d = π^{d/2}/Γ(d/2 + 1), by the recursion ω_d = 2π/d·ω_{d−2}.
  if (d === 0) return 1;
  if (d === 1) return 2;
  return (2 * Math.PI / d) * unitBallVolume(d - 2);
}

/** The distance on the flat torus [0, 1)^d. */
export function torusDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) {
    const t = Math.abs(a[k] - b[k]) % 1;
    const u = Math.min(t, 1 - t);
    s += u * u;
  }
  return Math.sqrt(s);
}

/** Lower and upper bounds on W∞(ν₀, vol). */
export interface WinfBracket {
  lower: number;
  upper: number;
}

/**
 * W∞ for the regular grid {offset + (i + ½)/k} of m = k^d points: covering radius (brute force from the deep hole
 * offset + 0) and the cube coupling √d/(2k).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gridWinf } from "./torus_transport.ts";
 * // One atom on the circle: every point is within ½ of it, and the point opposite is exactly ½ away.
 * const b = gridWinf(1, 1, [0.3]);
 * assert.ok(Math.abs(b.lower - 0.5) < 1e-15 && b.upper === 0.5);
 * ```
 */
export function gridWinf(k: number, d: number, offset: ArrayLike<number>): WinfBracket {
  const m = k ** d, atom = new Float64Array(d), hole = Float64Array.from(offset);
  let nearest = Infinity;
  for (let q = 0; q < m; q++) {
    let r = q;
    for (let j = 0; j < d; j++) {
      atom[j] = offset[j] + ((r % k) + 0.5) / k;
      r = Math.floor(r / k);
    }
    nearest = Math.min(nearest, torusDistance(atom, hole));
  }
  return { lower: nearest, upper: Math.sqrt(d) / (2 * k) };
}

/**
 * W∞ for m atoms on the circle T¹ = [0, 1): the Hall lower bound max over cyclic arcs and the shifted monotone
 * coupling's sup distance.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { circleWinf } from "./torus_transport.ts";
 * // Two atoms at 0 and ½: each serves an arc of length ½ centred on it, W∞ = ¼.
 * const b = circleWinf([0, 0.5]);
 * assert.ok(Math.abs(b.lower - 0.25) < 1e-15 && Math.abs(b.upper - 0.25) < 1e-15);
 * // Two atoms at 0: the point ½ is ½ away from both.
 * assert.ok(Math.abs(circleWinf([0, 0]).lower - 0.5) < 1e-15);
 * ```
 */
export function circleWinf(points: ArrayLike<number>): WinfBracket {
  const m = points.length;
  const th = Float64Array.from(points, (v) => v - Math.floor(v)).sort();
  // e_i = θ_(i) − i/m (i = 1..m).
  const e = Float64Array.from(th, (v, i) => v - (i + 1) / m);
  // Hall: for atoms i..j (cyclically), r ≥ ((j − i + 1)/m − arc length)/2 = (e_i − e_j + 1/m)/2.
  let maxE = -Infinity, minE = Infinity;
  for (const v of e) {
    maxE = Math.max(maxE, v);
    minE = Math.min(minE, v);
  }
  const lower = Math.min(0.5, (maxE - minE + 1 / m) / 2);
  // The coupling: atom i receives [c + (i − 1)/m, c + i/m]; its sup distance along the line bounds the torus one.
  const c = (maxE + 1 / m + minE) / 2;
  let upper = 0;
  for (let i = 0; i < m; i++) {
    const a = c + i / m, b = c + (i + 1) / m;
    upper = Math.max(upper, Math.abs(th[i] - a), Math.abs(th[i] - b));
  }
  return { lower, upper: Math.min(upper, 0.5) };
}
