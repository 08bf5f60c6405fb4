import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { qAdd, qSub } from "../../numerics/rational_linalg.ts";
import { linearisedLossKernel } from "./linearised_loss_kernel.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("eq-11.3.3 is verified at the test budget, with regular and singular tangent kernel matrices", async () => {
  const { result, records } = await wholeRun(
    startWholeRun(new URL("./linearised_loss_kernel.ts", import.meta.url), "linearisedLossKernel"),
  );
  assert.equal(result.status, "verified", result.reason);
  assert.ok(records.some((r) => /^G regular/.test(r.conclusion!.detail)));
  assert.ok(records.some((r) => /^G singular/.test(r.conclusion!.detail)));
});

Deno.test("eq-11.3.3 catches the near miss δᵢ = Φ(xᵢ, w₀) + ∇Φᵀw₀ − yᵢ", async () => {
  const flipped = linearisedLossKernel((phi0, gw, y) => qSub(qAdd(phi0, gw), y));
  const caught = await firstCaughtInstance(flipped, 1, "test");
  assert.match(caught!.conclusion!.detail, /failed, first Σ\(Φ\^lin/);
});

Deno.test("eq-11.3.3 catches δᵢ with the sign of yᵢ flipped", async () => {
  const wrong = linearisedLossKernel((phi0, gw, y) => qAdd(qSub(phi0, gw), y));
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});
