import assert from "node:assert/strict";
import { ExactChecks } from "./exact_checks.ts";

Deno.test("exact checks: an empty list never holds, a failed inequality reports its ratio (at least 1)", () => {
  assert.equal(new ExactChecks().result("").holds, false);
  const c = new ExactChecks();
  c.add("a", true, 0.25);
  c.add("b", false, 0.999);
  const r = c.result("");
  assert.equal(r.holds, false);
  assert.ok(r.tightness > 1 && r.tightness < 1.0001);
  const ok = new ExactChecks();
  ok.add("identity", true);
  assert.deepEqual([ok.result("").holds, ok.result("").tightness], [true, 0]);
});
