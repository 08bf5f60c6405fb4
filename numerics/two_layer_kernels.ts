/**
 * Hot kernels of the two-layer ReLU network Φ(x, w) = s_o·vᵀσ(s_i·Ux + b) + c on plain row-major
 * Float64Arrays: the empirical tangent kernel matrix, one full-batch gradient step on the squared
 * loss, and the Jacobian on a batch. With s_i = s_o = 1 this is the LeCun network (11.5.1); with
 * s_i = d^{-1/2}, s_o = n^{-1/2} the NTK-parametrised one (11.6.1). Same shapes and math as
 * `../shared/bench/reference_numpy.py`: X is m×d (one input per row), U is n×d (row k is u_k),
 * b, v ∈ ℝⁿ, c ∈ ℝ. Knows nothing of theorems.
 *
 * The loops are fused and blocked over neurons: each block of neurons is computed into a small
 * scratch buffer and immediately folded into the m×m accumulators, so the tangent kernel never
 * stores the m×n hidden layer (the GD step keeps its pre-activations, up to 32 MB, between passes).
 *
 * @module
 */

/** Input and output scales s_i, s_o of Φ(x, w) = s_o·vᵀσ(s_i·Ux + b) + c. */
export interface TwoLayerScales {
  /** s_i: 1 for LeCun (11.5.1), d^{-1/2} for NTK (11.6.1). */
  input?: number;
  /** s_o: 1 for LeCun (11.5.1), n^{-1/2} for NTK (11.6.1). */
  output?: number;
}

import { type ReluBatch, wasmGdStep, wasmJacobian, wasmNtkGrams } from "./two_layer_kernels_wasm_glue.ts";

/** Neurons per block: 2·m·BLOCK doubles of scratch stay in L2 for m ≤ 64. */
const BLOCK = 128;

/** Default of gdStepRelu's `storeLimit`: 2²² doubles (32 MB). */
export const GD_STORE_LIMIT = 1 << 22;

let storeBuffer = new Float64Array(0);

/** A buffer of at least `length` doubles, kept across calls (the kernels are synchronous). */
function preactivationStore(length: number): Float64Array {
  if (storeBuffer.length < length) storeBuffer = new Float64Array(length);
  return storeBuffer;
}

/** The batch, once its sizes are positive integers and the arrays' lengths agree with them; else a RangeError. */
function checkedBatch(
  X: Float64Array,
  U: Float64Array,
  b: Float64Array,
  v: Float64Array,
  m: number,
  d: number,
  n: number,
): ReluBatch {
  for (const [name, k] of [["m", m], ["d", d], ["n", n]] as const) {
    if (!(Number.isInteger(k) && k > 0)) throw new RangeError(`${name} must be a positive integer, got ${k}`);
  }
  if (X.length !== m * d) throw new RangeError(`X has length ${X.length}, expected m·d = ${m * d}`);
  if (U.length !== n * d) throw new RangeError(`U has length ${U.length}, expected n·d = ${n * d}`);
  if (b.length !== n) throw new RangeError(`b has length ${b.length}, expected n = ${n}`);
  if (v.length !== n) throw new RangeError(`v has length ${v.length}, expected n = ${n}`);
  return { X, U, b, v, m, d, n };
}

/** The targets y of the GD step: one per input, else a RangeError. */
function checkTargets(y: Float64Array, m: number): void {
  if (y.length !== m) throw new RangeError(`y has length ${y.length}, expected m = ${m}`);
}

/** The length n(d+2)+1 of a Jacobian row, once `out` holds m of them; else a RangeError. */
function jacobianRowLength(out: Float64Array | undefined, m: number, d: number, n: number): number {
  const P = n * (d + 2) + 1;
  if (out && out.length !== m * P) {
    throw new RangeError(`out has length ${out.length}, expected m·(n(d+2)+1) = ${m * P}`);
  }
  return P;
}

/**
 * Pre-activations P[i, t] = s_i·Σ_j X[i,j]·U[k0+t,j] + b[k0+t] for neurons k0..k0+B-1, stored row-major
 * m×B. Each sum runs j = 0..d-1 in order (as the naive and ml-matrix forms do, so signs agree exactly);
 * the tiles (2 inputs × 2 neurons) only share loads.
 */
function preactivationBlock(
  X: Float64Array,
  U: Float64Array,
  b: Float64Array,
  m: number,
  d: number,
  k0: number,
  B: number,
  si: number,
  P: Float64Array,
): void {
  let t = 0;
  // Hot loop: m·B·d multiply-adds per block, 4 per 4 loads.
  for (; t + 1 < B; t += 2) {
    const u0 = (k0 + t) * d, u1 = u0 + d, b0 = b[k0 + t], b1 = b[k0 + t + 1];
    let i = 0;
    for (; i + 1 < m; i += 2) {
      const x0 = i * d, x1 = x0 + d;
      let a00 = 0, a01 = 0, a10 = 0, a11 = 0;
      for (let j = 0; j < d; j++) {
        const xa = X[x0 + j], xb = X[x1 + j], ua = U[u0 + j], ub = U[u1 + j];
        a00 += xa * ua;
        a01 += xa * ub;
        a10 += xb * ua;
        a11 += xb * ub;
      }
      P[i * B + t] = si * a00 + b0;
      P[i * B + t + 1] = si * a01 + b1;
      P[(i + 1) * B + t] = si * a10 + b0;
      P[(i + 1) * B + t + 1] = si * a11 + b1;
    }
    if (i < m) {
      const x0 = i * d;
      let a00 = 0, a01 = 0;
      for (let j = 0; j < d; j++) {
        a00 += X[x0 + j] * U[u0 + j];
        a01 += X[x0 + j] * U[u1 + j];
      }
      P[i * B + t] = si * a00 + b0;
      P[i * B + t + 1] = si * a01 + b1;
    }
  }
  if (t < B) {
    const u0 = (k0 + t) * d, b0 = b[k0 + t];
    for (let i = 0; i < m; i++) {
      let a = 0;
      for (let j = 0; j < d; j++) a += X[i * d + j] * U[u0 + j];
      P[i * B + t] = si * a + b0;
    }
  }
}

/** S = relu(P) and G = step(P)·diag(v_{k0..}) from the pre-activation block P (all m×B). */
function hiddenBlock(
  P: Float64Array,
  v: Float64Array,
  m: number,
  k0: number,
  B: number,
  S: Float64Array,
  G: Float64Array,
) {
  for (let i = 0; i < m; i++) {
    const r = i * B;
    for (let t = 0; t < B; t++) {
      // Branch-free (the sign pattern is random): relu via max (propagates NaN), step as 0/1.
      const p = P[r + t];
      S[r + t] = Math.max(p, 0);
      G[r + t] = (p > 0 ? 1 : 0) * v[k0 + t];
    }
  }
}

/**
 * Adds the upper triangle of A·Aᵀ (A row-major m×B) into acc (m×m), in 2×2 register tiles.
 * Hot loop: m²·B/2 multiply-adds.
 */
function accumulateGram(A: Float64Array, m: number, B: number, acc: Float64Array): void {
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const r0 = i * B, r1 = r0 + B;
    // Diagonal 2×2 tile (i, i+1).
    {
      let s00 = 0, s01 = 0, s11 = 0;
      for (let t = 0; t < B; t++) {
        const a0 = A[r0 + t], a1 = A[r1 + t];
        s00 += a0 * a0;
        s01 += a0 * a1;
        s11 += a1 * a1;
      }
      acc[i * m + i] += s00;
      acc[i * m + i + 1] += s01;
      acc[(i + 1) * m + i + 1] += s11;
    }
    let j = i + 2;
    for (; j + 1 < m; j += 2) {
      const q0 = j * B, q1 = q0 + B;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0;
      for (let t = 0; t < B; t++) {
        const a0 = A[r0 + t], a1 = A[r1 + t], c0 = A[q0 + t], c1 = A[q1 + t];
        s00 += a0 * c0;
        s01 += a0 * c1;
        s10 += a1 * c0;
        s11 += a1 * c1;
      }
      acc[i * m + j] += s00;
      acc[i * m + j + 1] += s01;
      acc[(i + 1) * m + j] += s10;
      acc[(i + 1) * m + j + 1] += s11;
    }
    if (j < m) {
      const q0 = j * B;
      let s0 = 0, s1 = 0;
      for (let t = 0; t < B; t++) {
        const c0 = A[q0 + t];
        s0 += A[r0 + t] * c0;
        s1 += A[r1 + t] * c0;
      }
      acc[i * m + j] += s0;
      acc[(i + 1) * m + j] += s1;
    }
  }
  if (i < m) {
    const r0 = i * B;
    let s = 0;
    for (let t = 0; t < B; t++) s += A[r0 + t] * A[r0 + t];
    acc[i * m + i] += s;
  }
}

/**
 * out (B×d, row-major) = Eᵀ X for E m×B and X m×d, both row-major, in 2×2 register tiles.
 * Hot loop: m·B·d multiply-adds.
 */
function gramTransposeProduct(E: Float64Array, X: Float64Array, m: number, B: number, d: number, out: Float64Array) {
  let t = 0;
  for (; t + 1 < B; t += 2) {
    let j = 0;
    for (; j + 1 < d; j += 2) {
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0;
      for (let i = 0; i < m; i++) {
        const e0 = E[i * B + t], e1 = E[i * B + t + 1], x0 = X[i * d + j], x1 = X[i * d + j + 1];
        s00 += e0 * x0;
        s01 += e0 * x1;
        s10 += e1 * x0;
        s11 += e1 * x1;
      }
      out[t * d + j] = s00;
      out[t * d + j + 1] = s01;
      out[(t + 1) * d + j] = s10;
      out[(t + 1) * d + j + 1] = s11;
    }
    if (j < d) {
      let s0 = 0, s1 = 0;
      for (let i = 0; i < m; i++) {
        const x0 = X[i * d + j];
        s0 += E[i * B + t] * x0;
        s1 += E[i * B + t + 1] * x0;
      }
      out[t * d + j] = s0;
      out[(t + 1) * d + j] = s1;
    }
  }
  if (t < B) {
    for (let j = 0; j < d; j++) {
      let s0 = 0;
      for (let i = 0; i < m; i++) s0 += E[i * B + t] * X[i * d + j];
      out[t * d + j] = s0;
    }
  }
}

/**
 * The empirical tangent kernel matrix K̂ᵢⱼ = ⟨∇_wΦ(xᵢ, w), ∇_wΦ(xⱼ, w)⟩ of the two-layer ReLU network
 * in closed form (11.5.2): K̂ = s_o²·(S Sᵀ + (G Gᵀ) ⊙ (1 + s_i²·X Xᵀ)) + 1 with S = relu(s_i·X Uᵀ + b),
 * G = step(s_i·X Uᵀ + b)·diag(v). Returns K̂ as an m×m row-major Float64Array (exactly symmetric).
 * Cost m·n·(d + m) multiply-adds, memory O(m² + m·128).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ntkGramRelu } from "./two_layer_kernels.ts";
 * // d = 1, n = 1, U = 2, b = 0, v = 3: ∇Φ(1) = (3, 3, 2, 1) so K̂ = 9 + 9 + 4 + 1.
 * const K = ntkGramRelu(Float64Array.of(1), Float64Array.of(2), Float64Array.of(0), Float64Array.of(3), 1, 1, 1);
 * assert.equal(K[0], 23);
 * ```
 */
export function ntkGramRelu(
  X: Float64Array,
  U: Float64Array,
  b: Float64Array,
  v: Float64Array,
  m: number,
  d: number,
  n: number,
  scales: TwoLayerScales = {},
): Float64Array {
  const net = checkedBatch(X, U, b, v, m, d, n);
  const si = scales.input ?? 1, so = scales.output ?? 1;
  const w = wasmNtkGrams(net, si);
  if (!w) return ntkGramReluTs(X, U, b, v, m, d, n, scales);
  return kernelFromGrams(X, m, d, si, so, w.SS, w.GG, w.mp);
}

/**
 * `ntkGramRelu` in plain TypeScript loops: the same bits (the reference the wasm kernel is tested against,
 * and the fallback where WebAssembly SIMD is unavailable or the problem exceeds its memory).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ntkGramReluTs } from "./two_layer_kernels.ts";
 * const K = ntkGramReluTs(Float64Array.of(1), Float64Array.of(2), Float64Array.of(0), Float64Array.of(3), 1, 1, 1);
 * assert.equal(K[0], 23);
 * ```
 */
export function ntkGramReluTs(...args: Parameters<typeof ntkGramRelu>): Float64Array {
  const [X, U, b, v, m, d, n, scales = {}] = args;
  checkedBatch(X, U, b, v, m, d, n);
  const si = scales.input ?? 1, so = scales.output ?? 1;
  const P = new Float64Array(m * BLOCK), S = new Float64Array(m * BLOCK), G = new Float64Array(m * BLOCK);
  const SS = new Float64Array(m * m), GG = new Float64Array(m * m);
  for (let k0 = 0; k0 < n; k0 += BLOCK) {
    const B = Math.min(BLOCK, n - k0);
    preactivationBlock(X, U, b, m, d, k0, B, si, P);
    hiddenBlock(P, v, m, k0, B, S, G);
    accumulateGram(S, m, B, SS);
    accumulateGram(G, m, B, GG);
  }
  return kernelFromGrams(X, m, d, si, so, SS, GG, m);
}

/** K̂ = s_o²·(S Sᵀ + (G Gᵀ) ⊙ (1 + s_i²·X Xᵀ)) + 1 from the upper triangles of S Sᵀ, G Gᵀ (row stride `stride`). */
function kernelFromGrams(
  X: Float64Array,
  m: number,
  d: number,
  si: number,
  so: number,
  SS: Float64Array,
  GG: Float64Array,
  stride: number,
): Float64Array {
  const K = new Float64Array(m * m), so2 = so * so, si2 = si * si;
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      let xx = 0;
      for (let l = 0; l < d; l++) xx += X[i * d + l] * X[j * d + l];
      const kij = so2 * (SS[i * stride + j] + GG[i * stride + j] * (1 + si2 * xx)) + 1;
      K[i * m + j] = kij;
      K[j * m + i] = kij;
    }
  }
  return K;
}

/** What one gradient step reports. */
export interface GdStepResult {
  /** The output bias c after the step. */
  c: number;
  /** f(w) = Σᵢ (Φ(xᵢ, w) − yᵢ)² at the parameters before the step. */
  loss: number;
}

/**
 * One full-batch gradient step w ← w − h·∇f(w) on f(w) = Σᵢ (Φ(xᵢ, w) − yᵢ)² for the two-layer ReLU
 * network, all four parameter groups (U, b, v, c): the step of `reference_numpy.py`. U, b and v are
 * updated in place; the new c and the loss before the step are returned. Gradients from (11.5.2):
 * with eᵢ = 2(Φ(xᵢ) − yᵢ), ∇_v = s_o·Sᵀe, ∇_b = s_o·(e ⊙ step)ᵀ·v, ∇_U = s_i·∇_b-rows ⊗ x, ∇_c = Σe.
 * Cost about m·n·(2d + 4) multiply-adds when m·n ≤ `storeLimit` (default 2²² doubles, 32 MB, kept in a
 * module buffer reused across calls), else m·n·(3d + 4) with the hidden layer recomputed; same result either way.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gdStepRelu } from "./two_layer_kernels.ts";
 * // d = n = m = 1: Φ(1) = 3·relu(2) + 1 = 7, y = 0, e = 14.
 * const U = Float64Array.of(2), b = Float64Array.of(0), v = Float64Array.of(3);
 * const r = gdStepRelu(Float64Array.of(1), Float64Array.of(0), U, b, v, 1, 1, 1, 1, 0.01);
 * assert.ok(r.loss === 49 && Math.abs(r.c - (1 - 0.14)) < 1e-15 && Math.abs(v[0] - (3 - 0.28)) < 1e-15);
 * ```
 */
export function gdStepRelu(
  X: Float64Array,
  y: Float64Array,
  U: Float64Array,
  b: Float64Array,
  v: Float64Array,
  c: number,
  m: number,
  d: number,
  n: number,
  h: number,
  scales: TwoLayerScales = {},
  storeLimit: number = GD_STORE_LIMIT,
): GdStepResult {
  const net = checkedBatch(X, U, b, v, m, d, n);
  checkTargets(y, m);
  const si = scales.input ?? 1, so = scales.output ?? 1;
  let res = { e: new Float64Array(0), loss: 0, gc: 0 };
  const done = wasmGdStep(net, si, h * so, (phi) => (res = residuals(phi, so, c, y)).e);
  if (!done) return gdStepReluTs(X, y, U, b, v, c, m, d, n, h, scales, storeLimit);
  return { c: c - h * res.gc, loss: res.loss };
}

/**
 * From Σ_k v_k·relu(pre_ik) (`phi`): the residual gradients eᵢ = 2(s_o·phiᵢ + c − yᵢ), the loss
 * Σᵢ (s_o·phiᵢ + c − yᵢ)² and ∇_c = Σᵢ eᵢ, summed over i in order.
 */
function residuals(phi: Float64Array, so: number, c: number, y: Float64Array) {
  const e = new Float64Array(phi.length);
  let loss = 0, gc = 0;
  for (let i = 0; i < phi.length; i++) {
    const r = so * phi[i] + c - y[i];
    loss += r * r;
    e[i] = 2 * r;
    gc += e[i];
  }
  return { e, loss, gc };
}

/**
 * `gdStepRelu` in plain TypeScript loops: the same bits (the reference the wasm kernel is tested against,
 * and the fallback where WebAssembly SIMD is unavailable or the problem exceeds its memory).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gdStepReluTs } from "./two_layer_kernels.ts";
 * const U = Float64Array.of(2), b = Float64Array.of(0), v = Float64Array.of(3);
 * const r = gdStepReluTs(Float64Array.of(1), Float64Array.of(0), U, b, v, 1, 1, 1, 1, 0.01);
 * assert.ok(r.loss === 49 && Math.abs(r.c - (1 - 0.14)) < 1e-15 && Math.abs(v[0] - (3 - 0.28)) < 1e-15);
 * ```
 */
export function gdStepReluTs(...args: Parameters<typeof gdStepRelu>): GdStepResult {
  const [X, y, U, b, v, c, m, d, n, h, scales = {}, storeLimit = GD_STORE_LIMIT] = args;
  checkedBatch(X, U, b, v, m, d, n);
  checkTargets(y, m);
  const si = scales.input ?? 1, so = scales.output ?? 1;
  const scratch = new Float64Array(m * BLOCK), E = new Float64Array(m * BLOCK);
  // The m×n pre-activations are kept for pass 2 (block k0 at offset m·k0, in a buffer reused across
  // calls) when m·n ≤ storeLimit, recomputed otherwise: same code, same order, so the same bits.
  const store = m * n <= storeLimit ? preactivationStore(m * n) : null;
  // Pass 1: Φ(xᵢ) = s_o·Σ_k v_k relu(pre_ik) + c, blocked over neurons.
  const phi = new Float64Array(m);
  for (let k0 = 0; k0 < n; k0 += BLOCK) {
    const B = Math.min(BLOCK, n - k0);
    const P = store ? store.subarray(m * k0, m * (k0 + B)) : scratch;
    preactivationBlock(X, U, b, m, d, k0, B, si, P);
    for (let i = 0; i < m; i++) {
      const r = i * B;
      let a = 0;
      for (let t = 0; t < B; t++) {
        a += v[k0 + t] * Math.max(P[r + t], 0);
      }
      phi[i] += a;
    }
  }
  const { e, loss, gc } = residuals(phi, so, c, y);
  // Pass 2: per block, the gradient at the old parameters, then the update of that block (neurons are
  // independent given e).
  const gv = new Float64Array(BLOCK), gb = new Float64Array(BLOCK), gU = new Float64Array(BLOCK * d);
  for (let k0 = 0; k0 < n; k0 += BLOCK) {
    const B = Math.min(BLOCK, n - k0);
    let P: Float64Array = scratch;
    if (store) P = store.subarray(m * k0, m * (k0 + B));
    else preactivationBlock(X, U, b, m, d, k0, B, si, P);
    gv.fill(0);
    gb.fill(0);
    // E = diag(e)·step(P); Σ_i relu(P)ᵢₜ·eᵢ and Σ_i Eᵢₜ per neuron. Hot loop: 2·m·B.
    for (let i = 0; i < m; i++) {
      const r = i * B, ei = e[i];
      for (let t = 0; t < B; t++) {
        const p = P[r + t], eit = (p > 0 ? 1 : 0) * ei; // branch-free, as in hiddenBlock
        E[r + t] = eit;
        gv[t] += Math.max(p, 0) * ei;
        gb[t] += eit;
      }
    }
    gramTransposeProduct(E, X, m, B, d, gU);
    for (let t = 0; t < B; t++) {
      const k = k0 + t, vk = v[k];
      const hgb = h * so * vk; // (11.5.2): ∇_{b_k} = s_o·v_k·Σ_i Eᵢₖ, ∇_{u_k} = s_i·s_o·v_k·Σ_i Eᵢₖxᵢ
      for (let j = 0; j < d; j++) U[k * d + j] -= hgb * si * gU[t * d + j];
      b[k] -= hgb * gb[t];
      v[k] = vk - h * so * gv[t];
    }
  }
  return { c: c - h * gc, loss };
}

/**
 * The Jacobian ∇_wΦ(X, w) on a batch, one row per input, each row laid out like w = (U row-major, b,
 * v, c), length n(d+2)+1 (11.5.2): ∇_{u_k} = s_o·v_k·step(pre_k)·s_i·x, ∇_{b_k} = s_o·v_k·step(pre_k),
 * ∇_{v_k} = s_o·relu(pre_k), ∇_c = 1. Returns an m × (n(d+2)+1) row-major Float64Array: a new one, or
 * `out` (of that length, overwritten entirely) if given. Writing into a buffer the caller reuses saves the
 * page faults of a fresh allocation, which dominate this memory-bound kernel (10.5 MB at m = 32, d = 8,
 * n = 2¹²: measured 1 750 minor faults per fresh call).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { jacobianRelu } from "./two_layer_kernels.ts";
 * const J = jacobianRelu(Float64Array.of(1, -1), Float64Array.of(2), Float64Array.of(0), Float64Array.of(3), 2, 1, 1);
 * assert.equal(J.join(), "3,3,2,1,0,0,0,1");
 * const out = new Float64Array(8).fill(7);
 * assert.equal(jacobianRelu(Float64Array.of(1, -1), Float64Array.of(2), Float64Array.of(0), Float64Array.of(3), 2, 1, 1, {}, out), out);
 * assert.equal(out.join(), J.join());
 * ```
 */
export function jacobianRelu(
  X: Float64Array,
  U: Float64Array,
  b: Float64Array,
  v: Float64Array,
  m: number,
  d: number,
  n: number,
  scales: TwoLayerScales = {},
  out?: Float64Array,
): Float64Array {
  const net = checkedBatch(X, U, b, v, m, d, n);
  const si = scales.input ?? 1, so = scales.output ?? 1;
  const P = jacobianRowLength(out, m, d, n), J = out ?? new Float64Array(m * P);
  if (wasmJacobian(net, si, so, J)) return J;
  return jacobianReluTs(X, U, b, v, m, d, n, scales, J.fill(0));
}

/**
 * `jacobianRelu` in plain TypeScript loops into `out` (zero on entry), the same values: the reference the
 * wasm kernel is tested against and the fallback.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { jacobianReluTs } from "./two_layer_kernels.ts";
 * const J = jacobianReluTs(Float64Array.of(1, -1), Float64Array.of(2), Float64Array.of(0), Float64Array.of(3), 2, 1, 1, {}, new Float64Array(8));
 * assert.equal(J.join(), "3,3,2,1,0,0,0,1");
 * ```
 */
export function jacobianReluTs(...args: Required<Parameters<typeof jacobianRelu>>): Float64Array {
  const [X, U, b, v, m, d, n, scales, out] = args;
  checkedBatch(X, U, b, v, m, d, n);
  const si = scales.input ?? 1, so = scales.output ?? 1;
  const P = jacobianRowLength(out, m, d, n);
  const J = out, pre = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const row = i * P, xi = i * d, rb = row + n * d, rv = rb + n;
    // Hot loop: n·d multiply-adds per input, into a row of pre-activations (then three streams of writes).
    for (let k = 0; k < n; k++) {
      const uk = k * d;
      let a = 0;
      for (let j = 0; j < d; j++) a += X[xi + j] * U[uk + j];
      pre[k] = si * a + b[k];
    }
    // ∇_v written unconditionally via max so that a NaN pre-activation shows up as NaN.
    for (let k = 0; k < n; k++) J[rv + k] = so * Math.max(pre[k], 0);
    for (let k = 0; k < n; k++) {
      if (pre[k] > 0) {
        const g = so * v[k], uk = row + k * d;
        for (let j = 0; j < d; j++) J[uk + j] = g * si * X[xi + j];
        J[rb + k] = g;
      }
    }
    J[row + P - 1] = 1;
  }
  return J;
}
