import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { lossBound } from "./loss_bound.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("yang-loss-bound is verified at the test budget, each of its steps (A)–(E) holding", async () => {
  const { result, records } = await wholeRun(startWholeRun(new URL("./loss_bound.ts", import.meta.url), "lossBound"));
  assert.equal(result.status, "verified", result.reason);
  for (const r of records.filter((r) => r.met)) assert.doesNotMatch(r.conclusion!.detail, /FAILS/);
});

Deno.test("yang-loss-bound catches the near miss exp(−2Nλ_S t/n) (a constant off by 2)", async () => {
  const caught = await firstCaughtInstance(lossBound(() => 2), 1, "test");
  assert.notEqual(caught, null);
  assert.match(caught!.conclusion!.detail, /\(E\)[^;]*FAILS/);
  assert.doesNotMatch(caught!.conclusion!.detail, /\((A|B|C|D)\)[^;]*FAILS/);
});
