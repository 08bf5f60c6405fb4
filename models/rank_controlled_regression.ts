/**
 * Linear regression instances of Chapter 10, §10.1 (L = ½‖y − Xw‖²) with controlled singular values of X,
 * shared by the gradient-flow and gradient-descent claims on linear regression (eq-10.21, sec-10.1).
 *
 * @module
 */
import { LeastSquares } from "./least_squares.ts";
import { matrixWithSingularValues } from "../numerics/linalg.ts";
import type { Rng } from "../numerics/random.ts";
import type { ParameterSpec } from "../engine/claim.ts";

/** A linear regression instance of Section 10.1 (L = ½‖y − Xw‖²). */
export interface RankControlledRegression {
  /** The model. */
  ls: LeastSquares;
  /** Initial weights. */
  w0: Float64Array;
  /** Rank of X. */
  rank: number;
}

/**
 * The parameters `rankControlledRegression` reads: the shape N × d of X.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { REGRESSION_PARAMETERS } from "./rank_controlled_regression.ts";
 * assert.deepEqual(Object.keys(REGRESSION_PARAMETERS), ["N", "d"]);
 * ```
 */
export const REGRESSION_PARAMETERS: Record<string, ParameterSpec> = {
  N: { type: "integer", min: 1, max: 40, help: "number of examples (rows of X)" },
  d: { type: "integer", min: 1, max: 40, help: "input dimension (columns of X)" },
};

/**
 * Random X with controlled singular values; every third instance rank-deficient (N > rank). Draws N, d,
 * the deficient rank, the singular values, X, y and w₀ in that order; `params.N`, `params.d` override the
 * drawn shape.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rankControlledRegression } from "./rank_controlled_regression.ts";
 * import { createRng } from "../numerics/random.ts";
 * const i = rankControlledRegression(createRng(1), 0, { N: 4, d: 3 });
 * assert.equal(i.ls.x.rows, 4);
 * assert.equal(i.rank, 3);
 * ```
 */
export function rankControlledRegression(
  rng: Rng,
  index: number,
  params: Readonly<Record<string, number>> = {},
): RankControlledRegression {
  const drawnN = rng.int(2, 7), drawnD = rng.int(1, 7);
  const n = params.N ?? drawnN, d = params.d ?? drawnD;
  const full = Math.min(n, d);
  const deficient = rng.int(0, Math.max(full - 1, 0));
  const rank = index % 3 === 2 ? deficient : full;
  const s = Array.from({ length: rank }, () => rng.uniform(0.3, 2));
  const x = matrixWithSingularValues(rng, n, d, s);
  const y = Float64Array.from({ length: n }, () => rng.normal());
  const w0 = Float64Array.from({ length: d }, () => rng.normal());
  return { ls: new LeastSquares(x, y, 0.5), w0, rank };
}

/**
 * One line: the shape and rank of X.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { describeRegression, rankControlledRegression } from "./rank_controlled_regression.ts";
 * import { createRng } from "../numerics/random.ts";
 * assert.equal(describeRegression(rankControlledRegression(createRng(1), 0, { N: 4, d: 3 })), "X 4×3, rank 3");
 * ```
 */
export function describeRegression(i: RankControlledRegression): string {
  return `X ${i.ls.x.rows}×${i.ls.x.columns}, rank ${i.rank}`;
}
