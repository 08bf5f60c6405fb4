/**
 * Every command the tool prints runs as printed: the replay lines of a test-budget report, the commands
 * `deno task explore` prints (instance, scenario, aggregate scenario, counterexample, compare and sweep
 * replays), a sample of REPORT.md's commands (one of each form: instance replays, shrunk counterexamples,
 * aggregate scenarios, search replays, negative values), the commands in `--help` texts (placeholders filled in)
 * and the explore/replay/list commands in README.md and docs/. Each runs in this process through the task's
 * main (`deno task X` → the module deno.json names), with the exit code it documents: a replay of a run gives
 * the run's code and, for explore, the same trace. Long-running tools in the docs (report, seeds, mutate,
 * bench) are left to cli_test.ts's subprocess tests on small selections.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCommand as run } from "./printed_command.ts";
import { main as report } from "./report.ts";

const root = new URL("../", import.meta.url).pathname;

/** The `replay: …` commands in a trace. */
function replays(text: string): string[] {
  return [...text.matchAll(/replay: `?(deno task [^\n`]+)/g)].map((m) => m[1].trim());
}

/** Runs `command`, then each replay it prints: same exit code, and for a whole-run replay the same trace. */
async function replaysReproduce(command: string, expected: number): Promise<string[]> {
  const first = await run(command);
  assert.equal(first.code, expected, `${command}\n${first.out}`);
  const printed = replays(first.out);
  assert.ok(printed.length > 0, `${command} printed no replay`);
  for (const r of printed) {
    const again = await run(r);
    // A counterexample replay is the failing instance alone (hypotheses ignored): it fails.
    const want = r.includes("--ignore-hypotheses") && !command.includes("--ignore-hypotheses") ? 1 : first.code;
    assert.equal(again.code, want, `${r} (printed by ${command})\n${again.out}`);
    if (r === printed[printed.length - 1] && !r.includes("--ignore-hypotheses") && printed.length === 1) {
      assert.equal(again.out, first.out, `${r} reproduces ${command}`);
    }
  }
  return printed;
}

Deno.test("explore's printed replays run as printed and reproduce the run", async () => {
  const forms: [string, number][] = [
    ["deno task explore thm-11.3 --count 2", 0],
    ["deno task explore lemma-10.2 --etaBeta 2.05 --family 0 --onTop 1 --ignore-hypotheses", 1],
    ["deno task explore lemma-10.2 --scenario eta-above-2-over-beta", 1],
    ["deno task explore lemma-10.2 --scenario eta-above-2-over-beta --compare --instance 1", 1],
    ["deno task explore lemma-11.20 --scenario variance-two --count 40", 1],
    ["deno task explore lemma-11.20 --sweep --instances 6", 0],
    ["deno task explore ex-11.10 --scenario laplace-c-negative", 1],
  ];
  const seen = new Set<string>();
  for (const [command, code] of forms) {
    for (const r of await replaysReproduce(command, code)) {
      seen.add(
        r.includes("--sweep")
          ? "sweep"
          : r.includes("--compare")
          ? "compare"
          : r.includes("--scenario")
          ? "scenario"
          : r.includes("--ignore-hypotheses")
          ? "counterexample"
          : "instance",
      );
    }
  }
  assert.deepEqual([...seen].sort(), ["compare", "counterexample", "instance", "scenario", "sweep"]);
});

Deno.test("a test-budget report's replay lines run as printed (each a failing instance: exit 1)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const out = join(dir, "REPORT.md");
    const [log, error] = [console.log, console.error];
    console.log = console.error = () => {};
    try {
      await report(["--only", "prop-11.2,def-10.1", "--budget", "test", "--out", out, "--json", join(dir, "r.json")]);
    } finally {
      [console.log, console.error] = [log, error];
    }
    const printed = [...new Set(replays(await Deno.readTextFile(out)))];
    assert.ok(printed.length >= 2, printed.join("\n"));
    for (const r of printed.slice(0, 6)) {
      assert.match(r, /^deno task replay .* --budget test$/);
      assert.equal((await run(r)).code, 1, r);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("REPORT.md's commands: one of each form runs as printed", async () => {
  const text = await Deno.readTextFile(join(root, "REPORT.md"));
  const all = [...new Set([...text.matchAll(/`(deno task [^`]+)`/g)].map((m) => m[1]))];
  const pick = (test: (c: string) => boolean, what: string) => {
    const c = all.find(test);
    assert.ok(c, `REPORT.md has no ${what}`);
    return c;
  };
  const cases: [string, number[]][] = [
    [pick((c) => c.startsWith("deno task replay prop-11.2 ") && c.endsWith("--budget report"), "instance replay"), [1]],
    [pick((c) => c.includes("chizat-homogeneity") && c.includes("--lambda -1"), "negative value"), [1]],
    [
      pick((c) => c.startsWith("deno task explore lemma-10.2 ") && c.endsWith("--ignore-hypotheses"), "counterexample"),
      [1],
    ],
    [
      pick((c) => c.startsWith("deno task explore lemma-11.20 ") && c.includes("--scenario variance-two"), "aggregate"),
      [1],
    ],
    [pick((c) => c.startsWith("deno task explore ex-11.10 --seed 1 --instance") && !c.includes("--ignore"), "search"), [
      0,
    ]],
  ];
  for (const [command, codes] of cases) {
    const { code, out } = await run(command);
    assert.ok(codes.includes(code), `${command}: exit ${code}\n${out}`);
  }
});

/**
 * The command at the start of a help line's text: `deno task X`, then placeholders (`<id>`, `[…]`), flags and a
 * flag's value (a claim id right after the task); it ends at the first other word ("deno task list shows the ids" →
 * "deno task list").
 */
function commandPart(text: string): string {
  const words = text.replace(/\[[^\]]*\]/g, (g) => g.replaceAll(" ", "\u0000")).split(/\s+/);
  const kept = words.slice(0, 3);
  for (let k = 3; k < words.length; k++) {
    const w = words[k], after = kept[kept.length - 1];
    const id = k === 3 && /^[a-z]+-[a-z0-9.-]+$/.test(w); // a claim id right after the task
    if (
      id || /^(<[^>]+>|\[.*\]|--?[a-zA-Z-]+)$/.test(w) ||
      (after.startsWith("--") && /^[A-Z0-9][A-Za-z0-9|.-]*$/.test(w))
    ) {
      kept.push(w);
    } else break;
  }
  return kept.join(" ").replaceAll("\u0000", " ");
}

/** A help line's command with its placeholders filled in: the id, a scenario, N, K; optional parts dropped. */
function instantiate(template: string): string {
  return template
    .replace(/\s*\[[^\]]*\]/g, "")
    .replace(/<claim-id>|<id>/g, "lemma-10.2")
    .replace(/ NAME\b/g, " eta-above-2-over-beta")
    .replace(/ N\b/g, " 1")
    .replace(/ K\b/g, " 0")
    .replace(/\s+/g, " ")
    .trim();
}

Deno.test("the commands in --help texts run as printed, placeholders filled in", async () => {
  const helps = [
    "deno task explore --help",
    "deno task explore lemma-10.2 --help",
    "deno task replay --help",
    "deno task list --help",
  ];
  const commands = new Set<string>();
  for (const h of helps) {
    const { code, out } = await run(h);
    assert.equal(code, 0, h);
    for (const m of out.matchAll(/deno task (?:explore|replay|list)[^\n()—]*/g)) {
      commands.add(instantiate(commandPart(m[0])));
    }
  }
  assert.ok(commands.size >= 4, [...commands].join("\n"));
  for (const c of commands) {
    const { code, out } = await run(c);
    assert.ok([0, 1, 3].includes(code), `${c}: exit ${code}\n${out}`);
  }
});

Deno.test("the explore, replay and list commands in README.md and docs/ run as printed", async () => {
  const files = ["README.md", ...[...Deno.readDirSync(join(root, "docs"))].map((e) => `docs/${e.name}`)]
    .filter((f) => f.endsWith(".md") && f !== "docs/claims.md" && f !== "docs/teaching.md"); // teaching.md: teaching_test.ts
  const dir = await Deno.makeTempDir();
  try {
    const commands: string[] = [];
    for (const f of files) {
      const text = await Deno.readTextFile(join(root, f));
      for (const m of text.matchAll(/deno task (?:explore|replay|list)\b[^`\n#|]*/g)) {
        const c = m[0].trim().replace(/--out \S+/, `--out ${dir}`);
        if (/[<[…]/.test(c)) continue; // a template (its placeholders are the help test's)
        if (!commands.includes(c)) commands.push(c);
      }
    }
    assert.ok(commands.length >= 8, commands.join("\n"));
    for (const c of commands) {
      const { code, out } = await run(c);
      assert.ok([0, 1, 3].includes(code), `${c}: exit ${code}\n${out}`);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
