/**
 * Seeded data sets and LeCun tanh networks (11.5.1), (11.5.3) whose m × P Jacobian ∇_wΦ(X, w₀) has full
 * row rank or is rank-deficient on purpose, for the claims on the tangent kernel of §11.3 and §11.4: a
 * generic family (P ≥ m), a duplicated input (two equal rows), a zeroed output layer v = 0 (then
 * ∇_UΦ = ∇_bΦ = 0 exactly and rank ≤ width + 1 < m), and fewer parameters than data (P < m). The
 * Jacobian and Φ(xᵢ, w₀) are float64 numbers, which the claims read as exact rationals: the linear
 * algebra on them is then decided exactly.
 *
 * @module
 */
import { tanh } from "./activation.ts";
import { TwoLayerNetwork } from "./two_layer.ts";
import { gaussian, type Rng } from "../numerics/random.ts";
import type { ParameterSpec } from "../engine/claim.ts";

/** The families, by index (`params.family`). */
export const JACOBIAN_FAMILIES = [
  "generic, P ≥ m",
  "duplicated input",
  "output layer v = 0",
  "P < m",
] as const;

/**
 * The `family` parameter of the claims drawing these instances: its codes and their names.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { JACOBIAN_FAMILY_PARAMETER } from "./jacobian_instances.ts";
 * assert.equal(JACOBIAN_FAMILY_PARAMETER.max, 3);
 * assert.match(JACOBIAN_FAMILY_PARAMETER.help, /^0: generic, P ≥ m, 1: duplicated input/);
 * ```
 */
export const JACOBIAN_FAMILY_PARAMETER: ParameterSpec = {
  type: "integer",
  min: 0,
  max: JACOBIAN_FAMILIES.length - 1,
  help: JACOBIAN_FAMILIES.map((f, k) => `${k}: ${f}`).join(", "),
};

/** A network at w₀, data, and extra points. */
export interface JacobianInstance {
  /** Which family. */
  family: (typeof JACOBIAN_FAMILIES)[number];
  /** Φ(·, w₀), tanh, LeCun parametrisation, biases iid N(0, 1). */
  net: TwoLayerNetwork;
  /** Inputs x₁, …, x_m. */
  xs: Float64Array[];
  /** Targets y₁, …, y_m. */
  y: Float64Array;
  /** Test inputs (predictions). */
  tests: Float64Array[];
  /** Parameter vectors near w₀ (probes of identities in w). */
  probes: Float64Array[];
}

/**
 * An instance of family `index mod 4` (or `params.family`); `params.m`, `params.width`, `params.d`
 * override the drawn sizes after the draw.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { jacobianInstance } from "./jacobian_instances.ts";
 * const i = jacobianInstance(createRng(1), 3);
 * assert.equal(i.family, "P < m");
 * assert.ok(i.net.parameterCount < i.xs.length);
 * ```
 */
export function jacobianInstance(
  rng: Rng,
  index: number,
  params: Readonly<Record<string, number>> = {},
): JacobianInstance {
  const family = params.family ?? index % 4;
  let d = rng.int(1, 3), width = rng.int(1, 3);
  const p = () => width * (d + 2) + 1;
  let m: number;
  switch (family) {
    case 0:
      m = rng.int(1, Math.min(p(), 6));
      break;
    case 1:
      m = rng.int(2, Math.min(p(), 6));
      break;
    case 2:
      m = width + 2;
      break;
    default:
      d = 1, width = 1, m = p() + rng.int(1, 2);
  }
  d = params.d ?? d, width = params.width ?? width, m = params.m ?? m;
  const net = TwoLayerNetwork.initialise(rng, { d, n: width, parametrisation: "lecun", activation: tanh }, {
    distribution: gaussian,
    biasVariance: 1,
  });
  if (family === 2) net.params.fill(0, width * (d + 1), width * (d + 2));
  const point = () => Float64Array.from({ length: d }, () => rng.normal());
  const xs = Array.from({ length: m }, point);
  if (family === 1 && m >= 2) xs[m - 1] = xs[0].slice();
  const y = Float64Array.from({ length: m }, () => rng.normal());
  const tests = Array.from({ length: 2 }, point);
  const probes = Array.from({ length: 2 }, () => net.params.map((w) => w + 0.5 * rng.normal()));
  return { family: JACOBIAN_FAMILIES[family] ?? JACOBIAN_FAMILIES[0], net, xs, y, tests, probes };
}

/**
 * One line: family, m, d, width and P.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { describeJacobianInstance, jacobianInstance } from "./jacobian_instances.ts";
 * assert.match(describeJacobianInstance(jacobianInstance(createRng(1), 0)), /^generic, P ≥ m: m = \d/);
 * ```
 */
export function describeJacobianInstance(i: JacobianInstance): string {
  return `${i.family}: m = ${i.xs.length}, d = ${i.net.d}, width ${i.net.n}, P = ${i.net.parameterCount}`;
}
