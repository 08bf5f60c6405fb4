/**
 * Fully connected ReLU networks of depth L (L weight layers, no biases) under the NTK ("standard" in
 * Chizat's slides) parametrisation, h¹ = W¹x/√d, hˡ⁺¹ = Wˡ⁺¹σ(hˡ)/√m, f = vᵀσ(h^{L−1})/√m with all weights
 * i.i.d. N(0, 1): the empirical tangent kernel ⟨∇_w f(x), ∇_w f(x′)⟩ by back-propagation, and its limit by
 * the recursion of Jacot, Gabriel and Hongler (2018): Σ¹ = xᵀx′/d, Σˡ⁺¹ = E[σ(u)σ(u′)], Σ̇ˡ⁺¹ = E[σ′(u)σ′(u′)]
 * with (u, u′) ~ N(0, Σˡ restricted to {x, x′}), Θ¹ = Σ¹, Θˡ⁺¹ = ΘˡΣ̇ˡ⁺¹ + Σˡ⁺¹, K = Θ^L, with the
 * arc-cosine closed forms for ReLU (Cho and Saul 2009).
 *
 * @module
 */
import type { Rng } from "../numerics/random.ts";
import { angle, innerProducts } from "./ntk_kernels.ts";

/**
 * The ReLU arc-cosine expectations for (u, u′) ~ N(0, [[a, c], [c, b]]): E[σ(u)σ(u′)] =
 * √(ab)/(2π)·(sin θ + (π − θ)cos θ) and E[σ′(u)σ′(u′)] = (π − θ)/(2π), cos θ = c/√(ab).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reluArcCosine } from "./deep_relu_ntk.ts";
 * const { value, derivative } = reluArcCosine(1, 4, 0); // u ⊥ u′: E[σ(u)]E[σ(u′)] = 2/(2π), P = 1/4
 * assert.ok(Math.abs(value - 1 / Math.PI) < 1e-15 && Math.abs(derivative - 0.25) < 1e-15);
 * ```
 */
export function reluArcCosine(a: number, b: number, c: number): { value: number; derivative: number } {
  // θ through `angle` on a 2-D factorisation of the covariance (stable near θ = 0, π).
  const sa = Math.sqrt(a), cb = c / sa, sb = Math.sqrt(Math.max(0, b - cb * cb));
  return arcCosineAtAngle(a, b, angle([sa, 0], [cb, sb]));
}

/** The arc-cosine expectations given the variances a, b and the angle θ of the covariance. */
function arcCosineAtAngle(a: number, b: number, th: number): { value: number; derivative: number } {
  return {
    value: Math.sqrt(a * b) / (2 * Math.PI) * (Math.sin(th) + (Math.PI - th) * Math.cos(th)),
    derivative: (Math.PI - th) / (2 * Math.PI),
  };
}

/**
 * The angle of the next layer's covariance: cos θ′ = (sin θ + (π − θ)cos θ)/π, computed as
 * θ′ = 2·asin(√((1 − cos θ′)/2)) with π(1 − cos θ′) = 2(π − θ)sin²(θ/2) + (θ − sin θ), so that θ = 0 maps to
 * 0 exactly and small angles keep their digits (arccos of a rounded cosine near 1 loses half of them).
 */
export function nextAngle(th: number): number {
  const t2 = th * th;
  // θ − sin θ by its alternating series below 0.1 (truncation < θ⁹/9! < 3e-15·θ³/6), directly above.
  const thMinusSin = th < 0.1 ? th * t2 / 6 * (1 - t2 / 20 * (1 - t2 / 42 * (1 - t2 / 72))) : th - Math.sin(th);
  const oneMinusCos = (2 * (Math.PI - th) * Math.sin(th / 2) ** 2 + thMinusSin) / Math.PI;
  return 2 * Math.asin(Math.min(1, Math.sqrt(oneMinusCos / 2)));
}

/** The layer-wise quantities of the recursion at a pair (x, x′). */
export interface NtkRecursion {
  /** Σˡ(x, x′), l = 1..L. */
  sigma: number[];
  /** Σ̇ˡ(x, x′), l = 2..L (index 0 holds Σ̇²). */
  sigmaDot: number[];
  /** Θˡ(x, x′), l = 1..L; the limit kernel is the last. */
  theta: number[];
}

/** Which recursion: as derived, or a wrong theory (a near miss) for the tests. */
export interface RecursionVariant {
  /** Drop the Σ̇ factor of the last step (L ≥ 3): Θ^L = Θ^{L−1} + Σ^L, the earlier steps as derived. */
  dropDerivative?: boolean;
  /** Multiply the limit by this factor (a limit kernel a few per cent off). */
  scale?: number;
}

/**
 * The NTK recursion for ReLU at (x, x′) for a depth-L network (L ≥ 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ntkRecursion } from "./deep_relu_ntk.ts";
 * // x = x′ with ‖x‖² = d: Σˡ = 1/2^{l−1}, Σ̇ = 1/2, so Θ² = 1/2 + 1/2 = 1, Θ³ = 1/2 + 1/4 = 3/4.
 * const r = ntkRecursion([1, 1], [1, 1], 3);
 * assert.deepEqual(r.theta.map((t) => Math.round(t * 1e12) / 1e12), [1, 1, 0.75]);
 * ```
 */
export function ntkRecursion(
  x: ArrayLike<number>,
  z: ArrayLike<number>,
  depth: number,
  variant: RecursionVariant = {},
): NtkRecursion {
  const d = x.length, { xx, zz, xz } = innerProducts(x, z);
  let a = xx / d, b = zz / d, th = angle(x, z);
  const sigma = [xz / d], sigmaDot: number[] = [], theta = [xz / d];
  for (let l = 1; l < depth; l++) {
    const cross = arcCosineAtAngle(a, b, th), prev = theta[theta.length - 1];
    sigma.push(cross.value);
    sigmaDot.push(cross.derivative);
    theta.push((variant.dropDerivative && l >= 2 && l === depth - 1 ? prev : prev * cross.derivative) + cross.value);
    // Σˡ⁺¹(x, x) = E[σ(u)²] = Σˡ(x, x)/2, and the angle of Σˡ⁺¹ follows from θ alone.
    [a, b, th] = [a / 2, b / 2, nextAngle(th)];
  }
  if (variant.scale !== undefined) theta[theta.length - 1] *= variant.scale;
  return { sigma, sigmaDot, theta };
}

/** A drawn depth-L network: weights W¹ (m×d), Wˡ (m×m), v (m), row-major, i.i.d. N(0, 1). */
export interface DeepReluNetwork {
  /** Input dimension d. */
  d: number;
  /** Width m of every hidden layer. */
  m: number;
  /** Number of weight layers L ≥ 2. */
  depth: number;
  /** W¹, …, W^{L−1}. */
  layers: Float64Array[];
  /** Output weights v. */
  v: Float64Array;
}

/**
 * Draws a depth-L network of width m with i.i.d. N(0, 1) weights.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drawDeepRelu } from "./deep_relu_ntk.ts";
 * import { createRng } from "../numerics/random.ts";
 * const net = drawDeepRelu(createRng(1), 3, 8, 3);
 * assert.deepEqual(net.layers.map((w) => w.length), [24, 64]);
 * ```
 */
export function drawDeepRelu(rng: Rng, d: number, m: number, depth: number): DeepReluNetwork {
  const layers = Array.from({ length: depth - 1 }, (_, l) => {
    const w = new Float64Array(m * (l === 0 ? d : m));
    for (let k = 0; k < w.length; k++) w[k] = rng.normal();
    return w;
  });
  const v = new Float64Array(m);
  for (let k = 0; k < m; k++) v[k] = rng.normal();
  return { d, m, depth, layers, v };
}

/** Forward and backward pass at x: the activations a⁰ = x, a¹, …, a^{L−1} and the back-propagated δˡ = ∂f/∂hˡ. */
function passes(net: DeepReluNetwork, x: ArrayLike<number>): { acts: Float64Array[]; deltas: Float64Array[] } {
  const { d, m, layers, v } = net, sm = Math.sqrt(m);
  const acts: Float64Array[] = [Float64Array.from(x)], pre: Float64Array[] = [];
  for (let l = 0; l < layers.length; l++) {
    const w = layers[l], inp = acts[l], nIn = l === 0 ? d : m, s = l === 0 ? Math.sqrt(d) : sm;
    const h = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let t = 0;
      for (let j = 0; j < nIn; j++) t += w[i * nIn + j] * inp[j];
      h[i] = t / s;
    }
    pre.push(h);
    acts.push(h.map((t) => Math.max(0, t)));
  }
  const deltas: Float64Array[] = new Array(layers.length);
  let delta = pre[layers.length - 1].map((t, i) => (t > 0 ? v[i] / sm : 0));
  deltas[layers.length - 1] = delta;
  for (let l = layers.length - 1; l >= 1; l--) {
    const w = layers[l], back = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const di = delta[i] / sm;
      if (di === 0) continue;
      for (let j = 0; j < m; j++) back[j] += w[i * m + j] * di;
    }
    delta = back.map((t, j) => (pre[l - 1][j] > 0 ? t : 0));
    deltas[l - 1] = delta;
  }
  return { acts, deltas };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

/**
 * The empirical tangent kernel Gram matrix ⟨∇_w f(xᵢ), ∇_w f(xⱼ)⟩ over all weights: with ∂f/∂Wˡ = δˡ(aˡ⁻¹)ᵀ/√n_{l−1}
 * and ∂f/∂v = a^{L−1}/√m, each entry is Σₗ (δˡ·δˡ′)(aˡ⁻¹·aˡ⁻¹′)/n_{l−1} + a^{L−1}·a^{L−1}′/m.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drawDeepRelu, empiricalTangentGram } from "./deep_relu_ntk.ts";
 * import { createRng } from "../numerics/random.ts";
 * const g = empiricalTangentGram(drawDeepRelu(createRng(2), 2, 16, 3), [[1, 0], [0, 1]]);
 * assert.ok(g[0][0] > 0 && g[0][1] === g[1][0]);
 * ```
 */
export function empiricalTangentGram(net: DeepReluNetwork, xs: number[][]): number[][] {
  const ps = xs.map((x) => passes(net, x)), L = net.depth;
  return ps.map((p, i) =>
    ps.map((q, j) => {
      if (j < i) return NaN; // filled below from symmetry
      let s = dot(p.acts[L - 1], q.acts[L - 1]) / net.m;
      for (let l = 0; l < L - 1; l++) {
        s += dot(p.deltas[l], q.deltas[l]) * dot(p.acts[l], q.acts[l]) / (l === 0 ? net.d : net.m);
      }
      return s;
    })
  ).map((row, i, g) => row.map((v, j) => (j < i ? g[j][i] : v)));
}
