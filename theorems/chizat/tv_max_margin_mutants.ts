/**
 * A deliberately wrong version of `chizat-tv-max-margin` that only a whole run can catch (the aggregate's binomial
 * test); the export builds it with no arguments, so a worker can rebuild it (testing/whole_run.ts). Calls no
 * `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { tvMaxMargin } from "./tv_max_margin.ts";

/**
 * chizat-tv-max-margin with the printed optimum read as γ* (the TV norm of the output measure ρ) instead of ½γ*
 * (|b||a| ≤ ½ on the sphere): the trained margin then stays near half the reference and the aggregate rejects.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chizatTvMaxMarginNoHalf } from "./tv_max_margin_mutants.ts";
 * assert.equal(chizatTvMaxMarginNoHalf().id, "chizat-tv-max-margin");
 * ```
 */
export function chizatTvMaxMarginNoHalf(): Claim {
  return tvMaxMargin(1);
}
