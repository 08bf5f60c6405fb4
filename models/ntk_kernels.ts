/**
 * The width limits of the empirical tangent kernels of Chapter 11: K^LC (Theorem 11.16), K^NTK
 * (Theorem 11.30), their versions with biases iid D(0, ς_b²) (Exercise 11.37), and the ReLU closed
 * forms (Examples 11.17, 11.31, Exercise 11.36). The expectations over u ~ D(0, 1/d) are computed
 * by an independent route for every D: nested adaptive quadrature (Gaussian; uniform for at most
 * two random coordinates) or exact enumeration (Rademacher), each with its error.
 *
 * @module
 */
import { integrate1d, type Quadrature } from "../numerics/quadrature.ts";
import type { Distribution } from "../numerics/random.ts";
import type { Activation } from "./activation.ts";
import type { Parametrisation } from "./two_layer.ts";

/** An expectation with its error bound or estimate and how it was computed. */
export interface Expectation {
  /** The value. */
  value: number;
  /** Absolute error: 0 up to rounding for exact enumeration; the quadrature's estimate otherwise. */
  error: number;
  /** How it was computed. */
  method: string;
}

/** What the limit kernel depends on. */
export interface KernelSpec {
  /** Architecture: (11.5.1) "lecun" or (11.6.1) "ntk". */
  parametrisation: Parametrisation;
  /** σ. */
  activation: Activation;
  /** D(0,1). */
  distribution: Distribution;
  /** ς² of the weights (default 1). */
  weightVariance?: number;
  /** Variance of the biases (default 0: zero biases). */
  biasVariance?: number;
}

/**
 * The law of one hidden pre-activation at inputs x and z: a = Σⱼ sⱼξⱼpⱼ, b = Σⱼ sⱼξⱼqⱼ with ξⱼ iid D(0,1).
 * For both parametrisations a = uᵀx + β with u ~ D(0, ς²/d) and β ~ D(0, ς_b²) (zero if ς_b = 0).
 */
export interface PairLaw {
  /** Coefficients of x (and 1 for the bias). */
  p: number[];
  /** Coefficients of z (and 1 for the bias). */
  q: number[];
  /** Scales sⱼ. */
  scales: number[];
}

/**
 * The pre-activation law of `spec` at x and z.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pairLaw } from "./ntk_kernels.ts";
 * import { relu } from "./activation.ts";
 * import { gaussian } from "../numerics/random.ts";
 * const law = pairLaw([1, 0], [0, 1], { parametrisation: "lecun", activation: relu, distribution: gaussian, biasVariance: 1 });
 * assert.ok(law.p.length === 3 && law.scales[2] === 1);
 * ```
 */
export function pairLaw(x: ArrayLike<number>, z: ArrayLike<number>, spec: KernelSpec): PairLaw {
  const d = x.length, s = Math.sqrt((spec.weightVariance ?? 1) / d), sb = Math.sqrt(spec.biasVariance ?? 0);
  const p = Array.from(x), q = Array.from(z), scales = p.map(() => s);
  if (sb > 0) {
    p.push(1);
    q.push(1);
    scales.push(sb);
  }
  return { p, q, scales };
}

/** E[f(a)g(b)] over the pre-activation pair of `law` by quadrature, given the kinks of f and g. */
type PairQuadrature = (
  f: (a: number) => number,
  g: (b: number) => number,
  kinksF: readonly number[],
  kinksG: readonly number[],
  law: PairLaw,
) => Expectation;

const gaussianPair: PairQuadrature = (f, g, kinksF, kinksG, law) => {
  const P = law.scales.map((s, j) => s * law.p[j]), Q = law.scales.map((s, j) => s * law.q[j]);
  const sa = Math.hypot(...P), sb = Math.hypot(...Q);
  const phi = (t: number) => Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI);
  const method = "nested adaptive Gauss–Kronrod over the whitened bivariate Gaussian (tails beyond 12 sd dropped)";
  if (sa === 0 || sb === 0) {
    // One of a, b is identically 0.
    const [c, h, k, s] = sa === 0 ? [f(0), g, kinksG, sb] : [g(0), f, kinksF, sa];
    if (s === 0) return { value: c * h(0), error: 0, method };
    const q = integrate1d((t) => h(s * t) * phi(t), -12, 12, k.map((t) => t / s));
    return { value: c * q.value, error: Math.abs(c) * q.error, method };
  }
  // Correlation from the stable angle: 1 − ρ² computed from a rounded ρ would lose half the digits near ±1.
  const theta = angle(P, Q), rho = Math.cos(theta), kappa = Math.sin(theta);
  if (kappa < 1e-9) {
    const sg = Math.sign(rho);
    const q = integrate1d((t) => f(sa * t) * g(sg * sb * t) * phi(t), -12, 12, [
      ...kinksF.map((t) => t / sa),
      ...kinksG.map((t) => sg * t / sb),
    ]);
    return { value: q.value, error: q.error, method };
  }
  let innerError = 0;
  const outer: Quadrature = integrate1d(
    (t) => {
      const ft = f(sa * t);
      if (ft === 0) return 0;
      const inner = integrate1d(
        (r) => g(sb * (rho * t + kappa * r)) * phi(r),
        -12,
        12,
        kinksG.map((k) => (k / sb - rho * t) / kappa),
        1e-13,
      );
      innerError = Math.max(innerError, inner.error * Math.abs(ft) * phi(t) * 24);
      return ft * phi(t) * inner.value;
    },
    -12,
    12,
    [
      ...kinksF.map((k) => k / sa),
      // Where an inner kink enters or leaves [−12, 12] (the outer integrand bends there, sharply when κ is small).
      ...(rho !== 0
        ? kinksG.flatMap((k) => [(k / sb - 12 * kappa) / rho, (k / sb + 12 * kappa) / rho, k / sb / rho])
        : []),
    ],
    1e-12,
  );
  return { value: outer.value, error: outer.error + innerError, method };
};

function rademacherPair(f: (a: number) => number, g: (b: number) => number, law: PairLaw): Expectation {
  const k = law.scales.length;
  if (k > 20) throw new RangeError(`exact Rademacher enumeration over 2^${k} signs is too large`);
  let sum = 0;
  for (let mask = 0; mask < 1 << k; mask++) {
    let a = 0, b = 0;
    for (let j = 0; j < k; j++) {
      const e = (mask >> j) & 1 ? 1 : -1;
      a += e * law.scales[j] * law.p[j];
      b += e * law.scales[j] * law.q[j];
    }
    sum += f(a) * g(b);
  }
  const value = sum / (1 << k);
  return { value, error: 4 * k * Number.EPSILON * Math.abs(value), method: `exact enumeration of the 2^${k} signs` };
}

const uniformPair: PairQuadrature = (f, g, kinksF, kinksG, law) => {
  const k = law.scales.length, L = Math.sqrt(3), dens = 1 / (2 * L);
  const method = "nested adaptive Gauss–Kronrod over the cube [−√3, √3]^k, split at the kinks";
  const cp = law.scales.map((s, j) => s * law.p[j]), cq = law.scales.map((s, j) => s * law.q[j]);
  // Break points in ξ_last of f(a0 + cp·ξ) and g(b0 + cq·ξ).
  const breaksAt = (a0: number, b0: number, ca: number, cb: number) => [
    ...(ca !== 0 ? kinksF.map((t) => (t - a0) / ca) : []),
    ...(cb !== 0 ? kinksG.map((t) => (t - b0) / cb) : []),
  ];
  if (k === 1) {
    const q = integrate1d((t) => f(cp[0] * t) * g(cq[0] * t) * dens, -L, L, breaksAt(0, 0, cp[0], cq[0]));
    return { value: q.value, error: q.error, method };
  }
  if (k !== 2) throw new RangeError(`uniform D: quadrature implemented for ≤ 2 random coordinates, got ${k}`);
  let innerError = 0;
  // Outer break points: where an inner break point crosses ±√3, or two inner break points meet.
  const outerBreaks: number[] = [0];
  for (const [c0, c1, kinks] of [[cp[0], cp[1], kinksF], [cq[0], cq[1], kinksG]] as const) {
    if (c0 !== 0) { for (const t of kinks) for (const e of [-L, L]) outerBreaks.push((t - c1 * e) / c0); }
  }
  const outer = integrate1d(
    (s) => {
      const a0 = cp[0] * s, b0 = cq[0] * s;
      const inner = integrate1d(
        (t) => f(a0 + cp[1] * t) * g(b0 + cq[1] * t) * dens,
        -L,
        L,
        breaksAt(a0, b0, cp[1], cq[1]),
        1e-13,
      );
      innerError = Math.max(innerError, inner.error * dens * 2 * L);
      return inner.value * dens;
    },
    -L,
    L,
    outerBreaks,
    1e-12,
  );
  return { value: outer.value, error: outer.error + innerError, method };
};

/**
 * E[f(a)g(b)] for the pre-activation pair (a, b) of `law` under D: Gaussian by nested quadrature,
 * Rademacher by exact enumeration, uniform by nested quadrature (≤ 2 random coordinates).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pairExpectation } from "./ntk_kernels.ts";
 * import { gaussian, rademacher } from "../numerics/random.ts";
 * const law = { p: [1, 0], q: [1, 0], scales: [1, 1] };
 * assert.ok(Math.abs(pairExpectation((a) => a, (b) => b, [], [], law, gaussian).value - 1) < 1e-10);
 * assert.equal(pairExpectation((a) => a, (b) => b, [], [], law, rademacher).value, 1);
 * ```
 */
export function pairExpectation(
  f: (a: number) => number,
  g: (b: number) => number,
  kinksF: readonly number[],
  kinksG: readonly number[],
  law: PairLaw,
  dist: Distribution,
): Expectation {
  if (dist.name === "gaussian") return gaussianPair(f, g, kinksF, kinksG, law);
  if (dist.name === "rademacher") return rademacherPair(f, g, law);
  if (dist.name === "uniform") return uniformPair(f, g, kinksF, kinksG, law);
  throw new Error(`pairExpectation: no quadrature for D = ${dist.name}`);
}

/**
 * E[σ(a)σ(b)] (a = uᵀx + β, b = uᵀz + β): the limit K^LC of (1/n)K̂ₙ (Theorem 11.16; with biases,
 * Exercise 11.37), and the covariance c(x, z) of Proposition 11.28.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lecunKernel, reluLecunKernelClosedForm } from "./ntk_kernels.ts";
 * import { relu } from "./activation.ts";
 * import { gaussian } from "../numerics/random.ts";
 * const spec = { parametrisation: "lecun" as const, activation: relu, distribution: gaussian };
 * const k = lecunKernel([1, 2], [0.5, -1], spec);
 * assert.ok(Math.abs(k.value - reluLecunKernelClosedForm([1, 2], [0.5, -1])) < 1e-9);
 * ```
 */
export function lecunKernel(x: ArrayLike<number>, z: ArrayLike<number>, spec: KernelSpec): Expectation {
  const s = spec.activation;
  return pairExpectation(s.f, s.f, s.kinks, s.kinks, pairLaw(x, z, spec), spec.distribution);
}

/**
 * E[σ′(a)σ′(b)], the second expectation of Theorem 11.30.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { derivativeKernel } from "./ntk_kernels.ts";
 * import { relu } from "./activation.ts";
 * import { gaussian } from "../numerics/random.ts";
 * const k = derivativeKernel([1, 0], [0, 1], { parametrisation: "ntk", activation: relu, distribution: gaussian });
 * assert.ok(Math.abs(k.value - 0.25) < 1e-9); // (π − π/2)/(2π)
 * ```
 */
export function derivativeKernel(x: ArrayLike<number>, z: ArrayLike<number>, spec: KernelSpec): Expectation {
  const s = spec.activation;
  return pairExpectation(s.df, s.df, s.kinks, s.kinks, pairLaw(x, z, spec), spec.distribution);
}

/**
 * The limit of K̂ₙ for the NTK network (Theorem 11.30, with ς² and biases for Exercise 11.37):
 * ς²(1 + xᵀz/d)·E[σ′(a)σ′(b)] + E[σ(a)σ(b)] + 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ntkKernel, reluNtkKernelClosedForm } from "./ntk_kernels.ts";
 * import { relu } from "./activation.ts";
 * import { gaussian } from "../numerics/random.ts";
 * const k = ntkKernel([1, 2], [0.5, -1], { parametrisation: "ntk", activation: relu, distribution: gaussian });
 * assert.ok(Math.abs(k.value - reluNtkKernelClosedForm([1, 2], [0.5, -1])) < 1e-9);
 * ```
 */
export function ntkKernel(x: ArrayLike<number>, z: ArrayLike<number>, spec: KernelSpec): Expectation {
  const d = x.length, s2 = spec.weightVariance ?? 1;
  let xz = 0;
  for (let j = 0; j < d; j++) xz += x[j] * z[j];
  const e1 = derivativeKernel(x, z, spec), e0 = lecunKernel(x, z, spec);
  const w = s2 * (1 + xz / d);
  return { value: w * e1.value + e0.value + 1, error: Math.abs(w) * e1.error + e0.error, method: e0.method };
}

/**
 * The limit of the empirical kernel of `spec`: K^LC = lim (1/n)K̂ₙ for LeCun, K^NTK = lim K̂ₙ for NTK.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { limitKernel } from "./ntk_kernels.ts";
 * import { arctan } from "./activation.ts";
 * import { rademacher } from "../numerics/random.ts";
 * const k = limitKernel([1], [1], { parametrisation: "lecun", activation: arctan, distribution: rademacher });
 * assert.ok(Math.abs(k.value - Math.atan(1) ** 2) < 1e-15);
 * ```
 */
export function limitKernel(x: ArrayLike<number>, z: ArrayLike<number>, spec: KernelSpec): Expectation {
  return spec.parametrisation === "lecun" ? lecunKernel(x, z, spec) : ntkKernel(x, z, spec);
}

/**
 * n·Var[s_n K̂ₙ(x, z)] of one empirical kernel entry at width n, exactly, as
 * `constant + perWidth/n + perWidthSquared/n²` (s_n = 1/n for LeCun, 1 for NTK). From the proofs'
 * decompositions (Theorem 11.16, (11.5.2); Theorem 11.30): s_n K̂ₙ − 1 (LeCun: − 1/n) is the mean of n iid
 * terms Y = σ(a)σ(b) + c·ω·ṽ²σ′(a)σ′(b) with ṽ ~ D(0, 1) independent of u, c = ς²(1 + xᵀz) and ω = 1/n
 * (LeCun), c = ς²(1 + xᵀz/d) and ω = 1 (NTK). So Var Y = V₀ + 2cωV₁ + c²ω²V₂ with V₀ = E[σ²σ²] − K²,
 * V₁ = E[σσ′·σσ′] − K·E[σ′σ′], V₂ = μ₄E[σ′²σ′²] − E[σ′σ′]², K = E[σσ], μ₄ = E[ṽ⁴]: the finite-width
 * variance whose leading term gives the n^{-1/2} rate and whose 1/n terms bend it at small widths.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { empiricalKernelVariance } from "./ntk_kernels.ts";
 * import { arctan } from "./activation.ts";
 * import { rademacher } from "../numerics/random.ts";
 * // d = 1, Rademacher u = ±1, ṽ² = 1: Y = σ(±1)² + (1 + 1)σ′(±1)²/n; arctan is odd, so Y is constant.
 * const v = empiricalKernelVariance([1], [1], { parametrisation: "lecun", activation: arctan, distribution: rademacher });
 * assert.ok(Math.abs(v.constant) < 1e-15 && Math.abs(v.perWidth) < 1e-15);
 * ```
 */
export function empiricalKernelVariance(
  x: ArrayLike<number>,
  z: ArrayLike<number>,
  spec: KernelSpec,
): { constant: number; perWidth: number; perWidthSquared: number; error: number } {
  const d = x.length, s2 = spec.weightVariance ?? 1, { f, df, kinks } = spec.activation;
  let xz = 0;
  for (let j = 0; j < d; j++) xz += x[j] * z[j];
  const law = pairLaw(x, z, spec),
    E = (g: (t: number) => number) => pairExpectation(g, g, kinks, kinks, law, spec.distribution);
  const K = E(f), D = E(df), ff = E((t) => f(t) ** 2), fd = E((t) => f(t) * df(t)), dd = E((t) => df(t) ** 2);
  const v0 = ff.value - K.value ** 2, v1 = fd.value - K.value * D.value;
  const v2 = spec.distribution.fourthMoment * dd.value - D.value ** 2;
  const lecun = spec.parametrisation === "lecun", c = s2 * (lecun ? 1 + xz : 1 + xz / d);
  const error = ff.error + 2 * Math.abs(K.value) * K.error + 2 * Math.abs(c) * (fd.error + Math.abs(K.value) * D.error +
        Math.abs(D.value) * K.error) +
    c * c * (spec.distribution.fourthMoment * dd.error + 2 * Math.abs(D.value) * D.error);
  return lecun
    ? { constant: v0, perWidth: 2 * c * v1, perWidthSquared: c * c * v2, error }
    : { constant: v0 + 2 * c * v1 + c * c * v2, perWidth: 0, perWidthSquared: 0, error };
}

/**
 * The angle θ = arccos(xᵀz/(‖x‖‖z‖)) of Examples 11.17, 11.31, computed stably.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { angle } from "./ntk_kernels.ts";
 * assert.ok(Math.abs(angle([1, 0], [0, 2]) - Math.PI / 2) < 1e-15);
 * ```
 */
export function angle(x: ArrayLike<number>, z: ArrayLike<number>): number {
  // Kahan's form θ = 2·atan2(‖x̂ − ẑ‖, ‖x̂ + ẑ‖): equal to arccos(x̂ᵀẑ) but accurate near θ = 0 and π,
  // where arccos of a rounded cosine loses half the digits.
  let xx = 0, zz = 0;
  for (let j = 0; j < x.length; j++) {
    xx += x[j] * x[j];
    zz += z[j] * z[j];
  }
  const nx = Math.sqrt(xx), nz = Math.sqrt(zz);
  let dm = 0, dp = 0;
  for (let j = 0; j < x.length; j++) {
    dm += (x[j] / nx - z[j] / nz) ** 2;
    dp += (x[j] / nx + z[j] / nz) ** 2;
  }
  return 2 * Math.atan2(Math.sqrt(dm), Math.sqrt(dp));
}

/**
 * ‖x‖², ‖z‖² and xᵀz, each summed over j = 0..d−1 in order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { innerProducts } from "./ntk_kernels.ts";
 * assert.deepEqual(innerProducts([1, 2], [3, -1]), { xx: 5, zz: 10, xz: 1 });
 * ```
 */
export function innerProducts(x: ArrayLike<number>, z: ArrayLike<number>): { xx: number; zz: number; xz: number } {
  let xx = 0, zz = 0, xz = 0;
  for (let j = 0; j < x.length; j++) {
    xx += x[j] * x[j];
    zz += z[j] * z[j];
    xz += x[j] * z[j];
  }
  return { xx, zz, xz };
}

/**
 * Example 11.17 as printed: ‖x‖‖z‖/(2πd)·(sin θ + (π − θ)cos θ).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reluLecunKernelClosedForm } from "./ntk_kernels.ts";
 * assert.ok(Math.abs(reluLecunKernelClosedForm([1, 0], [1, 0]) - 0.25) < 1e-15); // π/(2π·2)
 * ```
 */
export function reluLecunKernelClosedForm(x: ArrayLike<number>, z: ArrayLike<number>): number {
  const d = x.length, th = angle(x, z), { xx, zz } = innerProducts(x, z);
  return Math.sqrt(xx * zz) / (2 * Math.PI * d) * (Math.sin(th) + (Math.PI - th) * Math.cos(th));
}

/**
 * Example 11.31 / Exercise 11.36: E[1(uᵀx ≥ 0)1(uᵀz ≥ 0)] = (π − θ)/(2π).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reluDerivativeKernelClosedForm } from "./ntk_kernels.ts";
 * assert.equal(reluDerivativeKernelClosedForm([1, 0], [-1, 0]), 0);
 * ```
 */
export function reluDerivativeKernelClosedForm(x: ArrayLike<number>, z: ArrayLike<number>): number {
  return (Math.PI - angle(x, z)) / (2 * Math.PI);
}

/**
 * K^NTK for ReLU and Gaussian D in closed form (Theorem 11.30 with Examples 11.17, 11.31):
 * (1 + xᵀz/d)(π − θ)/(2π) + ‖x‖‖z‖/(2πd)(sin θ + (π − θ)cos θ) + 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reluNtkKernelClosedForm } from "./ntk_kernels.ts";
 * assert.ok(Math.abs(reluNtkKernelClosedForm([1], [1]) - 2.5) < 1e-15);
 * ```
 */
export function reluNtkKernelClosedForm(x: ArrayLike<number>, z: ArrayLike<number>): number {
  let xz = 0;
  for (let j = 0; j < x.length; j++) xz += x[j] * z[j];
  return (1 + xz / x.length) * reluDerivativeKernelClosedForm(x, z) + reluLecunKernelClosedForm(x, z) + 1;
}

/**
 * Exercise 11.37 for ReLU and Gaussian D, derived: with biases β ~ N(0, ς_b²) the pre-activations at x, z
 * are centred Gaussians with variances ‖x‖²/d + ς_b², ‖z‖²/d + ς_b² and covariance xᵀz/d + ς_b², so
 * E[σ(a)σ(b)] = s_a s_b/(2π)·(sin θ_b + (π − θ_b)cos θ_b), E[σ′(a)σ′(b)] = (π − θ_b)/(2π), with
 * cos θ_b = (xᵀz/d + ς_b²)/(s_a s_b). Returns K^LC_b (LeCun) and K^NTK_b = (1 + xᵀz/d)E[σ′σ′] + E[σσ] + 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reluBiasKernelsClosedForm, reluLecunKernelClosedForm } from "./ntk_kernels.ts";
 * const k = reluBiasKernelsClosedForm([1, 2], [0, 1], 0);
 * assert.ok(Math.abs(k.lecun - reluLecunKernelClosedForm([1, 2], [0, 1])) < 1e-15);
 * ```
 */
export function reluBiasKernelsClosedForm(
  x: ArrayLike<number>,
  z: ArrayLike<number>,
  biasVariance: number,
): { lecun: number; ntk: number; derivative: number } {
  const d = x.length, { xx, zz, xz } = innerProducts(x, z);
  const sa = Math.sqrt(xx / d + biasVariance), sb = Math.sqrt(zz / d + biasVariance);
  // θ_b is the angle between (x/√d, ς_b) and (z/√d, ς_b); computed stably by `angle`.
  const sq = Math.sqrt(d), sbias = Math.sqrt(biasVariance);
  const th = angle([...Array.from(x, (t) => t / sq), sbias], [...Array.from(z, (t) => t / sq), sbias]);
  const lecun = sa * sb / (2 * Math.PI) * (Math.sin(th) + (Math.PI - th) * Math.cos(th));
  const derivative = (Math.PI - th) / (2 * Math.PI);
  return { lecun, ntk: (1 + xz / d) * derivative + lecun + 1, derivative };
}
