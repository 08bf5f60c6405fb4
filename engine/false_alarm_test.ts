import assert from "node:assert/strict";
import { holmOverResults } from "./false_alarm.ts";
import type { ClaimResult } from "./run.ts";

Deno.test("Holm over the suite's p-values: rejects a tiny p-value; 0.006 > 0.01/2 stops the step-down", () => {
  const fake = (id: string, pValue: number) =>
    ({ id, aggregate: { holds: true, summary: "", pValue } }) as unknown as ClaimResult;
  const out = holmOverResults([fake("a", 1e-5), fake("b", 0.2), fake("c", 0.006)]);
  assert.deepEqual(out.rejected, ["a"]);
  assert.equal(out.tested.length, 3);
});
