/**
 * SUBSET-SUM and the loss of the reduction in Theorem 10.3 (Chapter 10, §10.4):
 * L(w) = (Σᵢ w[i]aᵢ − t)² + Σᵢ (w[i](1 − w[i]))², with a brute-force oracle, exact evaluation
 * at float64 points, and a proven lower bound on min L for NO instances.
 *
 * @module
 */
import { add, type Interval, nextDown, nextUp, scale, square, xOneMinusX } from "../numerics/interval.ts";
import { Matrix } from "../numerics/linalg.ts";
import { commonDyadic, type Rational } from "../numerics/rational.ts";

/** A SUBSET-SUM instance: nonnegative integers a₀…a_{n−1} and a target t. */
export interface SubsetSum {
  /** The numbers aᵢ ∈ ℕ (a list: repeated values allowed). */
  a: number[];
  /** The target t ∈ ℕ. */
  t: number;
}

/** The loss L of the reduction (Theorem 10.3) for one SUBSET-SUM instance. */
export class SubsetSumLoss {
  /** The instance. */
  readonly instance: SubsetSum;

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { SubsetSumLoss } from "./subset_sum.ts";
   * const L = new SubsetSumLoss({ a: [3, 5], t: 5 });
   * assert.ok(L.value([0, 1]) === 0 && L.exact([0, 1]).num === 0n);
   * ```
   */
  constructor(instance: SubsetSum) {
    this.instance = instance;
  }

  /** L(w) in float64 (for optimisers; verdicts use `exact`). */
  value(w: ArrayLike<number>): number {
    const { a, t } = this.instance;
    let s = -t, q = 0;
    for (let i = 0; i < a.length; i++) {
      s += w[i] * a[i];
      q += (w[i] * (1 - w[i])) ** 2;
    }
    return s * s + q;
  }

  /** ∇L(w) = 2s·a + 2w(1 − w)(1 − 2w), s = Σ w[i]aᵢ − t. */
  gradient(w: ArrayLike<number>): Float64Array {
    const { a, t } = this.instance;
    let s = -t;
    for (let i = 0; i < a.length; i++) s += w[i] * a[i];
    return Float64Array.from(a, (ai, i) => 2 * s * ai + 2 * w[i] * (1 - w[i]) * (1 - 2 * w[i]));
  }

  /** ∇²L(w) = 2aaᵀ + diag(2 − 12w + 12w²). */
  hessian(w: ArrayLike<number>): Matrix {
    const { a } = this.instance, n = a.length;
    const h = new Matrix(n, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) h.set(i, j, 2 * a[i] * a[j]);
      h.set(i, i, h.get(i, i) + 2 - 12 * w[i] + 12 * w[i] * w[i]);
    }
    return h;
  }

  /**
   * L(w) exactly, as a rational, at a point of float64 coordinates: with w[i] = pᵢ/2^k,
   * L·2^{4k} = (Σ aᵢpᵢ − t2^k)²·2^{2k} + Σ pᵢ²(2^k − pᵢ)².
   */
  exact(w: ArrayLike<number>): Rational {
    const { a, t } = this.instance;
    const { nums, shift } = commonDyadic(w);
    const one = 1n << BigInt(shift);
    let s = -BigInt(t) * one, q = 0n;
    nums.forEach((p, i) => {
      s += BigInt(a[i]) * p;
      q += (p * (one - p)) ** 2n;
    });
    return { num: s * s * one * one + q, den: one ** 4n };
  }
}

/** The brute-force answer to a SUBSET-SUM instance. */
export interface SubsetSumAnswer {
  /** A subset C ⊆ [n] = {0, …, n−1} with Σ_{i∈C} aᵢ = t, or null (NO instance). */
  subset: number[] | null;
  /** g = min over all C ⊆ [n] of |Σ_{i∈C} aᵢ − t| (0 exactly for YES instances). */
  gap: number;
  /** A subset attaining the gap g (the witness C for YES instances). */
  closest: number[];
  /** Subsets enumerated (2^n). */
  enumerated: number;
}

/**
 * Largest n the brute-force oracle accepts.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ORACLE_MAX_N } from "./subset_sum.ts";
 * assert.equal(2 ** ORACLE_MAX_N, 1048576);
 * ```
 */
export const ORACLE_MAX_N = 20;

/**
 * Brute-force SUBSET-SUM oracle for n ≤ 20: enumerates all 2^n subsets in Gray-code order (one
 * addition or subtraction per subset, exact in float64 while sums stay below 2^53).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { solveSubsetSum } from "./subset_sum.ts";
 * assert.equal(solveSubsetSum({ a: [3, 5, 9], t: 14 }).subset?.join(), "1,2");
 * assert.equal(solveSubsetSum({ a: [10, 3], t: 2 }).gap, 1);
 * ```
 */
export function solveSubsetSum(instance: SubsetSum): SubsetSumAnswer {
  const { a, t } = instance, n = a.length;
  if (n > ORACLE_MAX_N) throw new RangeError(`oracle limited to n ≤ ${ORACLE_MAX_N}, got ${n}`);
  const total = a.reduce((x, y) => x + y, 0);
  if (!(Number.isSafeInteger(total) && Number.isSafeInteger(t) && a.every((v) => Number.isSafeInteger(v) && v >= 0))) {
    throw new RangeError("a and t must be nonnegative integers with Σa < 2^53");
  }
  let mask = 0, sum = 0, best = Math.abs(t), bestMask = 0;
  const count = 2 ** n;
  for (let k = 1; k < count; k++) {
    // Gray code: step k flips the bit of the lowest set bit of k.
    const bit = 31 - Math.clz32(k & -k);
    mask ^= 1 << bit;
    sum += mask & (1 << bit) ? a[bit] : -a[bit];
    const g = Math.abs(sum - t);
    if (g < best) [best, bestMask] = [g, mask];
  }
  const closest = a.map((_, i) => i).filter((i) => bestMask & (1 << i));
  return { subset: best === 0 ? closest : null, gap: best, closest, enumerated: count };
}

/**
 * The indicator vector (𝟙[0 ∈ C], …, 𝟙[n−1 ∈ C]) of the proof of Theorem 10.3.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indicator } from "./subset_sum.ts";
 * assert.equal(indicator(3, [0, 2]).join(), "1,0,1");
 * ```
 */
export function indicator(n: number, subset: number[]): Float64Array {
  const w = new Float64Array(n);
  for (const i of subset) w[i] = 1;
  return w;
}

/** A lower bound on min L as a function of the instance and its gap g. */
export type LowerBound = (instance: SubsetSum, gap: number) => Rational;

/**
 * Proven lower bound min_w L(w) ≥ g²/(1 + 4‖a‖²), g = min_C |Σ_{i∈C} aᵢ − t|.
 *
 * Proof. Fix w ∈ ℝⁿ; let bᵢ ∈ {0, 1} be the nearer of 0, 1 to w[i] (bᵢ = 0 iff w[i] ≤ ½) and
 * eᵢ = w[i] − bᵢ. (1) |w[i](1 − w[i])| ≥ |eᵢ|/2: if bᵢ = 0 then |w(1 − w)| = |eᵢ||1 − eᵢ| with
 * eᵢ ≤ ½, so |1 − eᵢ| ≥ ½; if bᵢ = 1 then |w(1 − w)| = |eᵢ||1 + eᵢ| with eᵢ > −½, so |1 + eᵢ| > ½.
 * Hence Σ (w[i](1 − w[i]))² ≥ r²/4 with r = ‖e‖. (2) Σ w[i]aᵢ − t = (Σ_{i∈C} aᵢ − t) + ⟨a, e⟩
 * with C = {i : bᵢ = 1}, so |Σ w[i]aᵢ − t| ≥ g − ‖a‖r (Cauchy–Schwarz). (3) With A = ‖a‖:
 * if Ar ≥ g then L ≥ r²/4 ≥ g²/(4A²) ≥ g²/(1 + 4A²); otherwise L ≥ (g − Ar)² + r²/4, whose
 * minimum over r is at r = 4Ag/(1 + 4A²) with value g²/(1 + 4A²). ∎
 * For a NO instance of integers, g ≥ 1, so min L ≥ 1/(1 + 4‖a‖²) > 0 (and the minimum exists: L
 * is a polynomial with L(w) ≥ Σ (w[i](1 − w[i]))² → ∞ as ‖w‖ → ∞).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gapLowerBound } from "./subset_sum.ts";
 * const b = gapLowerBound({ a: [10, 3], t: 2 }, 1);
 * assert.ok(b.num === 1n && b.den === 1n + 4n * 109n);
 * ```
 */
export const gapLowerBound: LowerBound = (instance, gap) => {
  const g = BigInt(gap);
  const a2 = instance.a.reduce((s, v) => s + BigInt(v) * BigInt(v), 0n);
  return { num: g * g, den: 1n + 4n * a2 };
};

/** The outcome of the interval branch and bound. */
export interface BranchAndBound {
  /** A certified lower bound on min L (a double, rounded down). */
  lowerBound: number;
  /** Boxes evaluated. */
  boxes: number;
  /** Whether the target was reached within the box budget. */
  reachedTarget: boolean;
  /** Half-width s-bound of the region: every minimiser has |w[i](1 − w[i])| ≤ s. */
  s: number;
}

interface Box {
  lo: Float64Array;
  hi: Float64Array;
  bound: number;
}

/**
 * Certified lower bound on min L by interval branch and bound with outward rounding.
 *
 * Region. If L(w̄) ≤ U for some point w̄, every minimiser w has Σ(w[i](1 − w[i]))² ≤ L(w) ≤ U, so
 * |w[i](1 − w[i])| ≤ s = √U for each i: w[i] ∈ I₀ ∪ I₁ with I₀ = [(1 − √(1 + 4s))/2, (1 − √(1 − 4s))/2]
 * and I₁ = [(1 + √(1 − 4s))/2, (1 + √(1 + 4s))/2] when s < ¼ (one interval otherwise). Every
 * minimiser lies in one of the 2ⁿ boxes of these intervals, so min L ≥ the least lower bound over
 * the leaves of any subdivision of them.
 *
 * Bounds. On a box, Σ w[i]aᵢ − t ranges over an interval computed exactly up to outward rounding
 * (aᵢ ≥ 0), and w(1 − w) over the exact range of a concave function; the lower ends of their
 * squares add to a lower bound of L on the box (each term minimised separately).
 *
 * Search. Best-first: split the box with the least bound along the coordinate of largest
 * (aᵢ + 1)·width, until that least bound reaches `target` or `maxBoxes` boxes were evaluated.
 * `region` replaces the per-coordinate pieces I₀, I₁ (tests use it to show a wrong region is caught).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { branchAndBound } from "./subset_sum.ts";
 * const r = branchAndBound({ a: [10, 3], t: 2 }, 0.0106, 0.005, 5000);
 * assert.ok(r.reachedTarget && r.lowerBound >= 0.005);
 * ```
 */
export function branchAndBound(
  instance: SubsetSum,
  upper: number,
  target: number,
  maxBoxes: number,
  region?: Interval[],
): BranchAndBound {
  const { a, t } = instance, n = a.length;
  const s = nextUp(Math.sqrt(upper));
  const outerRoot = nextUp(Math.sqrt(nextUp(1 + 4 * s)));
  const lowest = nextDown(1 - outerRoot) / 2, highest = nextUp(1 + outerRoot) / 2;
  const pieces: Interval[] = region ? [...region] : [];
  if (region) {
    // Caller-supplied pieces (used by tests to show that a wrong region is caught).
  } else if (4 * s < 1) {
    const innerRoot = nextDown(Math.sqrt(nextDown(1 - 4 * s)));
    pieces.push({ lo: lowest, hi: nextUp(1 - innerRoot) / 2 }, { lo: nextDown(1 + innerRoot) / 2, hi: highest });
  } else {
    pieces.push({ lo: lowest, hi: highest });
  }
  const boundOf = (lo: Float64Array, hi: Float64Array): number => {
    let sum: Interval = { lo: -t, hi: -t }, q = 0;
    for (let i = 0; i < n; i++) {
      const w = { lo: lo[i], hi: hi[i] };
      sum = add(sum, scale(a[i], w));
      q = nextDown(q + square(xOneMinusX(w)).lo);
    }
    return nextDown(q + square(sum).lo);
  };
  const heap: Box[] = [];
  const push = (box: Box) => {
    heap.push(box);
    for (let k = heap.length - 1; k > 0;) {
      const p = (k - 1) >> 1;
      if (heap[p].bound <= heap[k].bound) break;
      [heap[p], heap[k]] = [heap[k], heap[p]];
      k = p;
    }
  };
  const pop = (): Box => {
    const top = heap[0], last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      for (let k = 0;;) {
        const l = 2 * k + 1, r = l + 1;
        let m = k;
        if (l < heap.length && heap[l].bound < heap[m].bound) m = l;
        if (r < heap.length && heap[r].bound < heap[m].bound) m = r;
        if (m === k) break;
        [heap[m], heap[k]] = [heap[k], heap[m]];
        k = m;
      }
    }
    return top;
  };
  let boxes = 0;
  for (let mask = 0; mask < pieces.length ** n; mask++) {
    const lo = new Float64Array(n), hi = new Float64Array(n);
    for (let i = 0, code = mask; i < n; i++, code = Math.floor(code / pieces.length)) {
      const piece = pieces[code % pieces.length];
      [lo[i], hi[i]] = [piece.lo, piece.hi];
    }
    push({ lo, hi, bound: boundOf(lo, hi) });
    boxes++;
  }
  while (heap[0].bound < target && boxes + 2 <= maxBoxes) {
    const box = pop();
    let split = 0, widest = -1;
    for (let i = 0; i < n; i++) {
      const width = (a[i] + 1) * (box.hi[i] - box.lo[i]);
      if (width > widest) [split, widest] = [i, width];
    }
    const mid = box.lo[split] + (box.hi[split] - box.lo[split]) / 2;
    const left = { lo: box.lo, hi: Float64Array.from(box.hi) };
    const right = { lo: Float64Array.from(box.lo), hi: box.hi };
    left.hi[split] = mid;
    right.lo[split] = mid;
    push({ ...left, bound: boundOf(left.lo, left.hi) });
    push({ ...right, bound: boundOf(right.lo, right.hi) });
    boxes += 2;
  }
  return { lowerBound: heap[0].bound, boxes, reachedTarget: heap[0].bound >= target, s };
}
