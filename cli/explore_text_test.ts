/**
 * `deno task explore` for a learner: every claim's `--help` and `--explain` in plain Unicode (no `$`, no `\macro`),
 * `--help` on every command exits 0, and the flags behave (negative values, options before the id, a suggestion for
 * a misspelled flag, hex and repeated values refused).
 */
import assert from "node:assert/strict";
import { claims } from "../theorems/catalog.ts";
import { UsageError } from "./args.ts";
import { main as explore } from "./explore.ts";
import { main as replay } from "./replay.ts";
import { main as list } from "./list.ts";

/** What `f` prints with console.log, and its return value. */
async function printed(f: () => Promise<number | void>): Promise<{ code: number | void; text: string }> {
  const log = console.log, lines: string[] = [];
  console.log = (...a: unknown[]) => lines.push(a.join(" "));
  try {
    const code = await f();
    return { code, text: lines.join("\n") };
  } finally {
    console.log = log;
  }
}

const LATEX_LEFT = /\\[a-zA-Z]+|\$/;

Deno.test("explore --help and --explain print every claim in plain Unicode", async () => {
  for (const claim of claims) {
    for (const flag of ["--help", "--explain"]) {
      const { code, text } = await printed(() => explore([claim.id, flag]));
      assert.equal(code, 0, `${claim.id} ${flag}`);
      assert.doesNotMatch(text, LATEX_LEFT, `${claim.id} ${flag}: ${text.match(LATEX_LEFT)?.[0]}`);
    }
  }
  const { text } = await printed(() => explore(["lemma-10.2", "--explain"]));
  for (const part of ["Statement, as printed", "Hypotheses", "Conclusion checked", "Tightness", "Scenarios"]) {
    assert.ok(text.includes(part), part);
  }
  assert.ok(text.includes("η < 2/β"), text);
});

Deno.test("--help and -h exit 0 with the usage on explore, replay and list", async () => {
  for (
    const [main, args] of [[explore, ["--help"]], [explore, ["-h"]], [replay, ["--help"]], [list, ["--help"]]] as const
  ) {
    const { code, text } = await printed(() => main([...args]));
    assert.equal(code, 0);
    assert.match(text, /deno task (explore|replay|list)/);
  }
});

Deno.test("explore's flags: negative values, options before the id, suggestions, hex and repeats refused", async () => {
  const negative = await printed(() => explore(["chizat-homogeneity", "--lambda", "-1"]));
  assert.match(negative.text, /λ = -1/);
  assert.match(negative.text, /replay: deno task explore chizat-homogeneity .*--lambda -1/);
  const before = await printed(() => explore(["--seed", "3", "thm-11.3"]));
  assert.match(before.text, /^thm-11\.3 .*seed 3/);
  const refused = async (args: string[], message: RegExp) =>
    await assert.rejects(explore(args), (e: unknown) => e instanceof UsageError && message.test(e.message));
  await refused(["lemma-10.2", "--etabeta", "2"], /did you mean --etaBeta\?/);
  await refused(["lemma-10.2", "--d", "0x10"], /decimal/);
  await refused(["lemma-10.2", "--d", "3", "--d", "4"], /more than once/);
  await refused(["lemma-10.2", "--d", ""], /empty/);
});

Deno.test("list groups by source and filters by source, kind and breakability", async () => {
  const rates = (await printed(() => list(["--kind", "rate"]))).text.split("\n").filter((l) => l.startsWith("  "));
  assert.ok(rates.length > 0 && rates.every((l) => / rate +/.test(l)), rates.join("\n"));
  const chizat = (await printed(() => list(["--source", "003", "--breakable"]))).text;
  assert.match(chizat, /^Chizat's slides/);
  assert.ok(chizat.split("\n").slice(1).every((l) => l.includes("[breaks: ")), chizat);
  await assert.rejects(list(["--kind", "theorem"]), UsageError);
  await assert.rejects(list(["--source", "999"]), UsageError);
});

Deno.test("explore --compare: the same instance with the hypothesis kept and broken, side by side", async () => {
  const { code, text } = await printed(() => explore(["thm-11.3", "--scenario", "h-beyond-2-over-beta", "--compare"]));
  assert.equal(code, 1);
  assert.match(text, /── hypothesis kept[\s\S]*✓ conclusion holds[\s\S]*── hypothesis broken \(--hRatio 2\.5\)/);
  assert.match(text, /side by side — hypothesis kept: holds, .* \| {2}hypothesis broken: FAILS/);
  assert.match(text, /^what differs: broken, the conclusion fails: .*GD diverged$/m);
  await assert.rejects(explore(["thm-11.3", "--compare"]), UsageError);
});

Deno.test("explore --compare says what differs when the broken run has no failure sentence", async () => {
  const { code, text } = await printed(() =>
    explore(["thm-11.3", "--scenario", "h-up-to-twice-the-bound", "--compare"])
  );
  assert.equal(code, 0);
  assert.match(
    text,
    /^what differs: the conclusion still holds when broken; h ∈ .* holds kept \(.*\), fails broken \(h·2s_max² = 1\.5000 .*\); observed [\d.]+ → [\d.]+ \(×[\d.]+\), bound 1 → 1, tightness [\d.]+ → [\d.]+$/m,
  );
});

Deno.test("sweep values are labelled with their parameter: eq-10.21's halvings of η, chizat-tv-max-margin's times", async () => {
  const eq = await printed(() => explore(["eq-10.21"]));
  assert.match(eq.text, /GD gap order in η: ηλ_max = 1\/2 → 1\/4: [\d.]+, ηλ_max = 1\/4 → 1\/8: [\d.]+/);
  const tv = await printed(() => explore(["chizat-tv-max-margin"]));
  assert.match(tv.text, /gap G\(t\) at t = 10²⁰: [\d.e-]+, t = 10⁵⁰: [\d.e-]+, t = 10¹⁰⁰: [\d.e-]+/);
});

Deno.test("explore --sweep --widths: a width sweep's aggregate at chosen widths; bad widths refused in one line", async () => {
  const { code, text } = await printed(() =>
    explore(["prop-11.25", "--sweep", "--widths", "16,32,64", "--instances", "6"])
  );
  assert.equal(code, 0);
  assert.match(text, /width = 16, 32, 64 in turn \(--widths/);
  assert.match(text, /over n ∈ \{16, 32, 64\}: fitted exponent/);
  assert.match(text, /replay: deno task explore prop-11\.25 --sweep --seed 1 --instances 6 --widths 16,32,64$/m);
  const refused = async (args: string[], message: RegExp) =>
    await assert.rejects(explore(args), (e: unknown) => e instanceof UsageError && message.test(e.message));
  await refused(["prop-11.25", "--sweep", "--widths", "16,32"], /at least 3 distinct/);
  await refused(["prop-11.25", "--sweep", "--widths", "16,32,16"], /16 more than once/);
  await refused(["prop-11.25", "--sweep", "--widths", "16,0x20,64"], /--widths: --width must be a finite decimal/);
  await refused(["prop-11.25", "--sweep", "--widths", "16,32,4000"], /--widths: --width must be in \[4, 2048\]/);
  await refused(["prop-11.25", "--sweep", "--widths", "16,,64"], /empty/);
  await refused(["prop-11.25", "--widths", "16,32,64"], /goes with --sweep/);
  await refused(["chizat-lazy", "--sweep", "--widths", "16,32,64"], /sweeps no width/);
});
