import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { lossBound } from "./loss_bound.ts";

Deno.test("yang-loss-bound is verified at the test budget, each of its steps (A)–(E) holding", async () => {
  const { result, records } = await runClaim(lossBound(), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified", result.reason);
  for (const r of records.filter((r) => r.met)) assert.doesNotMatch(r.conclusion!.detail, /FAILS/);
});

Deno.test("yang-loss-bound catches the near miss exp(−2Nλ_S t/n) (a constant off by 2)", async () => {
  const caught = await firstCaughtInstance(lossBound(() => 2), 1, "test");
  assert.notEqual(caught, null);
  assert.match(caught!.conclusion!.detail, /\(E\)[^;]*FAILS/);
  assert.doesNotMatch(caught!.conclusion!.detail, /\((A|B|C|D)\)[^;]*FAILS/);
});
