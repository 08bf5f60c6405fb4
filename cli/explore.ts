/**
 * `deno task explore <claim-id> [--seed N] [--instance K] [--count C] [--<parameter> v]...
 * [--ignore-hypotheses] [--scenario NAME [--compare]] [--sweep [--budget B] [--instances N] [--widths a,b,c]] [--out DIR]
 * [--explain]
 * [--help]`: runs a claim on chosen parameters and prints a readable trace — each hypothesis with its numbers and
 * whether it holds, the conclusion and the slack — in plain Unicode (engine/unicode_math.ts); `--explain` prints what
 * the claim states and how it is checked (engine/explain.ts); `--sweep` runs a non-exact claim as the report does
 * (./explore_sweep.ts); `--out` writes the trace and plots of what was run (./explore_out.ts); runs over 2 s show
 * progress on stderr (./progress.ts).
 *
 * @module
 */
import type { AggregateCheck, Claim, ConclusionCheck, InstanceRecord } from "../engine/claim.ts";
import { type Outcome, outcomeOf, type ParameterSpec, type Scenario } from "../engine/claim.ts";
import { aggregateDecision, exploreCommand, runScenario, safeAggregate } from "../engine/explore.ts";
import { formatNumber } from "../engine/report.ts";
import { runInstance } from "../engine/run.ts";
import { explainClaim } from "../engine/explain.ts";
import { texToUnicode } from "../engine/unicode_math.ts";
import { erratumLines, failureSentence, num } from "../engine/words.ts";
import {
  budgetFlag,
  catalogWith,
  claimsFlag,
  claimsModuleArg,
  integerFlag,
  parseStrict,
  runMain,
  UsageError,
} from "./args.ts";
import { checkOutDir, drawPlots, writeExploreOut } from "./explore_out.ts";
import { MIN_SWEEP_WIDTHS, runSweep, sweepExitCode, sweepRefusal, sweepWidths } from "./explore_sweep.ts";
import { Progress } from "./progress.ts";

function help(claim: Claim): string {
  const lines = [
    `deno task explore ${claim.id} [flags]    — ${claim.title} (${claim.source.where})`,
    `  --seed N               master seed (integer ≥ 0, default 1)`,
    `  --instance K           first instance index (integer ≥ 0, default 0)`,
    `  --count C              how many instances (1..1000, default 1)`,
    `  --ignore-hypotheses    check the conclusion even where a hypothesis fails`,
    `  --scenario NAME        apply a hypothesis-breaking scenario and search for a shrunk counterexample`,
    `                         (aggregate scenarios: --count C draws judged by the claim's aggregate)`,
    `  --out DIR              also write DIR/${claim.id}.md with the trace and its plots`,
    `  --explain              what the claim states, its hypotheses, conclusion, tightness and scenarios`,
    `  --compare              with --scenario: the same seed and instance with the hypothesis kept and broken, side by side`,
    `  --claims MODULE        the claims module this claim comes from (not needed for the catalog's claims)`,
    claim.kind === "exact"
      ? `  --sweep                not for this claim: ${sweepRefusal(claim)!.replace(/^--sweep is /, "")}`
      : `  --sweep                run the claim as the report does (its instances, aggregate and verdict) and print the fit or frequencies`,
    `  --budget test|report   with --sweep: the budget's instances (default test)`,
    `  --instances N          with --sweep: N instances (1..100000) instead of the budget's`,
    claim.sweepParameter !== undefined
      ? `  --widths a,b,c         with --sweep: the widths (--${claim.sweepParameter} values, at least ${MIN_SWEEP_WIDTHS}) its instances take in turn${
        (claim.sweepStride ?? 1) > 1 ? `, each for ${claim.sweepStride} consecutive instances` : ""
      }`
      : claim.sweepWidthList !== undefined
      ? `  --widths a,b,c         with --sweep: the widths every instance sweeps (integers in [${claim.sweepWidthList.min}, ${claim.sweepWidthList.max}], at least ${MIN_SWEEP_WIDTHS}, taken ascending) instead of its own`
      : `  --widths a,b,c         not for this claim: ${claim.widthsRefusal ?? "its aggregate sweeps no width"}`,
    `  progress: runs over 2 s show progress on stderr (a line updating in place on a terminal, else plain lines)`,
    `  exit code: 0 the conclusion held on what was run, 1 it failed (or the scenario breaks it),`,
    `             3 the computation (or, with too few draws, the aggregate) could not decide, 2 bad input;`,
    `             with --count C > 1, a claim decided by its aggregate (frequencies) is judged by it over the C`,
    `             instances`,
  ];
  for (const [name, p] of Object.entries(claim.parameters ?? {})) {
    lines.push(
      `  --${name} V`.padEnd(25) +
        `${texToUnicode(p.help)} (${
          p.names?.length ? `one of ${namedValues(p)}: a name or its code` : `${p.type} in [${p.min}, ${p.max}]`
        }, default: drawn at random)`,
    );
  }
  for (const s of claim.scenarios ?? []) {
    lines.push(`  scenario ${s.name} (${scenarioSize(s)}): breaks ${texToUnicode(s.breaks)}`);
  }
  if (claim.unbreakable) lines.push(`  no hypothesis to break: ${texToUnicode(claim.unbreakable)}`);
  return lines.join("\n");
}

/** Instances a scenario samples and fast-check searches by default in `deno task explore --scenario`. */
const SCENARIO_SAMPLES = 20, SCENARIO_SEARCH = 60;

/** A scenario's default size, as its help states it: its draws, or the instances sampled, searched and shrunk. */
function scenarioSize(s: Scenario): string {
  if (s.decidedBy === "aggregate") return `aggregate, ${s.instances} draws`;
  const sampled = Math.min(SCENARIO_SAMPLES, s.instances ?? Infinity);
  const searched = Math.min(SCENARIO_SEARCH, s.searchRuns ?? Infinity);
  return `${sampled} sampled, ${searched} searched${
    s.shrinkRuns === undefined ? "" : `, at most ${s.shrinkRuns} shrinking`
  } instances`;
}

/** A decimal number ("-1", "2.5", "1e-3"); hex, binary, "Infinity" and empty strings are not. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The code of a named value of an integer-coded parameter: its exact name (any case), else a unique prefix of one;
 * undefined when `raw` names none of them.
 */
function namedCode(spec: ParameterSpec, flag: string, raw: string): number | undefined {
  const names = spec.names ?? [];
  const key = raw.trim().toLowerCase();
  if (names.length === 0 || DECIMAL.test(key)) return undefined;
  const exact = names.findIndex((n) => n.toLowerCase() === key);
  if (exact >= 0) return spec.min + exact;
  const prefixed = names.flatMap((n, k) => (n.toLowerCase().startsWith(key) ? [k] : []));
  if (prefixed.length === 1) return spec.min + prefixed[0];
  throw new UsageError(
    `--${flag} ${prefixed.length ? "is ambiguous" : "names no value"}: "${raw}" (one of ${
      names.join(", ")
    }, or the code ${spec.min}–${spec.max})`,
  );
}

/** How help lists an integer-coded parameter's values: "one of a (0), b (1)". */
function namedValues(spec: ParameterSpec): string {
  return (spec.names ?? []).map((n, k) => `${n} (${spec.min + k})`).join(", ");
}

/**
 * The value of the claim's parameter `name` given as `raw` (a `--<name> V` flag): a finite decimal within the
 * declared range (or a name of an integer-coded value), an integer where declared so; a UsageError otherwise (the
 * web run API reuses it, so its messages are the CLI's).
 */
export function parameterValue(claim: Claim, name: string, raw: string): number {
  const spec = claim.parameters![name];
  const named = namedCode(spec, name, raw);
  if (named !== undefined) return named;
  const v = Number(raw.trim());
  if (!DECIMAL.test(raw.trim()) || !Number.isFinite(v)) {
    throw new UsageError(`--${name} must be a finite decimal number, got "${raw}"`);
  }
  if (spec.type === "integer" && !Number.isInteger(v)) {
    throw new UsageError(`--${name} must be an integer, got "${raw}"`);
  }
  if (v < spec.min || v > spec.max) throw new UsageError(`--${name} must be in [${spec.min}, ${spec.max}], got ${raw}`);
  return v;
}

/**
 * The run's seed, first instance, instance count and claim parameters from parsed `--seed`, `--instance`,
 * `--count` and `--<parameter>` flags, each checked (UsageError otherwise); shared with the web run API.
 */
export function runFlags(claim: Claim, values: Record<string, unknown>) {
  const seed = integerFlag("seed", values.seed as string | undefined, 1, 0);
  const instance = integerFlag("instance", values.instance as string | undefined, 0, 0, 1e9);
  const count = integerFlag("count", values.count as string | undefined, 1, 1, 1000);
  const params: Record<string, number> = {};
  for (const name of Object.keys(claim.parameters ?? {})) {
    const raw = values[name] as string | undefined;
    if (raw !== undefined) params[name] = parameterValue(claim, name, raw);
  }
  return { seed, instance, count, params };
}

/** A failed check's sentence in words (engine/words.ts), as a trace line; none when it held or was undecided. */
function wordsLines(c: ConclusionCheck<unknown>): string[] {
  const sentence = failureSentence(c);
  return sentence === undefined ? [] : [`    in words: ${sentence}`];
}

/** How a trace marks an outcome: held, failed, or undecided (the computation could not decide). */
const MARK: Record<Outcome, string> = { held: "✓", failed: "✗", undecided: "?" };

/** Tightness (observed over bound: 1 attained, above 1 violated) with its slack when the form held. */
function tightnessLine(c: ConclusionCheck<unknown>): string {
  const outcome = outcomeOf(c);
  const verdict = outcome === "held"
    ? `slack ${formatNumber(1 - c.tightness)}`
    : outcome === "failed"
    ? "violated"
    : "undecided";
  return `tightness ${formatNumber(c.tightness)} (observed ${formatNumber(c.observed)} vs bound ${
    formatNumber(c.bound)
  }; ${verdict})`;
}

function trace(claim: Claim, r: InstanceRecord): string[] {
  const out = [`instance ${r.index}: ${r.description}`];
  claim.hypotheses.forEach((h, i) => {
    const c = r.hypotheses[i];
    out.push(
      `  ${c?.holds ? "✓" : "✗"} hypothesis ${texToUnicode(h.statement).replaceAll("\n", " ")} [${h.certainty}]: ${
        c?.value ?? "not checked"
      }`,
    );
  });
  if (!r.conclusion) {
    out.push("  conclusion not checked (a hypothesis fails; pass --ignore-hypotheses to check it anyway)");
    return out;
  }
  const c = r.conclusion;
  const outcome = outcomeOf(c);
  out.push(
    `  ${MARK[outcome!]} conclusion ${
      outcome === "held" ? "holds" : outcome === "failed" ? "FAILS" : `UNDECIDED (${c.undecided})`
    }: ${c.detail}`,
    ...wordsLines(c),
    `    ${tightnessLine(c)}`,
  );
  if (r.corrected) {
    out.push(
      `  ${MARK[outcomeOf(r.corrected)!]} corrected form: ${r.corrected.detail}`,
      ...wordsLines(r.corrected),
      `    ${tightnessLine(r.corrected)}`,
    );
  }
  if (claim.erratum) {
    out.push(
      "  erratum, both forms on this instance:",
      ...erratumLines(claim.erratum, c, r.corrected).map((l) => `    ${l}`),
    );
  }
  return out;
}

/**
 * The claim's aggregate over the records explore ran, when it decides the claim's real conclusion: the claim says
 * so (`conclusionBy: "aggregate"`) or it is a frequency check (it reports `frequencies`); undefined otherwise, or
 * when no record had its conclusion checked (nothing to aggregate).
 */
async function claimsAggregate(claim: Claim, records: InstanceRecord[]): Promise<AggregateCheck | undefined> {
  if (!claim.aggregate || !records.some((r) => r.conclusion !== undefined)) return undefined;
  const aggregate = await safeAggregate(claim, records);
  return claim.conclusionBy === "aggregate" || (aggregate.frequencies?.length ?? 0) > 0 ? aggregate : undefined;
}

/** A flag table for parseStrict. */
type FlagTable = Record<string, { type: "string" | "boolean" }>;

/** The flags that choose a run (read by `runFlags`, `--ignore-hypotheses` and `--scenario`); the web run API takes these. */
export const RUN_OPTIONS: FlagTable = {
  seed: { type: "string" },
  instance: { type: "string" },
  count: { type: "string" },
  "ignore-hypotheses": { type: "boolean" },
  scenario: { type: "string" },
};

/** `base` and a flag `--<name>` taking a value for each of the claim's parameters. */
export function withParameterFlags(claim: Claim, base: FlagTable): FlagTable {
  const options: FlagTable = { ...base };
  for (const name of Object.keys(claim.parameters ?? {})) options[name] = { type: "string" };
  return options;
}

/** The flags every claim takes (its parameters are added to them). */
const COMMON_OPTIONS: FlagTable = {
  ...RUN_OPTIONS,
  out: { type: "string" },
  explain: { type: "boolean" },
  compare: { type: "boolean" },
  sweep: { type: "boolean" },
  budget: { type: "string" },
  instances: { type: "string" },
  widths: { type: "string" },
  help: { type: "boolean" },
  claims: { type: "string" },
};

const GENERAL_HELP = `deno task explore <claim-id> [flags]   (deno task list shows the ids)
  runs a claim on chosen or random parameters and prints each hypothesis (✓/✗ with its numbers), the
  conclusion and its tightness; deno task explore <claim-id> --help lists the claim's own flags and scenarios,
  --explain what it states and how it is checked.
  --seed N, --instance K, --count C, --ignore-hypotheses, --scenario NAME, --compare, --sweep [--budget B]
  [--instances N] [--widths a,b,c], --out DIR, --explain, --help,
  --claims MODULE (also the claims of MODULE, a path or URL exporting an array of claims)`;

/**
 * The claim id in explore's arguments: the first one that is neither a flag nor a flag's value (flags may
 * come before the id: \`--seed 3 thm-11.13\`).
 */
function claimIdOf(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("-")) return a;
    const name = a.replace(/^-+/, "");
    if (a.includes("=") || a === "-h" || COMMON_OPTIONS[name]?.type === "boolean") continue;
    i++; // a string flag (common or the claim's parameter): the next argument is its value
  }
  return undefined;
}

/** Exit codes of `deno task explore` beyond 0 (held) and 2 (bad input, from `runMain`). */
export const EXPLORE_FAILED = 1, EXPLORE_UNDECIDED = 3;

/**
 * Runs one claim with the parameters in `args` (the flags of `deno task explore`) and prints the trace;
 * returns the exit code (0 the conclusion held on what was run, `EXPLORE_FAILED` it failed or the
 * scenario breaks it, `EXPLORE_UNDECIDED` the computation could not decide); throws `UsageError` on bad
 * input.
 *
 * @example
 * ```ts ignore
 * import { main } from "./explore.ts";
 * await main(["lemma-10.2", "--etaBeta", "2.05", "--ignore-hypotheses"]);
 * ```
 */
export async function main(args: string[]): Promise<number | void> {
  const id = claimIdOf(args);
  if (!id) {
    if (args.includes("--help") || args.includes("-h")) {
      console.log(GENERAL_HELP);
      return 0;
    }
    throw new UsageError("usage: deno task explore <claim-id> [flags] (deno task list shows the ids)");
  }
  const [claim] = claimsFlag(id, await catalogWith(claimsModuleArg(args)));
  const options = withParameterFlags(claim, COMMON_OPTIONS);
  const { values, positionals } = parseStrict(args, options);
  if (positionals.length !== 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  if (values.help) {
    console.log(help(claim));
    return 0;
  }
  if (values.explain) {
    console.log(explainClaim(claim as Claim<unknown, unknown>).join("\n"));
    return 0;
  }
  const { seed, instance: first, count, params } = runFlags(claim, values);
  refuseCombinations(claim, values, params);
  if (values.out !== undefined) checkOutDir(values.out as string);
  const lines = [`${claim.id} — ${claim.title} (${claim.source.document}, ${claim.source.where}), seed ${seed}`];
  let failed = 0, undecided = 0;
  let records: InstanceRecord[] = [];
  let aggregate: AggregateCheck | undefined;
  /** What --out plots: the records run (a scenario's failing ones), and a caption saying which. */
  let plotCaption: string | undefined;
  let exitCode: number | undefined;
  const progress = new Progress(`explore ${claim.id}`);
  try {
    if (values.sweep) {
      const budget = budgetFlag(values.budget as string | undefined, "test");
      const instances = values.instances === undefined
        ? undefined
        : integerFlag("instances", values.instances as string, 0, 1, 100000);
      const widths = values.widths === undefined
        ? undefined
        : sweepWidths(claim, values.widths as string, (name, raw) => parameterValue(claim, name, raw));
      const out = await runSweep(claim, { seed, budget, instances, widths });
      lines.push(...out.lines);
      records = out.records;
      aggregate = out.aggregate;
      exitCode = sweepExitCode(out.result);
    } else if (values.compare) {
      if (values.scenario === undefined) {
        throw new UsageError("--compare needs --scenario NAME (the hypothesis to break)");
      }
      const scenario = scenarioNamed(claim, values.scenario as string);
      lines.push(`scenario ${scenario.name}: breaks ${scenario.breaks}`);
      const runs: [string, Record<string, number>, boolean][] = [
        ["hypothesis kept", params, false],
        ["hypothesis broken", { ...params, ...scenario.params }, true],
      ];
      const summaries: string[] = [];
      for (const [k, [label, p, ignoreHypotheses]] of runs.entries()) {
        const r = await runInstance(claim, seed, first, "test", count, { params: p, ignoreHypotheses });
        progress.update(k + 1, runs.length, "run");
        records.push(r);
        lines.push(
          "",
          `── ${label} (${Object.entries(p).map(([k, v]) => `--${k} ${v}`).join(" ") || "drawn at random"})`,
        );
        lines.push(...trace(claim, r));
        const c = r.conclusion;
        const o = outcomeOf(c);
        summaries.push(
          `${label}: ${
            c
              ? `${o === "held" ? "holds" : o === "failed" ? "FAILS" : "undecided"}, observed ${
                formatNumber(c.observed)
              } vs bound ${formatNumber(c.bound)}`
              : "conclusion not checked"
          }`,
        );
        if (ignoreHypotheses && o === "failed") failed++;
      }
      lines.push(
        "",
        `side by side — ${summaries.join("  |  ")}`,
        `what differs: ${compareDifference(claim, records[0], records[1])}`,
      );
      lines.push(
        `replay: ${exploreCommand(claim.id, seed, first, params, false)} --scenario ${scenario.name} --compare`,
      );
      plotCaption = "Plots of both runs (hypothesis kept, hypothesis broken):";
    } else if (values.scenario !== undefined) {
      const scenario = scenarioNamed(claim, values.scenario as string);
      const keep: { records: InstanceRecord[]; counterexample?: InstanceRecord } = { records: [] };
      const out = await runScenario(claim, { ...scenario, params: { ...scenario.params, ...params } }, {
        seed,
        instances: Math.max(count, SCENARIO_SAMPLES),
        searchRuns: SCENARIO_SEARCH,
        // Aggregate scenarios: --count sets the number of draws (default: the scenario's).
        draws: values.count !== undefined ? count : undefined,
        onProgress: (done, total, unit) => progress.update(done, total, unit),
        keep,
      });
      lines.push(`scenario ${scenario.name}: breaks ${scenario.breaks}`, `  ${out.summary}`);
      if (out.verdict === "breaks") failed++;
      else if (out.verdict === "undecided") undecided++;
      if (out.counterexample) {
        lines.push(`  smallest counterexample: ${out.counterexample.detail}`);
        if (out.counterexample.failure) lines.push(`  in words: ${out.counterexample.failure}`);
        lines.push(`  replay: ${out.counterexample.replay}`);
      }
      if (out.replay) {
        for (const [k, v] of out.aggregate?.rows ?? []) lines.push(`    ${k}: ${v}`);
        lines.push(`  ${out.note}`, `  replay: ${out.replay}`);
      }
      ({ records, caption: plotCaption } = scenarioPlotRecords(keep, out.aggregate !== undefined));
      aggregate = out.aggregate;
    } else {
      for (let index = first; index < first + count; index++) {
        const r = await runInstance(claim, seed, index, "test", count, {
          params,
          ignoreHypotheses: values["ignore-hypotheses"] === true,
        });
        progress.update(index - first + 1, count, "instance");
        records.push(r);
        if (outcomeOf(r.conclusion) === "failed") failed++;
        if (outcomeOf(r.conclusion) === "undecided") undecided++;
        lines.push(...trace(claim, r));
      }
      if (count > 1) {
        aggregate = await claimsAggregate(claim, records);
        lines.push(
          `${records.filter((r) => r.met).length}/${count} met the hypotheses; the ${
            aggregate ? "per-instance check (a soundness check: the aggregate below decides the claim)" : "conclusion"
          } failed on ${failed}` + (undecided ? `; the computation could not decide on ${undecided}` : ""),
        );
        if (aggregate) {
          const d = aggregateDecision(aggregate);
          if (d.outcome === "failed") failed++;
          else if (d.outcome === "undecided") undecided++;
          lines.push(
            `${MARK[d.outcome]} the claim's conclusion, decided by its aggregate over these ${count} instances: ${
              d.outcome === "held" ? "holds" : d.outcome === "failed" ? "FAILS" : "UNDECIDED"
            }: ${d.why}`,
            ...(aggregate.rows ?? []).map(([k, v]) => `    ${k}: ${v}`),
          );
        }
      }
      lines.push(
        `replay: ${exploreCommand(claim.id, seed, first, params, values["ignore-hypotheses"] === true)}${
          count > 1 ? ` --count ${count}` : ""
        }`,
      );
    }
  } finally {
    progress.end();
  }
  for (let k = 0; k < lines.length; k++) lines[k] = texToUnicode(lines[k]);
  console.log(lines.join("\n"));
  if (values.out !== undefined) {
    const dir = values.out as string;
    const drawn = await drawPlots(claim, records, aggregate);
    const path = await writeExploreOut(dir, claim, lines, { ...drawn, caption: plotCaption });
    for (const note of drawn.notes) console.error(`note: ${note}`);
    console.error(`wrote ${path}${drawn.plots.length ? ` and ${drawn.plots.length} plot(s)` : " (no plot)"}`);
  }
  return exitCode ?? (failed > 0 ? EXPLORE_FAILED : undecided > 0 ? EXPLORE_UNDECIDED : 0);
}

/**
 * What `--compare` says differs between the kept and the broken run: the broken run's failure sentence when its
 * conclusion failed; otherwise (it held, was undecided or not checked) the hypotheses that hold on one run and not
 * the other, and the observed quantity, bound and tightness from one run to the other.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compareDifference } from "./explore.ts";
 * const claim = { hypotheses: [{ statement: "$\\eta < 2/\\beta$" }] };
 * const check = { holds: true, observed: 0.2, bound: 1, tightness: 0.2, detail: "" };
 * const kept = { index: 0, description: "", met: true, hypotheses: [{ holds: true, value: "η = 0.3" }], conclusion: check };
 * const broken = { ...kept, met: false, hypotheses: [{ holds: false, value: "η = 2.5" }], conclusion: { ...check, observed: 0.8, tightness: 0.8 } };
 * assert.equal(
 *   compareDifference(claim, kept, broken),
 *   "the conclusion still holds when broken; η < 2/β holds kept (η = 0.3), fails broken (η = 2.5); observed 0.2 → 0.8 (×4), bound 1 → 1, tightness 0.2 → 0.8",
 * );
 * const failed = { ...broken, conclusion: { ...check, holds: false, failure: "the loss rose from 1 to 9" } };
 * assert.equal(compareDifference(claim, kept, failed), "broken, the conclusion fails: the loss rose from 1 to 9");
 * ```
 */
export function compareDifference(
  claim: { hypotheses: { statement: string }[] },
  kept: InstanceRecord,
  broken: InstanceRecord,
): string {
  const c = broken.conclusion;
  const words = failureSentence(c);
  if (words !== undefined) return `broken, the conclusion fails: ${words}`;
  const parts = [
    c === undefined
      ? "the conclusion is not checked when broken (a hypothesis fails)"
      : c.undecided !== undefined
      ? `the computation could not decide when broken (${c.undecided})`
      : c.holds
      ? "the conclusion still holds when broken"
      : "the conclusion fails when broken",
  ];
  claim.hypotheses.forEach((h, i) => {
    const a = kept.hypotheses[i], b = broken.hypotheses[i];
    if (a && b && a.holds !== b.holds) {
      parts.push(
        `${texToUnicode(h.statement).replaceAll("\n", " ")} ${a.holds ? "holds" : "fails"} kept (${a.value}), ${
          b.holds ? "holds" : "fails"
        } broken (${b.value})`,
      );
    }
  });
  const k = kept.conclusion;
  if (k && c && c.undecided === undefined && k.undecided === undefined) {
    const ratio = k.observed !== 0 && Number.isFinite(c.observed / k.observed)
      ? ` (×${num(c.observed / k.observed)})`
      : "";
    parts.push(
      `observed ${num(k.observed)} → ${num(c.observed)}${ratio}, bound ${num(k.bound)} → ${num(c.bound)}, tightness ${
        num(k.tightness)
      } → ${num(c.tightness)}`,
    );
  }
  if (parts.length === 1 && k === undefined) parts.push("the kept run's conclusion was not checked either");
  return parts.join("; ");
}

/** The scenario called `name`, or a UsageError naming the known ones. */
function scenarioNamed(claim: Claim, name: string) {
  const scenario = (claim.scenarios ?? []).find((s) => s.name === name);
  if (!scenario) {
    throw new UsageError(
      `unknown scenario "${name}" for ${claim.id} (known: ${
        (claim.scenarios ?? []).map((s) => s.name).join(", ") || "none"
      })`,
    );
  }
  return scenario;
}

/**
 * What `--out` plots after a scenario: every draw of an aggregate scenario (its aggregate decides); else the
 * failing run — the sampled instances whose conclusion failed and the shrunk counterexample — or, when none
 * failed, every sampled instance. The records are run with the hypotheses ignored; for plotting they count as
 * met (plots draw the instances meeting the hypotheses, and here the point is the instance that breaks one).
 */
function scenarioPlotRecords(
  keep: { records: InstanceRecord[]; counterexample?: InstanceRecord },
  byAggregate: boolean,
): { records: InstanceRecord[]; caption: string } {
  const asMet = (rs: InstanceRecord[]) => rs.map((r) => (r.conclusion ? { ...r, met: true } : r));
  if (byAggregate) {
    return { records: asMet(keep.records), caption: `Plots of the scenario's ${keep.records.length} draws:` };
  }
  const failing = keep.records.filter((r) => outcomeOf(r.conclusion) === "failed");
  if (keep.counterexample) failing.push(keep.counterexample);
  if (failing.length) {
    return {
      records: asMet(failing),
      caption:
        `Plots of the scenario's failing run (${failing.length} instance(s) whose conclusion failed, hypotheses ignored):`,
    };
  }
  return {
    records: asMet(keep.records),
    caption: `Plots of the scenario's ${keep.records.length} sampled instances (none failed; hypotheses ignored):`,
  };
}

/**
 * Flags that mean nothing together are refused, each in one line: `--sweep` runs the claim's own instances (no
 * scenario, count, instance or parameter flags); a scenario samples its own instances with the hypotheses ignored
 * (no `--instance`, no `--ignore-hypotheses`; `--compare` takes `--instance` but runs the kept side with the
 * hypotheses checked); `--budget`, `--instances` and `--widths` belong to `--sweep`.
 */
function refuseCombinations(claim: Claim, values: Record<string, unknown>, params: Record<string, number>): void {
  if (values.sweep) {
    const refused = sweepRefusal(claim);
    if (refused) throw new UsageError(refused);
    for (const flag of ["scenario", "compare", "count", "instance", "ignore-hypotheses"]) {
      if (values[flag] !== undefined) {
        throw new UsageError(`--sweep runs the claim's own instances as the report does; drop --${flag}`);
      }
    }
    const name = Object.keys(params)[0];
    if (name !== undefined) {
      throw new UsageError(
        `--sweep runs the claim's own instances as the report does; --${name} sets one instance (drop it, or run without --sweep)`,
      );
    }
    return;
  }
  for (const flag of ["budget", "instances", "widths"]) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} goes with --sweep`);
  }
  if (values.scenario !== undefined && values["ignore-hypotheses"] !== undefined) {
    throw new UsageError(
      values.compare
        ? "--compare runs the kept side with the hypotheses checked and the broken side with them ignored; drop --ignore-hypotheses"
        : "--scenario always checks the conclusion with the hypotheses ignored; drop --ignore-hypotheses",
    );
  }
  if (values.scenario !== undefined && !values.compare && values.instance !== undefined) {
    throw new UsageError(
      "--scenario samples its own instances (0, 1, … and a search over the others); to run one instance with the scenario's parameters, run the replay line it prints, or add --compare",
    );
  }
}

if (import.meta.main) await runMain(() => main(Deno.args));
