/**
 * The max-margin problem of 2-homogeneous two-layer ReLU networks in the plane (Chizat's slides, `003_…`,
 * "Implicit bias of two-layer neural networks"), and the mean-field flow of the exponential loss that the
 * implicit-bias theorem says solves it.
 *
 * Particles θ = (a, b) ∈ ℝ² × ℝ, φ(θ, x) = b·relu(a·x) (inputs x ∈ ℝ², no bias: inputs (x₁, 1) give the
 * one-dimensional network with a bias), positively 2-homogeneous in θ. For θ on the sphere S²,
 * φ(θ, x) = b|a|·relu(â·x) with |b||a| ≤ (b² + |a|²)/2 = ½, equality at |a| = |b| = 1/√2; so the problem as printed,
 * max over ν ∈ 𝓜(S²), ‖ν‖_TV ≤ 1, of minᵢ yᵢf(ν, xᵢ), equals ½·γ* with
 *
 *   γ* = max over signed measures ρ on the circle S¹, ‖ρ‖_TV ≤ 1, of minᵢ yᵢ∫relu(â·xᵢ)dρ(â)
 *
 * (ρ the image of b|a|·ν under θ ↦ â; conversely ρ = Σρₖδ_{âₖ} is attained by ν = Σ|ρₖ|δ_{(âₖ, sgn ρₖ)/√2}).
 *
 * γ* is bracketed: the LP over the grid âₖ = (cos 2πk/K, sin 2πk/K) and the kinks (`lpDirections`) gives a feasible ρ (its margin, evaluated here
 * with a rounding budget, is a lower bound L), and its dual gives weights λ in the simplex with, by weak duality,
 * γ* ≤ sup_{â ∈ S¹} |Σᵢλᵢyᵢ relu(â·xᵢ)| =: U, a supremum over the whole circle computed exactly arc by arc (on an
 * arc between consecutive zeros of the â·xᵢ the function is linear in â). Discretisation: moving an atom of any
 * feasible ρ to its nearest grid direction moves â by a chord ≤ h/2 (h = 2π/K) and each relu(â·xᵢ) by ≤ ‖xᵢ‖h/2,
 * so γ_K ≥ γ* − hR/2, R = maxᵢ‖xᵢ‖: the bracket's width U − L is at most hR/2 plus the LP's tolerance.
 *
 * @module
 */
import { solveLp } from "../numerics/lp.ts";
import { NumericalFailure } from "../numerics/numerical_failure.ts";
import { highamGamma, UNIT_ROUNDOFF } from "../numerics/rounding.ts";
import type { LabelledData } from "./linear_classifier.ts";

/** relu(a·x) for a ∈ ℝ², x = row i of the data. */
function reluAt(a0: number, a1: number, x: Float64Array, i: number): number {
  return Math.max(0, a0 * x[2 * i] + a1 * x[2 * i + 1]);
}

/** ‖xᵢ‖ for each input. */
function inputNorms(data: LabelledData): Float64Array {
  return Float64Array.from(data.y, (_, i) => Math.hypot(data.x[2 * i], data.x[2 * i + 1]));
}

/** The bracket L ≤ γ* ≤ U and what it was built from. */
export interface MarginBracket {
  /** Certified lower bound: the grid measure's margin minus its rounding budget. */
  lower: number;
  /** Certified upper bound: sup over S¹ of |Σλᵢyᵢrelu(â·xᵢ)|, plus its rounding budget. */
  upper: number;
  /** The LP's optimal value γ_K as HiGHS computed it. */
  lpValue: number;
  /** Grid size K. */
  gridSize: number;
  /** The discretisation bound hR/2 on γ* − γ_K. */
  discretisationBound: number;
  /** The LP's directions (`lpDirections`). */
  angles: Float64Array;
  /** The grid measure ρₖ at âₖ (‖ρ‖_TV ≤ 1 exactly after rescaling). */
  rho: Float64Array;
  /** The dual weights λ (in the simplex). */
  lambda: Float64Array;
}

/**
 * sup over â ∈ S¹ of |Σᵢcᵢ relu(â·xᵢ)|, plus a rounding budget: the circle is cut at the zeros ψᵢ ± π/2 of the
 * â·xᵢ; on each arc the function is v·â for the sum v of the cᵢxᵢ active at the arc's midpoint, whose supremum
 * over the arc is ‖v‖ when ±v̂ lies in the arc and the larger endpoint value otherwise (endpoints are widened by
 * 10⁻¹², far above the atan2 error, and the endpoint values then get ‖v‖·10⁻¹²).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { circleSupremum } from "./tv_max_margin.ts";
 * // relu(â·(1, 0)) − relu(â·(0, 1)): sup |·| = 1 (at â = ±e₁ or e₂).
 * const s = circleSupremum({ d: 2, x: Float64Array.of(1, 0, 0, 1), y: Float64Array.of(1, -1) }, [1, 1]);
 * assert.ok(s >= 1 && s < 1 + 1e-9);
 * ```
 */
export function circleSupremum(data: LabelledData, weights: ArrayLike<number>): number {
  const n = data.y.length, x = data.x, TWO_PI = 2 * Math.PI, WIDEN = 1e-12;
  const norm = (v: number) => ((v % TWO_PI) + TWO_PI) % TWO_PI;
  const cuts: number[] = [];
  for (let i = 0; i < n; i++) {
    const psi = Math.atan2(x[2 * i + 1], x[2 * i]);
    cuts.push(norm(psi + Math.PI / 2), norm(psi - Math.PI / 2));
  }
  cuts.sort((p, q) => p - q);
  let sup = 0, scale = 0;
  for (let i = 0; i < n; i++) scale += Math.abs(weights[i]) * Math.hypot(x[2 * i], x[2 * i + 1]);
  for (let k = 0; k < cuts.length; k++) {
    const start = cuts[k], end = k + 1 < cuts.length ? cuts[k + 1] : cuts[0] + TWO_PI;
    if (end - start <= 0) continue;
    const mid = (start + end) / 2, m0 = Math.cos(mid), m1 = Math.sin(mid);
    let v0 = 0, v1 = 0;
    for (let i = 0; i < n; i++) {
      const c = data.y[i] * weights[i];
      if (m0 * x[2 * i] + m1 * x[2 * i + 1] > 0) (v0 += c * x[2 * i]), (v1 += c * x[2 * i + 1]);
    }
    const vn = Math.hypot(v0, v1);
    const inArc = (phi: number) => {
      const off = norm(phi - start + WIDEN);
      return off <= end - start + 2 * WIDEN;
    };
    const dir = Math.atan2(v1, v0);
    const best = vn > 0 && (inArc(dir) || inArc(dir + Math.PI)) ? vn : Math.max(
      Math.abs(v0 * Math.cos(start) + v1 * Math.sin(start)),
      Math.abs(v0 * Math.cos(end) + v1 * Math.sin(end)),
    ) + vn * 2 * WIDEN;
    sup = Math.max(sup, best);
  }
  // Rounding of v (n terms), of the cosines and sines, of the products: generously 4γ_{n+8}·Σ|cᵢ|‖xᵢ‖.
  return sup + 4 * highamGamma(n + 8) * scale;
}

/**
 * The angles of the LP's directions: the grid 2πk/K (k < K), then the 2n directions ψᵢ ± π/2 orthogonal to the
 * inputs, where the relu(â·xᵢ) have their kinks (on a grid alone the optimum is missed by O(h) when an optimal atom
 * sits at a kink; the discretisation bound needs only the grid).
 */
export function lpDirections(data: LabelledData, gridSize: number): Float64Array {
  const n = data.y.length, angles = new Float64Array(gridSize + 2 * n);
  for (let k = 0; k < gridSize; k++) angles[k] = (2 * Math.PI * k) / gridSize;
  for (let i = 0; i < n; i++) {
    const psi = Math.atan2(data.x[2 * i + 1], data.x[2 * i]);
    angles[gridSize + 2 * i] = psi + Math.PI / 2;
    angles[gridSize + 2 * i + 1] = psi - Math.PI / 2;
  }
  return angles;
}

/**
 * The certified margin of ρ = Σρₖδ_{âₖ} (âₖ at the given angles): minᵢ yᵢΣₖρₖrelu(âₖ·xᵢ) minus a rounding budget
 * covering the computed directions' distance from the unit circle (≤ 2u) and the K-term sums (γ_{K+3}·‖ρ‖_TV·‖xᵢ‖).
 */
export function gridMargin(data: LabelledData, angles: ArrayLike<number>, rho: ArrayLike<number>): number {
  const K = rho.length, norms = inputNorms(data);
  let tv = 0;
  for (let k = 0; k < K; k++) tv += Math.abs(rho[k]);
  let worst = Infinity;
  for (let i = 0; i < data.y.length; i++) {
    let f = 0;
    for (let k = 0; k < K; k++) {
      if (rho[k] !== 0) f += rho[k] * reluAt(Math.cos(angles[k]), Math.sin(angles[k]), data.x, i);
    }
    const budget = (highamGamma(K + 3) + 4 * UNIT_ROUNDOFF) * tv * norms[i] * (1 + 1e-12);
    worst = Math.min(worst, data.y[i] * f - budget);
  }
  return worst;
}

/**
 * Solves the grid LP max γ s.t. yᵢΣₖρₖrelu(âₖ·xᵢ) ≥ γ, Σₖ|ρₖ| ≤ 1 (ρ = ρ⁺ − ρ⁻) with HiGHS and builds the certified
 * bracket L ≤ γ* ≤ U described in the module doc. Throws a NumericalFailure when HiGHS fails or its duals vanish.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tvMarginBracket } from "./tv_max_margin.ts";
 * // One point x = (2, 0), y = 1: ρ = δ_{e₁} gives margin 2 = γ*.
 * const b = await tvMarginBracket({ d: 2, x: Float64Array.of(2, 0), y: Float64Array.of(1) }, 64);
 * assert.ok(b.lower <= 2 && 2 <= b.upper && b.upper - b.lower < 1e-9);
 * ```
 */
export async function tvMarginBracket(data: LabelledData, gridSize: number): Promise<MarginBracket> {
  const angles = lpDirections(data, gridSize);
  const n = data.y.length, K = angles.length, nv = 2 * K + 1;
  const rows = [];
  for (let i = 0; i < n; i++) {
    const coef = new Float64Array(nv);
    for (let k = 0; k < K; k++) {
      const v = data.y[i] * reluAt(Math.cos(angles[k]), Math.sin(angles[k]), data.x, i);
      coef[k] = v;
      coef[K + k] = -v;
    }
    coef[2 * K] = -1;
    rows.push({ coef, lower: 0 });
  }
  const tvRow = new Float64Array(nv).fill(1);
  tvRow[2 * K] = 0;
  rows.push({ coef: tvRow, upper: 1 });
  const cost = new Float64Array(nv);
  cost[2 * K] = 1;
  const lower = new Float64Array(nv), upper = new Float64Array(nv).fill(Infinity);
  lower[2 * K] = -Infinity;
  const s = await solveLp({ sense: "max", cost, rows, lower, upper });
  const rho = Float64Array.from({ length: K }, (_, k) => s.x[k] - s.x[K + k]);
  let tv = 0;
  for (const r of rho) tv += Math.abs(r);
  if (tv > 1) { for (let k = 0; k < K; k++) rho[k] /= tv * (1 + 4 * UNIT_ROUNDOFF); }
  const duals = Float64Array.from({ length: n }, (_, i) => Math.abs(s.rowDual[i]));
  const total = duals.reduce((p, q) => p + q, 0);
  if (!(total > 0)) throw new NumericalFailure("HiGHS returned no dual weights for the margin rows");
  const lambda = duals.map((v) => v / total);
  const R = Math.max(...inputNorms(data));
  return {
    lower: gridMargin(data, angles, rho),
    // λ sums to 1 up to rounding: a relative γ_{n} more covers it.
    upper: circleSupremum(data, lambda) * (1 + highamGamma(n + 2)),
    lpValue: s.objective,
    gridSize,
    discretisationBound: (Math.PI / gridSize) * R,
    angles,
    rho,
    lambda,
  };
}

/** A two-layer network f(x) = (1/m)Σⱼbⱼrelu(aⱼ·x), particles θⱼ = (aⱼ₁, aⱼ₂, bⱼ) stored consecutively. */
export type Particles = Float64Array;

/** f(xᵢ) for every input. */
export function networkOutputs(data: LabelledData, w: Particles): Float64Array {
  const m = w.length / 3, f = new Float64Array(data.y.length);
  for (let i = 0; i < f.length; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += w[3 * j + 2] * reluAt(w[3 * j], w[3 * j + 1], data.x, i);
    f[i] = s / m;
  }
  return f;
}

/**
 * The normalised margin of ν = Π₂(μ), μ = (1/m)Σδ_{θⱼ}: minᵢ yᵢf(ν, xᵢ)/‖ν‖_TV with f(ν, x) = f(μ, x) (2-homogeneity)
 * and ‖ν‖_TV = (1/m)Σ‖θⱼ‖².
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalisedMargin } from "./tv_max_margin.ts";
 * // θ = (1/√2, 0, 1/√2) on x = (2, 0), y = 1: f = ½·2 = 1, ‖ν‖_TV = 1: the optimum ½γ* = ½·2.
 * const s = Math.SQRT1_2;
 * assert.ok(Math.abs(normalisedMargin({ d: 2, x: Float64Array.of(2, 0), y: Float64Array.of(1) }, Float64Array.of(s, 0, s)) - 1) < 1e-15);
 * ```
 */
export function normalisedMargin(data: LabelledData, w: Particles): number {
  const f = networkOutputs(data, w), m = w.length / 3;
  let mass = 0;
  for (let q = 0; q < w.length; q++) mass += w[q] * w[q];
  mass /= m;
  let worst = Infinity;
  for (let i = 0; i < f.length; i++) worst = Math.min(worst, data.y[i] * f[i]);
  return worst / mass;
}

/**
 * The mean-field velocity field of the exponential risk R = (1/n)Σᵢe^{−yᵢf(xᵢ)}: each particle moves along
 * −∇_θ R′(f)·φ(θ, ·) = (1/n)Σᵢe^{−yᵢf(xᵢ)}yᵢ∇_θφ(θ, xᵢ), ∇_aφ = b·1[a·x > 0]x, ∇_bφ = relu(a·x)
 * (m times the gradient of R(f_m) in θⱼ: the mean-field time scale).
 */
export function meanFieldVelocity(data: LabelledData, w: Particles): Float64Array {
  const n = data.y.length, m = w.length / 3, x = data.x, v = new Float64Array(w.length);
  // One pass for the pre-activations zᵢⱼ = aⱼ·xᵢ (kept for the second), then the field: the hot loop of the flow.
  const z = new Float64Array(n * m), c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x0 = x[2 * i], x1 = x[2 * i + 1];
    let f = 0;
    for (let j = 0; j < m; j++) {
      const zij = w[3 * j] * x0 + w[3 * j + 1] * x1;
      z[i * m + j] = zij;
      if (zij > 0) f += w[3 * j + 2] * zij;
    }
    c[i] = (data.y[i] * Math.exp(-data.y[i] * (f / m))) / n;
  }
  for (let i = 0; i < n; i++) {
    const x0 = x[2 * i], x1 = x[2 * i + 1], ci = c[i];
    for (let j = 0; j < m; j++) {
      const zij = z[i * m + j];
      if (zij <= 0) continue;
      const cb = ci * w[3 * j + 2];
      v[3 * j] += cb * x0;
      v[3 * j + 1] += cb * x1;
      v[3 * j + 2] += ci * zij;
    }
  }
  return v;
}

/**
 * The mean-field flow from w₀ at the requested times, integrated in s = log(1 + t) (as models/linear_classifier.ts
 * `gradientFlow` does: the field e^s·v stays of order one once the data are fitted, so late times are cheap) by
 * classical RK4 with the fixed step `ds` (the output times are rounded to the step grid: sₖ = ⌈log(1 + tₖ)/ds⌉·ds).
 * A fixed step because the field jumps where a particle's aⱼ·xᵢ changes sign: the adaptive extrapolation solver
 * stalls there (seen on three of three pilot instances), while RK4 runs through at first order. Throws a
 * NumericalFailure on a non-finite state.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanFieldFlow, normalisedMargin } from "./tv_max_margin.ts";
 * const data = { d: 2, x: Float64Array.of(1, 0), y: Float64Array.of(1) };
 * const { states } = meanFieldFlow(data, Float64Array.of(0.5, 0.5, 0.5), [1e6], 0.05);
 * // One point: the particle turns towards a = (1, 0)/√2, b = 1/√2, where the margin is the optimum ½.
 * assert.ok(normalisedMargin(data, states[0]) > 0.45 && normalisedMargin(data, states[0]) <= 0.5);
 * ```
 */
export function meanFieldFlow(
  data: LabelledData,
  w0: Particles,
  times: number[],
  ds: number,
): { states: Float64Array[]; steps: number; sTimes: number[] } {
  const field = (s: number, w: Float64Array) => {
    const v = meanFieldVelocity(data, w), e = Math.exp(s);
    for (let q = 0; q < v.length; q++) v[q] *= e;
    return v;
  };
  const len = w0.length, tmp = new Float64Array(len);
  let w = Float64Array.from(w0), step = 0;
  const states: Float64Array[] = [], sTimes: number[] = [];
  for (const t of times) {
    const target = Math.ceil(Math.log1p(t) / ds - 1e-9);
    for (; step < target; step++) {
      const s = step * ds;
      const k1 = field(s, w);
      for (let q = 0; q < len; q++) tmp[q] = w[q] + (ds / 2) * k1[q];
      const k2 = field(s + ds / 2, tmp);
      for (let q = 0; q < len; q++) tmp[q] = w[q] + (ds / 2) * k2[q];
      const k3 = field(s + ds / 2, tmp);
      for (let q = 0; q < len; q++) tmp[q] = w[q] + ds * k3[q];
      const k4 = field(s + ds, tmp);
      const next = new Float64Array(len);
      for (let q = 0; q < len; q++) next[q] = w[q] + (ds / 6) * (k1[q] + 2 * k2[q] + 2 * k3[q] + k4[q]);
      if (!next.every(Number.isFinite)) throw new NumericalFailure(`mean-field flow not finite at s = ${s + ds}`);
      w = next;
    }
    states.push(Float64Array.from(w));
    sTimes.push(step * ds);
  }
  return { states, steps: step, sTimes };
}
