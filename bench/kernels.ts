/**
 * `deno task bench:kernels [m d n runs] [--jacobian-n N] [--ts] [--no-tfjs]` (defaults 32 8 65536 20, N = 4096):
 * times the project's hot kernels on the shapes of `../shared/bench/reference_numpy.py` and prints one JSON
 * line per kernel, `{"kernel", "m", "d", "n", "median_ms", "cpu_ms", "runs", "mflop", "gflops"}`, like that script
 * (plus the process CPU time per call, the flop count and the achieved rate), so that both can be run one after the other on one machine and
 * compared as ratios. Kernels: `ntk_gram` and `gd_step` at width n and `jacobian` at width N (float64,
 * `numerics/two_layer_kernels.ts`: the WebAssembly SIMD kernels, the Jacobian in TypeScript, written into one
 * output buffer reused across calls, as numpy's allocator reuses the memory it freed; `jacobian_alloc` is the
 * same with a fresh Float64Array per call, whose page faults cost more than the kernel); with `--ts` also
 * `ntk_gram_ts` and `gd_step_ts` (the same bits from plain TypeScript loops); then `ntk_gram` and `gd_step` in
 * tfjs (float32) on its cpu and wasm backends (`ntk_gram_tfjs_cpu`, …, `gd_step_tfjs_wasm`), written as the
 * numpy script writes them; `--no-tfjs` skips tfjs. Before tfjs, one line `{"kernel": "peak", …}`: the
 * machine's float64 peak, measured (`measured_gflops`: one core running wasm/two_layer_kernels.wat's
 * `peak_loop`, 12 independent f64x2 multiply-add chains, the instructions the kernels use) and nominal
 * (`nominal_gflops_per_core` = clock × SIMD lanes × 2 for FMA × 2 FMA units, from /proc/cpuinfo's "cpu MHz"
 * and flags; the two FMA units per core are an assumption, true of AMD Zen 2–4 and Intel since Haswell).
 *
 * Flop counts (multiply and add each one flop, the symmetric Grams counted once): `ntk_gram` 2mnd (X Uᵀ) +
 * 2·m(m+1)n (the upper triangles of S Sᵀ and G Gᵀ); `gd_step` 4mnd (X Uᵀ and Eᵀ X) + 6mn (Φ, ∇_v, E, ∇_b);
 * `jacobian` 3mnd (X Uᵀ and the products v_k·x), whose time is mostly its m·(n(d+2)+1)·8 bytes of output
 * (`gbytes_per_s`). The rates of the numpy script's kernels are these counts over its times.
 *
 * Data as in the reference: X, y ~ N(0, 1); U ~ N(0, 1/d); b = 0; v ~ N(0, 1/n); c = 0; step h = 0.01/n.
 * (Same distributions, not the same numbers: the cost does not depend on the values.)
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { createRng } from "../numerics/random.ts";
import { gdStepRelu, gdStepReluTs, jacobianRelu, ntkGramRelu, ntkGramReluTs } from "../numerics/two_layer_kernels.ts";
import { wasmPeakLoop } from "../numerics/two_layer_kernels_wasm_glue.ts";
import process from "node:process";
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
  /** Whether to time the TypeScript loops too (`ntk_gram_ts`, `gd_step_ts`). */
  ts: boolean;
  /** Width of the Jacobian. */
  nJ: number;
}

/**
 * Parses `[m d n runs] [--jacobian-n N] [--ts] [--no-tfjs]` (all four numbers or none, as reference_numpy.py does).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseBenchArgs } from "./kernels.ts";
 * assert.equal(parseBenchArgs(["8", "4", "1024", "3"]).n, 1024);
 * assert.equal(parseBenchArgs([]).n, 65536);
 * assert.equal(parseBenchArgs(["--jacobian-n", "512", "--ts"]).nJ, 512);
 * assert.throws(() => parseBenchArgs(["--fast"]), /unknown flag/);
 * assert.throws(() => parseBenchArgs(["8", "4", "x", "3"]), /n must be a positive integer/);
 * ```
 */
export function parseBenchArgs(args: string[]): BenchArgs {
  const tfjs = !args.includes("--no-tfjs"), ts = args.includes("--ts");
  const jn = args.indexOf("--jacobian-n");
  const nJ = jn >= 0 ? Number(args[jn + 1]) : 4096;
  const rest = args.filter((a, i) => a !== "--no-tfjs" && a !== "--ts" && (jn < 0 || (i !== jn && i !== jn + 1)));
  const flag = rest.find((a) => a.startsWith("--"));
  if (flag) throw new RangeError(`unknown flag ${flag} (flags: --jacobian-n N, --ts, --no-tfjs)`);
  if (rest.length !== 0 && rest.length !== 4) throw new RangeError(`give all four of m d n runs or none`);
  const [m, d, n, runs] = rest.length === 4 ? rest.map(Number) : [32, 8, 65536, 20];
  for (const [k, x] of Object.entries({ m, d, n, runs, "--jacobian-n": nJ })) {
    if (!(Number.isInteger(x) && x > 0)) throw new RangeError(`${k} must be a positive integer, got ${x}`);
  }
  return { m, d, n, runs, tfjs, ts, nJ };
}

/**
 * Floating-point operations of one call of a kernel (the counts of this module's header), or undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kernelFlops } from "./kernels.ts";
 * assert.equal(kernelFlops("ntk_gram", 2, 1, 1), 2 * 2 + 2 * 2 * 3);
 * assert.equal(kernelFlops("gd_step_tfjs_cpu", 1, 1, 1), 10);
 * ```
 */
export function kernelFlops(kernel: string, m: number, d: number, n: number): number | undefined {
  const base = kernel.replace(/_(ts|alloc|tfjs_\w+)$/, "");
  if (base === "ntk_gram") return 2 * m * n * d + 2 * m * (m + 1) * n;
  if (base === "gd_step") return 4 * m * n * d + 6 * m * n;
  if (base === "jacobian") return 3 * m * n * d;
  return undefined;
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

/**
 * Like `medianMs`, and also the mean process CPU time per timed call (user + system, all threads, from
 * node:process cpuUsage): the time that does not count other processes' slices on a loaded machine.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { timeKernel } from "./kernels.ts";
 * const t = await timeKernel(() => {}, 3);
 * assert.ok(t.median_ms >= 0 && t.cpu_ms >= 0);
 * ```
 */
export async function timeKernel(fn: () => unknown, runs: number): Promise<{ median_ms: number; cpu_ms: number }> {
  let cpu = 0, calls = 0;
  const median_ms = await medianMs(() => {
    const c = process.cpuUsage();
    const r = fn();
    const dc = process.cpuUsage(c);
    if (calls++ > 0) cpu += (dc.user + dc.system) / 1000; // the warm-up call is not counted, as in numpy's
    return r;
  }, runs);
  return { median_ms, cpu_ms: cpu / runs };
}

function line(kernel: string, a: BenchArgs, t: number | { median_ms: number; cpu_ms: number }, n = a.n): string {
  const ms = typeof t === "number" ? t : t.median_ms, cpu = typeof t === "number" ? undefined : t.cpu_ms;
  const flops = kernelFlops(kernel, a.m, a.d, n) ?? NaN, r = (x: number, k: number) => Math.round(x * k) / k;
  const extra = kernel.startsWith("jacobian")
    ? { gbytes_per_s: r((8 * a.m * (n * (a.d + 2) + 1)) / ms / 1e6, 100) }
    : {};
  return JSON.stringify({
    kernel,
    m: a.m,
    d: a.d,
    n,
    median_ms: r(ms, 1000),
    ...(cpu === undefined ? {} : { cpu_ms: r(cpu, 1000) }),
    runs: a.runs,
    mflop: r(flops / 1e6, 1000),
    gflops: r(flops / ms / 1e6, 100),
    ...extra,
  });
}

/** The nominal float64 peak per core from /proc/cpuinfo (clock × lanes × 2 × 2), or undefined off Linux. */
function nominalPeak(): { mhz: number; lanes: number; cores: number; gflops: number } | undefined {
  let text: string;
  try {
    text = Deno.readTextFileSync("/proc/cpuinfo");
  } catch {
    return undefined;
  }
  const mhz = Number(/^cpu MHz\s*:\s*([\d.]+)/m.exec(text)?.[1]);
  const flags = new Set((/^flags\s*:(.*)$/m.exec(text)?.[1] ?? "").trim().split(/\s+/));
  const lanes = flags.has("avx512f") ? 8 : flags.has("avx") ? 4 : 2, fma = flags.has("fma") ? 2 : 1;
  const cores = text.split("\n").filter((l) => l.startsWith("processor")).length;
  if (!(mhz > 0)) return undefined;
  return { mhz, lanes, cores, gflops: Math.round((mhz / 1000) * lanes * fma * 2 * 100) / 100 };
}

/** One JSON line: the measured peak (best of 5 runs of peak_loop, about 40 ms each) and the nominal one. */
function peakLine(): string {
  const iters = 1 << 21;
  let best = 0;
  for (let r = 0; r < 6; r++) {
    const t = performance.now();
    wasmPeakLoop(iters);
    const ms = performance.now() - t;
    if (r > 0) best = Math.max(best, (iters * 48) / ms / 1e6);
  }
  const nominal = nominalPeak();
  return JSON.stringify({
    kernel: "peak",
    measured_gflops: Math.round(best * 100) / 100,
    measured_by: "peak_loop: 12 f64x2 mul+add chains, one core, best of 5",
    nominal_gflops_per_core: nominal?.gflops ?? null,
    nominal_from: nominal
      ? `${nominal.mhz} MHz x ${nominal.lanes} lanes x 2 (FMA) x 2 FMA units (assumed), ${nominal.cores} cores`
      : "no /proc/cpuinfo",
  });
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

/** Times ntk_gram, gd_step (and with --ts their TypeScript loops) and the Jacobian at width nJ. */
async function benchFloat64(a: BenchArgs): Promise<string[]> {
  const { X, y, U, b, v } = data(a);
  const { m, d, n } = a;
  let c = 0;
  const h = 0.01 / n;
  // The Jacobian first: bench/compare.ts runs numpy's Jacobian just before this process.
  const j = data({ ...a, n: a.nJ }), J = new Float64Array(m * (a.nJ * (d + 2) + 1));
  const out = [
    line("jacobian", a, await timeKernel(() => jacobianRelu(j.X, j.U, j.b, j.v, m, d, a.nJ, {}, J), a.runs), a.nJ),
    line("ntk_gram", a, await timeKernel(() => ntkGramRelu(X, U, b, v, m, d, n), a.runs)),
    line("gd_step", a, await timeKernel(() => (c = gdStepRelu(X, y, U, b, v, c, m, d, n, h).c), a.runs)),
    line("jacobian_alloc", a, await timeKernel(() => jacobianRelu(j.X, j.U, j.b, j.v, m, d, a.nJ), a.runs), a.nJ),
  ];
  if (a.ts) {
    out.push(line("ntk_gram_ts", a, await timeKernel(() => ntkGramReluTs(X, U, b, v, m, d, n), a.runs)));
    out.push(line("gd_step_ts", a, await timeKernel(() => (c = gdStepReluTs(X, y, U, b, v, c, m, d, n, h).c), a.runs)));
  }
  return out;
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
  console.log(peakLine());
  if (!a.tfjs) return;
  tf.env().set("IS_TEST", true); // silences the "install tfjs-node" banner
  await tf.setBackend("cpu");
  for (const l of await benchTfjs(a, "cpu")) console.log(l);
  setWasmPaths(new URL("../node_modules/@tensorflow/tfjs-backend-wasm/dist/", import.meta.url).href);
  await tf.setBackend("wasm");
  for (const l of await benchTfjs(a, "wasm")) console.log(l);
}

if (import.meta.main) await runBenchMain(main);
