/**
 * `deno task bench:kernels [m d n runs]` (defaults 32 8 65536 20): times the project's hot kernels on
 * the shapes of `../shared/bench/reference_numpy.py` and prints one JSON line per kernel,
 * `{"kernel", "m", "d", "n", "median_ms", "runs"}`, like that script, so that both can be run one after
 * the other on one machine and compared as ratios. Kernels: `ntk_gram` and `gd_step` (float64,
 * `numerics/two_layer_kernels.ts`), then the same two in tfjs (float32) on its cpu and wasm backends
 * (`ntk_gram_tfjs_cpu`, `gd_step_tfjs_cpu`, `ntk_gram_tfjs_wasm`, `gd_step_tfjs_wasm`), written as the
 * numpy script writes them. `--no-tfjs` skips tfjs.
 *
 * Data as in the reference: X, y ~ N(0, 1); U ~ N(0, 1/d); b = 0; v ~ N(0, 1/n); c = 0; step h = 0.01/n.
 * (Same distributions, not the same numbers: the cost does not depend on the values.)
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { createRng } from "../numerics/random.ts";
import { gdStepRelu, ntkGramRelu } from "../numerics/two_layer_kernels.ts";
import { runBenchMain } from "./_main.ts";

/** Parsed command line. */
export interface BenchArgs {
  /** Number of inputs. */
  m: number;
  /** Input dimension. */
  d: number;
  /** Width. */
  n: number;
  /** Timed runs per kernel (after one warm-up run). */
  runs: number;
  /** Whether to time tfjs too. */
  tfjs: boolean;
}

/**
 * Parses `[m d n runs] [--no-tfjs]` (all four numbers or none, as reference_numpy.py does).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseBenchArgs } from "./kernels.ts";
 * assert.equal(parseBenchArgs(["8", "4", "1024", "3"]).n, 1024);
 * assert.equal(parseBenchArgs([]).n, 65536);
 * ```
 */
export function parseBenchArgs(args: string[]): BenchArgs {
  const tfjs = !args.includes("--no-tfjs");
  const nums = args.filter((a) => a !== "--no-tfjs");
  const [m, d, n, runs] = nums.length >= 4 ? nums.slice(0, 4).map(Number) : [32, 8, 65536, 20];
  for (const [k, x] of Object.entries({ m, d, n, runs })) {
    if (!(Number.isInteger(x) && x > 0)) throw new RangeError(`${k} must be a positive integer, got ${x}`);
  }
  return { m, d, n, runs, tfjs };
}

/**
 * Median wall time in ms of `runs` calls of `fn`, after one warm-up call.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { medianMs } from "./kernels.ts";
 * assert.ok((await medianMs(() => {}, 3)) >= 0);
 * ```
 */
export async function medianMs(fn: () => unknown, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const h = times.length >> 1;
  return times.length % 2 ? times[h] : (times[h - 1] + times[h]) / 2;
}

function line(kernel: string, a: BenchArgs, ms: number): string {
  return JSON.stringify({ kernel, m: a.m, d: a.d, n: a.n, median_ms: Math.round(ms * 1000) / 1000, runs: a.runs });
}

/** The reference data: X, y ~ N(0,1), U ~ N(0, 1/d), b = 0, v ~ N(0, 1/n), c = 0. */
function data(a: BenchArgs) {
  const rng = createRng(1);
  const draw = (len: number, s: number) => Float64Array.from({ length: len }, () => s * rng.normal());
  return {
    X: draw(a.m * a.d, 1),
    y: draw(a.m, 1),
    U: draw(a.n * a.d, 1 / Math.sqrt(a.d)),
    b: new Float64Array(a.n),
    v: draw(a.n, 1 / Math.sqrt(a.n)),
  };
}

/** Times ntk_gram and gd_step of numerics/two_layer_kernels.ts. */
async function benchFloat64(a: BenchArgs): Promise<string[]> {
  const { X, y, U, b, v } = data(a);
  const { m, d, n } = a;
  let c = 0;
  const h = 0.01 / n;
  return [
    line("ntk_gram", a, await medianMs(() => ntkGramRelu(X, U, b, v, m, d, n), a.runs)),
    line("gd_step", a, await medianMs(() => (c = gdStepRelu(X, y, U, b, v, c, m, d, n, h).c), a.runs)),
  ];
}

/** Times the numpy script's two kernels written in tfjs ops (float32) on the current backend. */
async function benchTfjs(a: BenchArgs, suffix: string): Promise<string[]> {
  const { m, d, n } = a;
  const raw = data(a);
  const X = tf.tensor2d(Float32Array.from(raw.X), [m, d]), y = tf.tensor1d(Float32Array.from(raw.y));
  let U = tf.tensor2d(Float32Array.from(raw.U), [n, d]), b = tf.zeros([n]), v = tf.tensor1d(Float32Array.from(raw.v));
  let c = tf.scalar(0);
  const ntkGram = () => {
    const K = tf.tidy(() => {
      const pre = tf.add(tf.matMul(X, U, false, true), b);
      const s = tf.relu(pre);
      const g = tf.mul(tf.cast(tf.greater(pre, 0), "float32"), v);
      return tf.add(
        tf.add(
          tf.matMul(s, s, false, true),
          tf.mul(tf.matMul(g, g, false, true), tf.add(1, tf.matMul(X, X, false, true))),
        ),
        1,
      );
    });
    K.dataSync();
    K.dispose();
  };
  const h = 0.01 / n;
  const gdStep = () => {
    const next = tf.tidy(() => {
      const pre = tf.add(tf.matMul(X, U, false, true), b);
      const s = tf.relu(pre);
      const e = tf.mul(2, tf.sub(tf.add(tf.matMul(s, v.reshape([n, 1])).reshape([m]), c), y));
      const gv = tf.matMul(s, e.reshape([m, 1]), true, false).reshape([n]);
      const gpre = tf.mul(tf.mul(e.reshape([m, 1]), tf.cast(tf.greater(pre, 0), "float32")), v);
      const gU = tf.matMul(gpre, X, true, false);
      const gb = tf.sum(gpre, 0), gc = tf.sum(e);
      return [tf.sub(U, tf.mul(h, gU)), tf.sub(b, tf.mul(h, gb)), tf.sub(v, tf.mul(h, gv)), tf.sub(c, tf.mul(h, gc))];
    });
    next[3].dataSync();
    [U, b, v, c].forEach((t) => t.dispose());
    [U, b, v, c] = next as [tf.Tensor2D, tf.Tensor, tf.Tensor1D, tf.Scalar];
  };
  const out = [
    line(`ntk_gram_tfjs_${suffix}`, a, await medianMs(ntkGram, a.runs)),
    line(`gd_step_tfjs_${suffix}`, a, await medianMs(gdStep, a.runs)),
  ];
  [X, y, U, b, v, c].forEach((t) => t.dispose());
  return out;
}

/** Runs all kernels, printing each JSON line as soon as it is measured. */
async function main(args: string[]): Promise<void> {
  const a = parseBenchArgs(args);
  for (const l of await benchFloat64(a)) console.log(l);
  if (!a.tfjs) return;
  tf.env().set("IS_TEST", true); // silences the "install tfjs-node" banner
  await tf.setBackend("cpu");
  for (const l of await benchTfjs(a, "cpu")) console.log(l);
  setWasmPaths(new URL("../node_modules/@tensorflow/tfjs-backend-wasm/dist/", import.meta.url).href);
  await tf.setBackend("wasm");
  for (const l of await benchTfjs(a, "wasm")) console.log(l);
}

if (import.meta.main) await runBenchMain(main);
