/**
 * The SUBSET-SUM instances of the reduction of Theorem 10.3 (Chapter 10, §10.4): five seeded families
 * (random YES, random target, near misses [M, 3] with t = 2, even weights with an odd target, large
 * weights with t = a subset total ± 1), each with the starting points of the local optimisers and the
 * box budget of the interval branch and bound.
 *
 * @module
 */
import type { Rng } from "../numerics/random.ts";
import { ORACLE_MAX_N, type SubsetSum } from "./subset_sum.ts";

/** One SUBSET-SUM instance with its family and the starts of the local optimisers. */
export interface ReductionInstance {
  /** The SUBSET-SUM instance. */
  problem: SubsetSum;
  /** How it was drawn. */
  family: string;
  /** Starting points of the local optimisers. */
  starts: Float64Array[];
  /** Box budget of the interval branch and bound (run for n ≤ BRANCH_AND_BOUND_MAX_N). */
  boxBudget: number;
}

/** The instance families, by `params.family` (or the instance index modulo 5). */
const FAMILIES = ["random YES", "random target", "near miss [M, 3], t = 2", "even a, odd t", "large a, t = sum ± 1"];

/** n integers uniform in [1, maxA]. */
function randomWeights(rng: Rng, n: number, maxA: number): number[] {
  return Array.from({ length: n }, () => rng.int(1, maxA));
}

/** The total of a random subset of a (each element kept with probability ½). */
function randomSubsetTotal(rng: Rng, a: number[]): number {
  return a.reduce((s, v) => (rng.double() < 0.5 ? s + v : s), 0);
}

/**
 * Seeded instances of five families; `index` selects the family and, for near misses, M = 10^7, 10^6,
 * …, 10.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reductionInstance } from "./subset_sum_instances.ts";
 * import { createRng } from "../numerics/random.ts";
 * const near = reductionInstance(createRng(1), 2, "test");
 * assert.deepEqual(near.problem, { a: [10 ** 7, 3], t: 2 });
 * assert.equal(near.family, "near miss [M, 3], t = 2");
 * assert.equal(near.starts.length, 6);
 * ```
 */
export function reductionInstance(
  rng: Rng,
  index: number,
  budget: "test" | "report",
  params: Readonly<Record<string, number>> = {},
): ReductionInstance {
  const nMax = budget === "test" ? 12 : ORACLE_MAX_N;
  const family = params.family ?? index % FAMILIES.length,
    round = Math.floor(index / FAMILIES.length);
  const drawnN = rng.int(2, nMax);
  const n = params.n ?? drawnN;
  let a: number[], t: number;
  switch (family) {
    case 0:
      a = randomWeights(rng, n, 10 ** rng.int(1, 6));
      t = randomSubsetTotal(rng, a);
      break;
    case 1:
      a = randomWeights(rng, n, 10 ** rng.int(1, 4));
      t = rng.int(0, a.reduce((x, y) => x + y, 0) + 2);
      break;
    case 2:
      a = [10 ** (params.logM ?? 7 - (round % 7)), 3];
      t = 2;
      break;
    case 3:
      a = randomWeights(rng, n, 1000).map((v) => 2 * v);
      t = 2 * rng.int(0, a.reduce((x, y) => x + y, 0) / 2) + 1;
      break;
    default:
      a = randomWeights(rng, n, 10_000_000);
      t = Math.max(0, randomSubsetTotal(rng, a) + (rng.double() < 0.5 ? 1 : -1));
  }
  const starts = Array.from(
    { length: budget === "test" ? 6 : 12 },
    () => Float64Array.from(a, () => rng.uniform(-0.5, 1.5)),
  );
  return {
    problem: { a, t },
    family: FAMILIES[family],
    starts,
    boxBudget: budget === "test" ? 3000 : 20000,
  };
}
