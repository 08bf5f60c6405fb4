/**
 * "Worst of several named checks": a conclusion made of comparisons (identities to rounding, flows to an
 * integrator's budget) holds when all hold; its tightness is the worst observed/bound ratio, and its
 * detail names the first comparison that failed (`worstOfChecks`, `addChecks`, `worstOfConclusion`) or
 * the worst one (`NamedChecks`, for checks given as observed and bound).
 *
 * @module
 */
import type { ConclusionCheck, ConclusionData } from "../claim.ts";
import { type Comparison, ratio } from "../../numerics/compare.ts";
import { num, predicted } from "../words.ts";

/** The worst-of verdict so far. */
export interface WorstOfChecks {
  /** Every comparison held. */
  holds: boolean;
  /** The largest observed/bound ratio (NaN once a comparison was not finite). */
  worst: number;
  /** Why the first failing comparison failed, or what the caller wrote. */
  detail: string;
  /** The first failing comparison in words: its name, what it predicts and what was observed. */
  failure?: string;
}

/**
 * A fresh verdict: holds, worst 0, no detail.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { worstOfChecks } from "./worst_of_checks.ts";
 * assert.deepEqual(worstOfChecks(), { holds: true, worst: 0, detail: "" });
 * ```
 */
export function worstOfChecks(): WorstOfChecks {
  return { holds: true, worst: 0, detail: "" };
}

/**
 * Adds named comparisons in order: the first failing one (over the whole verdict) sets the detail through
 * `failure(name, comparison)`; every one updates `holds` and `worst`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { addChecks, worstOfChecks } from "./worst_of_checks.ts";
 * import { atMost } from "../../numerics/compare.ts";
 * const v = worstOfChecks();
 * addChecks(v, [["a", atMost(1, 2)], ["b", atMost(3, 1)], ["c", atMost(5, 1)]], (name) => `${name} failed`);
 * assert.deepEqual(v, {
 *   holds: false, worst: 5, detail: "b failed", failure: "b: predicted ≤ 1, observed 3 (3× the bound)",
 * });
 * ```
 */
export function addChecks(
  verdict: WorstOfChecks,
  checks: readonly (readonly [name: string, comparison: Comparison])[],
  failure: (name: string, comparison: Comparison) => string,
): void {
  for (const [name, cmp] of checks) {
    if (!cmp.ok && verdict.holds) {
      verdict.detail = failure(name, cmp);
      verdict.failure = `${name}: ${predicted("≤", cmp.bound, cmp.observed)} (${
        num(ratio(cmp.observed, cmp.bound))
      }× the bound)`;
    }
    verdict.holds &&= cmp.ok;
    verdict.worst = Math.max(verdict.worst, ratio(cmp.observed, cmp.bound));
  }
}

/**
 * The conclusion a worst-of verdict gives: observed and tightness the worst ratio, bound 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { worstOfConclusion } from "./worst_of_checks.ts";
 * assert.deepEqual(worstOfConclusion({ holds: true, worst: 0.5, detail: "ok" }), {
 *   holds: true, observed: 0.5, bound: 1, tightness: 0.5, detail: "ok",
 * });
 * ```
 */
export function worstOfConclusion(verdict: WorstOfChecks): ConclusionCheck<never> {
  const c = {
    holds: verdict.holds,
    observed: verdict.worst,
    bound: 1,
    tightness: verdict.worst,
    detail: verdict.detail,
  };
  return verdict.holds ? c : { ...c, failure: worstOfFailure(verdict) };
}

/**
 * A failed worst-of verdict in words: the caller's sentence and the first failing comparison's numbers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { worstOfFailure } from "./worst_of_checks.ts";
 * const v = { holds: false, worst: 3, detail: "the drift left the ball", failure: "drift: predicted ≤ 1, observed 3 (3× the bound)" };
 * assert.equal(worstOfFailure(v), "the drift left the ball — drift: predicted ≤ 1, observed 3 (3× the bound)");
 * assert.equal(worstOfFailure({ holds: false, worst: 2, detail: "" }), "observed 2 times the bound (worst of the checks)");
 * ```
 */
export function worstOfFailure(verdict: WorstOfChecks): string {
  const numbers = verdict.failure ?? `observed ${num(verdict.worst)} times the bound (worst of the checks)`;
  return verdict.detail && verdict.failure ? `${verdict.detail} — ${numbers}` : verdict.detail || numbers;
}

/**
 * Collects named (observed, bound) checks into one conclusion.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { NamedChecks } from "./worst_of_checks.ts";
 * const checks = new NamedChecks();
 * checks.add("residual", 1, 4);
 * checks.add("drift", 3, 4);
 * const c = checks.result("toy: ");
 * assert.equal(c.holds, true);
 * assert.equal(c.tightness, 0.75);
 * assert.equal(c.detail, "toy: 2 checks; worst drift: 7.50e-1 of its bound");
 * ```
 */
export class NamedChecks {
  private list: [string, number, number][] = [];
  /** Adds the check `observed ≤ bound` named `name`. */
  add(name: string, observed: number, bound: number): void {
    this.list.push([name, observed, bound]);
  }
  /**
   * The conclusion: holds iff every check holds (never on NaN); observed = tightness = the worst
   * observed/bound, against bound 1; `detail` starts with `prefix` and names the worst check, whose
   * bound is called `boundName`.
   */
  result<D = ConclusionData>(prefix: string, data?: D, boundName = "its bound"): ConclusionCheck<D> {
    let worst = 0, worstName = "", holds = true;
    const failed: [string, number, number][] = [];
    for (const [name, obs, bnd] of this.list) {
      const r = ratio(obs, bnd); // 0 when both are 0 (e.g. φ(x) = 0), NaN when either is not finite
      if (!(obs <= bnd)) {
        holds = false;
        failed.push([name, obs, bnd]);
      }
      if (!(r <= worst)) [worst, worstName] = [r, name];
    }
    const c = {
      holds,
      observed: worst,
      bound: 1,
      tightness: worst,
      detail: `${prefix}${this.list.length} checks; worst ${worstName}: ${worst.toExponential(2)} of ${boundName}`,
      data,
    };
    if (holds) return c;
    const [name, obs, bnd] = failed[0];
    return {
      ...c,
      failure: `${failed.length} of ${this.list.length} checks fail; first ${name}: ${predicted("≤", bnd, obs)}${
        boundName === "its bound" ? "" : ` (${boundName.replace(/^its /, "")})`
      }${bnd > 0 && Number.isFinite(obs) ? `, ${num(obs / bnd)}× over` : bnd === 0 ? " (exact: any gap fails)" : ""}`,
    };
  }
}
