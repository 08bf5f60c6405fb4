/**
 * Failing-case exploration: break a hypothesis and watch the conclusion (scenarios, with a
 * falsifying instance found and shrunk by fast-check, or — for claims decided by frequencies — the
 * claim's exact binomial decision over many draws), and search the parameters for the tightest
 * instance (hill climbing on observed over bound).
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import type { AggregateCheck, Claim, FrequencyCell, InstanceRecord, Outcome } from "./claim.ts";
import { outcomeOf, type Scenario } from "./claim.ts";
import { lowPower, POWER_GOAL } from "./false_alarm.ts";
import { type InstanceMapper, runInstance } from "./run.ts";
import { formatNumber } from "./report.ts";
import { aggregateFailure, failureSentence } from "./words.ts";
import { createRng } from "../numerics/random.ts";
import { claimsFlagFor } from "./registry.ts";

/** Parameters as explore flags: " --k v" each. */
function parameterFlags(params: Record<string, number>): string {
  return Object.entries(params).map(([k, v]) => ` --${k} ${v}`).join("");
}

/**
 * The command that re-runs one instance with explicit parameters.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exploreCommand } from "./explore.ts";
 * assert.equal(exploreCommand("lemma-10.2", 1, 3, { etaBeta: 2.05 }, true), "deno task explore lemma-10.2 --seed 1 --instance 3 --etaBeta 2.05 --ignore-hypotheses");
 * ```
 */
export function exploreCommand(
  id: string,
  seed: number,
  index: number,
  params: Record<string, number>,
  ignoreHypotheses: boolean,
): string {
  return `deno task explore ${id}${claimsFlagFor(id)} --seed ${seed} --instance ${index}${parameterFlags(params)}${
    ignoreHypotheses ? " --ignore-hypotheses" : ""
  }`;
}

/**
 * The command that re-runs a whole scenario (aggregate scenarios: all its draws and the decision).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scenarioCommand } from "./explore.ts";
 * const cmd = scenarioCommand("lemma-11.20", 1, "variance-two", { law: 3 }, 200);
 * assert.equal(cmd, "deno task explore lemma-11.20 --seed 1 --scenario variance-two --law 3 --count 200");
 * ```
 */
export function scenarioCommand(
  id: string,
  seed: number,
  name: string,
  params: Record<string, number>,
  draws: number,
): string {
  return `deno task explore ${id}${claimsFlagFor(id)} --seed ${seed} --scenario ${name}${
    parameterFlags(params)
  } --count ${draws}`;
}

/** A falsifying instance shrunk by fast-check. */
export interface ShrunkCounterexample {
  /** Instance index. */
  index: number;
  /** All parameters of the instance (scenario's and searched ones). */
  params: Record<string, number>;
  /** Its description. */
  description: string;
  /** What failed. */
  detail: string;
  /** What went wrong, in words (engine/words.ts). */
  failure?: string;
  /** Command reproducing it. */
  replay: string;
}

/** What happened when a hypothesis was broken. */
export interface ScenarioOutcome {
  /** The scenario. */
  scenario: Scenario;
  /** Instances sampled with the scenario's parameters. */
  tried: number;
  /** Of those, how many really violated a hypothesis. */
  violated: number;
  /** Of those, on how many the conclusion failed. */
  failures: number;
  /** Of those, on how many the computation could not decide (never counted as failures). */
  undecided?: number;
  /** The smallest falsifying instance fast-check found, if any (never for aggregate scenarios). */
  counterexample: ShrunkCounterexample | null;
  /** Whether breaking the hypothesis broke the conclusion; "undecided" when the aggregate could not tell. */
  verdict: "breaks" | "survives" | "undecided";
  /** One sentence. */
  summary: string;
  /** Aggregate scenarios: the claim's aggregate over the scenario's draws. */
  aggregate?: AggregateCheck;
  /**
   * Aggregate scenarios with a frequency check: the cell that decided ({@link aggregateDecision}): when it breaks,
   * the one whose lower interval end is largest against its promise; otherwise the one whose upper end is.
   */
  worstCell?: FrequencyCell;
  /** Aggregate scenarios: the command that re-runs all draws and the decision. */
  replay?: string;
  /** Aggregate scenarios: how the outcome was decided ({@link AGGREGATE_NOT_SHRUNK}). */
  note?: string;
}

/** Optional extras of a scenario run: progress, and where to keep the records run (for plots of what was run). */
export interface ScenarioRunExtras {
  /** Called after each instance run (sampled, searched or drawn), with what it counts ("instance", "draw"). */
  onProgress?: (done: number, total: number, unit: string) => void;
  /**
   * Receives the records run with the scenario's parameters (hypotheses ignored): the sampled instances, or every
   * draw; and the shrunk counterexample's record, when one was found.
   */
  keep?: { records: InstanceRecord[]; counterexample?: InstanceRecord };
  /** Runs an aggregate scenario's draws (default: in this thread, in order), e.g. a pool's `mapInstances`. */
  mapInstances?: InstanceMapper;
}

/** How an aggregate scenario was decided, and why it is not shrunk (shown beside its outcome). */
export const AGGREGATE_NOT_SHRUNK =
  "decided by the claim's own aggregate check over all draws, not shrunk: a frequency or a law belongs to many draws, not to one instance";

function freeParameterArbitrary(claim: Claim, fixed: Record<string, number>) {
  const shape: Record<string, fc.Arbitrary<number>> = { index: fc.nat({ max: 9999 }) };
  for (const [name, spec] of Object.entries(claim.parameters ?? {})) {
    if (name in fixed) continue;
    shape[name] = spec.type === "integer"
      ? fc.integer({ min: spec.min, max: spec.max })
      : fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true });
  }
  return fc.record(shape);
}

/**
 * Runs a scenario: samples instances with the scenario's parameters, checks the conclusion on
 * every one of them regardless of hypotheses, then lets fast-check search the remaining
 * parameters for a falsifying instance and shrink it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runScenario } from "./explore.ts";
 * import { bounded } from "./_toy_claims.ts";
 * const claim = bounded();
 * const out = await runScenario(claim, claim.scenarios![0], { seed: 1, instances: 20, searchRuns: 40 });
 * assert.equal(out.tried, 20);
 * assert.equal(out.verdict, "breaks");
 * ```
 */
export async function runScenario(
  claim: Claim,
  scenario: Scenario,
  options: { seed: number; instances: number; searchRuns: number; draws?: number } & ScenarioRunExtras,
): Promise<ScenarioOutcome> {
  if (scenario.decidedBy === "aggregate") return await runAggregateScenario(claim, scenario, options);
  const total = Math.min(options.instances, scenario.instances ?? Infinity) +
    Math.min(options.searchRuns, scenario.searchRuns ?? Infinity);
  let done = 0;
  const tick = () => options.onProgress?.(++done, total, "instance");
  options = {
    ...options,
    instances: Math.min(options.instances, scenario.instances ?? Infinity),
    searchRuns: Math.min(options.searchRuns, scenario.searchRuns ?? Infinity),
  };
  const records: InstanceRecord[] = [];
  for (let index = 0; index < options.instances; index++) {
    records.push(
      await runInstance(claim, options.seed, index, "test", options.instances, {
        params: scenario.params,
        ignoreHypotheses: true,
      }),
    );
    tick();
  }
  options.keep?.records.push(...records);
  const violated = records.filter((r) => !r.met).length;
  const failures = records.filter((r) => outcomeOf(r.conclusion) === "failed").length;
  const undecided = records.filter((r) => outcomeOf(r.conclusion) === "undecided").length;
  let counterexample: ShrunkCounterexample | null = null;
  // Runs after the first failure are shrinking; past the scenario's cap the rest are not run (they count as passing,
  // so fast-check keeps the smallest failing instance found so far).
  let failedOnce = false, shrinkRuns = 0;
  const check = await fc.check(
    fc.asyncProperty(freeParameterArbitrary(claim, scenario.params), async ({ index, ...free }) => {
      if (failedOnce && ++shrinkRuns > (scenario.shrinkRuns ?? Infinity)) return true;
      const r = await runInstance(claim, options.seed, index, "test", options.instances, {
        params: { ...scenario.params, ...free },
        ignoreHypotheses: true,
      });
      if (failedOnce) options.onProgress?.(shrinkRuns, scenario.shrinkRuns ?? Infinity, "shrinking run");
      else tick();
      // Only a failed conclusion is a counterexample: an undecided instance is not shrunk towards.
      const failed = outcomeOf(r.conclusion) === "failed";
      failedOnce ||= failed;
      return !failed;
    }),
    { seed: options.seed, numRuns: options.searchRuns, endOnFailure: false },
  );
  if (check.failed && check.counterexample) {
    const { index, ...free } = check.counterexample[0] as Record<string, number>;
    const params = { ...scenario.params, ...free };
    const r = await runInstance(claim, options.seed, index, "test", options.instances, {
      params,
      ignoreHypotheses: true,
    });
    if (options.keep) options.keep.counterexample = r;
    counterexample = {
      index,
      params,
      description: r.description,
      detail: r.conclusion?.detail ?? "",
      failure: failureSentence(r.conclusion),
      replay: exploreCommand(claim.id, options.seed, index, params, true),
    };
  }
  const undecidedNote = undecided > 0
    ? `; the computation could not decide on ${undecided} (${firstUndecided(records)}), counted neither way`
    : "";
  let verdict: ScenarioOutcome["verdict"], summary: string;
  if (failures > 0 || counterexample) {
    verdict = "breaks";
    const found = counterexample ? `; smallest counterexample found: ${counterexample.description}` : "";
    summary = failures > 0
      ? `breaking it falsifies the conclusion: ${failures} of ${records.length} sampled instances fail${found}`
      : `breaking it falsifies the conclusion: none of the ${records.length} sampled instances fails, but the search over the other parameters found a counterexample${found}`;
    summary += undecidedNote;
  } else if (undecided === records.length) {
    verdict = "undecided";
    summary = `undecided: the computation could not decide on any of the ${records.length} sampled instances (${
      firstUndecided(records)
    }), and no searched instance failed`;
  } else {
    verdict = "survives";
    summary = `the conclusion survived: it held on all ${
      records.length - undecided
    } decided sampled instances (${violated} of the ${records.length} violate a hypothesis) and on ${options.searchRuns} searched ones${undecidedNote}`;
  }
  return { scenario, tried: records.length, violated, failures, undecided, counterexample, verdict, summary };
}

/** Why the first undecided record could not be decided. */
function firstUndecided(records: InstanceRecord[]): string {
  return records.find((r) => outcomeOf(r.conclusion) === "undecided")?.conclusion?.undecided ?? "";
}

function percent(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(6))}%`;
}

function cellText(c: FrequencyCell): string {
  return `in cell "${c.key}" the event failed in ${c.failures} of ${c.draws} draws, exact ${
    percent(c.confidence)
  } interval [${formatNumber(c.lo)}, ${formatNumber(c.hi)}] against the promised ${formatNumber(c.promised)}`;
}

/**
 * The power against its stated alternative that every statistical test of a non-frequency aggregate must state
 * for a run to count as "held" rather than "undecided" ({@link aggregateDecision}): the report budget's goal
 * (POWER_GOAL.report), fixed in advance, the same for every claim.
 */
export const SURVIVAL_POWER: number = POWER_GOAL.report;

/** What a claim's aggregate decided over some draws, with the evidence that earned it. */
export interface AggregateDecision {
  /** `failed`: the aggregate rejects; `held`: the data show the conclusion holds; `undecided` otherwise. */
  outcome: Outcome;
  /** Why, one clause with the numbers (an interval against its promise, a test's power). */
  why: string;
  /** Frequency checks: the cell that decided (breaks: largest lower end against its promise; else largest upper end). */
  cell?: FrequencyCell;
}

/**
 * How an aggregate's verdict reads as an outcome when the aggregate is the claim's real conclusion
 * (aggregate scenarios, `deno task explore --count C`). Failing to reject is not showing that the conclusion
 * holds, so "held" must be earned:
 * - `holds: false` (a significant frequency, a rejected test) → failed; `"inconclusive"` → undecided.
 * - frequency checks (`frequencies`): held only when every cell's exact upper interval end is at most its promised
 *   probability (the data then exclude a failure probability above the promise at the cell's confidence); a cell
 *   whose interval contains the promise → undecided ("too few draws to decide", with the interval).
 * - other aggregates: held only when they report their statistical tests and every one states a power of at
 *   least {@link SURVIVAL_POWER} against its alternative (so a failure that large would most likely have been
 *   seen); an aggregate with no test or a weaker one → undecided.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { aggregateDecision } from "./explore.ts";
 * const cell = { key: "all", failures: 1, draws: 5, promised: 0.012, lo: 6.67e-5, hi: 0.908, confidence: 0.999, pValue: 0.06 };
 * const d = aggregateDecision({ holds: true, summary: "1 of 5", frequencies: [cell] });
 * assert.equal(d.outcome, "undecided");
 * assert.ok(d.why.startsWith("too few draws to decide") && d.why.includes("[6.67e-5, 0.908]"));
 * assert.equal(aggregateDecision({ holds: true, summary: "", frequencies: [{ ...cell, hi: 0.01 }] }).outcome, "held");
 * assert.equal(aggregateDecision({ holds: false, summary: "", frequencies: [cell] }).outcome, "failed");
 * const fit = { holds: false as const, summary: "a fit.", failure: "the exponent −0.310 is above −1/2" };
 * assert.equal(aggregateDecision(fit).why, "a fit — in words: the exponent −0.310 is above −1/2");
 * assert.equal(aggregateDecision({ holds: true, summary: "a fit" }).outcome, "undecided");
 * ```
 */
export function aggregateDecision(aggregate: AggregateCheck): AggregateDecision {
  const cells = aggregate.frequencies ?? [];
  const said = aggregate.summary.replace(/\.+$/, "");
  const largest = (score: (c: FrequencyCell) => number, among = cells) =>
    among.reduce<FrequencyCell | undefined>((a, c) => (!a || score(c) > score(a) ? c : a), undefined);
  const byLo = (c: FrequencyCell) => c.lo / c.promised, byHi = (c: FrequencyCell) => c.hi / c.promised;
  if (aggregate.holds === false) {
    const cell = largest(byLo);
    return {
      outcome: "failed",
      why: cell
        ? `${cellText(cell)} (exact binomial p = ${formatNumber(cell.pValue)})`
        : [said, aggregateFailure(aggregate)].filter((x) => x).join(" — in words: "),
      cell,
    };
  }
  if (aggregate.holds !== true) return { outcome: "undecided", why: said, cell: largest(byHi) };
  if (cells.length > 0) {
    const open = cells.filter((c) => !(c.hi <= c.promised));
    if (open.length === 0) {
      return {
        outcome: "held",
        why: `every cell's exact interval lies at or below its promise (closest: ${cellText(largest(byHi)!)})`,
        cell: largest(byHi),
      };
    }
    const cell = largest(byHi, open)!;
    return {
      outcome: "undecided",
      why: `too few draws to decide: ${cellText(cell)}, an interval that contains the promise${
        cells.length > 1 ? ` (${open.length} of ${cells.length} cells so)` : ""
      }`,
      cell,
    };
  }
  const tests = aggregate.tests ?? [];
  if (tests.length === 0) {
    return {
      outcome: "undecided",
      why:
        `${said}; the aggregate held but states no test with its power, so it does not show that it would have seen a failure`,
    };
  }
  const weak = lowPower(tests, "report");
  if (weak !== undefined) {
    return {
      outcome: "undecided",
      why: `${said}; the aggregate held, but with ${weak}: it could have missed a failure`,
    };
  }
  return {
    outcome: "held",
    why: `${said}; every test has power ≥ ${SURVIVAL_POWER} against its stated alternative`,
  };
}

/**
 * An aggregate scenario: `draws` instances (default the scenario's `instances`) with the scenario's
 * parameters, hypotheses ignored, judged by the claim's aggregate as {@link aggregateDecision} reads it:
 * it breaks when the aggregate rejects, survives only when the data show the conclusion holds, and is
 * undecided otherwise (too few draws, too little power). With a frequency check it reports the cell that decided.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runAggregateScenario } from "./explore.ts";
 * import { coin } from "./_toy_claims.ts";
 * const claim = coin();
 * const out = await runAggregateScenario(claim, claim.scenarios![0], { seed: 1, draws: 40 });
 * assert.ok(out.tried === 40 && out.replay!.includes("--scenario"));
 * assert.equal(out.verdict, "breaks");
 * ```
 */
export async function runAggregateScenario(
  claim: Claim,
  scenario: Scenario,
  options: { seed: number; draws?: number } & ScenarioRunExtras,
): Promise<ScenarioOutcome> {
  const draws = options.draws ?? scenario.instances;
  if (!claim.aggregate) throw new Error(`${claim.id}: scenario ${scenario.name} is decided by an aggregate it lacks`);
  if (draws === undefined || !(draws >= 1)) {
    throw new Error(`${claim.id}: aggregate scenario ${scenario.name} must declare its number of draws (instances)`);
  }
  const drawOptions = { params: scenario.params, ignoreHypotheses: true };
  const records: InstanceRecord[] = [];
  if (options.mapInstances) {
    const progress = (done: number, total: number) => options.onProgress?.(done, total, "draw");
    records.push(...await options.mapInstances(claim, options.seed, "test", draws, progress, drawOptions));
  } else {
    for (let index = 0; index < draws; index++) {
      records.push(await runInstance(claim, options.seed, index, "test", draws, drawOptions));
      options.onProgress?.(index + 1, draws, "draw");
    }
  }
  options.keep?.records.push(...records);
  const aggregate = await safeAggregate(claim, records);
  const violated = records.filter((r) => !r.met).length;
  const failures = records.filter((r) => outcomeOf(r.conclusion) === "failed").length;
  const undecided = records.filter((r) => outcomeOf(r.conclusion) === "undecided").length;
  const cells = aggregate.frequencies ?? [];
  const decision = aggregateDecision(aggregate);
  const worstCell = decision.cell;
  const verdict = decision.outcome === "failed" ? "breaks" : decision.outcome === "held" ? "survives" : "undecided";
  const total = cells.length > 1
    ? `; over all ${cells.length} cells ${cells.reduce((s, c) => s + c.failures, 0)} failures in ${
      cells.reduce((s, c) => s + c.draws, 0)
    } cell-draws`
    : "";
  const which = `${draws} draws, ${violated} of them violating a hypothesis checked per draw`;
  let summary: string;
  if (verdict === "breaks") {
    summary = worstCell
      ? `the claim breaks: ${decision.why}${total} (${which})`
      : `the claim breaks (${which}): ${decision.why}`;
  } else if (verdict === "survives") {
    summary = `the conclusion survives (${which}): ${decision.why}`;
  } else {
    summary = `undecided (${which}): ${decision.why}`;
  }
  if (failures > 0) summary += `; the per-draw check failed outright (NaN or a throw) on ${failures}`;
  if (undecided > 0) summary += `; the computation could not decide on ${undecided} (${firstUndecided(records)})`;
  return {
    scenario,
    tried: draws,
    violated,
    failures,
    undecided,
    counterexample: null,
    verdict,
    summary,
    aggregate,
    worstCell,
    replay: scenarioCommand(claim.id, options.seed, scenario.name, scenario.params, draws),
    note: cells.length
      ? AGGREGATE_NOT_SHRUNK.replace("aggregate check", "exact binomial decision (Clopper–Pearson per cell)")
      : AGGREGATE_NOT_SHRUNK,
  };
}

/**
 * The claim's aggregate over `records`; a throw makes it inconclusive (it could not decide), saying why.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { safeAggregate } from "./explore.ts";
 * import { bounded } from "./_toy_claims.ts";
 * const claim = { ...bounded(), aggregate: () => { throw new Error("too few points"); } };
 * assert.deepEqual(await safeAggregate(claim, []), { holds: "inconclusive", summary: "aggregate threw: too few points" });
 * ```
 */
export async function safeAggregate(claim: Claim, records: InstanceRecord[]): Promise<AggregateCheck> {
  try {
    return await claim.aggregate!(records, "test");
  } catch (e) {
    return { holds: "inconclusive", summary: `aggregate threw: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The tightest instance a hill climb found. */
export interface SearchOutcome {
  /**
   * Best tightness found (observed over bound) on an instance meeting the hypotheses; for a claim with an
   * erratum, the corrected form's (the printed form's violations are in `printedViolation`).
   */
  best: number;
  /** Whether the form searched held on that instance (false: it is a counterexample, never "attained"). */
  held: boolean;
  /** Its index and parameters. */
  index: number;
  /** Its parameters. */
  params: Record<string, number>;
  /** Its description. */
  description: string;
  /** Instances evaluated. */
  evaluations: number;
  /** Command reproducing it. */
  replay: string;
  /** Claims with an erratum: the printed form's worst violation among the instances evaluated, null if none failed. */
  printedViolation?: SearchViolation | null;
}

function finiteOr(x: number, otherwise: number): number {
  return Number.isFinite(x) ? x : otherwise;
}

/** A failed check's tightness for ranking: a failure without a finite ratio ranks as infinitely violated. */
function violated(check: { tightness: number }): number {
  return Number.isNaN(check.tightness) ? Infinity : check.tightness;
}

/** The printed form's worst violation a search met (claims with an erratum): an instance as a counterexample is given. */
export interface SearchViolation extends ShrunkCounterexample {
  /** The printed form's tightness there (above 1: violated). */
  tightness: number;
}

/**
 * Targeted search for the tightest instance: random restarts, then coordinate-wise hill
 * climbing on the declared numeric parameters (step halves when no move improves), keeping only
 * instances that meet the hypotheses and are decided. For a claim with an erratum the climb measures the
 * corrected form, and the printed form's worst violation met on the way is reported apart. Null when the
 * claim declares no parameters.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { searchTightness } from "./explore.ts";
 * import { bounded } from "./_toy_claims.ts";
 * const out = await searchTightness(bounded(), { seed: 1, evaluations: 30 });
 * assert.ok(out === null || out.best <= 1 + 1e-6);
 * ```
 */
export async function searchTightness(
  claim: Claim,
  options: { seed: number; evaluations: number },
): Promise<SearchOutcome | null> {
  const specs = Object.entries(claim.parameters ?? {});
  if (specs.length === 0) return null;
  let evaluations = 0;
  let best: SearchOutcome | null = null;
  // Restarts drawn from the project's seeded stream.
  const restarts = createRng(`${options.seed}/${claim.id}/search`);
  const next = () => restarts.double();
  let violation: SearchViolation | null = null;
  const evaluate = async (index: number, params: Record<string, number>) => {
    evaluations++;
    const r = await runInstance(claim, options.seed, index, "test", 1, { params });
    const form = claim.erratum ? r.corrected : r.conclusion;
    const outcome = r.met ? outcomeOf(form) : undefined;
    const t = outcome === "held"
      ? finiteOr(form!.tightness, -Infinity)
      : outcome === "failed"
      ? violated(form!)
      : -Infinity;
    const replay = exploreCommand(claim.id, options.seed, index, params, false);
    if (t > (best?.best ?? -Infinity)) {
      best = {
        best: t,
        held: outcome === "held",
        index,
        params: { ...params },
        description: r.description,
        evaluations: 0,
        replay,
      };
    }
    if (claim.erratum && r.met && outcomeOf(r.conclusion) === "failed") {
      const v = violated(r.conclusion!);
      if (violation === null || v > violation.tightness) {
        violation = {
          tightness: v,
          index,
          params: { ...params },
          description: r.description,
          detail: r.conclusion!.detail,
          failure: failureSentence(r.conclusion),
          replay,
        };
      }
    }
    return t;
  };
  const snap = (name: string, v: number) => {
    const s = claim.parameters![name];
    const c = Math.min(s.max, Math.max(s.min, v));
    return s.type === "integer" ? Math.round(c) : c;
  };
  while (evaluations < options.evaluations) {
    const index = Math.floor(next() * 10000);
    let params: Record<string, number> = {};
    for (const [name, s] of specs) params[name] = snap(name, s.min + next() * (s.max - s.min));
    let current = await evaluate(index, params);
    let step = 0.25;
    while (step > 1e-3 && evaluations < options.evaluations) {
      let improved = false;
      for (const [name, s] of specs) {
        for (const dir of [1, -1]) {
          const trial = { ...params, [name]: snap(name, params[name] + dir * step * (s.max - s.min)) };
          if (trial[name] === params[name]) continue;
          const t = await evaluate(index, trial);
          if (t > current) [current, params, improved] = [t, trial, true];
          if (evaluations >= options.evaluations) break;
        }
      }
      if (!improved) step /= 2;
    }
  }
  const found = best as SearchOutcome | null;
  if (!found || !(found.best > -Infinity)) return null;
  return claim.erratum ? { ...found, evaluations, printedViolation: violation } : { ...found, evaluations };
}
