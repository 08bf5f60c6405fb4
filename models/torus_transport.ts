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
import { FlowNetwork } from "../numerics/max_flow.ts";

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

/** Greatest common divisor of two positive integers. */
function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Circular distance on [0, 1). */
function circular(a: number, b: number): number {
  const t = Math.abs(a - b) % 1;
  return Math.min(t, 1 - t);
}

/** Ratio of successive thresholds in `torusSampleWinf`'s sweeps (each bound is resolved to 1%). */
const GROWTH = 1.01;

/**
 * Rigorous bounds on W∞(ν₀, vol) on the flat torus T² for m atoms of mass 1/m at `points` (row-major m×2), from the
 * k×k grid of cells of side 1/k (mass 1/k² each), by Hall's theorem in its max-flow form:
 * - upper: if atoms can be matched to cells (atom supply 1/m, cell demand 1/k²) using only pairs whose *farthest*
 *   points are within r, splitting each cell's uniform mass as the flow says is a coupling with sup distance ≤ r;
 * - lower: if no such matching exists using the pairs whose *nearest* points are within r, no coupling has sup
 *   distance ≤ r (it would send a cell's mass only to atoms within r of some point of it), so W∞ > r.
 * Each threshold is found by a sweep over r = C·1.01^j from a lower start C (a cell's nearest atom), keeping the flow
 * as edges are added; the two bounds differ by at most a cell diameter √2/k plus the sweeps' 1% resolution. Both ends are widened by 4 ulps (relative and absolute) for the rounding of the distances.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { torusSampleWinf } from "./torus_transport.ts";
 * // The 4 points of the 2×2 grid of centres: W∞ = √2/4 (the grid value), inside a bracket of a cell diameter + 2%.
 * const b = torusSampleWinf(Float64Array.of(0.25, 0.25, 0.75, 0.25, 0.25, 0.75, 0.75, 0.75), 8);
 * assert.ok(b.lower <= Math.SQRT2 / 4 && Math.SQRT2 / 4 <= b.upper && b.upper - b.lower <= Math.SQRT2 / 8 + 0.02 * b.upper);
 * ```
 */
export function torusSampleWinf(points: ArrayLike<number>, k: number): WinfBracket {
  const m = points.length / 2, cells = k * k, g = gcd(cells, m);
  const supply = cells / g, demand = m / g, total = m * supply;
  // Per atom and axis, the nearest and farthest circular distance to each of the k cell intervals [i/k, (i+1)/k).
  const near = new Float64Array(2 * m * k), far = new Float64Array(2 * m * k);
  for (let a = 0; a < m; a++) {
    for (let ax = 0; ax < 2; ax++) {
      const p = points[2 * a + ax] - Math.floor(points[2 * a + ax]);
      for (let i = 0; i < k; i++) {
        const lo = i / k, hi = (i + 1) / k, o = (2 * a + ax) * k + i;
        near[o] = p >= lo && p <= hi ? 0 : Math.min(circular(p, lo), circular(p, hi));
        const anti = (p + 0.5) % 1;
        far[o] = anti >= lo && anti <= hi ? 0.5 : Math.max(circular(p, lo), circular(p, hi));
      }
    }
  }
  // Every cell needs an atom within r of one of its points: the nearest-point graph's threshold is at least
  // C = max over cells of the nearest atom's nearest-point distance, and the farthest-point graph's is at least that.
  let start = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let best = Infinity;
      for (let a = 0; a < m; a++) {
        best = Math.min(best, near[2 * a * k + i] ** 2 + near[(2 * a + 1) * k + j] ** 2);
      }
      start = Math.max(start, Math.sqrt(best));
    }
  }
  /**
   * The first r on the grid start·GROWTH^j at which atoms and cells can be matched using the pairs within r under
   * `dist`, and the grid point before it: the flow network keeps its flow as the threshold grows (new pairs only
   * add edges, so the current flow stays feasible and is augmented).
   */
  const sweep = (dist: Float64Array): { infeasible: number; feasible: number } => {
    const net = new FlowNetwork(m + cells + 2), s = m + cells, t = s + 1;
    for (let a = 0; a < m; a++) net.addEdge(s, a, supply);
    for (let c = 0; c < cells; c++) net.addEdge(m + c, t, demand);
    let prev = -1, r = start, flow = 0;
    for (;;) {
      const r2 = r * r, p2 = prev < 0 ? -1 : prev * prev;
      for (let a = 0; a < m; a++) {
        const xo = 2 * a * k, yo = (2 * a + 1) * k;
        for (let i = 0; i < k; i++) {
          const dx = dist[xo + i] * dist[xo + i];
          if (dx > r2) continue;
          for (let j = 0; j < k; j++) {
            const d2 = dx + dist[yo + j] * dist[yo + j];
            if (d2 <= r2 && d2 > p2) net.addEdge(a, m + i * k + j, supply);
          }
        }
      }
      flow += net.maxFlow(s, t);
      // Below `start` some cell has no atom within r of any of its points, so the graph is infeasible there.
      if (flow === total) return { infeasible: prev < 0 ? start : prev, feasible: r };
      if (r >= Math.SQRT1_2) throw new Error("torusSampleWinf: no matching at the torus diameter");
      prev = r;
      r = Math.min(Math.SQRT1_2, r * GROWTH);
    }
  };
  const up = sweep(far).feasible, low = sweep(near).infeasible;
  const slack = 4 * Number.EPSILON;
  // Absolute slack too: the per-axis distances carry absolute rounding errors of a few ulps of 1.
  return { lower: Math.max(0, low * (1 - slack) - slack), upper: Math.min(Math.SQRT1_2, up * (1 + slack) + slack) };
}
