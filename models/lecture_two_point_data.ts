/**
 * The two-point samples of Lecture 13 (002, arXiv:2106.06682) on which the movement lemma (`yang-movement`)
 * and the linear convergence theorem (`yang-linear-rate`) are checked at their printed widths, with the
 * lecture's setting they assume: Gaussian initialisation with γ, δ ∈ (0, 1), inputs in ‖xᵢ‖_∞ ≤ 1.
 *
 * @module
 */
import type { ParameterSpec } from "../engine/claim.ts";
import { gaussianL1FourthMoment, kernelA, kernelGram, type LectureNetwork } from "./lecture_network.ts";
import { symmetricEigen } from "../numerics/linalg.ts";
import type { Rng } from "../numerics/random.ts";

/**
 * Data within ‖xᵢ‖_∞ ≤ 1 maximising λ_S for n = 2 (λ_S ≤ min K_ii = min ‖xᵢ‖²/2 ≤ d/2): the width threshold
 * 32n⁴C_d/(λ_S²δ) is then smallest (C_d/λ_S² grows with d, so d = 1 is cheapest).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LARGEST_LAMBDA_S_DATA } from "./lecture_two_point_data.ts";
 * assert.deepEqual(LARGEST_LAMBDA_S_DATA[0].xs, [[1], [-1]]);
 * ```
 */
export const LARGEST_LAMBDA_S_DATA: readonly { name: string; xs: readonly (readonly number[])[] }[] = [
  // x₂ = −x₁: σ(wᵀx₁)σ(wᵀx₂) = 0, so K^(a) = (d/2)I and λ_S = d/2, the largest possible.
  { name: "antipodal d = 1", xs: [[1], [-1]] },
  { name: "antipodal d = 2", xs: [[1, 1], [-1, -1]] },
  // Orthogonal corners: K^(a) = [[1, 1/π], [1/π, 1]], λ_S = 1 − 1/π; every neuron can see both points.
  { name: "orthogonal d = 2", xs: [[1, 1], [1, -1]] },
];

/** One planned instance: which of `LARGEST_LAMBDA_S_DATA` and which δ. */
export interface TwoPointPlan {
  /** Index into `LARGEST_LAMBDA_S_DATA`. */
  data: number;
  /** δ. */
  delta: number;
}

/** A two-point sample with its δ and λ_S. */
export interface TwoPointData {
  /** Two targets f(xᵢ) ∈ [−1, 1]. */
  targets: number[];
  /** Name of the data set (with the scale when not 1). */
  name: string;
  /** The inputs. */
  xs: Float64Array[];
  /** Sample size n. */
  n: number;
  /** Input dimension d. */
  d: number;
  /** δ. */
  delta: number;
  /** λ_S = λ_min(K^(a)) from the closed form of k^(a). */
  lambdaS: number;
}

/**
 * The data of a `yang-movement` or `yang-linear-rate` instance: two targets with |f(xᵢ)| ≤ 1 (the paper's setting),
 * the plan's inputs (or `--data`) scaled by `--scale` and their name, δ (plan or `--delta`) and λ_S from the closed form of k^(a).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { twoPointData } from "./lecture_two_point_data.ts";
 * import { createRng } from "../numerics/random.ts";
 * const data = twoPointData(createRng(1), { data: 0, delta: 0.5 }, {});
 * assert.equal(data.lambdaS, 0.5); // antipodal: K^(a) = (d/2)I
 * assert.equal(twoPointData(createRng(1), { data: 0, delta: 0.5 }, { scale: 2 }).name, "antipodal d = 1 × 2");
 * ```
 */
export function twoPointData(
  rng: Rng,
  plan: TwoPointPlan,
  params: Record<string, number | undefined>,
): TwoPointData {
  const targets = [rng.uniform(-1, 1), rng.uniform(-1, 1)];
  // Refused at once: every flow on such data would run to its horizon in NaN before any check could fail.
  if (!targets.every(Number.isFinite)) throw new Error(`a target is not finite: ${targets.join(", ")}`);
  const set = LARGEST_LAMBDA_S_DATA[params.data ?? plan.data];
  const scale = params.scale ?? 1;
  const xs = set.xs.map((x) => Float64Array.from(x, (v) => scale * v));
  const n = xs.length, d = xs[0].length;
  const delta = params.delta ?? plan.delta;
  const lambdaS = symmetricEigen(kernelGram(kernelA, xs)).values[n - 1];
  const name = scale === 1 ? set.name : `${set.name} × ${scale}`;
  return { targets, name, xs, n, d, delta, lambdaS };
}

/**
 * The lecture's initialisation hypothesis, shared by `yang-movement` and `yang-linear-rate`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { INITIALISATION_HYPOTHESIS } from "./lecture_two_point_data.ts";
 * assert.equal(INITIALISATION_HYPOTHESIS.check({ gamma: 2, delta: 0.5 }).holds, false);
 * ```
 */
export const INITIALISATION_HYPOTHESIS = {
  statement:
    "$a_k^0 \\sim \\mathcal N(0, \\gamma^2)$, $\\boldsymbol w_k^0 \\sim \\mathcal N(0, I_d)$ with $\\gamma \\in (0, 1)$; $\\delta \\in (0, 1)$",
  certainty: "certified" as const,
  method: "by construction; γ and δ checked",
  check: (i: { gamma: number; delta: number }) => ({
    holds: i.gamma > 0 && i.gamma < 1 && i.delta > 0 && i.delta < 1,
    value: `γ = ${i.gamma.toPrecision(3)}, δ = ${i.delta}`,
  }),
};

/**
 * The implicit hypothesis ‖xᵢ‖_∞ ≤ 1 (checked exactly), with the statement explaining where it comes from.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { unitCubeHypothesis } from "./lecture_two_point_data.ts";
 * import { LectureNetwork } from "./lecture_network.ts";
 * const net = new LectureNetwork([Float64Array.of(2)], [0], 1);
 * assert.deepEqual(unitCubeHypothesis("x").check({ net }), { holds: false, value: "max ‖xᵢ‖_∞ = 2" });
 * ```
 */
export function unitCubeHypothesis(statement: string): {
  statement: string;
  certainty: "certified";
  method: string;
  check(i: { net: LectureNetwork }): { holds: boolean; value: string };
} {
  return {
    statement,
    certainty: "certified" as const,
    method: "checked exactly",
    check(i: { net: LectureNetwork }) {
      const m = Math.max(...i.net.xs.flatMap((x) => Array.from(x, Math.abs)));
      return { holds: m <= 1, value: `max ‖xᵢ‖_∞ = ${m}` };
    },
  };
}

/** What the two-point claims' parameters differ in: the width's range and default, γ's range and what needs ‖xᵢ‖_∞ ≤ 1. */
export interface TwoPointParameterChoices {
  /** The width N. */
  width: ParameterSpec;
  /** The scale γ of the output weights. */
  gamma: ParameterSpec;
  /** What needs ‖xᵢ‖_∞ ≤ 1 (said in the help of `scale`), e.g. "the proof needs". */
  unitCubeNeededBy: string;
}

/**
 * The parameters of `yang-movement` and `yang-linear-rate`: width N, δ, γ, the factor on the inputs and the data set.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { twoPointParameters } from "./lecture_two_point_data.ts";
 * const params = twoPointParameters({
 *   width: { type: "integer", min: 1, max: 10, help: "width N" },
 *   gamma: { type: "number", min: 0.1, max: 8, help: "γ" },
 *   unitCubeNeededBy: "the proof needs",
 * });
 * assert.deepEqual(Object.keys(params), ["width", "delta", "gamma", "scale", "data"]);
 * assert.equal(params.scale.help, "factor on the inputs (the proof needs ‖xᵢ‖_∞ ≤ 1, i.e. scale ≤ 1)");
 * ```
 */
export function twoPointParameters(choices: TwoPointParameterChoices): Record<string, ParameterSpec> {
  return {
    width: choices.width,
    delta: { type: "number", min: 0.05, max: 0.9, help: "failure probability δ (sets the threshold)" },
    gamma: choices.gamma,
    scale: {
      type: "number",
      min: 0.1,
      max: 100,
      help: `factor on the inputs (${choices.unitCubeNeededBy} ‖xᵢ‖_∞ ≤ 1, i.e. scale ≤ 1)`,
    },
    data: { type: "integer", min: 0, max: 2, help: "0: x = ±1 (d = 1); 1: x = ±(1, 1); 2: x = (1, ±1)" },
  };
}

/**
 * The start of a two-point instance's description: the data set with n, d and λ_S, then δ and the width N.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { describeTwoPoint } from "./lecture_two_point_data.ts";
 * import { LectureNetwork } from "./lecture_network.ts";
 * const net = new LectureNetwork([Float64Array.of(1), Float64Array.of(-1)], [0, 0], 8);
 * assert.equal(
 *   describeTwoPoint({ data: "antipodal d = 1", net, lambdaS: 0.5, delta: 0.25 }),
 *   "antipodal d = 1 data (n = 2, d = 1, λ_S = 0.5000), δ = 0.25, N = 8",
 * );
 * ```
 */
export function describeTwoPoint(i: { data: string; net: LectureNetwork; lambdaS: number; delta: number }): string {
  return `${i.data} data (n = ${i.net.xs.length}, d = ${i.net.dim}, λ_S = ${
    i.lambdaS.toFixed(4)
  }), δ = ${i.delta}, N = ${i.net.width}`;
}

/**
 * The width threshold (4) of the lecture's linear convergence theorem:
 * max{32n⁴C_d/(λ_S²δ), 4√2·d·n·√R_S(θ⁰)/λ_S, 256√2·d³n²·log(4N(d+1)/δ)·√R_S(θ⁰)/λ_S²}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearRateThreshold } from "./lecture_two_point_data.ts";
 * assert.ok(linearRateThreshold(2, 2, 0.3, 0.1, 1, 1000) > 1e5);
 * ```
 */
export function linearRateThreshold(
  n: number,
  d: number,
  lambdaS: number,
  delta: number,
  risk0: number,
  width: number,
): number {
  return Math.max(
    32 * n ** 4 * gaussianL1FourthMoment(d) / (lambdaS ** 2 * delta),
    4 * Math.SQRT2 * d * n * Math.sqrt(risk0) / lambdaS,
    256 * Math.SQRT2 * d ** 3 * n * n * Math.log(4 * width * (d + 1) / delta) * Math.sqrt(risk0) / lambdaS ** 2,
  );
}

/**
 * The smallest width N meeting (4) for a given R_S(θ⁰). N appears on both sides (through log(4N(d+1)/δ)); the map
 * N ↦ ⌈threshold(N)⌉ is increasing, so iterating it from N = 1 climbs to the smallest N with N ≥ threshold(N).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearRateThreshold, smallestLinearRateWidth } from "./lecture_two_point_data.ts";
 * const N = smallestLinearRateWidth(2, 1, 0.5, 0.5, 0.25);
 * assert.ok(N >= linearRateThreshold(2, 1, 0.5, 0.5, 0.25, N));
 * assert.ok(N - 1 < linearRateThreshold(2, 1, 0.5, 0.5, 0.25, N - 1));
 * ```
 */
export function smallestLinearRateWidth(n: number, d: number, lambdaS: number, delta: number, risk0: number): number {
  let width = 1;
  for (let it = 0; it < 200; it++) {
    const t = Math.ceil(linearRateThreshold(n, d, lambdaS, delta, risk0, width));
    if (t <= width) return width;
    width = t;
  }
  throw new Error("the width threshold (4) did not settle");
}
