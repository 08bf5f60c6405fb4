import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { leastSquaresMinimiserCases } from "./least_squares_minimiser_cases.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("sec-11.1 is verified at the test budget, every case sampled", async () => {
  const { result, records } = await wholeRun(
    startWholeRun(new URL("./least_squares_minimiser_cases.ts", import.meta.url), "leastSquaresMinimiserCases"),
  );
  assert.equal(result.status, "verified", result.reason);
  for (const family of ["invertible", "full column rank", "rank-deficient", "m < d"]) {
    assert.ok(records.some((r) => r.description.includes(family)), family);
  }
  assert.ok(records.some((r) => /predicted infinitely many/.test(r.conclusion!.detail)));
});

Deno.test("sec-11.1 catches the near miss: unique iff rank(A) = min(m, d)", async () => {
  const fullRank = leastSquaresMinimiserCases((rank, m, d) => (rank === Math.min(m, d) ? "unique" : "infinitely many"));
  const caught = await firstCaughtInstance(fullRank, 1, "test");
  assert.match(caught!.description, /m < d/);
});

Deno.test("sec-11.1 catches the opposite rule: infinitely many minimisers whenever m > d", async () => {
  const wrong = leastSquaresMinimiserCases((rank, m, d) => (m > d || rank < d ? "infinitely many" : "unique"));
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});
