/**
 * Seeded least-squares instances f(w) = ‖Aw − y‖² of Chapter 11, §11.1 (11.1.1)–(11.1.2), with A of
 * controlled singular values: full column rank, rank-deficient, or m < d. Shared by the claims on the
 * minimum-norm solution and on gradient descent's limit.
 *
 * @module
 */
import { LeastSquares } from "./least_squares.ts";
import { matrixWithSingularValues, svd } from "../numerics/linalg.ts";
import type { Rng } from "../numerics/random.ts";
import type { ParameterSpec } from "../engine/claim.ts";

/** A least-squares instance of (11.1.1)–(11.1.2) (f = ‖Aw − y‖²). */
export interface LeastSquaresInstance {
  /** f(w) = ‖Aw − y‖². */
  ls: LeastSquares;
  /** "full column rank", "rank-deficient" or "m < d". */
  shape: string;
  /** Rank of A. */
  rank: number;
  /** Singular values of A, decreasing (zeros included up to min(m, d)). */
  s: Float64Array;
  /** Random directions used to probe minimality and uniqueness. */
  probes: Float64Array[];
}

/**
 * The parameters `leastSquaresInstance` reads: the shape m × d of A.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LEAST_SQUARES_PARAMETERS } from "./least_squares_instances.ts";
 * assert.deepEqual(Object.keys(LEAST_SQUARES_PARAMETERS), ["m", "d"]);
 * ```
 */
export const LEAST_SQUARES_PARAMETERS: Record<string, ParameterSpec> = {
  m: { type: "integer", min: 1, max: 30, help: "number of data points (rows of A)" },
  d: { type: "integer", min: 1, max: 30, help: "dimension (columns of A)" },
};

/**
 * A with controlled nonzero singular values in [0.3, 2]: full column rank, rank-deficient, or m < d
 * (by `index` mod 3); `params.m`, `params.d` override the drawn shape after it is drawn.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { leastSquaresInstance } from "./least_squares_instances.ts";
 * const i = leastSquaresInstance(createRng(1), 1);
 * assert.equal(i.shape, "rank-deficient");
 * assert.ok(i.rank < Math.min(i.ls.x.rows, i.ls.x.columns));
 * ```
 */
export function leastSquaresInstance(
  rng: Rng,
  index: number,
  params: Readonly<Record<string, number>> = {},
): LeastSquaresInstance {
  let m: number, d: number, rank: number, shape: string;
  switch (index % 3) {
    case 0:
      d = rng.int(1, 5), m = d + rng.int(1, 4), rank = d, shape = "full column rank";
      break;
    case 1:
      m = rng.int(2, 7), d = rng.int(2, 7), rank = rng.int(1, Math.min(m, d) - 1), shape = "rank-deficient";
      break;
    default:
      m = rng.int(1, 5), d = m + rng.int(1, 4), rank = m, shape = "m < d";
  }
  if (params.m !== undefined || params.d !== undefined) {
    m = params.m ?? m, d = params.d ?? d, rank = Math.min(rank, m, d);
    shape = rank < Math.min(m, d)
      ? "rank-deficient"
      : m > d
      ? "full column rank"
      : m < d
      ? "m < d"
      : "square, full rank";
  }
  const sv = Array.from({ length: rank }, () => rng.uniform(0.3, 2)).sort((a, b) => b - a);
  const a = matrixWithSingularValues(rng, m, d, sv);
  const y = Float64Array.from({ length: m }, () => rng.normal());
  const probes = Array.from({ length: 4 }, () => Float64Array.from({ length: d }, () => rng.normal()));
  return { ls: new LeastSquares(a, y, 1), shape, rank, s: svd(a).s, probes };
}

/**
 * One line: shape and rank of A.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { describeLeastSquares, leastSquaresInstance } from "./least_squares_instances.ts";
 * assert.match(describeLeastSquares(leastSquaresInstance(createRng(1), 0)), /^A \d+×\d+, full column rank, rank \d+$/);
 * ```
 */
export function describeLeastSquares(i: LeastSquaresInstance): string {
  return `A ${i.ls.x.rows}×${i.ls.x.columns}, ${i.shape}, rank ${i.rank}`;
}
