/**
 * The WebAssembly side of `two_layer_kernels.ts`: instantiates `two_layer_kernels.wasm` (128-bit SIMD,
 * float64, source `wasm/two_layer_kernels.wat`, rebuilt by `deno task build:wasm`) once per thread, lays
 * the arrays out in its memory (zero-padded), runs its loops and copies the results out. The loops
 * compute the same bits as the TypeScript ones (see the .wat's header); `two_layer_kernels_test.ts`
 * checks that they do. Knows nothing of theorems.
 *
 * @module
 */
import { TWO_LAYER_KERNELS_WASM_BASE64 } from "./two_layer_kernels_wasm.ts";

/** The arguments gd_phi and ntk_grams begin with: addresses of Xᵀ (d × mp), U, b, v, then mp, d, n, s_i. */
type NetArgs = [XT: number, U: number, b: number, v: number, mp: number, d: number, n: number, si: number];

interface Exports {
  memory: WebAssembly.Memory;
  peak_loop(iters: number): number;
  jacobian_row(
    PT: number,
    mp: number,
    i: number,
    X: number,
    d: number,
    v: number,
    n: number,
    si: number,
    so: number,
    R: number,
  ): void;
  ntk_grams(...args: [...NetArgs, SS: number, GG: number, ST: number, GT: number]): void;
  gd_phi(...args: [...NetArgs, phi: number, PT: number]): void;
  gd_update(
    X: number,
    U: number,
    b: number,
    v: number,
    m: number,
    d: number,
    n: number,
    si: number,
    e: number,
    hso: number,
    PT: number,
    mp: number,
    E: number,
    gv: number,
    gb: number,
    gUT: number,
  ): void;
}

/** The network's parameters and a batch: X m×d, U n×d (row-major), b, v ∈ ℝⁿ. */
export interface ReluBatch {
  X: Float64Array;
  U: Float64Array;
  b: Float64Array;
  v: Float64Array;
  m: number;
  d: number;
  n: number;
}

/** Largest wasm memory the kernels take (bytes); bigger problems run the TypeScript loops. */
export const WASM_MEMORY_LIMIT = 2 ** 31;

let instance: Exports | null | undefined;

/** The instantiated kernels, or null where WebAssembly SIMD is unavailable. */
function kernels(): Exports | null {
  if (instance !== undefined) return instance;
  try {
    const bytes = Uint8Array.from(atob(TWO_LAYER_KERNELS_WASM_BASE64), (c) => c.charCodeAt(0));
    instance = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Exports;
  } catch {
    instance = null;
  }
  return instance;
}

/** Allocates consecutive 16-byte-aligned regions of `counts[i]` doubles; grows the memory; null if too big. */
function layout(w: Exports, counts: number[]): { offsets: number[]; f: Float64Array } | null {
  const offsets: number[] = [];
  let at = 0;
  for (const c of counts) {
    offsets.push(at);
    at += Math.ceil(c / 2) * 16;
  }
  if (at > WASM_MEMORY_LIMIT) return null;
  const have = w.memory.buffer.byteLength;
  if (at > have) w.memory.grow(Math.ceil((at - have) / 65536));
  return { offsets, f: new Float64Array(w.memory.buffer) };
}

/** m rounded up to a multiple of 8 (the lanes × unrolling of the input-major loops). */
const pad8 = (m: number) => Math.ceil(m / 8) * 8;

/** Writes Xᵀ (d × mp, columns m..mp-1 zero) at double index `at`. */
function writeTransposed(f: Float64Array, at: number, X: Float64Array, m: number, d: number, mp: number): void {
  f.fill(0, at, at + d * mp);
  for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) f[at + j * mp + i] = X[i * d + j];
}

/** Writes a (length n) followed by 8 zeros at double index `at`. */
function writePadded(f: Float64Array, at: number, a: Float64Array): void {
  f.set(a, at);
  f.fill(0, at + a.length, at + a.length + 8);
}

/**
 * Lays out X (m×d), Xᵀ (d × mp), U, b and v (each zero-padded by 8) followed by regions of `scratch[i]`
 * doubles, and writes the five inputs; the byte offsets `[X, XT, U, b, v, ...scratch]` and the memory as
 * doubles, or null if the problem is too large.
 */
function stage(
  w: Exports,
  { X, U, b, v, m, d, n }: ReluBatch,
  mp: number,
  scratch: number[],
): { offsets: number[]; f: Float64Array } | null {
  const l = layout(w, [m * d, d * mp, n * d, n + 8, n + 8, ...scratch]);
  if (!l) return null;
  const [oX, oXT, oU, ob, ov] = l.offsets, f = l.f;
  f.set(X, oX / 8);
  writeTransposed(f, oXT / 8, X, m, d, mp);
  f.set(U, oU / 8);
  writePadded(f, ob / 8, b);
  writePadded(f, ov / 8, v);
  return l;
}

/**
 * S Sᵀ and G Gᵀ of the tangent kernel (upper triangles valid), each as an mp × mp row-major array with
 * mp = m rounded up to 8, or null if the wasm kernels are unavailable or the problem too large.
 * Shapes are the caller's to check.
 */
export function wasmNtkGrams(net: ReluBatch, si: number): { SS: Float64Array; GG: Float64Array; mp: number } | null {
  const w = kernels();
  if (!w) return null;
  const { d, n } = net, mp = pad8(net.m);
  const l = stage(w, net, mp, [mp * mp, mp * mp, 128 * mp, 128 * mp]);
  if (!l) return null;
  const [, oXT, oU, ob, ov, oSS, oGG, oST, oGT] = l.offsets, f = l.f;
  f.fill(0, oSS / 8, oSS / 8 + 2 * mp * mp);
  w.ntk_grams(oXT, oU, ob, ov, mp, d, n, si, oSS, oGG, oST, oGT);
  return { SS: f.slice(oSS / 8, oSS / 8 + mp * mp), GG: f.slice(oGG / 8, oGG / 8 + mp * mp), mp };
}

/**
 * One gradient step in wasm: `phiOf` is called once with Σ_k v_k·relu(pre_ik) (length m; the caller
 * turns it into e and returns e), then U, b, v are updated in place with step `hso` = h·s_o. Returns
 * false (and touches nothing) if the wasm kernels are unavailable or the problem too large.
 */
export function wasmGdStep(
  net: ReluBatch,
  si: number,
  hso: number,
  phiOf: (phi: Float64Array) => Float64Array,
): boolean {
  const w = kernels();
  if (!w) return false;
  const { U, b, v, m, d, n } = net, mp = pad8(m);
  const l = stage(w, net, mp, [mp, m, (n + 4) * mp, m * 128, 128, 128, d * 128]);
  if (!l) return false;
  const [oX, oXT, oU, ob, ov, ophi, oe, oPT, oE, ogv, ogb, ogUT] = l.offsets, f = l.f;
  f.fill(0, ophi / 8, ophi / 8 + mp);
  f.fill(0, oPT / 8 + n * mp, oPT / 8 + (n + 4) * mp); // the padding rows gd_update reads, never uses
  w.gd_phi(oXT, oU, ob, ov, mp, d, n, si, ophi, oPT);
  const e = phiOf(f.slice(ophi / 8, ophi / 8 + m));
  f.set(e, oe / 8);
  w.gd_update(oX, oU, ob, ov, m, d, n, si, oe, hso, oPT, mp, oE, ogv, ogb, ogUT);
  U.set(f.subarray(oU / 8, oU / 8 + n * d));
  b.set(f.subarray(ob / 8, ob / 8 + n));
  v.set(f.subarray(ov / 8, ov / 8 + n));
  return true;
}

/**
 * The Jacobian (m × (n(d+2)+1), row-major) into `out` (already zero or not: every entry is written): the
 * pre-activations by gd_phi, then each row in a wasm buffer (L2-sized at n = 2¹²) copied into `out`. Returns
 * false (and touches nothing) if the wasm kernels are unavailable or the problem too large.
 */
export function wasmJacobian(net: ReluBatch, si: number, so: number, out: Float64Array): boolean {
  const w = kernels();
  if (!w) return false;
  const { m, d, n } = net, mp = pad8(m), P = n * (d + 2) + 1;
  const l = stage(w, net, mp, [mp, (n + 4) * mp, P]);
  if (!l) return false;
  const [oX, oXT, oU, ob, ov, ophi, oPT, oR] = l.offsets, f = l.f;
  w.gd_phi(oXT, oU, ob, ov, mp, d, n, si, ophi, oPT);
  const row = f.subarray(oR / 8, oR / 8 + P);
  for (let i = 0; i < m; i++) {
    w.jacobian_row(oPT, mp, i, oX, d, ov, n, si, so, oR);
    out.set(row, i * P);
  }
  return true;
}

/**
 * Runs the wasm module's `peak_loop`: `iters` iterations of 12 independent f64x2 chains a ← a·x + y,
 * 48 flops each (the bench's measured float64 peak). Returns the chains' sum (NaN if wasm is unavailable).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { wasmPeakLoop } from "./two_layer_kernels_wasm_glue.ts";
 * assert.ok(Number.isFinite(wasmPeakLoop(1000)));
 * ```
 */
export function wasmPeakLoop(iters: number): number {
  const w = kernels();
  return w ? w.peak_loop(iters) : NaN;
}
