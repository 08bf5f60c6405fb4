/**
 * Bring your own theorem (issue 22): a claim file in a temporary directory outside the repository, importing
 * the project's mod.ts by path, run by `report --claims` (on two workers), `explore`, `list` and `replay --claims`
 * in this process through their mains (stdout, stderr and exit code as runMain gives them; runMain's exit as a
 * process is cli/cli_test.ts's); the same file run and type-checked (`deno run --check`) as a subprocess from its
 * own directory, where no deno.json is found; and the bad claims modules (an id clash, a failed import, no claims)
 * each one line on stderr and exit code 2.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { join, relative } from "node:path";
import { inProcess, type Outcome } from "./printed_command.ts";
import { main as report } from "./report.ts";
import { main as explore } from "./explore.ts";
import { main as list } from "./list.ts";
import { main as replay } from "./replay.ts";
import { stableDir } from "../testing/stable_dir.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const MOD = fileURLToPath(new URL("../mod.ts", import.meta.url));

async function deno(args: string[], cwd = ROOT): Promise<Outcome> {
  const out = await new Deno.Command(Deno.execPath(), { args, cwd, stdout: "piped", stderr: "piped" }).output();
  return { code: out.code, stdout: new TextDecoder().decode(out.stdout), stderr: new TextDecoder().decode(out.stderr) };
}

/** A user's claims module: the AM–GM inequality, with a parameter and a scenario that breaks a ≥ 0. */
const CLAIMS = (mod: string) =>
  `import { atMost, type Claim, defineClaim } from ${JSON.stringify(mod)};

interface Pair { a: number; b: number }

export const claims: Claim[] = [
  defineClaim<Pair>({
    id: "my-am-gm",
    title: "AM–GM: √(ab) ≤ (a + b)/2",
    kind: "exact",
    source: { document: "my notes", where: "p. 1" },
    statement: "$\\\\sqrt{ab} \\\\le (a + b)/2$ for $a, b \\\\ge 0$",
    tightness: "√(ab) over (a + b)/2",
    instances: { test: 8, report: 8 },
    generate: ({ rng, params = {} }) => {
      const a = rng.uniform(0, 2), b = rng.uniform(0, 2);
      return { a: params.a ?? a, b };
    },
    describe: (p) => \`a = \${p.a}, b = \${p.b}\`,
    hypotheses: [{
      statement: "$a \\\\ge 0$",
      certainty: "certified",
      method: "exact comparison",
      check: (p) => ({ holds: p.a >= 0, value: \`a = \${p.a}\` }),
    }],
    conclusion: {
      statement: "$\\\\sqrt{ab} \\\\le (a + b)/2$",
      check: (p) => {
        const c = atMost(Math.sqrt(p.a * p.b), (p.a + p.b) / 2 * (1 + 4 * Number.EPSILON));
        return { holds: c.ok, observed: c.observed, bound: c.bound, tightness: c.observed / c.bound, detail: \`√(ab) = \${c.observed}\` };
      },
    },
    parameters: { a: { type: "number", min: -1, max: 2, help: "a" } },
    scenarios: [{ name: "negative-a", breaks: "$a \\\\ge 0$", params: { a: -1 } }],
  }),
];
`;

/** A module whose claim takes an id of the catalog. */
const CLASH = (mod: string) => CLAIMS(mod).replace('id: "my-am-gm"', 'id: "lemma-10.2"');

Deno.test("a claims module outside the repository: report, explore, list and replay --claims; bad modules exit 2", async (t) => {
  // At the same path on every run (testing/stable_dir.ts): the subprocess's type check of mod.ts's graph is cached.
  const taken = await stableDir("gd-check-claims-"), dir = taken.path;
  try {
    assert.ok(relative(ROOT, dir).startsWith(".."), `${dir} is inside the repository`);
    const file = join(dir, "my_claims.ts");
    await Deno.writeTextFile(file, CLAIMS(MOD));
    await Deno.writeTextFile(join(dir, "clash.ts"), CLASH(MOD));
    await Deno.writeTextFile(
      join(dir, "broken.ts"),
      `import { nothing } from "./missing.ts";\nexport const claims = [nothing];\n`,
    );
    await Deno.writeTextFile(join(dir, "empty.ts"), `export const notClaims = 1;\n`);
    await Deno.writeTextFile(
      join(dir, "check.ts"),
      `import assert from "node:assert/strict";\nimport { runClaim } from ${JSON.stringify(MOD)};\n` +
        `import { claims } from "./my_claims.ts";\n` +
        `assert.equal((await runClaim(claims[0], { seed: 1, budget: "test" })).result.status, "verified");\n` +
        `console.log("verified from outside");\n`,
    );
    const out = join(dir, "REPORT.md"), json = join(dir, "r.json");
    // From its own directory, as a user runs it (no deno.json there or above: mod.ts resolves without the
    // project's config), type-checked by the same run (--check: check.ts and my_claims.ts, which it imports);
    // started first, it runs beside the rest.
    const outside = deno(["run", "--check", "-A", "check.ts"], dir);
    // The rest in this process, through the commands' mains (the module imported here as a process imports it;
    // the report's two workers each load it).
    const done = {
      report: await inProcess(report, [
        ...["--claims", file, "--only", "my-am-gm,eq-10.21", "--budget", "test", "--out", out, "--json", json],
        ...["--workers", "2"],
      ]),
      explore: await inProcess(explore, ["my-am-gm", "--claims", file, "--count", "3"]),
      scenario: await inProcess(explore, ["--claims", file, "my-am-gm", "--scenario", "negative-a"]),
      list: await inProcess(list, ["--claims", file]),
      replay: await inProcess(replay, ["my-am-gm", "--claims", file, "--seed", "1", "--instance", "2"]),
      clash: await inProcess(report, [
        "--claims",
        join(dir, "clash.ts"),
        "--budget",
        "test",
        "--out",
        join(dir, "X.md"),
      ]),
      broken: await inProcess(explore, ["my-am-gm", "--claims", join(dir, "broken.ts")]),
      empty: await inProcess(list, ["--claims", join(dir, "empty.ts")]),
      missing: await inProcess(replay, ["my-am-gm", "--claims", join(dir, "nope.ts")]),
      unknown: await inProcess(explore, ["no-such-claim", "--claims", file]),
      outside: await outside,
    };
    type Run = keyof typeof done;

    await t.step("report --claims: the module's claim beside a catalog claim, on the workers", async () => {
      assert.equal(done.report.code, 0, done.report.stderr);
      const md = await Deno.readTextFile(out);
      assert.match(md, /^## my-am-gm$/m);
      assert.match(md, /\*\*AM–GM: √\(ab\) ≤ \(a \+ b\)\/2\*\* — exact claim, ✅ verified/);
      assert.match(md, /^## eq-10\.21$/m);
      const { claims } = JSON.parse(await Deno.readTextFile(json));
      assert.deepEqual(claims.map((c: { id: string; status: string }) => [c.id, c.status]), [
        ["my-am-gm", "verified"],
        ["eq-10.21", "verified"],
      ]);
    });
    await t.step("explore --claims: the trace, and a replay command that carries --claims", () => {
      assert.equal(done.explore.code, 0, done.explore.stderr);
      assert.match(done.explore.stdout, /^my-am-gm — AM–GM/m);
      assert.ok(done.explore.stdout.includes(`replay: deno task explore my-am-gm --claims ${file} --seed 1`));
      assert.equal(done.scenario.code, 1, done.scenario.stdout + done.scenario.stderr);
      assert.match(done.scenario.stdout, /scenario negative-a/);
    });
    await t.step("list and replay --claims", () => {
      assert.equal(done.list.code, 0, done.list.stderr);
      assert.match(done.list.stdout, /Source \(my notes\)\n\s+my-am-gm\s+exact/);
      assert.match(done.list.stdout, /lemma-10\.2/);
      assert.equal(done.replay.code, 0, done.replay.stderr);
      assert.match(done.replay.stdout, /^my-am-gm — seed 1, instance 2/);
    });
    await t.step("bad claims modules: one line on stderr, exit code 2", () => {
      const expect: [Run, RegExp][] = [
        ["clash", /claim id "lemma-10\.2" of .*clash\.ts is already taken/],
        ["broken", /cannot load ".*broken\.ts": .*missing\.ts/],
        ["empty", /exports no claims/],
        ["missing", /cannot load ".*nope\.ts": no such file/],
        ["unknown", /unknown claim id "no-such-claim"/],
      ];
      for (const [name, pattern] of expect) {
        const r = done[name];
        assert.equal(r.code, 2, `${name}: exit ${r.code}\n${r.stderr}`);
        assert.equal(r.stderr.trim().split("\n").length, 1, `${name}: ${r.stderr}`);
        assert.match(r.stderr, pattern);
      }
      assert.equal(Deno.statSync(dir).isDirectory, true);
      assert.throws(() => Deno.statSync(join(dir, "X.md")), "a failed run wrote its report");
    });
    await t.step("run and type-checked from its own directory, without the project's deno.json", () => {
      assert.equal(done.outside.code, 0, done.outside.stderr);
      assert.match(done.outside.stdout, /verified from outside/);
    });
  } finally {
    await taken.release();
  }
});
