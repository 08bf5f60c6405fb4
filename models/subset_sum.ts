/**
 * SUBSET-SUM and the loss of the reduction in Theorem 10.3 (Chapter 10, §10.4):
 * L(w) = (Σᵢ w[i]aᵢ − t)² + Σᵢ (w[i](1 − w[i]))², with a brute-force oracle, exact evaluation
 * at float64 points, and a proven lower bound on min L for NO instances.
 *
 * @module
 */
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
   * import { SubsetSumLoss } from "./subset_sum.ts";
   * const L = new SubsetSumLoss({ a: [3, 5], t: 5 });
   * console.assert(L.value([0, 1]) === 0 && L.exact([0, 1]).num === 0n);
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

/** Largest n the brute-force oracle accepts. */
export const ORACLE_MAX_N = 20;

/**
 * Brute-force SUBSET-SUM oracle for n ≤ 20: enumerates all 2^n subsets in Gray-code order (one
 * addition or subtraction per subset, exact in float64 while sums stay below 2^53).
 *
 * @example
 * ```ts
 * import { solveSubsetSum } from "./subset_sum.ts";
 * console.assert(solveSubsetSum({ a: [3, 5, 9], t: 14 }).subset?.join() === "1,2");
 * console.assert(solveSubsetSum({ a: [10, 3], t: 2 }).gap === 1);
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
 * import { indicator } from "./subset_sum.ts";
 * console.assert(indicator(3, [0, 2]).join() === "1,0,1");
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
 * import { gapLowerBound } from "./subset_sum.ts";
 * const b = gapLowerBound({ a: [10, 3], t: 2 }, 1);
 * console.assert(b.num === 1n && b.den === 1n + 4n * 109n);
 * ```
 */
export const gapLowerBound: LowerBound = (instance, gap) => {
  const g = BigInt(gap);
  const a2 = instance.a.reduce((s, v) => s + BigInt(v) * BigInt(v), 0n);
  return { num: g * g, den: 1n + 4n * a2 };
};
