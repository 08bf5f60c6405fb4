import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance, withParams } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { createRng } from "../../numerics/random.ts";
import { pdeOperator } from "./pde_operator.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("yang-pde-operator is verified at the test budget (exact and hyper-dual instances)", async () => {
  const { result } = await wholeRun(startWholeRun(new URL("./pde_operator.ts", import.meta.url), "pdeOperator"));
  assert.equal(result.status, "verified", result.reason);
});

Deno.test("yang-pde-operator catches the near miss without the mixed terms α ≠ β", async () => {
  assert.notEqual(await firstCaughtInstance(pdeOperator((a, b) => (a === b ? 1 : 0)), 1, "test"), null);
});

Deno.test("yang-pde-operator catches ½wᵀAw in place of wᵀAw, on exact and hyper-dual instances alike", async () => {
  for (const activation of [0, 3]) {
    const wrong = withParams(pdeOperator(() => 0.5), { activation });
    assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
  }
});

Deno.test("yang-pde-operator on the ReLU's kink: the hypothesis fails, and the second difference does not match σ″ := 0", async () => {
  const params = { activation: 2, kink: 1, d: 2 };
  const claim = withParams(pdeOperator(), params);
  const { records } = await runClaim(claim, { seed: 1, budget: "test" });
  assert.ok(records.every((r) => !r.met));
  const instance = await claim.generate({ rng: createRng(1), index: 0, count: 1, budget: "test", params });
  assert.equal((await claim.conclusion.check(instance)).holds, false);
});
