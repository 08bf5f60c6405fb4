/**
 * The κ width sweeps shared by eq-10.47 and chizat-kappa: a fixed small data set and the mean of
 * κ_f(w₀) (10.45) over iid initialisations of the network (10.46) with α = width^{-β}.
 *
 * @module
 */
import { sphereInputs } from "./datasets.ts";
import { iidInit, kappa, kappaBounds, ScaledTwoLayer } from "./scaled_two_layer.ts";
import { type Activation, relu } from "./activation.ts";
import { createRng, type Rng } from "../numerics/random.ts";

/**
 * The fixed data of the κ width sweeps: N = 4 points on the unit sphere of ℝ³ and targets (seeded constant).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kappaSweepData } from "./kappa_sweep.ts";
 * assert.equal(kappaSweepData().xs.length, 4);
 * ```
 */
export function kappaSweepData(): { xs: Float64Array[]; y: Float64Array } {
  const rng = createRng("kappa-sweep-data");
  return { xs: sphereInputs(rng, 4, 3), y: Float64Array.from({ length: 4 }, () => rng.normal()) };
}

/**
 * Mean of κ_f(w₀) over `reps` iid initialisations of the network (10.46) with α = width^{-β}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanKappa } from "./kappa_sweep.ts";
 * import { createRng } from "../numerics/random.ts";
 * assert.equal(meanKappa(createRng(1), 8, 0.5, 2).length, 2);
 * ```
 */
export function meanKappa(rng: Rng, width: number, beta: number, reps: number): number[] {
  const { xs, y } = kappaSweepData();
  const net = new ScaledTwoLayer(xs, width, width ** -beta, relu);
  return Array.from({ length: reps }, () => kappa(net, iidInit(rng, 3, width), y).kappa);
}

/**
 * Rigorous lower and upper bounds on κ_f(w₀) (`kappaBounds`) over `reps` iid initialisations of the network
 * (10.46) with activation σ and α = width^{-β} (for a smooth σ, where ‖D²f‖ has no closed form).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kappaBoundDraws } from "./kappa_sweep.ts";
 * import { tanh } from "./activation.ts";
 * import { createRng } from "../numerics/random.ts";
 * const draws = kappaBoundDraws(createRng(1), 8, 0.5, 2, tanh);
 * assert.ok(draws.length === 2 && draws.every((b) => b.lower <= b.upper));
 * ```
 */
export function kappaBoundDraws(
  rng: Rng,
  width: number,
  beta: number,
  reps: number,
  activation: Activation,
): { lower: number; upper: number }[] {
  const { xs, y } = kappaSweepData();
  const net = new ScaledTwoLayer(xs, width, width ** -beta, activation);
  return Array.from({ length: reps }, () => kappaBounds(net, iidInit(rng, 3, width), y));
}

/**
 * `kappaBoundDraws` over several widths, `reps` draws each, flattened: the width, lower and upper bound of each draw.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kappaBoundSweep } from "./kappa_sweep.ts";
 * import { tanh } from "./activation.ts";
 * import { createRng } from "../numerics/random.ts";
 * assert.deepEqual(kappaBoundSweep(createRng(1), [4, 8], 0.5, 2, tanh).widths, [4, 4, 8, 8]);
 * ```
 */
export function kappaBoundSweep(
  rng: Rng,
  widths: number[],
  beta: number,
  reps: number,
  activation: Activation,
): { widths: number[]; lower: number[]; upper: number[] } {
  const out = { widths: [] as number[], lower: [] as number[], upper: [] as number[] };
  for (const width of widths) {
    for (const b of kappaBoundDraws(rng, width, beta, reps, activation)) {
      out.widths.push(width);
      out.lower.push(b.lower);
      out.upper.push(b.upper);
    }
  }
  return out;
}
