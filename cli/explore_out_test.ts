/**
 * `deno task explore --out DIR`, `--sweep`, refused flag combinations and progress: every error is one line
 * (a UsageError, exit 2) with nothing written, a scenario's plots show what was run (never an empty chart),
 * a plot that cannot be drawn from the records run is left out with a note.
 */
import assert from "node:assert/strict";
import { UsageError } from "./args.ts";
import { main as explore } from "./explore.ts";
import { isEmptyChart } from "./explore_out.ts";
import { Progress } from "./progress.ts";

/** Runs `f` with console.log and console.error captured. */
async function quiet(f: () => Promise<number | void>): Promise<{ code: number | void; out: string; err: string }> {
  const [log, error] = [console.log, console.error];
  const out: string[] = [], err: string[] = [];
  console.log = (...a: unknown[]) => out.push(a.join(" "));
  console.error = (...a: unknown[]) => err.push(a.join(" "));
  try {
    const code = await f();
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    [console.log, console.error] = [log, error];
  }
}

function svgsIn(dir: string): string[] {
  return [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.endsWith(".svg")).sort();
}

Deno.test("explore --out: a plot that needs more instances is left out with a note, the trace is written", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const { code, err } = await quiet(() => explore(["thm-11.16", "--count", "5", "--out", dir]));
    assert.equal(code, 0);
    assert.match(err, /note: no plot drawn: .*5 record/);
    assert.deepEqual(svgsIn(dir), ["thm-11.16-observed-vs-bound.svg"]);
    const md = await Deno.readTextFile(`${dir}/thm-11.16.md`);
    assert.ok(md.includes("replay: deno task explore thm-11.16 --seed 1 --instance 0 --count 5"), md);
    assert.ok(md.includes("- no plot drawn") && md.includes("- drawn instead"), md);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("explore --out: an unwritable directory is one UsageError before anything runs", async () => {
  await assert.rejects(() => quiet(() => explore(["thm-11.16", "--out", "/dev/null/x"])), (e) => {
    assert.ok(e instanceof UsageError);
    assert.equal(e.message, "--out /dev/null/x: /dev/null is not a directory");
    return true;
  });
});

Deno.test("explore --scenario --out plots what was run: the failing instances, or the aggregate's draws", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const broken = await quiet(() => explore(["lemma-10.2", "--scenario", "eta-above-2-over-beta", "--out", dir]));
    assert.equal(broken.code, 1);
    const md = await Deno.readTextFile(`${dir}/lemma-10.2.md`);
    assert.ok(md.includes("Plots of the scenario's failing run") && md.includes("observed-vs-bound.svg"), md);
    const aggregate = await quiet(() =>
      explore(["prop-11.28", "--scenario", "width-one", "--count", "60", "--out", dir])
    );
    assert.equal(aggregate.code, 1, aggregate.out);
    const svgs = svgsIn(dir);
    assert.ok(svgs.includes("prop-11.28-ks.svg") && svgs.some((s) => s.startsWith("lemma-10.2-")), svgs.join());
    for (const svg of svgs) assert.ok((await Deno.readTextFile(`${dir}/${svg}`)).includes("<path"), svg);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("isEmptyChart: a chart whose every data array is empty", () => {
  assert.equal(isEmptyChart({ layer: [{ data: { values: [] } }, { data: { values: [] } }] }), true);
  assert.equal(isEmptyChart({ data: { values: [{ n: 1 }] } }), false);
});

Deno.test("explore: flags that mean nothing together are one-line UsageErrors", async () => {
  const cases: [string[], RegExp][] = [
    [["lemma-10.2", "--scenario", "eta-above-2-over-beta", "--instance", "3"], /samples its own instances/],
    [["lemma-10.2", "--scenario", "eta-above-2-over-beta", "--ignore-hypotheses"], /always checks the conclusion/],
    [["lemma-10.2", "--scenario", "eta-above-2-over-beta", "--compare", "--ignore-hypotheses"], /kept side/],
    [["lemma-10.2", "--sweep"], /lemma-10.2 is exact/],
    [["thm-11.16", "--sweep", "--count", "3"], /drop --count/],
    [["thm-11.16", "--sweep", "--n", "64"], /--n sets one instance/],
    [["thm-11.16", "--budget", "report"], /--budget goes with --sweep/],
    [["thm-11.16", "--sweep", "--budget", "big"], /--budget must be/],
    [["thm-11.16", "--sweep", "--instances", "0"], /--instances must be in/],
  ];
  for (const [args, message] of cases) {
    await assert.rejects(() => quiet(() => explore(args)), (e) => {
      assert.ok(e instanceof UsageError, `${args.join(" ")}: ${e}`);
      assert.match(e.message, message, args.join(" "));
      assert.ok(!e.message.includes("\n"), args.join(" "));
      return true;
    });
  }
  // --instance with --compare works: it picks the instance both sides run.
  const { out } = await quiet(() =>
    explore(["lemma-10.2", "--scenario", "eta-above-2-over-beta", "--compare", "--instance", "3"])
  );
  assert.ok(
    out.includes("instance 3:") && out.includes("--instance 3 --scenario eta-above-2-over-beta --compare"),
    out,
  );
});

Deno.test("explore --sweep: the claim's run, its aggregate's rows and a plot with --out", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const { code, out } = await quiet(() => explore(["thm-11.16", "--sweep", "--out", dir]));
    assert.equal(code, 0, out);
    assert.match(out, /^sweep: \d+ instances at the test budget/m);
    assert.match(out, /^verdict: verified/m);
    assert.match(out, /test exponent of the RMS .* power/);
    assert.ok(out.includes("replay: deno task explore thm-11.16 --sweep --seed 1"), out);
    assert.deepEqual(svgsIn(dir), ["thm-11.16-rate.svg"]);
    const few = await quiet(() => explore(["lemma-11.20", "--sweep", "--instances", "4"]));
    assert.ok(few.out.includes("sweep: 4 instances at the test budget (--instances 4)"), few.out);
    assert.ok(few.out.includes("cell "), few.out);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("progress: quiet for 2 s; then a line updating in place on a terminal, erased at the end", () => {
  let t = 0, text = "";
  const p = new Progress("explore x", { write: (s) => (text += s), isTty: true, now: () => t });
  p.update(1, 3, "instance");
  assert.equal(text, "");
  t = 2100;
  p.update(2, 3, "instance");
  t = 2150;
  p.update(3, 3, "instance");
  p.end();
  assert.equal(text, "\rexplore x: instance 2/3…\x1b[K\rexplore x: instance 3/3…\x1b[K\r\x1b[K");
  let plain = "";
  const q = new Progress("sweep y", { write: (s) => (plain += s), isTty: false, now: () => t });
  t += 2000;
  q.update(1, 9, "draw");
  t += 1000;
  q.update(2, 9, "draw");
  t += 1500;
  q.update(3, 9, "draw");
  q.end();
  assert.equal(plain, "sweep y: draw 1/9…\nsweep y: draw 3/9…\n");
});

Deno.test("integer-coded parameters: names cover every code, help lists them, defaults stated are reachable", async () => {
  const { claims } = await import("../theorems/catalog.ts");
  for (const claim of claims) {
    for (const [name, spec] of Object.entries(claim.parameters ?? {})) {
      const where = `${claim.id} --${name}`;
      if (spec.names) {
        assert.equal(spec.type, "integer", where);
        assert.equal(spec.names.length, spec.max - spec.min + 1, where);
        assert.equal(new Set(spec.names).size, spec.names.length, where);
        for (const n of spec.names) assert.match(n, /^[a-z][a-z0-9.-]*$/, where);
      } else {
        // A code without names must say what it means in the help: "index of …" alone does not.
        assert.doesNotMatch(spec.help, /^index of/, where);
      }
      // Every default a help text states ("default 300", "default 1000 at the report budget") is a value the flag takes.
      for (const m of spec.help.matchAll(/default:? (-?\d+(?:\.\d+)?)\b/g)) {
        const v = Number(m[1]);
        assert.ok(v >= spec.min && v <= spec.max, `${where}: default ${v} outside [${spec.min}, ${spec.max}]`);
      }
    }
  }
  const { out } = await quiet(() => explore(["thm-11.16", "--law", "rademacher", "--n", "16"]));
  assert.match(out, /instance 0: D = rademacher, σ = arctan, n = 16/);
  const help = await quiet(() => explore(["thm-11.16", "--help"]));
  assert.ok(help.out.includes("gaussian-relu (0), rademacher-arctan (1), uniform-softplus (2)"), help.out);
  const byCode = await quiet(() => explore(["thm-11.16", "--law", "1", "--n", "16"]));
  assert.equal(byCode.out.split("\n")[1], out.split("\n")[1]);
  for (const bad of ["gaussian-", "poisson"]) {
    await assert.rejects(() => quiet(() => explore(["ex-11.37", "--law", bad])), UsageError);
  }
  // chizat-global-convergence: both budgets' horizons (300, 1000) are reachable by --horizon.
  const horizon = (await import("../theorems/catalog.ts")).claimById("chizat-global-convergence")!.parameters!.horizon;
  assert.ok(horizon.min <= 300 && horizon.max >= 1000, JSON.stringify(horizon));
});

Deno.test("explore --help states each scenario's default size (sampled, searched, shrinking; or draws)", async () => {
  const sizes: [string, string][] = [
    ["thm-11.3", "scenario h-beyond-2-over-beta (20 sampled, 60 searched instances)"],
    ["chizat-sparse-deconvolution", "scenario no-mass-updates (2 sampled, 1 searched, at most 1 shrinking instances)"],
    ["chizat-small-step", "scenario relu (20 sampled, 0 searched instances)"],
    ["lemma-11.20", "scenario variance-two (aggregate, 200 draws)"],
  ];
  for (const [id, line] of sizes) {
    const { out } = await quiet(() => explore([id, "--help"]));
    assert.ok(out.includes(line), `${id}: ${out}`);
  }
});

Deno.test("--sweep says an aggregate's failure in words (the fit against the printed rate)", async () => {
  const { runSweep } = await import("./explore_sweep.ts");
  const { looseRate } = await import("../engine/_toy_claims.ts");
  const out = await runSweep(looseRate(0.25), { seed: 1, budget: "test", progress: false });
  const verdict = out.lines.find((l) => l.startsWith("verdict:"))!;
  assert.match(verdict, /^verdict: falsified: .* in words: the fitted exponent 0\.\d{3} .* above the printed 0\.25$/);
});
