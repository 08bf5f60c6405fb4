/**
 * Typed access to the data instances keep for a claim's aggregate and plots.
 *
 * @module
 */
import type { InstanceRecord } from "./claim.ts";

/** A record together with the data of its printed conclusion. */
export interface WithData<D> {
  /** The instance's record. */
  record: InstanceRecord<D>;
  /** Its printed conclusion's data. */
  data: D;
}

/**
 * The records whose printed conclusion was checked and kept data, each with that data, in run order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withData } from "./records.ts";
 * import type { InstanceRecord } from "./claim.ts";
 * const checked = { holds: true, observed: 0, bound: 1, tightness: 0, detail: "" };
 * const records: InstanceRecord<{ gap: number }>[] = [
 *   { index: 0, description: "", hypotheses: [], met: true, conclusion: { ...checked, data: { gap: 2 } } },
 *   { index: 1, description: "", hypotheses: [], met: false },
 * ];
 * assert.deepEqual(withData(records).map(({ data }) => data.gap), [2]);
 * ```
 */
export function withData<D>(records: readonly InstanceRecord<D>[]): WithData<D>[] {
  return dataOf(records, "conclusion");
}

/**
 * The records whose corrected conclusion (an erratum's) was checked and kept data, each with that data.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withCorrectedData } from "./records.ts";
 * const checked = { holds: true, observed: 0, bound: 1, tightness: 0, detail: "" };
 * const record = { index: 0, description: "", hypotheses: [], met: true, corrected: { ...checked, data: { gap: 1 } } };
 * assert.equal(withCorrectedData([record])[0].data.gap, 1);
 * ```
 */
export function withCorrectedData<D>(records: readonly InstanceRecord<D>[]): WithData<D>[] {
  return dataOf(records, "corrected");
}

function dataOf<D>(records: readonly InstanceRecord<D>[], check: "conclusion" | "corrected"): WithData<D>[] {
  const out: WithData<D>[] = [];
  for (const record of records) {
    const data = record[check]?.data;
    if (data !== undefined) out.push({ record, data });
  }
  return out;
}
