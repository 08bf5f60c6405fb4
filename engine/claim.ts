/**
 * What a claim is: data written once, consumed by `deno test`, the report and the CLI.
 *
 * @module
 */
import type { Rng } from "../numerics/random.ts";

/** A value or a promise of it. */
export type MaybePromise<T> = T | Promise<T>;

/** The kinds of ../shared/CLAIMS.md. */
export type ClaimKind = "exact" | "probabilistic" | "rate" | "limit" | "observation";

/** A claim's verdict. */
export type Status = "verified" | "falsified" | "erratum" | "inconclusive" | "observed";

/** How a hypothesis is checked on an instance. */
export type Certainty = "certified" | "estimated";

/** How much work a run may do: small for `deno test`, larger for the report. */
export type BudgetName = "test" | "report";

/** Where a claim is printed. */
export interface Source {
  /** File name in ../shared/sources/. */
  document: string;
  /** Human reference: chapter, theorem and equation numbers. */
  where: string;
}

/** One hypothesis checked on one instance. */
export interface HypothesisCheck {
  /** Whether it holds on this instance (never true on NaN). */
  holds: boolean;
  /** The numbers behind it, e.g. "η = 0.31 < 2/β = 0.40". */
  value: string;
  /**
   * How this instance's check was obtained, when that differs between instances (e.g. closed-form constants on
   * one family, sampled maxima on another): `certified` only where exact or rigorously bounded. Default: the
   * hypothesis's `certainty`. The report labels a hypothesis certified only when every instance is.
   */
  certainty?: Certainty;
}

/** A hypothesis of a claim, checked on every instance. */
export interface Hypothesis<I> {
  /** The hypothesis as printed (markdown, `$…$` LaTeX). */
  statement: string;
  /** `certified` when exact or rigorously bounded, `estimated` when sampled. */
  certainty: Certainty;
  /** How it is checked, one sentence. */
  method: string;
  /** Checks it on an instance. */
  check(instance: I): HypothesisCheck;
}

/** Per-instance data a conclusion check may keep for plots and aggregates, when a claim declares no type of its own. */
export type ConclusionData = Record<string, number | string | number[]>;

/**
 * What a check concluded on one instance: the conclusion `held`, it `failed` (a counterexample), or the
 * computation could not decide (`undecided`: an integrator that gave up, a singular solve, a residual
 * over its budget), which is never a counterexample and never a pass.
 */
export type Outcome = "held" | "failed" | "undecided";

/** The conclusion checked on one instance; `D` types its `data` (each claim declares its own). */
export interface ConclusionCheck<D = ConclusionData> {
  /** Whether the conclusion holds on this instance (never true on NaN; false when undecided). */
  holds: boolean;
  /**
   * Set when the computation could not decide, saying why (a numerical method gave up): the instance is
   * then undecided, neither a pass nor a counterexample, whatever `holds` says.
   */
  undecided?: string;
  /** The observed quantity (e.g. an error, a loss, a decrease). */
  observed: number;
  /** The bound it is held to. */
  bound: number;
  /**
   * observed / bound (for a lower bound, bound / observed; the claim's `tightness` says which): 1 means the bound
   * is attained, above 1 that it is violated; a trivially attained case (k = 0, nothing to bound) does not count.
   */
  tightness: number;
  /** Numbers worth showing (in evidence, plots and replays). */
  detail: string;
  /**
   * When the conclusion fails (`holds` false, not undecided): what went wrong, in words, with the numbers
   * before and after — what the theorem predicts, what happened ("predicted ≤ 0.41, observed 1.09: the loss
   * rose from 0.82 to 1.09"). Plain Unicode, no LaTeX. Shown by explore, replay, the report's failures and the
   * JSON; a claim may instead compute it from the check (`conclusion.failure`). engine/words.ts phrases it.
   */
  failure?: string;
  /** Per-instance data for plots and aggregates (structured-clonable: records cross to workers). */
  data?: D;
}

/** The context a generator gets: its own seeded stream and where it is in the run. */
export interface InstanceContext {
  /** The instance's stream, seeded by (master seed, claim id, index). */
  rng: Rng;
  /** Index of the instance in the run. */
  index: number;
  /** How many instances the run makes. */
  count: number;
  /** The budget of the run. */
  budget: BudgetName;
  /**
   * Parameter overrides (from `deno task explore` flags, a scenario or a search). Generators draw
   * their random value first and then use the override if present, so the rest of the instance
   * stays the same when a parameter changes.
   */
  params?: Readonly<Record<string, number>>;
  /**
   * The widths every instance sweeps, for a claim whose instance holds a list of widths (`Claim.sweepWidthList`):
   * set by `deno task explore <id> --sweep --widths a,b,c`, absent otherwise (the generator then uses its own).
   */
  widths?: readonly number[];
}

/** A parameter of a claim's instances that a learner or a search may set. */
export interface ParameterSpec {
  /** Integer or real. */
  type: "integer" | "number";
  /** Smallest allowed value. */
  min: number;
  /** Largest allowed value. */
  max: number;
  /** What it is, one line. */
  help: string;
  /**
   * An integer-coded parameter's values by name, from `min` to `max` (e.g. `["gaussian-relu", "rademacher-arctan"]`
   * for codes 0 and 1): `deno task explore` accepts a name (or a unique prefix) as well as the code, and its help
   * lists them.
   */
  names?: readonly string[];
}

/**
 * An integer-coded parameter choosing among named options, codes 0 … names.length − 1 (`deno task explore`
 * accepts the names).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { namedChoice } from "./claim.ts";
 * assert.deepEqual(namedChoice("0 tanh, 1 ReLU", ["tanh", "relu"]), {
 *   type: "integer",
 *   min: 0,
 *   max: 1,
 *   help: "0 tanh, 1 ReLU",
 *   names: ["tanh", "relu"],
 * });
 * ```
 */
export function namedChoice(help: string, names: readonly string[]): ParameterSpec {
  return { type: "integer", min: 0, max: names.length - 1, help, names };
}

/** A way to break a hypothesis: fixed parameter values that violate (or drop) it. */
export interface Scenario {
  /** Short name, e.g. "eta-above-2-over-beta". */
  name: string;
  /** Which hypothesis is broken, and how (markdown). */
  breaks: string;
  /** Parameter values that break it. */
  params: Record<string, number>;
  /** Cap on sampled instances when an instance is expensive (default: the caller's); aggregate scenarios: the draws. */
  instances?: number;
  /** Cap on fast-check search runs when an instance is expensive (default: the caller's). */
  searchRuns?: number;
  /**
   * Cap on the instances fast-check may run while shrinking a counterexample it found (default: no cap). Past it the
   * search stops shrinking and reports the smallest failing instance found so far (deterministic: a count, not a
   * clock).
   */
  shrinkRuns?: number;
  /**
   * How the scenario is judged. `"instance"` (default): the conclusion is checked on each instance and
   * fast-check shrinks a failing one. `"aggregate"`: for claims whose conclusion is an event allowed to
   * fail with probability δ, the scenario draws `instances` instances (required) and the claim's
   * `aggregate` (an exact binomial decision) judges them; nothing is shrunk.
   */
  decidedBy?: "instance" | "aggregate";
}

/**
 * Where an erratum's printed form still holds, stated and measured: the run counts the printed form's
 * outcomes on the instances inside and outside, and a printed form failing inside makes the verdict
 * falsified (the stated scope is then wrong).
 */
export interface ErratumScope<I> {
  /** Where the printed form still holds (markdown), e.g. "for $\alpha(m) = O(m^{-1/2})$". */
  statement: string;
  /** Whether an instance lies inside that scope. */
  contains(instance: I): boolean;
}

/**
 * One reading of an ambiguous statement, decided on the same instances as the printed form: by the
 * printed conclusion's check, the corrected one's, or a check of its own. The report gives the verdict
 * under each reading.
 */
export interface Reading<I, D = ConclusionData> {
  /** The reading (markdown). */
  reading: string;
  /** What decides it on each instance meeting the hypotheses. */
  decidedBy: "printed" | "corrected" | ((instance: I) => MaybePromise<ConclusionCheck<D>>);
}

/** A typo found in the source: the printed form fails, the corrected form holds. */
export interface Erratum<I, D = ConclusionData> {
  /** The statement as printed. */
  printed: string;
  /** The statement corrected. */
  corrected: string;
  /** Why the printed form is wrong and the corrected one right. */
  reasoning: string;
  /** The corrected conclusion, checked on the same instances as the printed one. */
  check(instance: I): MaybePromise<ConclusionCheck<D>>;
  /** The corrected form's failure sentence, as `conclusion.failure` is the printed form's. */
  failure?(check: ConclusionCheck<D>, instance: I): string;
  /** Where the printed form still holds (measured on the run's instances). */
  scope?: ErratumScope<I>;
  /** For an ambiguous statement: its readings, each decided on the run's instances. */
  readings?: Reading<I, D>[];
}

/**
 * A hypothesis the claim needs but the source does not state: a finding of its own, shown in the
 * report's "Source gaps" section.
 */
export interface SourceGap {
  /** The missing hypothesis (markdown). */
  hypothesis: string;
  /** Why the printed claim needs it: what fails without it, with numbers. */
  why: string;
  /** The claim's scenario that shows the printed claim failing without it, if it has one. */
  scenario?: string;
}

/** A near-miss wrong theory and whether the claim's checks catch it (shown in the report). */
export type NearMiss =
  | {
    /** The wrong theory, e.g. "the bound dμ₄/n² instead of dμ₄/n". */
    mutant: string;
    /** Caught at the test budget by the test named here (file and test name). */
    caughtBy: string;
  }
  | {
    /** The wrong theory no check can tell from the printed one. */
    mutant: string;
    /** Why not, with numbers: "cannot tell this bound from one 40× smaller (worst tightness 0.025)". */
    notCaught: string;
  };

/**
 * A proof slip or a notational typo that does not change the claim's verdict, shown in the report's
 * "Slips and typos" section.
 */
export interface Slip {
  /** Where in the source (proof, equation, slide). */
  where: string;
  /** What is printed (markdown). */
  printed: string;
  /** The fix (markdown). */
  fix: string;
}

/** An event's failure count in one cell of a frequency check, against the probability the claim promises. */
export interface FrequencyCell {
  /** The cell, e.g. "n=100, d=5, gaussian". */
  key: string;
  /** Draws on which the event failed. */
  failures: number;
  /** Draws in the cell. */
  draws: number;
  /** The promised failure probability (δ, or the printed bound). */
  promised: number;
  /** Exact (Clopper–Pearson) interval on the failure probability. */
  lo: number;
  /** Upper end of that interval. */
  hi: number;
  /** Its two-sided confidence. */
  confidence: number;
  /** Exact binomial p-value of "failure probability ≤ promised": P[Binomial(draws, promised) ≥ failures]. */
  pValue: number;
}

/** The probability that a test rejects under a stated alternative (a wrong theory it should catch). */
export interface Power {
  /** The alternative, in words, e.g. "P[fail] = 2δ in a cell". */
  alternative: string;
  /** P(reject) under it: exact for binomial tests, from the fitted model (noncentral t) for rate fits. */
  probability: number;
}

/** One statistical test behind an aggregate verdict: its statistic, p-value, level and power. */
export interface StatisticalTest {
  /** What is tested, e.g. "success rate of the runs (exact binomial)". */
  name: string;
  /** The statistic as printed, e.g. "3 of 20 runs" or "t = 1.21 (7 df)". */
  statistic: string;
  /** Its p-value under the claim (the null hypothesis); rejection means failure. */
  pValue: number;
  /** The level it rejects at (its share of the suite's false alarms). */
  alpha: number;
  /** Its power against a stated alternative, when it can be computed. */
  power?: Power;
}

/** A verdict drawn from all instances together (fits, frequencies). */
export interface AggregateCheck {
  /** True, false, or "inconclusive" (too little power or too few points). */
  holds: boolean | "inconclusive";
  /** One paragraph of what was measured and compared. */
  summary: string;
  /**
   * When it fails (`holds` false): what failed, in words, with the numbers ("the fitted exponent −0.310 [−0.360,
   * −0.260] is above the printed −1/2"). Plain Unicode. Without it, engine/words.ts `aggregateFailure` phrases one
   * from the frequencies or the rejected tests. Shown by explore and in the verdict's reason.
   */
  failure?: string;
  /** Observed over bound for the aggregate, if meaningful. */
  tightness?: number;
  /** p-value of a statistical test whose rejection means failure (for false-alarm control). */
  pValue?: number;
  /** The false-alarm probability this check declares. */
  alpha?: number;
  /** Extra evidence rows [quantity, value]. */
  rows?: [string, string][];
  /** The statistical tests the verdict rests on, each with its p-value and power (calibration, report, JSON). */
  tests?: StatisticalTest[];
  /** For frequency checks: every cell's failure count and interval (aggregate scenarios report the worst). */
  frequencies?: FrequencyCell[];
  /**
   * Wall-clock times in milliseconds, by label (e.g. "analytic certificate, median"). They vary between
   * runs, so the JSON keeps them under this `*Ms` key and REPORT.md marks their lines with ⏱; both are
   * left out of same-seed comparisons (`withoutTimings`, `withoutTimingLines`).
   */
  timingsMs?: Record<string, number>;
}

/** A plot: a vega-lite spec, rendered to `report/<claim id>-<name>.svg`. */
export interface PlotSpec {
  /** File-name part. */
  name: string;
  /** Caption. */
  title: string;
  /** A vega-lite top-level spec (data inline). */
  spec: Record<string, unknown>;
}

/** The outcome of one instance; `D` is the claim's conclusion data. */
export interface InstanceRecord<D = ConclusionData> {
  /** Index in the run (the replay's `--instance`). */
  index: number;
  /** Short description of the instance (shapes, parameters). */
  description: string;
  /** One check per hypothesis, in the claim's order. */
  hypotheses: HypothesisCheck[];
  /** All hypotheses hold. */
  met: boolean;
  /** The printed conclusion (only when the hypotheses are met). */
  conclusion?: ConclusionCheck<D>;
  /** The corrected conclusion (claims with an erratum). */
  corrected?: ConclusionCheck<D>;
  /** Whether the instance lies inside the erratum's scope (claims whose erratum states one). */
  inScope?: boolean;
  /** The outcome under each of the erratum's readings (claims whose erratum has readings). */
  readings?: (Outcome | undefined)[];
}

/**
 * A claim of the catalog (docs/claims.md) as data. `I` is its instance type, `D` the data its conclusion
 * checks keep for its aggregate and plots.
 */
export interface Claim<I = unknown, D = ConclusionData> {
  /** Id from ../shared/CLAIMS.md. */
  id: string;
  /** Short title. */
  title: string;
  /** Kind from ../shared/CLAIMS.md. */
  kind: ClaimKind;
  /** Where it is printed. */
  source: Source;
  /** The statement as printed (markdown with `$…$` LaTeX). */
  statement: string;
  /** What tightness means for this claim (observed quantity over which bound). */
  tightness: string;
  /** Instances per budget. */
  instances: Record<BudgetName, number>;
  /** Fewer than this fraction of instances meeting the hypotheses makes the verdict inconclusive (default 0.5). */
  minMetFraction?: number;
  /**
   * More than this fraction of the instances meeting the hypotheses undecided (the computation could not
   * decide) makes the verdict inconclusive (default 0: a claim says when its numerics may give up).
   */
  maxUndecidedFraction?: number;
  /** The seeded instance generator. */
  generate(ctx: InstanceContext): MaybePromise<I>;
  /** One line describing an instance. */
  describe(instance: I): string;
  /** Hypotheses, checked on every instance. */
  hypotheses: Hypothesis<I>[];
  /** The conclusion as printed, checked on every instance that meets the hypotheses. */
  conclusion: {
    /** What is checked (markdown). */
    statement: string;
    /** Checks it. */
    check(instance: I): MaybePromise<ConclusionCheck<D>>;
    /**
     * The failure sentence (`ConclusionCheck.failure`) as a function of a failed check (whose own `failure`, if
     * any, it may reuse) and its instance; called only when the check failed (not when undecided).
     */
    failure?(check: ConclusionCheck<D>, instance: I): string;
  };
  /** Present when the printed form is a typo. */
  erratum?: Erratum<I, D>;
  /** A verdict over all records (rates, frequencies, limits). */
  aggregate?(records: InstanceRecord<D>[], budget: BudgetName): MaybePromise<AggregateCheck>;
  /**
   * `"aggregate"` when the per-instance check cannot see the claim's real conclusion (it only checks that the
   * measurements are sound) and the aggregate decides it: `deno task explore --count C` then runs the aggregate
   * over its C records and reports its decision, which sets the exit code. Frequency claims (an aggregate that
   * reports `frequencies`, deciding events each allowed to fail) are treated so without it.
   */
  conclusionBy?: "aggregate";
  /**
   * The parameter the claim's aggregate sweeps (a width: the instances cycle through the sweep's widths and the
   * aggregate fits the rate in it), when its generator takes it as an override: `deno task explore <id> --sweep
   * --widths a,b,c` then runs the claim with instance k at the k-th of those values (in turn), as the report runs
   * it otherwise.
   */
  sweepParameter?: string;
  /**
   * How many consecutive instances share one width of the sweep (default 1): with `--widths a,b,c` instance k takes
   * widths[floor(k / sweepStride) % widths.length], as a sweep whose laws vary fastest, then widths, runs it.
   */
  sweepStride?: number;
  /**
   * For a claim whose every instance holds a whole list of widths (its aggregate fits over the widths inside each
   * instance) and whose generator reads `InstanceContext.widths` in place of its own list: the integer range those
   * widths may take. `deno task explore <id> --sweep --widths a,b,c` then runs the claim with exactly those widths
   * (ascending) in every instance.
   */
  sweepWidthList?: { min: number; max: number };
  /**
   * Why `--sweep --widths` cannot be honoured for a claim whose aggregate does fit or compare over widths, when its
   * design does not admit other widths (a false-alarm rate calibrated on its own widths, widths tied to another
   * parameter): one line, the refusal `deno task explore` prints.
   */
  widthsRefusal?: string;
  /** Plots for the report. */
  plots?(records: InstanceRecord<D>[], aggregate: AggregateCheck | undefined): PlotSpec[];
  /** Parameters `deno task explore` accepts as flags, and a search may tune. */
  parameters?: Record<string, ParameterSpec>;
  /**
   * How many evaluations the report's targeted tightness search (exact claims) may spend, where one evaluation
   * costs far more than the default's 40 allow within the report's time budget, and why; 0 skips the search.
   */
  searchBudget?: { evaluations: number; why: string };
  /** Ways to break a hypothesis and watch the conclusion (exploration, report). */
  scenarios?: Scenario[];
  /** When no hypothesis can be broken, why (shown instead of scenarios). */
  unbreakable?: string;
  /**
   * The plausible wrong theory (a constant off by 2, an exponent off by 1/4, another scaling law, a dropped term)
   * the claim's tests catch at the test budget, or, where none can be caught because the bound is far from
   * attained on every sampled and searched instance, how loose it is.
   */
  nearMiss?: NearMiss;
  /** Hypotheses the claim needs that the source omits. */
  sourceGaps?: SourceGap[];
  /** Proof slips and typos of the source that do not change the verdict. */
  slips?: Slip[];
  /**
   * For claims with statistical checks (frequencies, fitted exponents, goodness of fit, Monte
   * Carlo comparisons): the probability that the claim fails on correct code under a random master
   * seed (see engine/false_alarm.ts; usually CHECK_FALSE_ALARM). The catalog's declarations add up
   * to at most 1%.
   */
  falseAlarm?: number;
  /**
   * Set when this machine cannot reach the claim's hypotheses (e.g. a width threshold far beyond
   * memory): why. The tests then accept `inconclusive` (never `falsified`), and the report says why.
   */
  unreachable?: string;
}

/**
 * Erases a claim's instance and data types so claims of different types share one catalog.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { defineClaim } from "./claim.ts";
 * const c = defineClaim<number>({
 *   id: "demo", title: "x ≥ 0", kind: "exact", source: { document: "-", where: "-" },
 *   statement: "$x^2 \\ge 0$", tightness: "none", instances: { test: 3, report: 3 },
 *   generate: ({ rng }) => rng.normal(), describe: (x) => `x = ${x}`, hypotheses: [],
 *   conclusion: { statement: "x² ≥ 0", check: (x) => ({ holds: x * x >= 0, observed: -x * x,
 *     bound: 0, tightness: 0, detail: "" }) },
 * });
 * assert.equal(c.id, "demo");
 * ```
 */
export function defineClaim<I, D = ConclusionData>(claim: Claim<I, D>): Claim {
  return claim as unknown as Claim;
}

/**
 * The outcome of a conclusion check: undecided when it says so, else held or failed; undefined when the
 * conclusion was not checked.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { outcomeOf } from "./claim.ts";
 * const check = { holds: false, observed: NaN, bound: NaN, tightness: NaN, detail: "" };
 * assert.equal(outcomeOf(check), "failed");
 * assert.equal(outcomeOf({ ...check, undecided: "ODE integrator failed" }), "undecided");
 * assert.equal(outcomeOf({ ...check, holds: true, observed: 0, bound: 1, tightness: 0 }), "held");
 * assert.equal(outcomeOf(undefined), undefined);
 * ```
 */
export function outcomeOf(check: ConclusionCheck<unknown> | undefined): Outcome | undefined {
  if (check === undefined) return undefined;
  return check.undecided !== undefined ? "undecided" : check.holds ? "held" : "failed";
}
