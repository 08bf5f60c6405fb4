/**
 * Kernel least-squares instances of Chapter 11, §11.2 (feature map, its kernel, data, probes and GD
 * settings) and their feature-space analysis, shared by the representer theorem, the kernel trick
 * and Remark 11.4.
 *
 * Float64 tolerances are first-order perturbation bounds for minimum-norm least squares (Wedin):
 * for a problem with matrix A of rank r, κ = s₁/s_r and a backward perturbation of relative size
 * η, ‖Δw‖ ≲ η(κ‖w*‖ + κ²‖r‖/s₁). The kernel route solves with G = ΦΦᵀ, whose perturbation maps
 * to w through Φᵀ(G⁺ΔG G⁺y − G⁺G⁺ΔG r) = Φ⁺ΔG α − Φ⁺G⁺ΔG r, hence ‖Δw‖ ≲ η_G(κ²‖w*‖ + κ³‖r‖/s₁).
 * A factor 4 covers second-order terms; η = 10(m + n)ε for an SVD, plus the formation error of G.
 *
 * @module
 */
import type { Claim } from "../engine/claim.ts";
import { FeatureLeastSquares, type KernelLeastSquares } from "./kernel_least_squares.ts";
import { featureKernel, type FeatureMap, type Kernel, polynomial2Features, polynomialKernel } from "./kernels.ts";
import { quadraticFeatures, randomFourierFeatures, randomReluFeatureMap } from "./kernels.ts";
import { norm } from "../numerics/compare.ts";
import { EPS, type Matrix, matVec, svd, transposeMatVec } from "../numerics/linalg.ts";
import type { Rng } from "../numerics/random.ts";

/** A kernel least-squares instance: feature map, its kernel, data, probes and GD settings. */
export interface KernelLsInstance {
  /** How it was drawn. */
  family: string;
  /** φ: ℝᵈ → ℝⁿ. */
  phi: FeatureMap;
  /** The kernel evaluated by the kernel trick (⟨φ, φ′⟩, or (1 + xᵀx′)² computed directly). */
  kernel: Kernel;
  /** x₁, …, x_m. */
  points: Float64Array[];
  /** y₁, …, y_m. */
  y: Float64Array;
  /** Points where estimators are compared. */
  tests: Float64Array[];
  /** Which test points lie in the set (11.2.4) by construction. */
  testsInSpan: boolean[];
  /** Random vectors of ℝⁿ (probing minimality and uniqueness). */
  probes: Float64Array[];
  /** Random coefficients mixing null vectors of G into α (any minimiser of (11.2.9)). */
  nullMix: Float64Array;
  /** Two initialisations for GD. */
  w0: [Float64Array, Float64Array];
  /** Step size h as a fraction of 1/(2s_max(Φ)²). */
  hFraction: number;
}

const FAMILIES = [
  "(11.2.6), m < 6",
  "(11.2.6), m > 6 (G singular)",
  "(11.2.6), points on a line (rank 3)",
  "(1 + xᵀx′)², kernel computed directly, duplicated points",
  "random features",
];

function uniformPoint(rng: Rng, d: number): Float64Array {
  return Float64Array.from({ length: d }, () => rng.uniform(-1, 1));
}

/**
 * Seeded kernel least-squares instances; `index` selects the family (mod 5).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { kernelLsInstance } from "./kernel_ls_instances.ts";
 * assert.ok(kernelLsInstance(createRng(1), 2).family.includes("line"));
 * ```
 */
export function kernelLsInstance(
  rng: Rng,
  index: number,
  params: Readonly<Record<string, number>> = {},
): KernelLsInstance {
  const family = params.family ?? index % FAMILIES.length;
  let phi: FeatureMap, kernel: Kernel, points: Float64Array[], tests: Float64Array[], testsInSpan: boolean[];
  switch (family) {
    case 0:
    case 1: {
      phi = quadraticFeatures;
      kernel = featureKernel(phi);
      const m = family === 0 ? rng.int(2, 5) : rng.int(7, 12);
      points = Array.from({ length: m }, () => uniformPoint(rng, 2));
      tests = [...points.slice(0, 2), ...Array.from({ length: 3 }, () => uniformPoint(rng, 2))];
      // With m > 6 points in general position, span{φ(xᵢ)} = ℝ⁶: every x is in (11.2.4).
      testsInSpan = tests.map((_, t) => t < 2 || family === 1);
      break;
    }
    case 2: {
      // φ(p + sv) is a quadratic polynomial in s: three distinct points on the line span the
      // images of all its points, so the whole line lies in (11.2.4).
      phi = quadraticFeatures;
      kernel = featureKernel(phi);
      const p = uniformPoint(rng, 2), v = uniformPoint(rng, 2);
      const onLine = (s: number) => Float64Array.of(p[0] + s * v[0], p[1] + s * v[1]);
      points = Array.from({ length: rng.int(3, 8) }, () => onLine(rng.uniform(-1, 1)));
      tests = [onLine(rng.uniform(-2, 2)), onLine(rng.uniform(-2, 2)), uniformPoint(rng, 2), uniformPoint(rng, 2)];
      testsInSpan = [true, true, false, false];
      break;
    }
    case 3: {
      const d = rng.int(1, 3);
      phi = polynomial2Features(d);
      kernel = polynomialKernel(1, 2);
      const base = Array.from({ length: rng.int(2, 6) }, () => uniformPoint(rng, d));
      points = [...base, ...base.slice(0, rng.int(1, base.length)).map((x) => Float64Array.from(x))];
      tests = [points[0], uniformPoint(rng, d), uniformPoint(rng, d)];
      testsInSpan = [true, false, false];
      break;
    }
    default: {
      const d = rng.int(2, 3);
      phi = rng.double() < 0.5
        ? randomFourierFeatures(rng, d, rng.int(5, 30), rng.uniform(1, 3))
        : randomReluFeatureMap(rng, d, rng.int(5, 30));
      kernel = featureKernel(phi);
      points = Array.from({ length: rng.int(3, 12) }, () => uniformPoint(rng, d));
      tests = [points[0], uniformPoint(rng, d), uniformPoint(rng, d)];
      testsInSpan = [true, false, false];
    }
  }
  const n = phi.dim, m = points.length;
  const vec = (len: number) => Float64Array.from({ length: len }, () => rng.normal());
  // Drawn in a fixed order; the step-size override comes after its draw (explore keeps the rest).
  const y = vec(m), probes = Array.from({ length: 3 }, () => vec(n)), nullMix = vec(m);
  const w0: [Float64Array, Float64Array] = [vec(n), vec(n)];
  const hFraction = rng.uniform(0.5, 0.95);
  return {
    family: FAMILIES[family],
    phi,
    kernel,
    points,
    y,
    tests,
    testsInSpan,
    probes,
    nullMix,
    w0,
    hFraction: params.hRatio ?? hFraction,
  };
}

/** The `--family` parameter shared by the claims on these instances (index into the generator's families). */
export const KERNEL_LS_FAMILY_PARAMETER = {
  type: "integer",
  min: 0,
  max: 4,
  help:
    "0: (11.2.6), m < 6; 1: (11.2.6), m > 6; 2: (11.2.6) on a line; 3: (1 + xᵀx′)² with repeated points; 4: random features",
} as const;

/**
 * One line: family, feature map and sizes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { describeKernelLs, kernelLsInstance } from "./kernel_ls_instances.ts";
 * assert.match(describeKernelLs(kernelLsInstance(createRng(1), 0)), /^\(11\.2\.6\), m < 6: φ = .*, n = 6$/);
 * ```
 */
export function describeKernelLs(i: KernelLsInstance): string {
  return `${i.family}: φ = ${i.phi.name}, m = ${i.points.length}, n = ${i.phi.dim}`;
}

/** The feature-space analysis of an instance: SVD of Φ, rank, κ and the minimum-norm solution. */
export interface FeatureAnalysis {
  /** The feature model Φ(x, w) = ⟨φ(x), w⟩ on the instance's data. */
  model: FeatureLeastSquares;
  /** Singular values of Φ, decreasing. */
  s: Float64Array;
  /** Numerical rank of Φ (singular values above RANK_THRESHOLD·s₁). */
  rank: number;
  /** κ = s₁/s_r. */
  kappa: number;
  /** Orthonormal basis of H̃ = span{φ(xᵢ)} (columns). */
  basis: Matrix;
  /** w* computed in feature space. */
  w: Float64Array;
  /** ‖Φw* − y‖. */
  residual: number;
  /** Feature-route tolerance on ‖ŵ − w*‖. */
  tolFeature: number;
}

/** Relative threshold below which singular values of Φ count as zero. */
export const RANK_THRESHOLD = 1e-10;

/**
 * SVD of Φ, its rank and κ, w* and the feature-route tolerance 4η(κ‖w*‖ + κ²‖r‖/s₁), η = 10(m + n)ε.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { analyseFeatures, kernelLsInstance } from "./kernel_ls_instances.ts";
 * const a = analyseFeatures(kernelLsInstance(createRng(1), 2));
 * assert.equal(a.rank, 3); // points on a line: φ spans a 3-dimensional subspace
 * assert.equal(a.basis.columns, 3);
 * ```
 */
export function analyseFeatures(i: KernelLsInstance): FeatureAnalysis {
  const model = new FeatureLeastSquares(i.phi, i.points, i.y);
  const { s, v } = svd(model.features);
  const rank = s.filter((x) => x > RANK_THRESHOLD * s[0]).length;
  const kappa = s[0] / s[rank - 1];
  const basis = v.subMatrix(0, v.rows - 1, 0, rank - 1);
  const w = model.minNormSolution(RANK_THRESHOLD);
  const residual = norm(model.ls.residual(w));
  const m = i.points.length, n = i.phi.dim;
  const eta = 10 * (m + n) * EPS;
  const tolFeature = 4 * eta * (kappa * norm(w) + (kappa ** 2 * residual) / s[0]);
  return { model, s, rank, kappa, basis, w, residual, tolFeature };
}

/**
 * Kernel-route tolerance on ‖Σαⱼφ(xⱼ) − w*‖ (see the module comment): 4η_G(κ²‖w*‖ + κ³‖r‖/s₁), with
 * η_G the relative formation-plus-solve error of G.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { KernelLeastSquares } from "./kernel_least_squares.ts";
 * import { analyseFeatures, kernelLsInstance, kernelTolerance } from "./kernel_ls_instances.ts";
 * const i = kernelLsInstance(createRng(1), 0);
 * const { tol, etaG } = kernelTolerance(analyseFeatures(i), new KernelLeastSquares(i.kernel, i.points, i.y));
 * assert.ok(tol > 0 && tol < 1e-6 && etaG > 0);
 * ```
 */
export function kernelTolerance(a: FeatureAnalysis, kls: KernelLeastSquares): { tol: number; etaG: number } {
  const m = kls.points.length, s1 = a.s[0], gNorm = s1 * s1;
  const etaG = (kls.gError + 10 * m * EPS * gNorm) / gNorm;
  return { tol: 4 * etaG * (a.kappa ** 2 * norm(a.w) + (a.kappa ** 3 * a.residual) / s1), etaG };
}

/**
 * The numerical precondition the claims on these instances check, as a hypothesis: the rank of Φ
 * is resolved and κ ≤ 10³.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { kernelLsInstance, rankResolved } from "./kernel_ls_instances.ts";
 * assert.match(rankResolved.check(kernelLsInstance(createRng(1), 0)).value, /^rank \d, κ = /);
 * ```
 */
export const rankResolved = {
  statement: "numerical precondition (not in the text): the rank of Φ is resolved in float64 and κ = s₁/s_r ≤ 10³",
  certainty: "estimated" as const,
  method:
    "SVD of Φ (backward stable: singular values within about 10(m+n)ε·s₁, an estimate of the backward error, not a bound): s_r ≥ 10⁻³s₁ and s_{r+1} ≤ 10⁻¹²s₁, so the rank is unambiguous and the tolerances stay below 10⁻⁴ relative; estimated",
  check(i: KernelLsInstance): { holds: boolean; value: string } {
    const { s, rank, kappa } = analyseFeatures(i);
    const next = s[rank] ?? 0;
    return {
      holds: rank >= 1 && kappa <= 1e3 && next <= 1e-12 * s[0],
      value: `rank ${rank}, κ = ${kappa.toExponential(2)}, s_{r+1}/s₁ = ${(next / s[0]).toExponential(1)}`,
    };
  },
};

/**
 * The claim fields of a claim on these instances with no hypothesis of its own (the representer
 * theorem, the kernel trick): the generator, the `family` parameter, the description and the
 * numerical precondition `rankResolved` as the one hypothesis.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { KERNEL_LS_CLAIM_FIELDS, rankResolved } from "./kernel_ls_instances.ts";
 * const i = await KERNEL_LS_CLAIM_FIELDS.generate({ rng: createRng(1), index: 0, count: 1, budget: "test" });
 * assert.match(KERNEL_LS_CLAIM_FIELDS.describe(i), /^\(11\.2\.6\), m < 6/);
 * assert.deepEqual(KERNEL_LS_CLAIM_FIELDS.hypotheses, [rankResolved]);
 * ```
 */
export const KERNEL_LS_CLAIM_FIELDS: Pick<
  Claim<KernelLsInstance>,
  "generate" | "parameters" | "describe" | "hypotheses"
> = {
  generate: ({ rng, index, params }) => kernelLsInstance(rng, index, params),
  parameters: {
    family: KERNEL_LS_FAMILY_PARAMETER,
  },
  describe: describeKernelLs,
  hypotheses: [rankResolved],
};

/**
 * The orthogonal projection of x onto the span of `basis`'s orthonormal columns: B Bᵀx.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix } from "../numerics/linalg.ts";
 * import { projectOnto } from "./kernel_ls_instances.ts";
 * assert.deepEqual(Array.from(projectOnto(new Matrix([[1], [0]]), [3, 4])), [3, 0]);
 * ```
 */
export function projectOnto(basis: Matrix, x: ArrayLike<number>): Float64Array {
  return matVec(basis, transposeMatVec(basis, x));
}
