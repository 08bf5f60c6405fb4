/**
 * Deliberately wrong versions of `chizat-mean-field` that only a whole run can catch (the aggregate's
 * rate fit); each export builds one with no arguments, so a worker can rebuild it
 * (testing/whole_run.ts). Calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { meanFieldLimit } from "./mean_field_limit.ts";

/**
 * chizat-mean-field under the NTK scaling (f = Σφ/√m, dw/dt = −∇F), which has no m-independent limit:
 * the gap between widths stops shrinking. One instance per width (7) is enough to see it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chizatMeanFieldNtkScaling } from "./mean_field_limit_mutants.ts";
 * assert.equal(chizatMeanFieldNtkScaling().instances.test, 7);
 * ```
 */
export function chizatMeanFieldNtkScaling(): Claim {
  const ntk = { outputScale: (m: number) => 1 / Math.sqrt(m), velocityExponent: 0 };
  return { ...meanFieldLimit(ntk), instances: { test: 7, report: 7 } };
}
