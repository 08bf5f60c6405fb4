import assert from "node:assert/strict";
import { addChecks, NamedChecks, worstOfChecks, worstOfConclusion } from "./worst_of_checks.ts";
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

Deno.test("worst_of_named_checks: one failing check fails the conclusion and is reported as the worst", () => {
  const checks = new NamedChecks();
  checks.add("a", 0.5, 1);
  checks.add("b", 3, 1);
  checks.add("c", 0, 0);
  const c = checks.result("", { n: 1 }, "its rounding bound");
  assert.equal(c.holds, false);
  assert.equal(c.observed, 3);
  assert.equal(c.detail, "3 checks; worst b: 3.00e+0 of its rounding bound");
  assert.deepEqual(c.data, { n: 1 });
});

Deno.test("worst_of_named_checks: a NaN observation fails and is reported", () => {
  const checks = new NamedChecks();
  checks.add("fine", 1, 2);
  checks.add("nan", NaN, 1);
  const c = checks.result("");
  assert.equal(c.holds, false);
  assert.ok(Number.isNaN(c.tightness));
  assert.match(c.detail, /worst nan/);
});
