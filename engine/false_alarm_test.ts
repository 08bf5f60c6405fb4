import assert from "node:assert/strict";
import { claims } from "../theorems/catalog.ts";
import { CHECK_FALSE_ALARM, declaredFalseAlarm, holmOverResults, SUITE_FALSE_ALARM } from "./false_alarm.ts";
import type { ClaimResult } from "./run.ts";

Deno.test("the catalog's declared false-alarm probabilities add up to at most 1%", () => {
  const total = declaredFalseAlarm(claims);
  assert.ok(total <= SUITE_FALSE_ALARM, `declared ${total} > ${SUITE_FALSE_ALARM}`);
});

Deno.test("every probabilistic and rate claim declares its false-alarm probability", () => {
  const missing = claims.filter((c) => (c.kind === "probabilistic" || c.kind === "rate") && c.falseAlarm === undefined);
  assert.deepEqual(missing.map((c) => c.id), []);
  for (const c of claims) {
    if (c.falseAlarm !== undefined) assert.ok(c.falseAlarm > 0 && c.falseAlarm <= 10 * CHECK_FALSE_ALARM);
  }
});

Deno.test("Holm over the suite's p-values: rejects a tiny p-value; 0.006 > 0.01/2 stops the step-down", () => {
  const fake = (id: string, pValue: number) =>
    ({ id, aggregate: { holds: true, summary: "", pValue } }) as unknown as ClaimResult;
  const out = holmOverResults([fake("a", 1e-5), fake("b", 0.2), fake("c", 0.006)]);
  assert.deepEqual(out.rejected, ["a"]);
  assert.equal(out.tested.length, 3);
});
