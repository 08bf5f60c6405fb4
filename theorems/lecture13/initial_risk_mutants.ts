/**
 * Deliberately wrong versions of yang-init-risk (theorems/lecture13/initial_risk.ts) run whole by the tests (the
 * reported test record): each export builds one, with no arguments, so a worker can rebuild it. This module must
 * stay importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { initialRisk, printedInitRiskBound } from "./initial_risk.ts";

/**
 * yang-init-risk with a bound 10⁻⁵ times the printed one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { initialRiskBoundTiny } from "./initial_risk_mutants.ts";
 * assert.equal(initialRiskBoundTiny().id, "yang-init-risk");
 * ```
 */
export function initialRiskBoundTiny(): Claim {
  return initialRisk((g, N, d, delta) => 1e-5 * printedInitRiskBound(g, N, d, delta));
}
