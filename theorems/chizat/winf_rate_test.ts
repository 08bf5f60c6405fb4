import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runInstance } from "../../engine/run.ts";
import { outcomeOf } from "../../engine/claim.ts";
import { winfRate } from "./winf_rate.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast(
  "chizat-winf is an erratum at the test budget: exact for grids, m^(-1/2) for samples on the circle",
  async () => {
    const { result } = await wholeRun(startWholeRun(new URL("./winf_rate.ts", import.meta.url), "winfRate"));
    assert.equal(result.status, "erratum", result.reason);
    assert.equal(result.scope?.inside.failed, 0);
    assert.deepEqual(result.readings?.map((r) => r.verdict), ["fails", "fails", "holds"]);
  },
);

Deno.test("chizat-winf catches the near miss W∞ ≍ log m/m for samples", async () => {
  assert.notEqual(await firstCaughtInstance(winfRate(() => -1, 1), 1, "test"), null);
});

Deno.test("chizat-winf catches a sample exponent off by 1/4 (m^(-3/4))", async () => {
  assert.notEqual(await firstCaughtInstance(winfRate(() => -0.75), 1, "test"), null);
});

Deno.test("chizat-winf T² samples: exponent fitted on both ends of rigorous brackets, against −1/2 and after (log m)^(3/4)", async () => {
  const claim = winfRate();
  const r = await runInstance(claim, 1, 8, "test", 9);
  assert.match(r.description, /T²/);
  const data = r.conclusion!.data as { d: number; lower: number[]; upperValues: number[]; slope: number };
  assert.equal(data.d, 2);
  assert.ok(data.lower.every((l, k) => 0 < l && l <= data.upperValues[k]));
  // The raw exponent lies between −1/2 and 0 (the log factor raises it), on the printed form's side of −1.
  assert.ok(data.slope > -0.75 && data.slope < 0, `${data.slope}`);
  assert.equal(outcomeOf(r.corrected), "held", r.corrected!.detail);
});

Deno.test("chizat-winf T²: one-sided, a slower decay than claimed rejects and a faster one never does", async () => {
  // Claimed −0.2: the samples decay faster (≈ −0.56 after the log factor), consistent with "≲"; claimed −1: slower.
  const faster = await runInstance(winfRate(() => -0.2), 1, 8, "test", 9);
  assert.equal(outcomeOf(faster.corrected), "held", faster.corrected!.detail);
  const slower = await runInstance(winfRate(() => -1), 1, 8, "test", 9);
  assert.notEqual(outcomeOf(slower.corrected), "held", slower.corrected!.detail);
});
