/**
 * Failures in words: the sentence a failing conclusion prints (what the theorem predicts, what happened,
 * the numbers before and after; an aggregate's fit or frequency test that failed), numbers written for a reader ("3·10¹⁷⁵", not "3e175"), sweep values
 * labelled with their parameter, and an erratum's two forms side by side.
 *
 * @module
 */
import type { AggregateCheck, ConclusionCheck } from "./claim.ts";
import { formatNumber } from "./report.ts";
import { texToUnicode } from "./unicode_math.ts";

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "-": "⁻",
};

/**
 * A number for a sentence: 3 significant digits, powers of ten as "·10ⁿ" (|x| ≥ 10⁴ or < 10⁻³),
 * "∞", "−∞" and "NaN" spelled out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { num } from "./words.ts";
 * assert.equal(num(0.8234), "0.823");
 * assert.equal(num(3.04e175), "3.04·10¹⁷⁵");
 * assert.equal(num(-2e-7), "-2·10⁻⁷");
 * assert.equal(num(Infinity), "∞");
 * assert.equal(num(NaN), "NaN");
 * ```
 */
export function num(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  const s = formatNumber(x);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const mantissa = String(Number(m[1]));
  const exponent = String(Number(m[2])).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
  return `${mantissa}·10${exponent}`;
}

/** How a prediction compares the observed quantity with its bound. */
export type Relation = "≤" | "<" | "≥" | ">" | "=" | "≈";

/**
 * "predicted ≤ 0.41, observed 1.09", optionally followed by what happened (": the loss rose from 0.82 to 1.09").
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { predicted } from "./words.ts";
 * assert.equal(
 *   predicted("≤", 0.41, 1.09, "the loss rose from 0.82 to 1.09"),
 *   "predicted ≤ 0.41, observed 1.09: the loss rose from 0.82 to 1.09",
 * );
 * assert.equal(predicted("≥", 1, 0.5), "predicted ≥ 1, observed 0.5");
 * ```
 */
export function predicted(relation: Relation, bound: number, observed: number, what?: string): string {
  return `predicted ${relation} ${num(bound)}, observed ${num(observed)}${what ? `: ${what}` : ""}`;
}

/**
 * "rose from 0.82 to 1.09" / "fell from … to …" / "stayed at …": a quantity's change in words.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { change } from "./words.ts";
 * assert.equal(change("the loss", 0.82, 1.09), "the loss rose from 0.82 to 1.09");
 * assert.equal(change("the gap", 1, 3e175), "the gap rose from 1 to 3·10¹⁷⁵");
 * assert.equal(change("the error", 2, 2), "the error stayed at 2");
 * ```
 */
export function change(what: string, before: number, after: number): string {
  if (before === after) return `${what} stayed at ${num(after)}`;
  return `${what} ${after > before ? "rose" : after < before ? "fell" : "went"} from ${num(before)} to ${num(after)}`;
}

/**
 * Sweep values labelled with their parameter: "α = 4: 0.00697, α = 16: 0.00177" (numbers by `formatNumber`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { labelled } from "./words.ts";
 * assert.equal(labelled("α", [4, 16], [6.97e-3, 1.77e-3]), "α = 4: 0.00697, α = 16: 0.00177");
 * assert.equal(labelled("m", [10], ["ok"]), "m = 10: ok");
 * ```
 */
export function labelled(name: string, at: readonly (number | string)[], values: readonly (number | string)[]): string {
  return values.map((v, k) => `${name} = ${at[k]}: ${typeof v === "number" ? formatNumber(v) : v}`).join(", ");
}

/**
 * A claim's failure sentence from what it predicts and the failed check: the prediction, the observed
 * quantity against its bound (`predicted <relation> bound` when the relation is given, a multiple when the
 * bound is 1, i.e. the check reports a ratio), and the
 * check's own sentence (its `failure`, else its `detail`) for what happened.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { failedAs } from "./words.ts";
 * const c = { holds: false, observed: 3.2, bound: 1, tightness: 3.2, detail: "gap 3.2e-9 > 1e-9" };
 * assert.equal(failedAs("the flow matches its closed form", c), "the flow matches its closed form; observed 3.2 times its bound: gap 3.2e-9 > 1e-9");
 * const d = { holds: false, observed: 0.5, bound: 0.7, tightness: 1.4, detail: "", failure: "it fell short" };
 * assert.equal(failedAs("a decrease of at least 0.7", d, "≥"), "a decrease of at least 0.7; predicted ≥ 0.7, observed 0.5: it fell short");
 * assert.equal(failedAs("finite", { ...c, observed: NaN }), "finite; gap 3.2e-9 > 1e-9");
 * ```
 */
export function failedAs(prediction: string, c: ConclusionCheck<unknown>, relation?: Relation): string {
  const what = c.failure ?? c.detail;
  // A NaN or an infinite bound says nothing in words: the check's own sentence then carries the numbers.
  const numbers = !Number.isFinite(c.observed) || !Number.isFinite(c.bound)
    ? ""
    : relation !== undefined
    ? predicted(relation, c.bound, c.observed)
    : c.bound === 1
    ? `observed ${num(c.observed)} times its bound`
    : `observed ${num(c.observed)} against the bound ${num(c.bound)}`;
  return [prediction, [numbers, what].filter((x) => x).join(": ")].filter((x) => x).join("; ");
}

/**
 * A frequency check's failure in words: an event the theorem lets fail with probability at most δ (the check's
 * `bound`) failed on a larger fraction of the draws (its `observed`), significantly so.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tooOften } from "./words.ts";
 * const c = { holds: false, observed: 0.6, bound: 0.1, tightness: 6, detail: "12/20 draws above the bound" };
 * assert.equal(
 *   tooOften("R_S(θ⁰) ≤ its bound", c),
 *   "R_S(θ⁰) ≤ its bound may fail with probability at most δ = 0.1; it failed on a fraction 0.6 of the draws, significantly more: 12/20 draws above the bound",
 * );
 * ```
 */
export function tooOften(event: string, c: ConclusionCheck<unknown>): string {
  return `${event} may fail with probability at most δ = ${num(c.bound)}; it failed on a fraction ${
    num(c.observed)
  } of the draws, significantly more: ${c.failure ?? c.detail}`;
}

/**
 * The sentence a failing check prints: its own `failure` when the claim wrote one, else one built from its
 * observed quantity and bound; undefined when the check held or was undecided (neither is a failure).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { failureSentence } from "./words.ts";
 * const failed = { holds: false, observed: 1.09, bound: 0.41, tightness: 2.66, detail: "" };
 * assert.equal(failureSentence({ ...failed, failure: "the loss rose" }), "the loss rose");
 * assert.equal(failureSentence(failed), "observed 1.09 against the bound 0.41 (tightness 2.66)");
 * assert.equal(failureSentence({ ...failed, holds: true }), undefined);
 * assert.equal(failureSentence({ ...failed, undecided: "singular solve" }), undefined);
 * ```
 */
export function failureSentence(check: ConclusionCheck<unknown> | undefined): string | undefined {
  if (!check || check.holds || check.undecided !== undefined) return undefined;
  if (check.failure !== undefined) return check.failure;
  return `observed ${num(check.observed)} against the bound ${num(check.bound)} (tightness ${num(check.tightness)})`;
}

/**
 * A form's outcome on an instance in a few words: "holds: <detail>", "FAILS: <failure sentence>" or
 * "undecided: <why>" (`where` is put after the verb, e.g. " here").
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formOutcome } from "./words.ts";
 * const c = { holds: true, observed: 0.5, bound: 1, tightness: 0.5, detail: "0.5 ≤ 1" };
 * assert.equal(formOutcome(c), "holds: 0.5 ≤ 1");
 * assert.equal(formOutcome({ ...c, holds: false, failure: "2 > 1" }, " here"), "FAILS here: 2 > 1");
 * assert.equal(formOutcome({ ...c, holds: false, undecided: "gave up" }), "undecided: gave up");
 * ```
 */
export function formOutcome(c: ConclusionCheck<unknown>, where = "", brief = false): string {
  if (c.undecided !== undefined) return `undecided${where}: ${c.undecided}`;
  if (!c.holds) return `FAILS${where}: ${failureSentence(c)}`;
  return brief ? `holds${where} (tightness ${num(c.tightness)})` : `holds${where}: ${c.detail}`;
}

/**
 * An erratum's two forms on one instance, as lines: the printed and the corrected formula (Unicode), and which
 * of them failed there, with its numbers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { erratumLines } from "./words.ts";
 * const printed = { holds: false, observed: 2, bound: 1, tightness: 2, detail: "2 > 1", failure: "predicted ≤ 1, observed 2" };
 * const corrected = { holds: true, observed: 0.5, bound: 1, tightness: 0.5, detail: "0.5 ≤ 1" };
 * const lines = erratumLines({ printed: "$x \\le 1$", corrected: "$x \\le 4$" }, printed, corrected);
 * assert.deepEqual(lines, [
 *   "printed:   x ≤ 1 — FAILS here: predicted ≤ 1, observed 2",
 *   "corrected: x ≤ 4 — holds here (tightness 0.5)",
 * ]);
 * ```
 */
export function erratumLines(
  erratum: { printed: string; corrected: string },
  printed: ConclusionCheck<unknown> | undefined,
  corrected: ConclusionCheck<unknown> | undefined,
): string[] {
  const form = (c: ConclusionCheck<unknown> | undefined) =>
    c === undefined ? "not checked here" : formOutcome(c, " here", true);
  const flat = (s: string) => texToUnicode(s).replaceAll("\n", " ");
  return [
    `printed:   ${flat(erratum.printed)} — ${form(printed)}`,
    `corrected: ${flat(erratum.corrected)} — ${form(corrected)}`,
  ];
}

/**
 * A fitted exponent and its interval for a sentence, with minus signs: "−0.310 [−0.360, −0.260]".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exponentWords } from "./words.ts";
 * assert.equal(exponentWords(-0.31, -0.36, -0.26), "−0.310 [−0.360, −0.260]");
 * ```
 */
export function exponentWords(slope: number, lo: number, hi: number): string {
  const m = (x: number) => x.toFixed(3).replace(/^-/, "−");
  return `${m(slope)} [${m(lo)}, ${m(hi)}]`;
}

/**
 * The sentence an aggregate that failed prints (a fit, a frequency test): its own `failure` when its verdict wrote
 * one; else, from its evidence, the cell whose event failed significantly more often than promised (the smallest
 * p-value), or the statistical tests that rejected at their level; undefined when it held or was inconclusive, or
 * when its evidence says nothing more than its summary.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { aggregateFailure } from "./words.ts";
 * assert.equal(aggregateFailure({ holds: false, summary: "", failure: "the exponent is too large" }), "the exponent is too large");
 * const cell = { key: "n=100", failures: 12, draws: 20, promised: 0.1, lo: 0.36, hi: 0.81, confidence: 0.99, pValue: 7e-8 };
 * assert.equal(
 *   aggregateFailure({ holds: false, summary: "", frequencies: [{ ...cell, key: "n=50", failures: 2, pValue: 0.6 }, cell] }),
 *   "the event failed on 12 of 20 draws in the cell n=100 (a fraction 0.6, 99% interval [0.36, 0.81]), more often than the promised probability 0.1 allows (p = 7·10⁻⁸)",
 * );
 * const test = { name: "success rate", statistic: "3 of 20 runs", pValue: 1e-5, alpha: 1e-3 };
 * assert.equal(aggregateFailure({ holds: false, summary: "", tests: [test] }), "success rate: 3 of 20 runs, p = 1·10⁻⁵ below its level 0.001");
 * assert.equal(aggregateFailure({ holds: "inconclusive", summary: "", tests: [test] }), undefined);
 * assert.equal(aggregateFailure({ holds: false, summary: "no data" }), undefined);
 * ```
 */
export function aggregateFailure(a: AggregateCheck): string | undefined {
  if (a.holds !== false) return undefined;
  if (a.failure !== undefined) return a.failure;
  const over = (a.frequencies ?? []).filter((c) => c.failures > c.promised * c.draws);
  const worst = over.reduce<(typeof over)[number] | undefined>(
    (w, c) => (!w || c.pValue < w.pValue ? c : w),
    undefined,
  );
  if (worst) {
    return `the event failed on ${worst.failures} of ${worst.draws} draws in the cell ${worst.key} (a fraction ${
      num(worst.failures / worst.draws)
    }, ${num(100 * worst.confidence)}% interval [${num(worst.lo)}, ${
      num(worst.hi)
    }]), more often than the promised probability ${num(worst.promised)} allows (p = ${num(worst.pValue)})`;
  }
  const rejected = (a.tests ?? []).filter((t) => t.pValue <= t.alpha);
  if (rejected.length) {
    return rejected.map((t) => `${t.name}: ${t.statistic}, p = ${num(t.pValue)} below its level ${num(t.alpha)}`)
      .join("; ");
  }
  return undefined;
}
