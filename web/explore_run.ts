/**
 * What `deno task explore` computes, as data for the web: the same engine calls with the same arguments
 * (engine/run.ts `runInstance`, engine/explore.ts `runScenario` and `aggregateDecision`), returning each
 * hypothesis ✓/✗ with its numbers, the conclusion with observed, bound and tightness, the failure in words,
 * the shrunk counterexample and its replay command, the aggregate's decision, the exit code the CLI would
 * give, and the claim's plots of the records. Imports no catalog (it runs in a worker beside one claim).
 *
 * @module
 */
import type { AggregateCheck, Claim, ConclusionCheck, InstanceRecord, Outcome, PlotSpec } from "../engine/claim.ts";
import { outcomeOf } from "../engine/claim.ts";
import { aggregateDecision, exploreCommand, runScenario, safeAggregate } from "../engine/explore.ts";
import type { ShrunkCounterexample } from "../engine/explore.ts";
import { formatNumber } from "../engine/report.ts";
import { runInstance } from "../engine/run.ts";
import type { FrequencyCell } from "../engine/claim.ts";

/** A run as `deno task explore` flags give it (checked by web/run_request.ts). */
export interface RunRequest {
  /** Claim id. */
  id: string;
  /** Master seed (`--seed`). */
  seed: number;
  /** First instance index (`--instance`). */
  instance: number;
  /** How many instances, or an aggregate scenario's draws (`--count`). */
  count: number;
  /** Whether `--count` was given (aggregate scenarios then take it as their draws). */
  countGiven: boolean;
  /** Parameter values (`--<name> v`). */
  params: Record<string, number>;
  /** `--ignore-hypotheses`. */
  ignoreHypotheses: boolean;
  /** `--scenario NAME`. */
  scenario?: string;
}

/** A hypothesis on one instance. */
export interface HypothesisView {
  /** As printed (markdown, LaTeX). */
  statement: string;
  /** Certified or estimated. */
  certainty: string;
  /** Whether it holds. */
  holds: boolean;
  /** Its numbers. */
  value: string;
}

/** A conclusion (or corrected form) checked on one instance; non-finite numbers are null, their text says them. */
export interface CheckView {
  /** Held, failed or undecided. */
  outcome: Outcome;
  /** The observed quantity. */
  observed: number | null;
  /** The bound. */
  bound: number | null;
  /** Observed over bound (1 attained, above 1 violated). */
  tightness: number | null;
  /** The three as the CLI prints them (∞, —). */
  text: { observed: string; bound: string; tightness: string };
  /** The failure or the numbers, in words. */
  detail: string;
  /** Why the computation could not decide. */
  undecided?: string;
}

/** One instance. */
export interface RecordView {
  /** Instance index. */
  index: number;
  /** Its description. */
  description: string;
  /** Whether every hypothesis holds. */
  met: boolean;
  /** One per hypothesis. */
  hypotheses: HypothesisView[];
  /** The printed conclusion, when checked. */
  conclusion?: CheckView;
  /** The corrected form (claims with an erratum). */
  corrected?: CheckView;
}

/** A scenario's outcome (engine/explore.ts `ScenarioOutcome`, its cells and counterexample as data). */
export interface ScenarioView {
  /** Name. */
  name: string;
  /** What it breaks (markdown). */
  breaks: string;
  /** Its parameters, with the request's. */
  params: Record<string, number>;
  /** Breaks, survives or undecided. */
  verdict: "breaks" | "survives" | "undecided";
  /** One sentence, as the CLI prints it. */
  summary: string;
  /** Instances (or draws) sampled. */
  tried: number;
  /** Of those, violating a hypothesis. */
  violated: number;
  /** Of those, failing the conclusion. */
  failures: number;
  /** The shrunk counterexample with its replay command. */
  counterexample: ShrunkCounterexample | null;
  /** Aggregate scenarios: the frequency or fit rows, the deciding cell, the replay command and how it was decided. */
  rows: [string, string][];
  /** Aggregate scenarios with a frequency check: the cell that decided. */
  worstCell?: FrequencyCell;
  /** Aggregate scenarios: the command that re-runs all draws. */
  replay?: string;
  /** Aggregate scenarios: why nothing is shrunk. */
  note?: string;
}

/** What a run returns (the API's JSON). */
export interface RunResponse {
  /** Claim id. */
  id: string;
  /** Claim title. */
  title: string;
  /** The request as checked. */
  request: RunRequest;
  /** The instances run (none for a scenario: its outcome says what it sampled). */
  records: RecordView[];
  /** With count > 1 on a claim decided by its aggregate: its decision over these instances. */
  decision?: { outcome: Outcome; why: string; rows: [string, string][] };
  /** The scenario's outcome. */
  scenario?: ScenarioView;
  /** Overall: held, failed, undecided, or "not checked" (a hypothesis failed and was not ignored). */
  outcome: Outcome | "not checked";
  /** The exit code `deno task explore` gives for the same flags (0 held, 1 failed or breaks, 3 undecided). */
  exitCode: 0 | 1 | 3;
  /** The command that replays this run. */
  replay: string;
  /** The claim's plots of the records run (vega-lite specs, for vega-embed). */
  plots: PlotSpec[];
}

const finite = (x: number) => Number.isFinite(x) ? x : null;

function checkView(c: ConclusionCheck<unknown>): CheckView {
  return {
    outcome: outcomeOf(c)!,
    observed: finite(c.observed),
    bound: finite(c.bound),
    tightness: finite(c.tightness),
    text: { observed: formatNumber(c.observed), bound: formatNumber(c.bound), tightness: formatNumber(c.tightness) },
    detail: c.detail,
    ...(c.undecided !== undefined ? { undecided: c.undecided } : {}),
  };
}

/** A record as data for the page. */
export function recordView(claim: Claim, r: InstanceRecord): RecordView {
  return {
    index: r.index,
    description: r.description,
    met: r.met,
    hypotheses: claim.hypotheses.map((h, i) => ({
      statement: h.statement,
      certainty: r.hypotheses[i]?.certainty ?? h.certainty,
      holds: r.hypotheses[i]?.holds === true,
      value: r.hypotheses[i]?.value ?? "not checked",
    })),
    ...(r.conclusion ? { conclusion: checkView(r.conclusion) } : {}),
    ...(r.corrected ? { corrected: checkView(r.corrected) } : {}),
  };
}

/** The aggregate that decides the claim's real conclusion over explore's records (as cli/explore.ts decides it). */
async function decidingAggregate(claim: Claim, records: InstanceRecord[]): Promise<AggregateCheck | undefined> {
  if (!claim.aggregate || !records.some((r) => r.conclusion !== undefined)) return undefined;
  const aggregate = await safeAggregate(claim, records);
  return claim.conclusionBy === "aggregate" || (aggregate.frequencies?.length ?? 0) > 0 ? aggregate : undefined;
}

function plotsOf(claim: Claim, records: InstanceRecord[], aggregate: AggregateCheck | undefined): PlotSpec[] {
  try {
    return claim.plots?.(records, aggregate) ?? [];
  } catch {
    return []; // a plot of too few records (one instance) is no reason to lose the run
  }
}

/**
 * Runs what `deno task explore` runs for `request` and returns it as data; `onProgress` hears each instance.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runExplore } from "./explore_run.ts";
 * import { bounded } from "../engine/_toy_claims.ts";
 * const out = await runExplore(bounded(), { id: "toy-bounded", seed: 1, instance: 0, count: 1, countGiven: false,
 *   params: {}, ignoreHypotheses: false });
 * assert.equal(out.records.length, 1);
 * assert.ok(out.replay.startsWith("deno task explore toy-bounded --seed 1 --instance 0"));
 * ```
 */
export async function runExplore(
  claim: Claim,
  request: RunRequest,
  onProgress?: (done: number, total: number) => void,
): Promise<RunResponse> {
  const { seed, instance: first, count, params, ignoreHypotheses } = request;
  const base = { id: claim.id, title: claim.title, request };
  if (request.scenario !== undefined) {
    const scenario = (claim.scenarios ?? []).find((s) => s.name === request.scenario)!;
    const merged = { ...scenario, params: { ...scenario.params, ...params } };
    const out = await runScenario(claim, merged, {
      seed,
      instances: Math.max(count, 20),
      searchRuns: 60,
      draws: request.countGiven ? count : undefined,
    });
    const exitCode = out.verdict === "breaks" ? 1 : out.verdict === "undecided" ? 3 : 0;
    return {
      ...base,
      records: [],
      scenario: {
        name: scenario.name,
        breaks: scenario.breaks,
        params: merged.params,
        verdict: out.verdict,
        summary: out.summary,
        tried: out.tried,
        violated: out.violated,
        failures: out.failures,
        counterexample: out.counterexample,
        rows: out.aggregate?.rows ?? [],
        ...(out.worstCell ? { worstCell: out.worstCell } : {}),
        ...(out.replay ? { replay: out.replay, note: out.note } : {}),
      },
      outcome: out.verdict === "breaks" ? "failed" : out.verdict === "undecided" ? "undecided" : "held",
      exitCode,
      replay: out.counterexample?.replay ?? out.replay ??
        `deno task explore ${claim.id} --seed ${seed} --scenario ${scenario.name}`,
      plots: [],
    };
  }
  const records: InstanceRecord[] = [];
  let failed = 0, undecided = 0;
  for (let index = first; index < first + count; index++) {
    const r = await runInstance(claim, seed, index, "test", count, { params, ignoreHypotheses });
    records.push(r);
    if (outcomeOf(r.conclusion) === "failed") failed++;
    if (outcomeOf(r.conclusion) === "undecided") undecided++;
    onProgress?.(index - first + 1, count);
  }
  let decision: RunResponse["decision"];
  const aggregate = count > 1 ? await decidingAggregate(claim, records) : undefined;
  if (aggregate) {
    const d = aggregateDecision(aggregate);
    if (d.outcome === "failed") failed++;
    else if (d.outcome === "undecided") undecided++;
    decision = { outcome: d.outcome, why: d.why, rows: aggregate.rows ?? [] };
  }
  const checked = records.some((r) => r.conclusion !== undefined);
  return {
    ...base,
    records: records.map((r) => recordView(claim, r)),
    ...(decision ? { decision } : {}),
    outcome: failed > 0 ? "failed" : undecided > 0 ? "undecided" : checked ? "held" : "not checked",
    exitCode: failed > 0 ? 1 : undecided > 0 ? 3 : 0,
    replay: exploreCommand(claim.id, seed, first, params, ignoreHypotheses) + (count > 1 ? ` --count ${count}` : ""),
    plots: plotsOf(claim, records, aggregate),
  };
}
