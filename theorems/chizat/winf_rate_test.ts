import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { winfRate } from "./winf_rate.ts";

Deno.test("chizat-winf is an erratum at the test budget: exact for grids, m^(-1/2) for samples on the circle", async () => {
  const { result } = await runClaim(winfRate(), { seed: 1, budget: "test" });
  assert.equal(result.status, "erratum", result.reason);
  assert.equal(result.scope?.inside.failed, 0);
  assert.deepEqual(result.readings?.map((r) => r.verdict), ["fails", "fails", "holds"]);
});

Deno.test("chizat-winf catches the near miss W∞ ≍ log m/m for samples", async () => {
  assert.notEqual(await firstCaughtInstance(winfRate(() => -1, 1), 1, "test"), null);
});

Deno.test("chizat-winf catches a sample exponent off by 1/4 (m^(-3/4))", async () => {
  assert.notEqual(await firstCaughtInstance(winfRate(() => -0.75), 1, "test"), null);
});
