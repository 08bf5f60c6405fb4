/**
 * A conclusion made of several named checks `observed ≤ bound`: it holds when every one does, and
 * reports the worst one, observed over bound (the claim's tightness).
 *
 * @module
 */
import type { ConclusionCheck, ConclusionData } from "../claim.ts";
import { ratio } from "../../numerics/compare.ts";

/**
 * Collects named (observed, bound) checks into one conclusion.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { NamedChecks } from "./worst_of_named_checks.ts";
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
    for (const [name, obs, bnd] of this.list) {
      const r = ratio(obs, bnd); // 0 when both are 0 (e.g. φ(x) = 0), NaN when either is not finite
      if (!(obs <= bnd)) holds = false;
      if (!(r <= worst)) [worst, worstName] = [r, name];
    }
    return {
      holds,
      observed: worst,
      bound: 1,
      tightness: worst,
      detail: `${prefix}${this.list.length} checks; worst ${worstName}: ${worst.toExponential(2)} of ${boundName}`,
      data,
    };
  }
}
