import assert from "node:assert/strict";
import { addChecks, worstOfChecks, worstOfConclusion } from "./worst_of_checks.ts";
import { atMost } from "../../numerics/compare.ts";

Deno.test("worst of checks: the first failure over several batches names the detail, NaN is never a pass", () => {
  const v = worstOfChecks();
  addChecks(v, [["x", atMost(1, 4)]], () => "first batch");
  assert.deepEqual(v, { holds: true, worst: 0.25, detail: "" });
  addChecks(v, [["y", atMost(NaN, 1)], ["z", atMost(9, 1)]], (name) => `${name} at t = 1`);
  assert.equal(v.holds, false);
  assert.equal(v.detail, "y at t = 1");
  assert.ok(Number.isNaN(v.worst));
  assert.equal(worstOfConclusion(v).holds, false);
});
