/**
 * A conclusion made of exactly decided identities and inequalities (rational arithmetic): it holds when
 * every one holds. Each check may carry a float ratio for display (observed/bound of an inequality,
 * e.g. 0.93); identities carry none. The tightness is the worst such ratio, 0 when only identities were
 * checked, and ∞ once an identity fails: the decision never rests on a float.
 *
 * @module
 */
import type { ConclusionCheck, ConclusionData } from "../claim.ts";
import { num } from "../words.ts";

/**
 * Exact checks, added one by one, then turned into a conclusion.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ExactChecks } from "./exact_checks.ts";
 * const checks = new ExactChecks();
 * checks.add("2 + 2 = 4", 2 + 2 === 4);
 * assert.ok(checks.result("").holds);
 * ```
 */
export class ExactChecks {
  private list: { name: string; holds: boolean; ratio?: number }[] = [];

  /**
   * Adds a check decided exactly: `holds` is the exact decision; `ratio` (display only) is the
   * observed/bound of an inequality.
   */
  add(name: string, holds: boolean, ratio?: number): void {
    this.list.push({ name, holds, ratio });
  }

  /** How many checks were added. */
  get size(): number {
    return this.list.length;
  }

  /**
   * The conclusion: holds iff every check holds; observed = tightness = the worst display ratio
   * (∞ for a failed identity), against bound 1; `detail` starts with `prefix` and names the first
   * failing check, or the tightest inequality.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { ExactChecks } from "./exact_checks.ts";
   * const c = new ExactChecks();
   * c.add("Ax = y", true);
   * c.add("‖e_k‖² ≤ q^{2k}‖e₀‖²", true, 0.5);
   * assert.equal(c.result("").tightness, 0.5);
   * c.add("f(w₁) = f(w₂)", false);
   * const r = c.result("toy: ");
   * assert.ok(!r.holds && r.tightness === Infinity);
   * assert.equal(r.detail, "toy: 3 exact checks; 1 failed, first f(w₁) = f(w₂)");
   * assert.equal(r.failure, "1 of 3 exact checks fail (decided in exact arithmetic); the first, f(w₁) = f(w₂), does not hold");
   * ```
   */
  result<D = ConclusionData>(prefix: string, data?: D): ConclusionCheck<D> {
    const failed = this.list.filter((c) => !c.holds);
    let worst = 0, worstName = "";
    for (const c of this.list) {
      const r = c.holds ? (c.ratio ?? 0) : Math.max(c.ratio ?? Infinity, 1 + Number.EPSILON);
      if (!(r <= worst)) [worst, worstName] = [r, c.name];
    }
    const holds = this.list.length > 0 && failed.length === 0;
    const what = failed.length
      ? `${failed.length} failed, first ${failed[0].name}`
      : worstName
      ? `all hold; tightest ${worstName}: ${worst.toExponential(2)}`
      : "all hold";
    const c = {
      holds,
      observed: worst,
      bound: 1,
      tightness: worst,
      detail: `${prefix}${this.list.length} exact checks; ${what}`,
      data,
    };
    if (holds) return c;
    const first = failed[0];
    const failure = first
      ? `${failed.length} of ${this.list.length} exact checks fail (decided in exact arithmetic); the first, ${first.name}, does not hold${
        first.ratio !== undefined ? `: observed ${num(first.ratio)} times its bound` : ""
      }`
      : "0 exact checks were made, so nothing was shown";
    return { ...c, failure };
  }
}
