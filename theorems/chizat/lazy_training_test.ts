import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { lazyTraining } from "./lazy_training.ts";

Deno.test("chizat-lazy catches a linearisation built on 1.1·Dh(w₀) (the gap no longer vanishes)", async () => {
  const claim = lazyTraining((net, w0) => net.jacobian(w0).map((row) => row.map((v) => 1.1 * v)));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});
