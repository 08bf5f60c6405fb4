/**
 * `deno task mutate [--sample N] [--seed S] [--dirs numerics,models] [--json PATH] [--out PATH] [--replay PATH]`:
 * mutation testing of the unit tests. It lists every one-token mutant of the TypeScript files under the
 * directories (an arithmetic operator, a comparison, `&&`/`||`, a numeric constant, a boolean, a unary
 * minus or `!` dropped, `++`/`--`, `Math.min`/`max`, `Math.floor`/`ceil`), draws N of them at random from
 * the seed (numerics/random.ts), and for each writes the mutated file into a temporary copy of the
 * repository (never the working tree) and runs the unit tests that cover that file: the `*_test.ts`
 * beside it, every `*_test.ts` under the directories that imports it, and the file's own doc tests
 * (`deno test -A --doc file.ts tests…`). A mutant is killed when a test fails (or the run times out,
 * reported apart), survives when every test passes; a mutant that does not type-check is a compile
 * error, reported apart, not counted, and replaced by the next draw. The report gives the score
 * (killed / (killed + survived)) and every survivor with file:line and its diff; the same seed draws the
 * same mutants, and the report has no timings, so it reproduces byte for byte (timeouts aside).
 * `--replay PATH` re-runs the mutants of an earlier `--json` file (found again by their line's text
 * when the code around them moved). Exit code 0 after a run, 1 when a baseline test fails, 2 on bad
 * input.
 *
 * @module
 */
import ts from "typescript";
import { dirname, join, normalize, relative, resolve } from "node:path";
import { createRng } from "../numerics/random.ts";
import { integerFlag, parseCommand, runMain, UsageError } from "./args.ts";

/** Files under the default directories that are not mutated: glue that only a worker thread runs. */
export const DEFAULT_EXCLUDE = [
  // The worker side of numerics/parallel.ts (runs in a Worker; parallel_test.ts tests it end to end).
  "numerics/parallel_worker.ts",
  // A fixture task module (x²) for parallel.ts's examples, not project code.
  "numerics/parallel_example_task.ts",
];

/** One one-token mutation of one file. */
export interface Mutant {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based line and column of the token. */
  line: number;
  column: number;
  /** Offsets of the replaced token in the file. */
  start: number;
  end: number;
  /** The kind of mutation: arithmetic, comparison, equality, logical, assignment, unary, update, constant, boolean, math. */
  operator: string;
  original: string;
  replacement: string;
  /** The line's text (trimmed) and the mutant's rank among the file's mutants with the same line text and tokens. */
  lineText: string;
  occurrence: number;
}

const BINARY: Record<string, [string, string[]]> = {
  "+": ["arithmetic", ["-"]],
  "-": ["arithmetic", ["+"]],
  "*": ["arithmetic", ["/"]],
  "/": ["arithmetic", ["*"]],
  "%": ["arithmetic", ["*"]],
  "**": ["arithmetic", ["*"]],
  "<": ["comparison", ["<=", ">="]],
  "<=": ["comparison", ["<", ">"]],
  ">": ["comparison", [">=", "<="]],
  ">=": ["comparison", [">", "<"]],
  "===": ["equality", ["!=="]],
  "!==": ["equality", ["==="]],
  "==": ["equality", ["!="]],
  "!=": ["equality", ["=="]],
  "&&": ["logical", ["||"]],
  "||": ["logical", ["&&"]],
  "+=": ["assignment", ["-="]],
  "-=": ["assignment", ["+="]],
  "*=": ["assignment", ["/="]],
  "/=": ["assignment", ["*="]],
};

const MATH_SWAP: Record<string, string> = { min: "max", max: "min", floor: "ceil", ceil: "floor" };

/**
 * The replacements of a numeric literal: an integer k ≤ 10 becomes k ± 1 (0 becomes 1), a larger integer
 * 2k and ⌊k/2⌋, a literal with an exponent has it moved by ±1, a decimal fraction is multiplied and
 * divided by 10. Hexadecimal, binary, octal and bigint literals are left alone.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { numericReplacements } from "./mutate.ts";
 * assert.deepEqual(numericReplacements("0"), ["1"]);
 * assert.deepEqual(numericReplacements("2"), ["3", "1"]);
 * assert.deepEqual(numericReplacements("1000"), ["2000", "500"]);
 * assert.deepEqual(numericReplacements("1e-12"), ["1e-11", "1e-13"]);
 * assert.deepEqual(numericReplacements("0.25"), ["2.5", "0.025"]);
 * ```
 */
export function numericReplacements(text: string): string[] {
  const clean = text.replace(/_/g, "");
  if (/^0[xXbBoO]/.test(clean) || clean.endsWith("n")) return [];
  const exp = /^(\d+(?:\.\d*)?|\.\d+)[eE]([+-]?\d+)$/.exec(clean);
  if (exp) {
    const e = Number(exp[2]);
    return [`${exp[1]}e${e + 1}`, `${exp[1]}e${e - 1}`];
  }
  const v = Number(clean);
  if (!Number.isFinite(v)) return [];
  if (!clean.includes(".")) {
    if (v === 0) return ["1"];
    if (v <= 10) return [String(v + 1), String(v - 1)];
    return [String(2 * v), String(Math.floor(v / 2))];
  }
  return [String(Number((v * 10).toPrecision(15))), String(Number((v / 10).toPrecision(15)))];
}

/** True when the expression is (or starts with) a string: `+` there is concatenation. */
function isStringy(e: ts.Expression): boolean {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e)) return true;
  if (ts.isParenthesizedExpression(e)) return isStringy(e.expression);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return isStringy(e.left) || isStringy(e.right);
  }
  return false;
}

/** Subtrees with nothing to mutate: types, imports, messages (thrown, logged, templates). */
function skipped(node: ts.Node): boolean {
  if (ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return true;
  if (ts.isTemplateExpression(node) || ts.isThrowStatement(node)) return true;
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node)) return true;
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const obj = node.expression.expression;
    if (ts.isIdentifier(obj) && obj.text === "console") return true;
  }
  return false;
}

/**
 * Every one-token mutant of a TypeScript source, in source order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mutantsOf } from "./mutate.ts";
 * const ms = mutantsOf("toy.ts", "export const f = (x: number) => x < 1 ? -x : x * 2;\n");
 * assert.deepEqual(ms.map((m) => `${m.original}→${m.replacement}`), [
 *   "<→<=", "<→>=", "1→2", "1→0", "-→", "*→/", "2→3", "2→1",
 * ]);
 * ```
 */
export function mutantsOf(file: string, source: string): Mutant[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Omit<Mutant, "line" | "column" | "lineText" | "occurrence">[] = [];
  const add = (start: number, end: number, operator: string, replacements: string[]) => {
    const original = source.slice(start, end);
    for (const replacement of replacements) found.push({ file, start, end, operator, original, replacement });
  };
  const visit = (node: ts.Node): void => {
    if (skipped(node)) return;
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken;
      const rule = BINARY[op.getText(sf)];
      const concat = op.kind === ts.SyntaxKind.PlusToken && (isStringy(node.left) || isStringy(node.right));
      if (rule && !concat) add(op.getStart(sf), op.end, rule[0], rule[1]);
    } else if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
      const k = node.operator;
      const start = ts.isPrefixUnaryExpression(node) ? node.getStart(sf) : node.operand.end;
      if (k === ts.SyntaxKind.MinusToken || k === ts.SyntaxKind.ExclamationToken) add(start, start + 1, "unary", [""]);
      if (k === ts.SyntaxKind.PlusPlusToken) add(start, start + 2, "update", ["--"]);
      if (k === ts.SyntaxKind.MinusMinusToken) add(start, start + 2, "update", ["++"]);
    } else if (ts.isNumericLiteral(node)) {
      const isKey = (ts.isPropertyAssignment(node.parent) || ts.isPropertyDeclaration(node.parent)) &&
        node.parent.name === node;
      if (!isKey) add(node.getStart(sf), node.end, "constant", numericReplacements(node.getText(sf)));
    } else if (node.kind === ts.SyntaxKind.TrueKeyword) {
      add(node.getStart(sf), node.end, "boolean", ["false"]);
    } else if (node.kind === ts.SyntaxKind.FalseKeyword) {
      add(node.getStart(sf), node.end, "boolean", ["true"]);
    } else if (
      ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Math" &&
      MATH_SWAP[node.name.text]
    ) {
      add(node.name.getStart(sf), node.name.end, "math", [MATH_SWAP[node.name.text]]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  found.sort((a, b) => a.start - b.start);
  const lines = source.split("\n");
  const seen = new Map<string, number>();
  return found.map((m) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(m.start);
    const lineText = lines[line].trim();
    const key = `${lineText}\u0000${m.original}\u0000${m.replacement}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return { ...m, line: line + 1, column: character + 1, lineText, occurrence };
  });
}

/** The source with one mutant applied. */
export function applyMutant(source: string, m: Mutant): string {
  return source.slice(0, m.start) + m.replacement + source.slice(m.end);
}

/** The mutated line as a two-line diff. */
export function mutantDiff(source: string, m: Mutant): string {
  const lines = source.split("\n");
  const mutated = applyMutant(source, m).split("\n");
  return `- ${lines[m.line - 1]}\n+ ${mutated[m.line - 1]}`;
}

/** Files (relative, sorted) of the directories, recursively, that end in `.ts`. */
async function listTs(root: string, dirs: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string) => {
    for await (const e of Deno.readDir(join(root, rel))) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory) await walk(r);
      else if (e.isFile && e.name.endsWith(".ts")) out.push(r);
    }
  };
  for (const d of dirs) await walk(d);
  return out.sort();
}

/** The relative imports (`"./x.ts"`, `"../numerics/y.ts"`) of a source, resolved against its own path. */
function relativeImports(file: string, source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    out.push(normalize(join(dirname(file), m[1])).replaceAll("\\", "/"));
  }
  return out;
}

/** A file to mutate, its source, its mutants and the tests that cover it. */
export interface Target {
  file: string;
  source: string;
  mutants: Mutant[];
  /** The `*_test.ts` beside it and the `*_test.ts` under the directories that import it. */
  tests: string[];
}

/**
 * The files under `dirs` to mutate (not `*_test.ts`, `*_mutants.ts`, `.d.ts` or excluded ones) with their
 * mutants and covering tests.
 */
export async function targets(root: string, dirs: string[], exclude: string[]): Promise<Target[]> {
  const files = await listTs(root, dirs);
  const isTest = (f: string) => f.endsWith("_test.ts");
  const testSources = new Map<string, string[]>();
  for (const t of files.filter(isTest)) {
    testSources.set(t, relativeImports(t, await Deno.readTextFile(join(root, t))));
  }
  const out: Target[] = [];
  for (const file of files) {
    if (isTest(file) || file.endsWith("_mutants.ts") || file.endsWith(".d.ts") || exclude.includes(file)) continue;
    const source = await Deno.readTextFile(join(root, file));
    const sibling = file.replace(/\.ts$/, "_test.ts");
    const tests = [...testSources.entries()].filter(([t, imps]) => t === sibling || imps.includes(file)).map(([t]) =>
      t
    );
    out.push({ file, source, mutants: mutantsOf(file, source), tests });
  }
  return out;
}

/**
 * The first `n` distinct indices of a seeded shuffle of 0..count−1 (Fisher–Yates on createRng), lazily:
 * the order in which mutants are drawn.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drawOrder } from "./mutate.ts";
 * const a = drawOrder(10, 1);
 * assert.deepEqual([...a].sort((x, y) => x - y), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
 * assert.deepEqual(a, drawOrder(10, 1));
 * assert.notDeepEqual(a, drawOrder(10, 2));
 * ```
 */
export function drawOrder(count: number, seed: number): number[] {
  const rng = createRng(`mutate/${seed}`);
  const idx = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx;
}

/** What a test run of one mutant gave. */
export type MutantStatus = "killed" | "timeout" | "survived" | "compile-error" | "gone";

/** One tested mutant. */
export interface MutantOutcome {
  mutant: Mutant;
  status: MutantStatus;
  /** Names of (up to three) failing tests. */
  killedBy: string[];
  /** The test command's files: `--doc` on the mutated file, then its tests. */
  tests: string[];
  diff: string;
}

/** Copies a directory tree, leaving out `.git`, `node_modules` (symlinked instead) and `scratch`. */
async function copyTree(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const e of Deno.readDir(from)) {
    const src = join(from, e.name), dst = join(to, e.name);
    if (e.name === ".git" || e.name === "scratch") continue;
    if (e.name === "node_modules") await Deno.symlink(await Deno.realPath(src), dst);
    else if (e.isSymlink) await Deno.symlink(await Deno.readLink(src), dst);
    else if (e.isDirectory) await copyTree(src, dst);
    else if (e.isFile) await Deno.copyFile(src, dst);
  }
}

const decoder = new TextDecoder();

/** Runs `deno test -A --doc file tests…` in `cwd`; the outcome and failing tests' names. */
async function runTests(cwd: string, file: string, tests: string[], timeoutMs: number) {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), timeoutMs);
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["test", "-A", "--no-prompt", "--node-modules-dir=manual", "--doc", file, ...tests],
      cwd,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
      signal: ac.signal,
    }).output();
    const text = decoder.decode(out.stdout) + decoder.decode(out.stderr);
    if (ac.signal.aborted) return { status: "timeout" as const, failing: [], text };
    if (out.code === 0) return { status: "passed" as const, failing: [], text };
    if (/Type checking failed/.test(text)) return { status: "compile-error" as const, failing: [], text };
    const errors = text.slice(text.indexOf("ERRORS"));
    const failing = [...errors.matchAll(/^(.+?) => \S+:\d+:\d+$/gm)].map((m) => m[1].trim());
    return { status: "failed" as const, failing: [...new Set(failing)].slice(0, 3), text };
  } catch (e) {
    if (ac.signal.aborted) return { status: "timeout" as const, failing: [], text: String(e) };
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Options of a mutation run. */
export interface MutationRunOptions {
  root: string;
  dirs: string[];
  exclude: string[];
  sample: number;
  seed: number;
  /** Per-run timeout in seconds; default max(60, 5 × the file's baseline run). */
  timeout?: number;
  /** Mutants of an earlier run to re-run instead of a draw. */
  replay?: Mutant[];
  /** Progress lines (stderr by default). */
  log?: (line: string) => void;
  /**
   * An empty directory to copy the repository into, emptied again at the end (default: a fresh temporary directory,
   * removed at the end). Deno caches type checks by module path and content, so a run in the same directory as an
   * earlier one does not re-check the files no mutant changed since.
   */
  workDir?: string;
}

/** A run's result. */
export interface RunResult {
  seed: number;
  sample: number;
  dirs: string[];
  files: number;
  candidates: number;
  outcomes: MutantOutcome[];
  /** Files whose unmutated tests failed (nothing was mutated in them). */
  baselineFailures: string[];
}

/** Finds an earlier run's mutant among the current ones (by its line's text), or undefined when gone. */
function findAgain(all: Mutant[], old: Mutant): Mutant | undefined {
  return all.find((m) =>
    m.file === old.file && m.lineText === old.lineText && m.original === old.original &&
    m.replacement === old.replacement && m.occurrence === old.occurrence
  );
}

/** Draws (or replays) mutants and runs the covering tests of each in a temporary copy of the repository. */
export async function mutationRun(opts: MutationRunOptions): Promise<RunResult> {
  const log = opts.log ?? ((s: string) => console.error(s));
  const ts_ = await targets(opts.root, opts.dirs, opts.exclude);
  const all = ts_.flatMap((t) => t.mutants);
  const byFile = new Map(ts_.map((t) => [t.file, t]));
  const tmp = opts.workDir ?? await Deno.makeTempDir({ prefix: "mutate-" });
  const copy = join(tmp, "repo");
  const outcomes: MutantOutcome[] = [];
  const baselineFailures: string[] = [];
  try {
    await copyTree(opts.root, copy);
    const shared = resolve(opts.root, "..", "shared");
    try {
      await Deno.symlink(await Deno.realPath(shared), join(tmp, "shared"));
    } catch { /* no shared folder beside the repository */ }
    const baseline = new Map<string, number | null>();
    const timeoutFor = async (t: Target): Promise<number | null> => {
      if (!baseline.has(t.file)) {
        const t0 = performance.now();
        const r = await runTests(copy, t.file, t.tests, 600_000);
        const ms = performance.now() - t0;
        if (r.status !== "passed") {
          baselineFailures.push(t.file);
          log(`baseline tests of ${t.file} fail (${r.status}):\n${r.text.slice(-2000)}`);
        }
        baseline.set(t.file, r.status === "passed" ? ms : null);
      }
      const ms = baseline.get(t.file);
      if (ms === null || ms === undefined) return null;
      return opts.timeout !== undefined ? opts.timeout * 1000 : Math.max(60_000, 5 * ms);
    };
    const test = async (m: Mutant): Promise<MutantOutcome | null> => {
      const t = byFile.get(m.file)!;
      const timeout = await timeoutFor(t);
      if (timeout === null) return null;
      const path = join(copy, m.file);
      await Deno.writeTextFile(path, applyMutant(t.source, m));
      try {
        const r = await runTests(copy, m.file, t.tests, timeout);
        const status: MutantStatus = r.status === "passed" ? "survived" : r.status === "failed" ? "killed" : r.status;
        return { mutant: m, status, killedBy: r.failing, tests: [m.file, ...t.tests], diff: mutantDiff(t.source, m) };
      } finally {
        await Deno.writeTextFile(path, t.source);
      }
    };
    const note = (o: MutantOutcome, k: number, n: number) =>
      log(
        `[${k}/${n}] ${o.mutant.file}:${o.mutant.line} \`${o.mutant.original}\` → \`${o.mutant.replacement}\`: ${o.status}`,
      );
    if (opts.replay) {
      for (const [k, old] of opts.replay.entries()) {
        const m = findAgain(all, old);
        const o = m ? await test(m) : { mutant: old, status: "gone" as const, killedBy: [], tests: [], diff: "" };
        if (!o) continue;
        outcomes.push(o);
        note(o, k + 1, opts.replay.length);
      }
    } else {
      let counted = 0;
      for (const i of drawOrder(all.length, opts.seed)) {
        if (counted >= opts.sample) break;
        const o = await test(all[i]);
        if (!o) continue;
        outcomes.push(o);
        if (o.status !== "compile-error") counted++;
        note(o, counted, opts.sample);
      }
    }
  } finally {
    if (opts.workDir === undefined) await Deno.remove(tmp, { recursive: true });
    else for await (const e of Deno.readDir(tmp)) await Deno.remove(join(tmp, e.name), { recursive: true });
  }
  return {
    seed: opts.seed,
    sample: opts.sample,
    dirs: opts.dirs,
    files: ts_.length,
    candidates: all.length,
    outcomes,
    baselineFailures,
  };
}

/** Killed (failing test or timeout), survived and compile errors of a run, and the score killed / (killed + survived). */
export function summary(outcomes: MutantOutcome[]) {
  const n = (s: MutantStatus) => outcomes.filter((o) => o.status === s).length;
  const killed = n("killed"), timeouts = n("timeout"), survived = n("survived");
  const tested = killed + timeouts + survived;
  return {
    tested,
    killed,
    timeouts,
    survived,
    compileErrors: n("compile-error"),
    gone: n("gone"),
    score: tested ? (killed + timeouts) / tested : NaN,
  };
}

/** The run as Markdown: the score, the survivors with their diffs, then every mutant. */
export function markdown(r: RunResult, replayed?: string): string {
  const s = summary(r.outcomes);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `# Mutation testing of ${r.dirs.map((d) => `${d}/`).join(", ")}`,
    "",
    replayed
      ? `Replay of the mutants of ${replayed}.`
      : `Seed ${r.seed}, a sample of ${r.sample} of the ${r.candidates} one-token mutants of ${r.files} files.`,
    "",
    `**Score: ${s.killed + s.timeouts}/${s.tested} killed = ${pct(s.score)}** (by a failing test ${s.killed}, ` +
    `by a timeout ${s.timeouts}); survived ${s.survived}; compile errors (not counted${
      replayed ? "" : ", redrawn"
    }) ${s.compileErrors}` + (s.gone ? `; gone with the code they mutated ${s.gone}` : "") + ".",
  ];
  if (r.baselineFailures.length) {
    lines.push("", `Baseline tests fail (not mutated): ${r.baselineFailures.join(", ")}.`);
  }
  const survivors = r.outcomes.filter((o) => o.status === "survived");
  if (survivors.length) {
    lines.push("", "## Survivors");
    for (const o of survivors) {
      const m = o.mutant;
      lines.push(
        "",
        `### ${m.file}:${m.line}:${m.column}: ${m.operator} \`${m.original}\` → \`${m.replacement || "(dropped)"}\``,
        "",
        `Tests run: \`deno test -A --doc ${o.tests.join(" ")}\``,
        "",
        "```diff",
        o.diff,
        "```",
      );
    }
  }
  lines.push("", "## Every mutant", "", "| # | file:line | mutation | status | killed by |", "|---|---|---|---|---|");
  for (const [k, o] of r.outcomes.entries()) {
    const m = o.mutant;
    const code = (x: string) => x ? `\`${x.replaceAll("|", "\\|")}\`` : "(dropped)";
    const by = o.killedBy.map((t) => t.replaceAll("|", "\\|").replace(/^file:\/\/\S*?\/repo\//, "")).join("; ");
    lines.push(
      `| ${k + 1} | ${m.file}:${m.line} | ${m.operator} ${code(m.original)} → ${
        code(m.replacement)
      } | ${o.status} | ${by} |`,
    );
  }
  return lines.join("\n") + "\n";
}

const HELP = `deno task mutate [flags]
  --sample N      mutants to test (default 50; compile errors are redrawn)
  --seed S        seed of the draw (default 1)
  --dirs a,b      directories to mutate (default numerics,models)
  --exclude f,g   more files to leave alone (default: ${DEFAULT_EXCLUDE.join(", ")})
  --timeout SEC   per-run timeout (default max(60 s, 5 × the file's unmutated run)); a timeout counts as killed
  --replay PATH   re-run the mutants of an earlier --json file instead of drawing
  --list          only count the mutants per file
  --json PATH     also write the run as JSON
  --out PATH      write the Markdown report there (default stdout)
  --root DIR      the repository (default the current directory)`;

/** The flags that take a value. */
const VALUE_FLAGS = ["sample", "seed", "dirs", "exclude", "timeout", "replay", "json", "out", "root"] as const;

/** The command: parses flags, runs, writes the report. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, HELP, VALUE_FLAGS, ["list"]);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (see --help)`);
  const sample = integerFlag("sample", values.sample, 50, 1, 100_000);
  const seed = integerFlag("seed", values.seed, 1, 0);
  const timeoutRaw = values.timeout === undefined ? undefined : integerFlag("timeout", values.timeout, 0, 1, 86_400);
  const root = resolve(values.root ?? Deno.cwd());
  const list = (raw: string | undefined) => (raw ?? "").split(",").map((s) => s.trim()).filter((s) => s);
  const dirs = values.dirs === undefined ? ["numerics", "models"] : list(values.dirs).map((d) => d.replace(/\/+$/, ""));
  if (!dirs.length) throw new UsageError("--dirs needs at least one directory");
  for (const d of dirs) {
    const st = await Deno.stat(join(root, d)).catch(() => null);
    if (!st?.isDirectory) throw new UsageError(`--dirs: no directory "${d}" under ${root}`);
  }
  const exclude = [...DEFAULT_EXCLUDE, ...list(values.exclude)];
  let replay: Mutant[] | undefined;
  if (values.replay !== undefined) {
    let parsed: { outcomes?: { mutant: Mutant }[] };
    try {
      parsed = JSON.parse(await Deno.readTextFile(values.replay));
    } catch (e) {
      throw new UsageError(`--replay: cannot read "${values.replay}": ${(e as Error).message.split("\n")[0]}`);
    }
    if (!Array.isArray(parsed.outcomes)) throw new UsageError(`--replay: "${values.replay}" has no outcomes`);
    replay = parsed.outcomes.map((o) => o.mutant);
  }
  if (values.list) {
    const ts_ = await targets(root, dirs, exclude);
    for (const t of ts_) {
      console.log(`${String(t.mutants.length).padStart(5)}  ${t.file}  (tests: ${t.tests.join(", ") || "doc only"})`);
    }
    console.log(`${String(ts_.reduce((a, t) => a + t.mutants.length, 0)).padStart(5)}  in ${ts_.length} files`);
    return 0;
  }
  const result = await mutationRun({ root, dirs, exclude, sample, seed, timeout: timeoutRaw, replay });
  const md = markdown(result, values.replay === undefined ? undefined : relative(root, resolve(values.replay)));
  if (values.out) await Deno.writeTextFile(values.out, md);
  else console.log(md);
  if (values.json) {
    await Deno.writeTextFile(
      values.json,
      JSON.stringify({ ...result, summary: summary(result.outcomes) }, null, 1) + "\n",
    );
  }
  return result.baselineFailures.length ? 1 : 0;
}

if (import.meta.main) await runMain(() => main(Deno.args));
