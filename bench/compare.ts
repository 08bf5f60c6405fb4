/**
 * `deno task bench:compare [m d n runs] [--rounds R] [--no-tfjs]`: runs `../shared/bench/reference_numpy.py`
 * and `bench/kernels.ts` one after the other, R times (default 3), each in a fresh process, and prints
 * one JSON line per kernel and round, `{"round", "kernel", "median_ms", "numpy_kernel", "numpy_ms",
 * "ratio"}` (ratio = this kernel's time over numpy's time for the same computation in the same round),
 * then one summary line per kernel with the median ratio over rounds. On a shared machine the
 * absolute times drift; ratios taken back to back drift much less.
 *
 * @module
 */
import { runBenchMain } from "./_main.ts";

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
 * ```
 */
export function numpyCounterpart(kernel: string): string {
  return kernel.replace(/_tfjs_\w+$/, "");
}

async function run(cmd: string, args: string[]): Promise<string> {
  const out = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "inherit" }).output();
  if (!out.success) throw new Error(`${cmd} ${args.join(" ")} failed with code ${out.code}`);
  return new TextDecoder().decode(out.stdout);
}

async function main(args: string[]): Promise<void> {
  const r = args.indexOf("--rounds");
  const rounds = r >= 0 ? Number(args[r + 1]) : 3;
  if (!(Number.isInteger(rounds) && rounds > 0)) throw new RangeError(`--rounds must be a positive integer`);
  const rest = args.filter((_, i) => i !== r && i !== r + 1);
  const shape = rest.filter((a) => !a.startsWith("--"));
  const script = new URL("../../shared/bench/reference_numpy.py", import.meta.url).pathname;
  const kernels = new URL("./kernels.ts", import.meta.url).pathname;
  const ratios = new Map<string, number[]>();
  for (let round = 1; round <= rounds; round++) {
    const numpy = new Map(parseTimings(await run("python3", [script, ...shape])).map((t) => [t.kernel, t.median_ms]));
    const ours = parseTimings(await run(Deno.execPath(), ["run", "-A", kernels, ...rest]));
    for (const t of ours) {
      const nk = numpyCounterpart(t.kernel), nm = numpy.get(nk);
      if (nm === undefined) continue;
      const ratio = t.median_ms / nm;
      ratios.set(t.kernel, [...(ratios.get(t.kernel) ?? []), ratio]);
      console.log(JSON.stringify({
        round,
        kernel: t.kernel,
        median_ms: t.median_ms,
        numpy_kernel: nk,
        numpy_ms: nm,
        ratio: Math.round(ratio * 1000) / 1000,
      }));
    }
  }
  for (const [kernel, rs] of ratios) {
    const s = [...rs].sort((a, b) => a - b);
    const med = s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    console.log(JSON.stringify({ kernel, rounds: rs.length, median_ratio: Math.round(med * 1000) / 1000 }));
  }
}

if (import.meta.main) await runBenchMain(main);
