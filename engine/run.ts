/**
 * Runs a claim: generates seeded instances, checks hypotheses and conclusions, aggregates, and
 * decides the verdict.
 *
 * @module
 */
import { createRng, instanceSeed, type Rng } from "../numerics/random.ts";
import { isNumericalFailure } from "../numerics/numerical_failure.ts";
import type { AggregateCheck, BudgetName, Claim, ConclusionCheck } from "./claim.ts";
import { type InstanceRecord, type Outcome, outcomeOf, type Source, type Status } from "./claim.ts";
import { aggregateFailure, failureSentence, formOutcome } from "./words.ts";
import { claimsFlagFor } from "./registry.ts";

/** Options of a run. */
export interface RunOptions {
  /** Master seed (every instance seed derives from it). */
  seed: number;
  /** Budget: `test` (small) or `report` (larger). */
  budget: BudgetName;
  /** Called after each instance (progress on stderr, say). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Produces the records of indices 0..count-1 (default: `runInstance` on each, in order, in this
   * thread). `engine/parallel_run.ts` gives one that spreads them over workers with identical records.
   */
  mapInstances?: InstanceMapper;
}

/** How `runInstance` runs one instance, in what can be sent to a worker. */
export interface InstanceOptions {
  /** Parameter values overriding the generator's defaults (a scenario's, or the command line's). */
  params?: Readonly<Record<string, number>>;
  /** Check the conclusion even where a hypothesis fails (explorations). */
  ignoreHypotheses?: boolean;
}

/** Computes the records of instances 0..count-1 of a claim, in index order, as `runInstance` would (with `options`). */
export type InstanceMapper = (
  claim: Claim,
  seed: number,
  budget: BudgetName,
  count: number,
  onProgress?: (done: number, total: number) => void,
  options?: InstanceOptions,
) => Promise<InstanceRecord[]>;

/** A failing instance with the command that reproduces it. */
export interface Failure {
  /** Instance index. */
  index: number;
  /** What failed, with numbers. */
  detail: string;
  /** What went wrong, in words (the check's failure sentence, engine/words.ts); absent when undecided. */
  failure?: string;
  /** Claims with an erratum: the corrected form on the same instance ("holds: …" or "FAILS: …"). */
  corrected?: string;
  /** Shell command reproducing the instance exactly. */
  replay: string;
}

/** How often a conclusion held, failed or was undecided on some instances. */
export interface OutcomeCounts {
  /** Instances counted. */
  tried: number;
  /** The conclusion held. */
  held: number;
  /** It failed (a counterexample). */
  failed: number;
  /** The computation could not decide. */
  undecided: number;
}

/** The verdict under one reading of an ambiguous statement, on the instances meeting the hypotheses. */
export interface ReadingResult extends OutcomeCounts {
  /** The reading (markdown). */
  reading: string;
  /** Fails on any counterexample; undecided when nothing held or more undecided than the claim allows. */
  verdict: "holds" | "fails" | "undecided";
}

function countOutcomes(outcomes: (Outcome | undefined)[]): OutcomeCounts {
  const n = (o: Outcome) => outcomes.filter((x) => x === o).length;
  return { tried: outcomes.length, held: n("held"), failed: n("failed"), undecided: n("undecided") };
}

/** The result of running a claim: the verdict and the evidence behind it. */
export interface ClaimResult {
  /** Claim id. */
  id: string;
  /** Claim title. */
  title: string;
  /** Claim kind. */
  kind: Claim["kind"];
  /** Verdict. */
  status: Status;
  /** Where the claim is printed. */
  source: Source;
  /** Master seed. */
  seed: number;
  /** Budget used. */
  budget: BudgetName;
  /** Instances tried. */
  instances: number;
  /** Instances meeting every hypothesis. */
  hypothesesMet: number;
  /** Per hypothesis: on how many instances it held. */
  hypothesisCounts: number[];
  /** Worst tightness (observed over bound) over the instances meeting the hypotheses, or the aggregate's. */
  tightness: number | null;
  /** Instance of the worst per-instance tightness. */
  worstInstance: number | null;
  /** Median per-instance tightness. */
  medianTightness: number | null;
  /** Instances (meeting the hypotheses) on which the printed conclusion failed. */
  conclusionFailures: number;
  /** Instances (meeting the hypotheses) on which the computation could not decide the printed conclusion. */
  undecided: number;
  /** Same for the corrected conclusion (claims with an erratum). */
  correctedFailures: number | null;
  /** Why the verdict is what it is, one paragraph. */
  reason: string;
  /** The aggregate check, if the claim has one. */
  aggregate: AggregateCheck | null;
  /** Up to five failing instances, each with its replay command. */
  failures: Failure[];
  /** Up to five undecided instances (the computation could not decide), each with its replay command. */
  undecidedInstances: Failure[];
  /** The first failure's replay command, if any. */
  replay: string | null;
  /** Wall-clock time (kept out of byte-identical comparisons by its `Ms` suffix). */
  elapsedMs: number;
  /**
   * Per hypothesis, on how many instances its check was certified (present when some check labels its own
   * certainty, `HypothesisCheck.certainty`).
   */
  hypothesisCertified?: number[];
  /** The erratum's scope, measured: the printed form's outcomes inside and outside it (instances meeting the hypotheses). */
  scope?: { statement: string; inside: OutcomeCounts; outside: OutcomeCounts };
  /** The verdict under each of the erratum's readings. */
  readings?: ReadingResult[];
}

/**
 * The shell command that replays one instance.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { replayCommand } from "./run.ts";
 * assert.ok(replayCommand("lemma-10.2", 1, 4, "test").includes("--instance 4"));
 * ```
 */
export function replayCommand(id: string, seed: number, index: number, budget: BudgetName): string {
  return `deno task replay ${id}${claimsFlagFor(id)} --seed ${seed} --instance ${index} --budget ${budget}`;
}

/** The check of a computation that threw: undecided for a numerical failure, else failed. */
function thrown(e: unknown): ConclusionCheck {
  const msg = e instanceof Error ? e.message : String(e);
  const check = { holds: false, observed: NaN, bound: NaN, tightness: NaN };
  return isNumericalFailure(e)
    ? { ...check, undecided: msg, detail: `undecided: ${msg}` }
    : { ...check, detail: `threw: ${msg}`, failure: `the check threw instead of deciding: ${msg}` };
}

async function safeCheck<I>(
  check: (i: I) => ConclusionCheck | Promise<ConclusionCheck>,
  instance: I,
  failure?: (c: ConclusionCheck, i: I) => string,
): Promise<ConclusionCheck> {
  try {
    const c = await withFailure(await check(instance), instance, failure);
    // An undecided check is never a pass; a NaN observed quantity or bound never counts as one either.
    if (c.undecided !== undefined) return { ...c, holds: false };
    if (c.holds && (Number.isNaN(c.observed) || Number.isNaN(c.bound))) {
      const failure =
        `a NaN entered the comparison (observed ${c.observed}, bound ${c.bound}): no NaN counts as a pass`;
      return { ...c, holds: false, detail: `${c.detail} (NaN in the comparison)`, failure };
    }
    return c;
  } catch (e) {
    return thrown(e);
  }
}

/** The check with its failure sentence from the claim's `failure` function (which may use the check's own), when it failed. */
function withFailure<I>(c: ConclusionCheck, instance: I, failure?: (c: ConclusionCheck, i: I) => string) {
  if (c.holds || c.undecided !== undefined || !failure) return c;
  return { ...c, failure: failure(c, instance) };
}

/**
 * Generates instance `index` of a claim and checks it: exactly what a run does for that index.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runInstance } from "./run.ts";
 * import { bounded } from "./_toy_claims.ts";
 * const r = await runInstance(bounded(), 1, 0, "test", 1);
 * assert.equal(r.index, 0);
 * ```
 */
export async function runInstance(
  claim: Claim,
  seed: number,
  index: number,
  budget: BudgetName,
  count: number,
  options: InstanceOptions & { rng?: Rng } = {},
): Promise<InstanceRecord> {
  const rng = options.rng ?? createRng(instanceSeed(seed, claim.id, index));
  let instance: unknown;
  try {
    instance = await claim.generate({ rng, index, count, budget, params: options.params });
  } catch (e) {
    const c = thrown(e);
    return { index, description: `generator ${c.detail}`, hypotheses: [], met: true, conclusion: c };
  }
  const hypotheses = claim.hypotheses.map((h) => {
    try {
      return h.check(instance);
    } catch (e) {
      return { holds: false, value: `check ${thrown(e).detail}` };
    }
  });
  const met = hypotheses.every((h) => h.holds);
  const record: InstanceRecord = { index, description: claim.describe(instance), hypotheses, met };
  if (met || options.ignoreHypotheses) {
    record.conclusion = await safeCheck(claim.conclusion.check, instance, claim.conclusion.failure);
    const erratum = claim.erratum;
    if (erratum) record.corrected = await safeCheck(erratum.check, instance, erratum.failure);
    if (erratum?.scope) {
      try {
        record.inScope = erratum.scope.contains(instance) === true;
      } catch {
        // Neither inside nor outside: the instance is left out of the scope's counts.
      }
    }
    if (erratum?.readings) {
      record.readings = [];
      for (const { decidedBy } of erratum.readings) {
        record.readings.push(
          decidedBy === "printed"
            ? outcomeOf(record.conclusion)
            : decidedBy === "corrected"
            ? outcomeOf(record.corrected)
            : outcomeOf(await safeCheck(decidedBy, instance)),
        );
      }
    }
  }
  return record;
}

/** The verdict of a claim from its records and aggregate. */
export interface Decision {
  /** The verdict. */
  status: Status;
  /** Why, one paragraph. */
  reason: string;
}

/**
 * Decides the verdict. Too few instances meeting the hypotheses → inconclusive; a printed
 * conclusion failing where a corrected one holds everywhere → erratum; any other failure →
 * falsified; more undecided instances (the computation could not decide) than the claim declares →
 * inconclusive; an aggregate that cannot decide → inconclusive; observations → observed. Undecided
 * instances are neither failures nor passes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { decide } from "./run.ts";
 * const d = decide("exact", 0.5, [], undefined, false);
 * assert.equal(d.status, "inconclusive");
 * ```
 */
export function decide(
  kind: Claim["kind"],
  minMetFraction: number,
  records: InstanceRecord[],
  aggregate: AggregateCheck | undefined,
  hasErratum: boolean,
  maxUndecidedFraction = 0,
): Decision {
  const tried = records.length;
  const met = records.filter((r) => r.met);
  if (met.length === 0 || met.length < minMetFraction * tried) {
    return {
      status: "inconclusive",
      reason: `only ${met.length} of ${tried} instances met the hypotheses (need ${Math.ceil(minMetFraction * tried)})`,
    };
  }
  const printedFail = met.filter((r) => outcomeOf(r.conclusion) !== "held" && outcomeOf(r.conclusion) !== "undecided")
    .length;
  const correctedFail = hasErratum ? met.filter((r) => outcomeOf(r.corrected) === "failed").length : 0;
  const undecided =
    met.filter((r) => outcomeOf(r.conclusion) === "undecided" || (hasErratum && outcomeOf(r.corrected) === "undecided"))
      .length;
  if (printedFail > 0) {
    if (hasErratum && correctedFail === 0 && aggregate?.holds !== false) {
      return {
        status: "erratum",
        reason:
          `the printed conclusion failed on ${printedFail} of ${met.length} instances; the corrected one held on all ${met.length}`,
      };
    }
    return {
      status: "falsified",
      reason: `the conclusion failed on ${printedFail} of ${met.length} instances meeting the hypotheses` +
        (hasErratum ? ` (the corrected form failed on ${correctedFail})` : ""),
    };
  }
  if (undecided > maxUndecidedFraction * met.length) {
    return {
      status: "inconclusive",
      reason: `the computation could not decide on ${undecided} of ${met.length} instances meeting the hypotheses ` +
        `(the claim allows ${maxUndecidedFraction === 0 ? "none" : `a fraction ${maxUndecidedFraction}`})`,
    };
  }
  if (aggregate?.holds === false) {
    const words = aggregateFailure(aggregate);
    return {
      status: "falsified",
      reason: `aggregate check failed: ${aggregate.summary}${words ? ` — in words: ${words}` : ""}`,
    };
  }
  if (aggregate?.holds === "inconclusive") {
    return { status: "inconclusive", reason: `aggregate check undecided: ${aggregate.summary}` };
  }
  const base = undecided === 0
    ? `the conclusion held on all ${met.length} instances meeting the hypotheses (of ${tried} tried)`
    : `the conclusion held on all ${
      met.length - undecided
    } decided instances meeting the hypotheses (of ${tried} tried; ${undecided} undecided)`;
  return kind === "observation" ? { status: "observed", reason: base } : { status: "verified", reason: base };
}

/**
 * Runs a claim under a master seed and budget and returns its verdict with the evidence, plus
 * the raw records (for plots).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runClaim } from "./run.ts";
 * import { bounded } from "./_toy_claims.ts";
 * const { result } = await runClaim(bounded(), { seed: 1, budget: "test" });
 * assert.equal(result.status, "verified");
 * ```
 */
export async function runClaim(
  claim: Claim,
  options: RunOptions,
): Promise<{ result: ClaimResult; records: InstanceRecord[] }> {
  const start = performance.now();
  const count = claim.instances[options.budget];
  let records: InstanceRecord[] = [];
  if (options.mapInstances) {
    records = await options.mapInstances(claim, options.seed, options.budget, count, options.onProgress);
  } else {
    for (let index = 0; index < count; index++) {
      records.push(await runInstance(claim, options.seed, index, options.budget, count));
      options.onProgress?.(index + 1, count);
    }
  }
  let aggregate: AggregateCheck | undefined;
  if (claim.aggregate) {
    try {
      aggregate = await claim.aggregate(records, options.budget);
    } catch (e) {
      aggregate = { holds: false, summary: `aggregate ${thrown(e).detail}` };
    }
  }
  const decision = decide(
    claim.kind,
    claim.minMetFraction ?? 0.5,
    records,
    aggregate,
    claim.erratum !== undefined,
    claim.maxUndecidedFraction,
  );
  const met = records.filter((r) => r.met);
  const { scope, readings } = measureErratum(claim, met);
  // A printed form failing inside the scope its erratum states makes that statement wrong.
  const { status, reason } = decision.status === "erratum" && scope && scope.inside.failed > 0
    ? {
      status: "falsified" as const,
      reason: `${decision.reason}, but it also failed on ${scope.inside.failed} of ${scope.inside.tried} instances ` +
        `inside the scope where the erratum says it holds (${scope.statement})`,
    }
    : decision;
  // For an erratum, the printed form's "tightness" measures how badly it fails; the corrected form's is the bound's.
  const useCorrected = status === "erratum";
  const tight = met
    .map((r) => [(useCorrected ? r.corrected?.tightness : r.conclusion?.tightness) ?? NaN, r.index] as const)
    .filter(([t]) => Number.isFinite(t));
  let worst: readonly [number, number] | null = null;
  for (const t of tight) if (worst === null || t[0] > worst[0]) worst = t;
  const sorted = tight.map(([t]) => t).sort((a, b) => a - b);
  const failing = met.filter((r) => outcomeOf(r.conclusion) === "failed" || r.conclusion === undefined);
  const undecided = met.filter((r) => outcomeOf(r.conclusion) === "undecided");
  const evidence = (r: InstanceRecord): Failure => {
    const failure = failureSentence(r.conclusion);
    const corrected = r.corrected ? formOutcome(r.corrected) : undefined;
    return {
      index: r.index,
      detail: r.conclusion?.detail ?? "",
      ...(failure !== undefined ? { failure } : {}),
      ...(corrected !== undefined ? { corrected } : {}),
      replay: replayCommand(claim.id, options.seed, r.index, options.budget),
    };
  };
  const failures = failing.slice(0, 5).map(evidence);
  const result: ClaimResult = {
    id: claim.id,
    title: claim.title,
    kind: claim.kind,
    status,
    source: claim.source,
    seed: options.seed,
    budget: options.budget,
    instances: records.length,
    hypothesesMet: met.length,
    hypothesisCounts: claim.hypotheses.map((_, h) => records.filter((r) => r.hypotheses[h]?.holds).length),
    tightness: aggregate?.tightness ?? worst?.[0] ?? null,
    worstInstance: worst?.[1] ?? null,
    medianTightness: sorted.length ? sorted[sorted.length >> 1] : null,
    conclusionFailures: failing.length,
    undecided: undecided.length,
    correctedFailures: claim.erratum ? met.filter((r) => outcomeOf(r.corrected) === "failed").length : null,
    reason,
    aggregate: aggregate ?? null,
    failures,
    undecidedInstances: undecided.slice(0, 5).map(evidence),
    replay: status === "falsified" || status === "erratum" ? failures[0]?.replay ?? null : null,
    elapsedMs: Math.round(performance.now() - start),
    ...(records.some((r) => r.hypotheses.some((h) => h.certainty !== undefined))
      ? {
        hypothesisCertified: claim.hypotheses.map((h, k) =>
          records.filter((r) => (r.hypotheses[k]?.certainty ?? h.certainty) === "certified").length
        ),
      }
      : {}),
    ...(scope ? { scope } : {}),
    ...(readings ? { readings } : {}),
  };
  return { result, records };
}

/**
 * The erratum's scope and readings, measured on the instances meeting the hypotheses: the printed form's
 * outcomes inside and outside the scope, and the verdict under each reading.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { measureErratum } from "./run.ts";
 * import { bounded } from "./_toy_claims.ts";
 * assert.deepEqual(measureErratum(bounded(), []), {});
 * ```
 */
export function measureErratum(
  claim: Claim,
  met: InstanceRecord[],
): Pick<ClaimResult, "scope" | "readings"> {
  const erratum = claim.erratum;
  const out: Pick<ClaimResult, "scope" | "readings"> = {};
  if (erratum?.scope) {
    const side = (inside: boolean) =>
      countOutcomes(met.filter((r) => r.inScope === inside).map((r) => outcomeOf(r.conclusion)));
    out.scope = { statement: erratum.scope.statement, inside: side(true), outside: side(false) };
  }
  if (erratum?.readings) {
    out.readings = erratum.readings.map(({ reading }, k) => {
      const c = countOutcomes(met.map((r) => r.readings?.[k]));
      const verdict = c.failed > 0
        ? "fails" as const
        : c.held === 0 || c.undecided > (claim.maxUndecidedFraction ?? 0) * c.tried
        ? "undecided" as const
        : "holds" as const;
      return { reading, ...c, verdict };
    });
  }
  return out;
}

/**
 * Whether the test suite accepts a claim's verdict: verified, erratum (the printed form fails and the
 * corrected one holds, as the claim declares) or observed; inconclusive only for a claim that declares its
 * hypotheses `unreachable` on this machine. Anything else (falsified, or inconclusive for lack of power)
 * fails the suite.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { suiteAccepts } from "./run.ts";
 * assert.ok(suiteAccepts({ status: "verified" }, {}) && !suiteAccepts({ status: "inconclusive" }, {}));
 * ```
 */
export function suiteAccepts(result: Pick<ClaimResult, "status">, claim: Pick<Claim, "unreachable">): boolean {
  return result.status === "verified" || result.status === "erratum" || result.status === "observed" ||
    (result.status === "inconclusive" && claim.unreachable !== undefined);
}

/**
 * Why a claim's run fails the suite, in a few lines: verdict, reason, the p-value of a statistical
 * failure with its declared level, the first failing instance and its replay command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runClaim, suiteFailureMessage } from "./run.ts";
 * import { bounded } from "./_toy_claims.ts";
 * const { result } = await runClaim(bounded(), { seed: 1, budget: "test" });
 * assert.ok(suiteFailureMessage(result).startsWith("toy-bounded"));
 * ```
 */
export function suiteFailureMessage(result: ClaimResult): string {
  const replay = result.replay ?? result.failures[0]?.replay;
  return `${result.id}: ${result.status} — ${result.reason}` +
    (result.aggregate?.pValue !== undefined
      ? `\n  p-value ${result.aggregate.pValue} (false-alarm level ${result.aggregate.alpha})`
      : "") +
    (result.failures[0] ? `\n  first failure: ${result.failures[0].detail}` : "") +
    (result.failures[0]?.failure ? `\n  in words: ${result.failures[0].failure}` : "") +
    (replay ? `\n  replay: ${replay}` : "");
}
