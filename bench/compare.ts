/**
 * `deno task bench:compare [m d n runs] [--rounds R] [--jacobian-n N] [--ts] [--no-tfjs]`: runs
 * `../shared/bench/reference_numpy.py` at width n (for `ntk_gram`, `gd_step`; stopped once it has printed
 * them) and at width N (default 4096, for `jacobian`), then `bench/kernels.ts`, one after the other, R times
 * (default 3), each in a fresh process, then `bench/reference_numpy_cpu.py` (numpy's CPU time per call), and
 * prints one JSON line per kernel and round, `{"round", "kernel", "n", "median_ms", "numpy_kernel", "numpy_ms",
 * "ratio", "cpu_ms", "numpy_cpu_ms", "cpu_ratio", "gflops", "numpy_gflops"}` (ratio = this kernel's median wall
 * time over numpy's for the same computation at the same shape in the same round; cpu_ratio the same for the
 * process CPU time per call, which other processes' time slices do not inflate), then one summary line per
 * kernel with the median and the largest ratio (wall and CPU) over the rounds, both sides' median times and
 * rates, whether the wall ratio was ≤ 1 in every round, and the peak lines of `bench/kernels.ts` (measured and
 * nominal). numpy runs pinned to one thread: `OPENBLAS_NUM_THREADS`,
 * `OMP_NUM_THREADS` and `MKL_NUM_THREADS` are set to 1 in its environment, and a first line `{"numpy_threads"}`
 * reports the threads of a python process that has imported numpy under that environment (1 if pinned; the
 * run stops otherwise). On a shared machine the absolute times drift; ratios taken back to back drift much less.
 *
 * @module
 */
import { runBenchMain } from "./_main.ts";
import { kernelFlops, parseBenchArgs } from "./kernels.ts";

/** One JSON line of either benchmark. */
export interface Timing {
  /** Kernel name, e.g. `ntk_gram`, `gd_step_tfjs_wasm`. */
  kernel: string;
  /** Median wall time in ms. */
  median_ms: number;
}

/**
 * Parses the JSON lines a benchmark printed (other lines ignored).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseTimings } from "./compare.ts";
 * const t = parseTimings('noise\n{"kernel": "ntk_gram", "m": 1, "median_ms": 2.5}\n');
 * assert.ok(t.length === 1 && t[0].median_ms === 2.5);
 * ```
 */
export function parseTimings(text: string): Timing[] {
  return text.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Timing);
}

/**
 * The numpy kernel a kernel is compared with: `ntk_gram_tfjs_wasm` → `ntk_gram`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { numpyCounterpart } from "./compare.ts";
 * assert.equal(numpyCounterpart("gd_step_tfjs_cpu"), "gd_step");
 * assert.equal(numpyCounterpart("jacobian_alloc"), "jacobian");
 * ```
 */
export function numpyCounterpart(kernel: string): string {
  return kernel.replace(/_(ts|alloc|tfjs_\w+)$/, "");
}

/** One thread for every BLAS/OpenMP numpy may load. */
export const NUMPY_ENV: Record<string, string> = {
  OPENBLAS_NUM_THREADS: "1",
  OMP_NUM_THREADS: "1",
  MKL_NUM_THREADS: "1",
};

async function run(cmd: string, args: string[], env?: Record<string, string>): Promise<string> {
  const out = await new Deno.Command(cmd, { args, env, stdout: "piped", stderr: "inherit" }).output();
  if (!out.success) throw new Error(`${cmd} ${args.join(" ")} failed with code ${out.code}`);
  return new TextDecoder().decode(out.stdout);
}

/**
 * Runs the numpy script (unbuffered, pinned) and returns its timings once all of `kernels` have been printed,
 * killing it then; fails if it exits first.
 */
async function runUntil(cmd: string, args: string[], kernels: string[]): Promise<Timing[]> {
  const child = new Deno.Command(cmd, {
    args,
    env: { ...NUMPY_ENV, PYTHONUNBUFFERED: "1" },
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const found: Timing[] = [];
  let text = "";
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  try {
    while (!kernels.every((k) => found.some((t) => t.kernel === k))) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`${cmd} ${args.join(" ")} ended before printing ${kernels.join(", ")}`);
      text += value;
      const cut = text.lastIndexOf("\n");
      if (cut < 0) continue;
      found.push(...parseTimings(text.slice(0, cut + 1)));
      text = text.slice(cut + 1);
    }
  } finally {
    await reader.cancel().catch(() => {});
    try {
      child.kill("SIGTERM");
    } catch { /* already exited */ }
    await child.status;
  }
  return found;
}

/** The median of a non-empty list. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

interface Row {
  kernel: string;
  n: number;
  ms: number;
  numpyMs: number;
  ratio: number;
  flops: number;
  /** CPU time per call, ours over numpy's (NaN where either is missing). */
  cpuRatio: number;
}

/** Parses `[m d n runs] [--rounds R] [--jacobian-n N] …`: the rounds, the shape and the rest for kernels.ts. */
function parseCompareArgs(args: string[]): { rounds: number; shape: string[]; nJ: string; rest: string[] } {
  const r = args.indexOf("--rounds");
  const rounds = r >= 0 ? Number(args[r + 1]) : 3;
  if (!(Number.isInteger(rounds) && rounds > 0)) throw new RangeError(`--rounds must be a positive integer`);
  const rest = args.filter((_, i) => r < 0 || (i !== r && i !== r + 1));
  const parsed = parseBenchArgs(rest); // validates the shape and the flags
  const shape = rest.filter((a, i) => !a.startsWith("--") && rest[i - 1] !== "--jacobian-n");
  return { rounds, shape, nJ: String(parsed.nJ), rest };
}

async function main(args: string[]): Promise<void> {
  const { rounds, shape, nJ, rest } = parseCompareArgs(args);
  const [m, d, n, runs] = shape.length === 4 ? shape : ["32", "8", "65536", "20"];
  const script = new URL("../../shared/bench/reference_numpy.py", import.meta.url).pathname;
  const kernels = new URL("./kernels.ts", import.meta.url).pathname;
  const cpuScript = new URL("./reference_numpy_cpu.py", import.meta.url).pathname;
  const probe = "import os, numpy; print(len(os.listdir('/proc/self/task')))";
  const threads = Number((await run("python3", ["-c", probe], NUMPY_ENV)).trim());
  console.log(JSON.stringify({ numpy_threads: threads, env: NUMPY_ENV }));
  if (threads !== 1) throw new Error(`numpy runs ${threads} threads under ${JSON.stringify(NUMPY_ENV)}, not 1`);
  const rows = new Map<string, Row[]>();
  const peaks: { measured_gflops: number; nominal_gflops_per_core: number | null; nominal_from: string }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const numpy = new Map<string, number>();
    // Width n: only ntk_gram and gd_step are compared, so the script is stopped once it has printed them
    // (its Jacobian at n = 2¹⁶, 170 MB and about 8 s, is not needed). Then width N for the Jacobian, last,
    // so that it runs just before this project's kernels (bench/kernels.ts times the Jacobian first).
    const wide = n === nJ ? [] : await runUntil("python3", [script, m, d, n, runs], ["ntk_gram", "gd_step"]);
    for (const t of [...wide, ...parseTimings(await run("python3", [script, m, d, nJ, runs], NUMPY_ENV))]) {
      numpy.set(`${t.kernel}@${(t as Timing & { n: number }).n}`, t.median_ms);
    }
    const ours = parseTimings(await run(Deno.execPath(), ["run", "-A", kernels, ...rest]));
    // numpy's CPU time per call (bench/reference_numpy_cpu.py: the script's own kernels), after ours.
    const numpyCpu = new Map<string, number>();
    for (const [width, names] of [[n, ["ntk_gram", "gd_step"]], [nJ, ["jacobian"]]] as const) {
      for (const t of parseTimings(await run("python3", [cpuScript, script, m, d, width, runs, ...names], NUMPY_ENV))) {
        numpyCpu.set(`${t.kernel}@${width}`, (t as Timing & { cpu_ms: number }).cpu_ms);
      }
    }
    for (const t of ours) {
      if (t.kernel === "peak") {
        peaks.push(t as unknown as (typeof peaks)[number]);
        console.log(JSON.stringify({ round, ...t }));
        continue;
      }
      const tn = (t as Timing & { n: number }).n, nk = numpyCounterpart(t.kernel), nm = numpy.get(`${nk}@${tn}`);
      if (nm === undefined) continue;
      const flops = kernelFlops(t.kernel, Number(m), Number(d), tn) ?? NaN;
      const cpu = (t as Timing & { cpu_ms?: number }).cpu_ms ?? NaN, ncpu = numpyCpu.get(`${nk}@${tn}`) ?? NaN;
      const row: Row = {
        kernel: t.kernel,
        n: tn,
        ms: t.median_ms,
        numpyMs: nm,
        ratio: t.median_ms / nm,
        flops,
        cpuRatio: cpu / ncpu,
      };
      rows.set(t.kernel, [...(rows.get(t.kernel) ?? []), row]);
      console.log(JSON.stringify({
        round,
        kernel: t.kernel,
        n: tn,
        median_ms: t.median_ms,
        numpy_kernel: nk,
        numpy_ms: nm,
        ratio: round3(row.ratio),
        cpu_ms: cpu,
        numpy_cpu_ms: ncpu,
        cpu_ratio: round3(row.cpuRatio),
        gflops: Math.round(flops / t.median_ms / 1e4) / 100,
        numpy_gflops: Math.round(flops / nm / 1e4) / 100,
      }));
    }
  }
  for (const [kernel, rs] of rows) {
    const ms = median(rs.map((r) => r.ms)), nms = median(rs.map((r) => r.numpyMs)), f = rs[0].flops;
    console.log(JSON.stringify({
      kernel,
      n: rs[0].n,
      rounds: rs.length,
      median_ratio: round3(median(rs.map((r) => r.ratio))),
      max_ratio: round3(Math.max(...rs.map((r) => r.ratio))),
      at_most_numpy_every_round: rs.every((r) => r.ratio <= 1),
      median_cpu_ratio: round3(median(rs.map((r) => r.cpuRatio))),
      max_cpu_ratio: round3(Math.max(...rs.map((r) => r.cpuRatio))),
      median_ms: round3(ms),
      numpy_median_ms: round3(nms),
      gflops: Math.round(f / ms / 1e4) / 100,
      numpy_gflops: Math.round(f / nms / 1e4) / 100,
    }));
  }
  if (peaks.length) {
    console.log(JSON.stringify({
      kernel: "peak",
      rounds: peaks.length,
      median_measured_gflops: median(peaks.map((p) => p.measured_gflops)),
      nominal_gflops_per_core: peaks[0].nominal_gflops_per_core,
      nominal_from: peaks[0].nominal_from,
    }));
  }
}

if (import.meta.main) await runBenchMain(main);
