/**
 * The command-line tools. Bad input is checked in this process, through each command's `main` (every case
 * must throw a one-line `UsageError` before writing anything); then each step checks one behaviour of the
 * commands, run in this process through their mains with stdout and stderr captured (cli/printed_command.ts's
 * `inProcess`: the exit code runMain would give, what they print), one bad input per command included (exit
 * code 2, one line on stderr). What only a process shows runs as subprocesses, started first so they run
 * beside the rest: a report on two workers (compared byte for byte, timings aside, with the same report in
 * this process in one thread), a report with bad input (runMain's exit code 2 and its one line, nothing
 * written), and a report killed mid-run (the previous report is left intact).
 */
import assert from "node:assert/strict";
import { TIMING_MARK, withoutTimingLines } from "../engine/report.ts";
import { withoutTimings } from "../engine/parallel_run.ts";
import { UsageError } from "./args.ts";
import { main as report } from "./report.ts";
import { main as explore } from "./explore.ts";
import { main as replay } from "./replay.ts";
import { main as list } from "./list.ts";
import { main as seeds } from "./seeds.ts";
import { main as compareReports } from "./compare_reports.ts";
import { main as mergeReports } from "./merge_reports.ts";
import { inProcess, type Outcome } from "./printed_command.ts";

// The subprocesses run concurrently: with the default ("auto") node_modules mode each would take the
// directory's lock in turn (and say so on stderr); this test's own run has already set it up.
const DENO_RUN = ["run", "-A", "--node-modules-dir=manual"];

async function run(script: string, ...args: string[]): Promise<Outcome> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [...DENO_RUN, new URL(script, import.meta.url).pathname, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr), stdout: new TextDecoder().decode(out.stdout) };
}

const reportBad: [string, string[]][] = [
  ["unknown claim id", ["--only", "no-such-claim"]],
  ["malformed seed", ["--seed", "abc"]],
  ["negative seed", ["--seed", "-3"]],
  ["unknown flag", ["--bogus"]],
  ["bad budget", ["--budget", "huge"]],
  ["missing value", ["--seed"]],
  ["zero workers", ["--workers", "0"]],
  ["malformed workers", ["--workers", "two"]],
  ["shard with a markdown output", ["--shard", "1/2"]],
  ["shard beyond the count", ["--shard", "3/2", "--json", "s.json"]],
  ["claims module missing", ["--claims", "no-such-claims.ts"]],
  ["claims module without claims", ["--claims", "cli/args.ts"]],
  ["claims module given twice", ["--claims", "engine/_toy_claims_module.ts", "--claims", "x.ts"]],
];

const exploreBad: [string, string[]][] = [
  ["unknown claim id", ["no-such-claim"]],
  ["NaN step", ["lemma-10.2", "--etaBeta", "NaN"]],
  ["out-of-range dimension", ["lemma-10.2", "--d", "-3"]],
  ["non-integer dimension", ["lemma-10.2", "--d", "2.5"]],
  ["flag of another claim", ["lemma-10.2", "--hRatio", "1"]],
  ["unknown scenario", ["lemma-10.2", "--scenario", "nope"]],
  ["no claim id", []],
  ["claims module missing", ["toy-module-square", "--claims", "no-such-claims.ts"]],
  ["claim id of no module", ["toy-module-square"]],
];

const otherBad: [string, (args: string[]) => Promise<number | void>, string[]][] = [
  ["replay: unknown claim id", replay, ["nope", "--seed", "1"]],
  ["replay: out-of-range instance", replay, ["lemma-10.2", "--instance", "100000"]],
  ["list: unknown flag", list, ["--bogus"]],
  ["seeds: last seed before the first", seeds, ["--from", "5", "--to", "3"]],
  ["seeds: zero workers", seeds, ["--workers", "0"]],
  ["seeds: unknown claim id", seeds, ["--only", "nope"]],
  ["seeds: shard beyond the count", seeds, ["--shard", "3/2"]],
  ["seeds: malformed shard", seeds, ["--shard", "1of2"]],
  ["seeds: merge of nothing", seeds, ["--merge"]],
  ["seeds: merge with a seed range", seeds, ["--merge", "--from", "1", "a.json"]],
  ["seeds: merge of a missing file", seeds, ["--merge", "no-such-file.json"]],
  ["compare-reports: one file", compareReports, ["a.md"]],
  ["compare-reports: mixed kinds", compareReports, ["a.json", "b.md"]],
  ["merge-reports: no shards", mergeReports, []],
  ["merge-reports: a missing file", mergeReports, ["no-such-file.json"]],
  ["replay: claims module missing", replay, ["toy-module-square", "--claims", "no-such-claims.ts"]],
  ["list: claims module without claims", list, ["--claims", "cli/args.ts"]],
  ["seeds: claims module missing", seeds, ["--claims", "no-such-claims.ts"]],
];

Deno.test("bad input: every command throws a one-line UsageError and writes nothing", async (t) => {
  const dir = await Deno.makeTempDir();
  type Case = [string, (args: string[]) => Promise<number | void>, string[]];
  const cases: Case[] = [
    ...reportBad.map(([what, args], i) =>
      [`report: ${what}`, report, [...args, "--out", `${dir}/R${i}.md`, "--json", `${dir}/R${i}.json`]] as Case
    ),
    ...exploreBad.map(([what, args]) => [`explore: ${what}`, explore, args] as Case),
    ...otherBad,
  ];
  for (const [what, main, args] of cases) {
    await t.step(what, async () => {
      await assert.rejects(main(args), (e: unknown) => {
        assert.ok(e instanceof UsageError, `not a UsageError: ${e}`);
        assert.ok(!e.message.includes("\n"), `not one line: ${e.message}`);
        return true;
      });
    });
  }
  assert.deepEqual([...Deno.readDirSync(dir)], []);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("seeds --merge joins shards into one summary and calibration table, and refuses a seed twice", async () => {
  const dir = await Deno.makeTempDir();
  const shard = (seeds: number[], pValues: number[]) => ({
    from: seeds[0],
    to: seeds.at(-1),
    claims: 1,
    seeds: seeds.map((seed, i) => ({
      seed,
      failures: [],
      tests: [{ id: "toy", name: "rate", pValue: pValues[i], alpha: 1e-3 }],
    })),
  });
  await Deno.writeTextFile(`${dir}/a.json`, JSON.stringify(shard([1, 2], [0.5, 0.05])));
  await Deno.writeTextFile(`${dir}/b.json`, JSON.stringify(shard([3, 4], [0.005, 0.9])));
  const log = console.log, printed: string[] = [];
  console.log = (...a: unknown[]) => printed.push(a.join(" "));
  try {
    assert.equal(await seeds(["--merge", `${dir}/a.json`, `${dir}/b.json`, "--json", `${dir}/m.json`]), 0);
  } finally {
    console.log = log;
  }
  const text = printed.join("\n");
  assert.match(text, /0 of 4 master seeds fail \(1\.\.4, 1 claims\)/);
  assert.ok(text.includes("| toy | rate | 4 | 2 / 0.4 | 1 / 0.04 | 0 / 0.004 | 0 |"), text);
  const merged = JSON.parse(await Deno.readTextFile(`${dir}/m.json`));
  assert.deepEqual(merged.seeds.map((s: { seed: number }) => s.seed), [1, 2, 3, 4]);
  await assert.rejects(seeds(["--merge", `${dir}/a.json`, `${dir}/a.json`]), /seed 1 appears twice/);
  await Deno.remove(dir, { recursive: true });
});

/** The replay `deno task explore lemma-11.20 --scenario variance-two --seed 3` must print. */
const AGGREGATE_REPLAY = "lemma-11.20 --seed 3 --scenario variance-two --law 3 --n 1000 --d 1 --count 200".split(" ");

const oneLineExit2 = (what: string, o: Outcome) => {
  assert.equal(o.code, 2, `${what}: exit code ${o.code}, stderr ${o.stderr}`);
  assert.equal(o.stderr.trim().split("\n").length, 1, `${what}: not one line: ${o.stderr}`);
};

/**
 * Starts a full report (test budget, one thread: tens of seconds), kills it as soon as it has finished its
 * first claim (it is then writing plots and has not written the report), and resolves when it is dead.
 */
async function interruptedReport(out: string): Promise<void> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      ...DENO_RUN,
      new URL("./report.ts", import.meta.url).pathname,
      ...["--budget", "test", "--workers", "1", "--out", out],
    ],
    stdout: "null",
    stderr: "piped",
  }).spawn();
  let seen = "";
  const decoder = new TextDecoder();
  for await (const chunk of child.stderr) {
    seen += decoder.decode(chunk, { stream: true });
    if (/\[1\/\d+\] \S+: \w+/.test(seen)) break;
  }
  child.kill("SIGKILL");
  await child.status;
  assert.match(seen, /\[1\/\d+\]/, `the report never finished its first claim: ${seen}`);
}

Deno.test("command line: report, replay, explore, list, seeds, compare-reports, in process and as subprocesses", async (t) => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/previous.md`, "previous report");
  const same = ["--budget", "test", "--only", "lemma-10.2,thm-11.3"];
  const reportArgs = (name: string, seed: string, workers: string) => [
    ...same,
    ...["--seed", seed, "--workers", workers, "--out", `${dir}/${name}/R.md`, "--json", `${dir}/${name}.json`],
  ];
  // As a user runs them, started now (the two cores share them with the in-process runs below): report a on a
  // worker per core, a report with bad input, and a report killed mid-run.
  const processes = {
    a: run("./report.ts", ...reportArgs("a", "5", "2")),
    bad: run("./report.ts", "--seed", "abc", "--out", `${dir}/bad/R.md`),
    interrupted: interruptedReport(`${dir}/previous.md`),
  };

  await t.step("each command: bad input → one-line error on stderr, exit code 2, nothing written", async () => {
    // The process (runMain's exit code and its one line), for one command; the others through their mains.
    oneLineExit2("report (subprocess)", await processes.bad);
    const outcomes = [
      await inProcess(explore, ["no-such-claim"]),
      await inProcess(replay, ["nope", "--seed", "1"]),
      await inProcess(list, ["--bogus"]),
      await inProcess(seeds, ["--workers", "0"]),
    ];
    for (const [i, what] of ["explore", "replay", "list", "seeds"].entries()) oneLineExit2(what, outcomes[i]);
    assert.equal(await Deno.stat(`${dir}/bad`).then(() => true, () => false), false);
  });

  await t.step("replay: a real instance replays", async () => {
    const ok = await inProcess(replay, ["lemma-10.2", "--seed", "1", "--instance", "0"]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /conclusion: holds/);
  });

  // Reports b (the same seed as a, in one thread: the pool must not change a byte) and c (another seed).
  const b = await inProcess(report, reportArgs("b", "5", "1"));
  const c = await inProcess(report, reportArgs("c", "6", "1"));

  await t.step("report: --only writes markdown and JSON with the requested claims", async () => {
    assert.equal(b.code, 0, b.stderr);
    const json = JSON.parse(await Deno.readTextFile(`${dir}/b.json`));
    assert.deepEqual(json.claims.map((c: { id: string }) => c.id), ["lemma-10.2", "thm-11.3"]);
    assert.equal(json.claims[0].status, "verified");
    const md = await Deno.readTextFile(`${dir}/b/R.md`);
    assert.match(md, /lemma-10\.2/);
    assert.match(md, /thm-11\.3/);
    assert.doesNotMatch(md, /thm-11\.16/);
  });

  await t.step(
    "explore: a broken hypothesis shows a failing conclusion; --help lists parameters and scenarios",
    async () => {
      const r = await inProcess(explore, [
        ...["lemma-10.2", "--etaBeta", "2.05", "--family", "0", "--onTop", "1", "--ignore-hypotheses"],
      ]);
      const h = await inProcess(explore, ["lemma-10.2", "--help"]);
      assert.equal(r.code, 1, r.stderr); // the conclusion failed
      assert.equal(h.code, 0, h.stderr);
      assert.match(r.stdout, /✗ hypothesis η < 2\/β \[certified\]/);
      assert.match(r.stdout, /✗ conclusion FAILS/);
      assert.match(h.stdout, /--etaBeta V/);
      assert.match(h.stdout, /scenario eta-above-2-over-beta/);
    },
  );

  await t.step(
    "explore: an aggregate scenario prints the frequency decision and a replay that reproduces it",
    async () => {
      const r = await inProcess(explore, ["lemma-11.20", "--scenario", "variance-two", "--seed", "3"]);
      const again = await inProcess(explore, AGGREGATE_REPLAY);
      const h = await inProcess(explore, ["lemma-11.20", "--help"]);
      assert.equal(r.code, 1, r.stderr); // the scenario breaks the claim
      assert.match(
        r.stdout,
        /the claim breaks: in cell "n=1000, d=1, gaussian-variance-2" the event failed in \d+ of 200 draws/,
      );
      assert.match(r.stdout, /not shrunk/);
      assert.deepEqual(r.stdout.match(/replay: deno task explore (.*)$/m)![1].split(" "), AGGREGATE_REPLAY);
      assert.equal(again.stdout, r.stdout);
      assert.match(h.stdout, /scenario variance-two \(aggregate, 200 draws\)/);
    },
  );

  await t.step("list: every claim id with its kind", async () => {
    const r = await inProcess(list, []);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Chapter 10 \(001_/m);
    assert.match(r.stdout, /^ {2}lemma-10\.2 +exact/m);
  });

  await t.step("report: an interrupted run leaves the previous report intact", async () => {
    await processes.interrupted;
    assert.equal(await Deno.readTextFile(`${dir}/previous.md`), "previous report");
  });

  await t.step("report: same seed → same markdown and JSON (timings aside), with or without workers", async () => {
    const a = await processes.a;
    for (const r of [a, b, c]) assert.equal(r.code, 0, r.stderr);
    const read = (p: string) => Deno.readTextFileSync(`${dir}/${p}`);
    const json = (p: string) => withoutTimings(JSON.parse(read(p)));
    // The timing lines exist (so the comparison really drops something) and are all that may differ.
    assert.match(read("a/R.md"), new RegExp(`${TIMING_MARK} wall-clock time`));
    assert.equal(withoutTimingLines(read("a/R.md")), withoutTimingLines(read("b/R.md")));
    assert.deepEqual(json("a.json"), json("b.json"));
    const c6 = json("c.json") as { seed: number };
    assert.notDeepEqual({ ...json("a.json") as object, seed: 0 }, { ...c6, seed: 0 });
  });

  await t.step("compare-reports: 0 when equal up to timings, 1 when not, 2 on mixed kinds", async () => {
    const same = await inProcess(compareReports, [`${dir}/a/R.md`, `${dir}/b/R.md`]);
    const differ = await inProcess(compareReports, [`${dir}/a.json`, `${dir}/c.json`]);
    const mixed = await inProcess(compareReports, [`${dir}/a.json`, `${dir}/b/R.md`]);
    assert.equal(same.code, 0, same.stdout);
    assert.equal(differ.code, 1);
    assert.equal(mixed.code, 2);
  });

  await Promise.allSettled(Object.values(processes));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("explore's exit code: 0 when the conclusion held, 1 when it failed", async () => {
  const quiet = console.log;
  console.log = () => {};
  try {
    const held = await explore(["lemma-10.2", "--etaBeta", "1.9", "--family", "0", "--onTop", "1"]);
    const failed = await explore([
      "lemma-10.2",
      "--etaBeta",
      "2.05",
      "--family",
      "0",
      "--onTop",
      "1",
      "--ignore-hypotheses",
    ]);
    assert.equal(held, 0);
    assert.equal(failed, 1);
  } finally {
    console.log = quiet;
  }
});

Deno.test("explore --count on a frequency claim: its aggregate decides (breach → 1, too few draws → 3)", async () => {
  const quiet = console.log;
  const printed: string[] = [];
  console.log = (s: string) => printed.push(s);
  try {
    // N(0, 2) entries, n = 1000, d = 1: ‖W‖² ≈ 2n sits at the threshold, so about half the draws exceed it,
    // against the printed 0.012; the per-draw check (a soundness check) holds on every draw.
    const breach = await explore([
      "lemma-11.20",
      "--law",
      "3",
      "--n",
      "1000",
      "--d",
      "1",
      "--ignore-hypotheses",
      "--count",
      "60",
    ]);
    assert.equal(breach, 1, printed.join("\n"));
    assert.match(
      printed.at(-1)!,
      /decided by its aggregate over these 60 instances: FAILS: in cell "n=1000, d=1, gaussian-variance-2" the event failed in \d+ of 60 draws/,
    );
    printed.length = 0;
    // Five draws meeting the hypotheses: nothing fails, but no interval is narrow enough to show the promise.
    const few = await explore(["lemma-11.20", "--count", "5"]);
    assert.equal(few, 3, printed.join("\n"));
    assert.match(printed.at(-1)!, /UNDECIDED: too few draws to decide/);
  } finally {
    console.log = quiet;
  }
});
