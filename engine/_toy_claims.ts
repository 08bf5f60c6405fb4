/**
 * Small claims for the engine's own tests and examples (the engine never imports `theorems/`). Each
 * export builds one with no arguments, so a worker can rebuild it (`importClaim`).
 *
 * @module
 */
import { defineClaim } from "./claim.ts";
import type { Claim, Hypothesis, InstanceContext, ParameterSpec } from "./claim.ts";
import { successRateVerdict } from "./false_alarm.ts";
import { bigOSharpness, logLogFit } from "./verdicts/log_log_fit.ts";
import { exponentWords } from "./words.ts";
import { NumericalFailure } from "../numerics/numerical_failure.ts";

/** x uniform on (−2, 2), or the `x` parameter where given (drawn either way, so later draws stay as they were). */
function uniformOrGivenX({ rng, params }: InstanceContext): number {
  const drawn = rng.uniform(-2, 2);
  return params?.x ?? drawn;
}

/** The `x` parameter of the claims that draw x by `uniformOrGivenX`. */
const X_PARAMETER: Record<string, ParameterSpec> = { x: { type: "number", min: -2, max: 2, help: "the instance" } };

/** The certified hypothesis x ≤ a, by exact comparison. */
function atMost(a: number): Hypothesis<number> {
  return {
    statement: `$x \\le ${a}$`,
    certainty: "certified",
    method: "exact comparison",
    check: (x) => ({ holds: x <= a, value: `x = ${x}` }),
  };
}

/**
 * `toy-square`: x² ≥ 0 for x ~ N(0, 1); always verified.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { squareNonNegative } from "./_toy_claims.ts";
 * assert.equal(squareNonNegative().id, "toy-square");
 * ```
 */
export function squareNonNegative(): Claim {
  return defineClaim<number, { square: number }>({
    id: "toy-square",
    title: "x² ≥ 0",
    kind: "exact",
    source: { document: "none", where: "none" },
    statement: "$x^2 \\ge 0$",
    tightness: "−x² over 0",
    instances: { test: 3, report: 3 },
    generate: ({ rng }) => rng.normal(),
    describe: (x) => `x = ${x}`,
    hypotheses: [],
    conclusion: {
      statement: "$x^2 \\ge 0$",
      check: (x) => ({
        holds: x * x >= 0,
        observed: -x * x,
        bound: 0,
        tightness: 0,
        detail: "",
        data: { square: x * x },
      }),
    },
    unbreakable: "no hypothesis",
  });
}

/**
 * `toy-bounded`: x ≤ 1 ⇒ x < 3/2 for x uniform on (−2, 2): verified; about a quarter of the
 * instances miss the hypothesis. Its parameter `x` and scenario `above-one-and-a-half` (x = 1.8, where
 * the conclusion fails) serve the mutation and exploration tests.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bounded } from "./_toy_claims.ts";
 * assert.equal(bounded().hypotheses.length, 1);
 * ```
 */
export function bounded(): Claim {
  return defineClaim<number>({
    id: "toy-bounded",
    title: "x ≤ 1 ⇒ x < 3/2",
    kind: "exact",
    source: { document: "none", where: "none" },
    statement: "$x \\le 1 \\Rightarrow x < 3/2$",
    tightness: "x over 3/2",
    instances: { test: 12, report: 12 },
    generate: uniformOrGivenX,
    describe: (x) => `x = ${x}`,
    hypotheses: [atMost(1)],
    conclusion: {
      statement: "$x < 3/2$",
      check: (x) => ({ holds: x < 1.5, observed: x, bound: 1.5, tightness: x / 1.5, detail: `x = ${x}` }),
    },
    parameters: X_PARAMETER,
    scenarios: [{ name: "above-one-and-a-half", breaks: "x ≤ 1 (x = 1.8)", params: { x: 1.8 } }],
  });
}

/**
 * `toy-coin`: the event u ≥ p, for u uniform on (0, 1), holds with probability ≥ 0.9 when p ≤ 0.1
 * (verified, by an exact binomial test over the instances). Its scenario `p-one-half` (p = 0.5) breaks
 * the hypothesis; only the aggregate can see it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { coin } from "./_toy_claims.ts";
 * assert.equal(coin().scenarios?.[0].decidedBy, "aggregate");
 * ```
 */
export function coin(): Claim {
  return defineClaim<{ u: number; p: number }, { event: number }>({
    id: "toy-coin",
    title: "u ≥ p with probability ≥ 0.9",
    kind: "probabilistic",
    source: { document: "none", where: "none" },
    statement: "$p \\le 0.1 \\Rightarrow P(u \\ge p) \\ge 0.9$",
    tightness: "failure rate over 0.1",
    instances: { test: 40, report: 40 },
    generate: ({ rng, params }) => {
      const u = rng.double();
      return { u, p: params?.p ?? 0.05 };
    },
    describe: ({ u, p }) => `u = ${u}, p = ${p}`,
    hypotheses: [{
      statement: "$p \\le 0.1$",
      certainty: "certified",
      method: "exact comparison",
      check: ({ p }) => ({ holds: p <= 0.1, value: `p = ${p}` }),
    }],
    conclusion: {
      statement: "the event $u \\ge p$ (allowed to fail with probability 0.1)",
      check: ({ u, p }) => ({
        holds: true,
        observed: u,
        bound: p,
        tightness: 0,
        detail: "",
        data: { event: u >= p ? 1 : 0 },
      }),
    },
    aggregate: (records) => {
      const events = records.map((r) => r.conclusion?.data?.event ?? 0);
      const successes = events.reduce((s, e) => s + e, 0);
      return successRateVerdict({ successes, trials: events.length, p0: 0.9, alpha: 1e-3, units: "draws with u ≥ p" });
    },
    falseAlarm: 1e-3,
    parameters: { p: { type: "number", min: 0, max: 1, help: "the threshold" } },
    scenarios: [{
      name: "p-one-half",
      breaks: "p ≤ 0.1 (p = 0.5)",
      params: { p: 0.5 },
      instances: 40,
      decidedBy: "aggregate",
    }],
  });
}

/**
 * `toy-gives-up`: x < 3/2 for x uniform on (−2, 2), decided by a "solver" that gives up (throws a
 * numerical failure) whenever x > 1: about a quarter of the instances are undecided. Its scenario
 * `solver-gives-up` (x = 1.8) is undecided on every instance.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { givesUp } from "./_toy_claims.ts";
 * assert.equal(givesUp().id, "toy-gives-up");
 * ```
 */
export function givesUp(): Claim {
  const base = bounded() as Claim<number>;
  return defineClaim<number>({
    ...base,
    id: "toy-gives-up",
    title: "x < 3/2, when the solver can tell",
    statement: "$x < 3/2$",
    hypotheses: [],
    conclusion: {
      statement: "$x < 3/2$",
      check: (x) => {
        if (x > 1) throw new NumericalFailure(`toy solver gave up at x = ${x}`);
        return base.conclusion.check(x);
      },
    },
    scenarios: [{ name: "solver-gives-up", breaks: "nothing: the solver gives up (x = 1.8)", params: { x: 1.8 } }],
  });
}

/**
 * `toy-erratum`: printed "x < 1" for x uniform on (−2, 2), an erratum (corrected: x < 2). The printed form
 * still holds for x ≤ 1/2, the erratum's scope (measured), and "x < 1" has two readings: as printed, and as
 * |x| < 2 (decided by a check of its own), which holds. `scopeLimit` moves the stated scope, so that a
 * wrong one (x ≤ 3/2) can be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { erratumWithScope } from "./_toy_claims.ts";
 * assert.equal(erratumWithScope().erratum?.readings?.length, 2);
 * ```
 */
export function erratumWithScope(scopeLimit = 0.5): Claim {
  const check = (x: number, bound: number) => ({
    holds: x < bound,
    observed: x,
    bound,
    tightness: x / bound,
    detail: `x = ${x}`,
  });
  return defineClaim<number>({
    id: "toy-erratum",
    title: "x < 1 (a typo for x < 2)",
    kind: "exact",
    source: { document: "none", where: "none" },
    statement: "$x < 1$ for $x \\in (-2, 2)$",
    tightness: "x over the bound",
    instances: { test: 12, report: 12 },
    generate: uniformOrGivenX,
    describe: (x) => `x = ${x}`,
    hypotheses: [],
    conclusion: { statement: "$x < 1$", check: (x) => check(x, 1) },
    erratum: {
      printed: "$x < 1$",
      corrected: "$x < 2$",
      reasoning: "x ranges over (−2, 2).",
      check: (x) => check(x, 2),
      scope: { statement: `for $x \\le ${scopeLimit}$`, contains: (x) => x <= scopeLimit },
      readings: [
        { reading: "$x < 1$ as printed", decidedBy: "printed" },
        { reading: "$|x| < 2$", decidedBy: (x) => check(Math.abs(x), 2) },
      ],
    },
    unbreakable: "no hypothesis",
  });
}

/**
 * `toy-loose-rate`: "y(n) = O(n^p)" for y(n) = √n·(1 + noise), p = 1 by default: a true bound that is not
 * sharp, so verified with its sharpness measured ("O(n) holds; measured n^0.5 […]; not sharp"); p = 1/4 fails.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { looseRate } from "./_toy_claims.ts";
 * assert.equal(looseRate().kind, "rate");
 * ```
 */
export function looseRate(p = 1): Claim {
  return defineClaim<{ n: number; y: number }, { n: number; y: number }>({
    id: "toy-loose-rate",
    title: `y(n) = O(n^${p})`,
    kind: "rate",
    source: { document: "none", where: "none" },
    statement: `$y(n) = O(n^{${p}})$`,
    tightness: "none per instance",
    instances: { test: 8, report: 8 },
    generate: ({ rng, index }) => {
      const n = 2 ** (4 + index);
      return { n, y: Math.sqrt(n) * (1 + 0.01 * rng.normal()) };
    },
    describe: ({ n }) => `n = ${n}`,
    hypotheses: [],
    conclusion: {
      statement: "y(n) is finite (the rate is judged by the aggregate)",
      check: (i) => ({
        holds: Number.isFinite(i.y),
        observed: i.y,
        bound: Infinity,
        tightness: 0,
        detail: `y = ${i.y}`,
        data: i,
      }),
    },
    aggregate: (records) => {
      const d = records.flatMap((r) => (r.conclusion?.data ? [r.conclusion.data] : []));
      const fit = logLogFit(d.map((x) => x.n), d.map((x) => x.y), 0.999);
      const b = bigOSharpness(p, { slope: fit.slope, ...fit.slopeInterval });
      const { lo, hi } = fit.slopeInterval;
      const failure = `the fitted exponent ${exponentWords(fit.slope, lo, hi)} lies wholly above the printed ${p}`;
      return { holds: b.holds, summary: b.text, rows: [["printed bound", b.text]], ...(b.holds ? {} : { failure }) };
    },
    unbreakable: "no hypothesis",
  });
}

/**
 * `toy-typo`: x ≤ 1.4 ⇒ x < 3/2 for x uniform on (−2, 2), printed as x < 1 (an erratum): the printed form
 * fails for x in (1, 1.4], the corrected form holds everywhere with tightness at most 1.4/1.5. Tightness
 * is observed over bound (x over 1, x over 3/2), above 1 where a form is violated. Serves the search and
 * report tests of an erratum.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { typo } from "./_toy_claims.ts";
 * assert.equal(typo().erratum?.corrected, "$x < 3/2$");
 * ```
 */
export function typo(): Claim {
  const form = (limit: number) => (x: number) => ({
    holds: x < limit,
    observed: x,
    bound: limit,
    tightness: x / limit,
    detail: x < limit ? `x = ${x} < ${limit}` : `x = ${x} reached ${limit}`,
  });
  return defineClaim<number>({
    id: "toy-typo",
    title: "x ≤ 1.4 ⇒ x < 3/2, printed as x < 1",
    kind: "exact",
    source: { document: "none", where: "none" },
    statement: "$x \\le 1.4 \\Rightarrow x < 1$",
    tightness: "x over the form's limit (1 printed, 3/2 corrected)",
    instances: { test: 40, report: 40 },
    generate: uniformOrGivenX,
    describe: (x) => `x = ${x}`,
    hypotheses: [atMost(1.4)],
    conclusion: { statement: "$x < 1$", check: form(1) },
    erratum: { printed: "$x < 1$", corrected: "$x < 3/2$", reasoning: "a typo", check: form(1.5) },
    parameters: X_PARAMETER,
    unbreakable: "a toy",
  });
}
