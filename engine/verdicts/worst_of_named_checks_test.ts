import assert from "node:assert/strict";
import { NamedChecks } from "./worst_of_named_checks.ts";

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
