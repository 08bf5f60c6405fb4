import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance, withParams } from "../../engine/mutation.ts";
import { interactionEnergy } from "./interaction_energy.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("chizat-interaction-energy is verified at the test budget (exact and quadrature instances)", async () => {
  const { result } = await wholeRun(
    startWholeRun(new URL("./interaction_energy.ts", import.meta.url), "interactionEnergy"),
  );
  assert.equal(result.status, "verified", result.reason);
});

Deno.test("chizat-interaction-energy catches the near miss −½∫∫k dμdμ*", async () => {
  assert.notEqual(await firstCaughtInstance(interactionEnergy({ self: 0.5, cross: -0.5 }), 1, "test"), null);
  // The quadrature instances catch it too.
  const circle = withParams(interactionEnergy({ self: 0.5, cross: -0.5 }), { mode: 1 });
  assert.notEqual(await firstCaughtInstance(circle, 1, "test"), null);
});

Deno.test("chizat-interaction-energy catches ∫∫k dμdμ without the ½", async () => {
  assert.notEqual(await firstCaughtInstance(interactionEnergy({ self: 1, cross: -1 }), 1, "test"), null);
});
