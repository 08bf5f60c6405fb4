import assert from "node:assert/strict";
import { TIMING_MARK, withoutTimingLines } from "../engine/report.ts";
import { withoutTimings } from "../engine/parallel_run.ts";

async function run(script: string, ...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL(script, import.meta.url).pathname, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr), stdout: new TextDecoder().decode(out.stdout) };
}

const badInputs: [string, string[]][] = [
  ["unknown claim id", ["--only", "no-such-claim"]],
  ["malformed seed", ["--seed", "abc"]],
  ["negative seed", ["--seed", "-3"]],
  ["unknown flag", ["--bogus"]],
  ["bad budget", ["--budget", "huge"]],
  ["missing value", ["--seed"]],
  ["zero workers", ["--workers", "0"]],
  ["malformed workers", ["--workers", "two"]],
];

Deno.test("report: each bad input → one-line error, exit code 2, nothing written", async (t) => {
  const dir = await Deno.makeTempDir();
  // Subprocesses run concurrently; the steps then report each case.
  const outcomes = await Promise.all(
    badInputs.map(([, args], i) => run("./report.ts", ...args, "--out", `${dir}/R${i}.md`)),
  );
  for (const [i, [what]] of badInputs.entries()) {
    await t.step(what, () => {
      assert.equal(outcomes[i].code, 2, outcomes[i].stderr);
      assert.equal(outcomes[i].stderr.trim().split("\n").length, 1, outcomes[i].stderr);
    });
  }
  assert.deepEqual([...Deno.readDirSync(dir)], []);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("replay: unknown id, out-of-range instance → exit code 2; a real instance replays", async () => {
  assert.equal((await run("./replay.ts", "nope", "--seed", "1")).code, 2);
  assert.equal((await run("./replay.ts", "lemma-10.2", "--instance", "100000")).code, 2);
  const ok = await run("./replay.ts", "lemma-10.2", "--seed", "1", "--instance", "0");
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /conclusion: holds/);
});

Deno.test("report: --only writes markdown and JSON with the requested claims", async () => {
  const dir = await Deno.makeTempDir();
  const r = await run(
    "./report.ts",
    "--budget",
    "test",
    "--only",
    "lemma-10.2",
    "--out",
    `${dir}/R.md`,
    "--json",
    `${dir}/r.json`,
  );
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(await Deno.readTextFile(`${dir}/r.json`));
  assert.deepEqual(json.claims.map((c: { id: string }) => c.id), ["lemma-10.2"]);
  assert.equal(json.claims[0].status, "verified");
  assert.match(await Deno.readTextFile(`${dir}/R.md`), /lemma-10.2/);
  await Deno.remove(dir, { recursive: true });
});

const exploreBad: [string, string[]][] = [
  ["unknown claim id", ["no-such-claim"]],
  ["NaN step", ["lemma-10.2", "--etaBeta", "NaN"]],
  ["out-of-range dimension", ["lemma-10.2", "--d", "-3"]],
  ["non-integer dimension", ["lemma-10.2", "--d", "2.5"]],
  ["flag of another claim", ["lemma-10.2", "--hRatio", "1"]],
  ["unknown scenario", ["lemma-10.2", "--scenario", "nope"]],
  ["no claim id", []],
];

Deno.test("explore: each bad input → one-line error, exit code 2", async (t) => {
  const outcomes = await Promise.all(exploreBad.map(([, args]) => run("./explore.ts", ...args)));
  for (const [i, [what]] of exploreBad.entries()) {
    await t.step(what, () => {
      assert.equal(outcomes[i].code, 2, outcomes[i].stderr);
      assert.equal(outcomes[i].stderr.trim().split("\n").length, 1, outcomes[i].stderr);
    });
  }
});

Deno.test("explore: a broken hypothesis shows a failing conclusion; --help lists parameters and scenarios", async () => {
  const r = await run(
    "./explore.ts",
    "lemma-10.2",
    "--etaBeta",
    "2.05",
    "--family",
    "0",
    "--onTop",
    "1",
    "--ignore-hypotheses",
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /✗ hypothesis \$\\eta < 2\/\\beta\$/);
  assert.match(r.stdout, /✗ conclusion FAILS/);
  const h = await run("./explore.ts", "lemma-10.2", "--help");
  assert.match(h.stdout, /--etaBeta V/);
  assert.match(h.stdout, /scenario eta-above-2-over-beta/);
});

Deno.test("list: every claim id with its kind", async () => {
  const r = await run("./list.ts");
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^lemma-10\.2 +exact/m);
});

Deno.test("report: the same seed gives byte-identical markdown and JSON (timings aside) with or without workers; another seed differs", async () => {
  const dir = await Deno.makeTempDir();
  const args = ["--budget", "test", "--only", "lemma-10.2,thm-11.3"];
  // a: a worker per core; b: this thread only (the pool must not change a byte); c: another seed.
  const runs = [["a", "5", "2"], ["b", "5", "1"], ["c", "6", "2"]].map(([name, seed, workers]) =>
    run(
      "./report.ts",
      ...args,
      "--seed",
      seed,
      "--workers",
      workers,
      "--out",
      `${dir}/${name}/R.md`,
      "--json",
      `${dir}/${name}.json`,
    )
  );
  for (const r of await Promise.all(runs)) assert.equal(r.code, 0, r.stderr);
  const read = (p: string) => Deno.readTextFileSync(`${dir}/${p}`);
  const json = (p: string) => withoutTimings(JSON.parse(read(p)));
  // The timing lines exist (so the comparison below really drops something) and are all that may differ.
  assert.match(read("a/R.md"), new RegExp(`${TIMING_MARK} wall-clock time`));
  assert.equal(withoutTimingLines(read("a/R.md")), withoutTimingLines(read("b/R.md")));
  assert.deepEqual(json("a.json"), json("b.json"));
  const c = json("c.json") as { seed: number };
  assert.notDeepEqual({ ...json("a.json") as object, seed: 0 }, { ...c, seed: 0 });
  const compare = await run("./compare_reports.ts", `${dir}/a/R.md`, `${dir}/b/R.md`);
  assert.equal(compare.code, 0, compare.stdout);
  assert.equal((await run("./compare_reports.ts", `${dir}/a/R.md`, `${dir}/c/R.md`)).code, 1);
  assert.equal((await run("./compare_reports.ts", `${dir}/a.json`, `${dir}/c.json`)).code, 1);
  assert.equal((await run("./compare_reports.ts", `${dir}/a.json`, `${dir}/b.json`)).code, 0);
  assert.equal((await run("./compare_reports.ts", `${dir}/a.json`, `${dir}/b/R.md`)).code, 2);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("report: an interrupted run leaves the previous report intact", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/R.md`, "previous report");
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL("./report.ts", import.meta.url).pathname, "--out", `${dir}/R.md`],
    stdout: "null",
    stderr: "null",
  }).spawn();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  child.kill("SIGKILL");
  await child.status;
  assert.equal(await Deno.readTextFile(`${dir}/R.md`), "previous report");
  await Deno.remove(dir, { recursive: true });
});
