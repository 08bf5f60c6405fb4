/**
 * Random pairs of inputs (x, z) for the claims on a kernel's value at one pair (the ReLU closed forms of
 * Examples 11.17, 11.31, Exercises 11.36, 11.37): the generator, its parameters, the scenario breaking
 * "x, z nonzero" and that hypothesis's check.
 *
 * @module
 */
import type { Claim, Hypothesis, ParameterSpec, Scenario } from "../engine/claim.ts";
import type { Rng } from "../numerics/random.ts";

/** A pair of inputs. */
export interface PairInstance {
  /** x. */
  x: number[];
  /** z. */
  z: number[];
}

/**
 * Draws a pair in ℝᵈ (d = 1 on every fourth index, else 2..6), entries N(0, 1.5²); on every fifth index
 * z is parallel or antiparallel to x. Parameters: `d`, `parallel` (1: z = c·x), `zeroX` (1: x = 0).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { randomPair } from "./kernel_input_pairs.ts";
 * import { createRng } from "../numerics/random.ts";
 * const { x, z } = randomPair(createRng(1), 0, { d: 3, zeroX: 1 });
 * assert.deepEqual(x, [0, 0, 0]);
 * assert.equal(z.length, 3);
 * ```
 */
export function randomPair(
  rng: Pick<Rng, "normal" | "int" | "double">,
  index: number,
  params: Readonly<Record<string, number>> = {},
): PairInstance {
  const drawnD = index % 4 === 0 ? 1 : rng.int(2, 6);
  const d = params.d ?? drawnD;
  let x = Array.from({ length: d }, () => rng.normal() * 1.5);
  let z = Array.from({ length: d }, () => rng.normal() * 1.5);
  // Every fifth instance: z parallel or antiparallel to x (θ = 0 or π, the edge cases of arccos).
  const flip = rng.double() < 0.5 ? -2 : 0.7;
  if (index % 5 === 1 || params.parallel === 1) z = x.map((t) => flip * t);
  if (params.zeroX === 1) x = x.map(() => 0);
  return { x, z };
}

/** Parameters shared by the claims on a pair (x, z). */
export const PAIR_PARAMETERS: Record<string, ParameterSpec> = {
  d: { type: "integer", min: 1, max: 8, help: "input dimension d" },
  parallel: { type: "integer", min: 0, max: 1, help: "1: z = c·x with c ∈ {−2, 0.7} (θ = 0 or π)" },
  zeroX: { type: "integer", min: 0, max: 1, help: "1: x = 0 (breaks 'x, z nonzero'; θ undefined)" },
};

/** The scenario breaking 'x, z nonzero'. */
export const ZERO_X_SCENARIO: Scenario = {
  name: "x-zero",
  breaks: "$x, z$ nonzero: $x = 0$, so $\\theta = \\arccos(0/0)$ is undefined (both sides' limit is finite)",
  params: { zeroX: 1 },
};

/**
 * One line describing a pair.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { describePair } from "./kernel_input_pairs.ts";
 * assert.equal(describePair({ x: [1, 0], z: [0, 2] }), "d = 2, x = [1.00, 0.00], z = [0.00, 2.00]");
 * ```
 */
export function describePair(i: PairInstance): string {
  const f = (v: number[]) => `[${v.map((t) => t.toFixed(2)).join(", ")}]`;
  return `d = ${i.x.length}, x = ${f(i.x)}, z = ${f(i.z)}`;
}

/**
 * The hypothesis "x, z nonzero", checked exactly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { NONZERO_PAIR } from "./kernel_input_pairs.ts";
 * assert.equal(NONZERO_PAIR.check({ x: [0], z: [1] }).holds, false);
 * ```
 */
export const NONZERO_PAIR: Hypothesis<PairInstance> = {
  statement: "$x, z \\in \\mathbb{R}^d$ nonzero",
  certainty: "certified",
  method: "norms computed exactly",
  check: (i: PairInstance) => ({
    holds: i.x.some((t) => t !== 0) && i.z.some((t) => t !== 0),
    value: `‖x‖ = ${Math.hypot(...i.x).toFixed(3)}, ‖z‖ = ${Math.hypot(...i.z).toFixed(3)}`,
  }),
};

/**
 * The claim fields of a claim on one pair: the parameters, the scenario x = 0, the pair's description
 * and the one hypothesis, x, z nonzero.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { NONZERO_PAIR, PAIR_CLAIM_FIELDS } from "./kernel_input_pairs.ts";
 * assert.deepEqual(PAIR_CLAIM_FIELDS.hypotheses, [NONZERO_PAIR]);
 * assert.equal(PAIR_CLAIM_FIELDS.scenarios?.[0].name, "x-zero");
 * ```
 */
export const PAIR_CLAIM_FIELDS: Pick<Claim<PairInstance>, "parameters" | "scenarios" | "describe" | "hypotheses"> = {
  parameters: PAIR_PARAMETERS,
  scenarios: [ZERO_X_SCENARIO],
  describe: describePair,
  hypotheses: [NONZERO_PAIR],
};
