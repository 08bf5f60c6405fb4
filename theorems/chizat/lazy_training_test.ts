import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { lazyTraining } from "./lazy_training.ts";
import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { testLast } from "../../testing/last_pass.ts";

const printed = startWholeRun(new URL("./lazy_training.ts", import.meta.url), "lazyTraining");

Deno.test("chizat-lazy catches a linearisation built on 1.1·Dh(w₀) (the gap no longer vanishes)", async () => {
  const claim = lazyTraining((net, w0) => net.jacobian(w0).map((row) => row.map((v) => 1.1 * v)));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

Deno.test("chizat-lazy catches the near miss: the linearised flow on 2·F̄_α", async () => {
  // The gap then tends to ‖u(t) − u(2t)‖ ≠ 0 (u the kernel regime's output), for every α: no tenfold fall.
  assert.notEqual(await firstCaughtInstance(lazyTraining(undefined, 2), 1, "test"), null);
});

testLast("chizat-lazy: its two decay tests do not reject the printed claim", async () => {
  testsMatchVerdict(await wholeRun(printed));
});
