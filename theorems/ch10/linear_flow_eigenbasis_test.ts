import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { aggregateRejects, startMutantRun, wholeRun } from "../../testing/whole_run.ts";
import { linearFlowEigenbasis } from "./linear_flow_eigenbasis.ts";

const heun = startMutantRun(import.meta.url, "linearFlowEigenbasisHeun");

Deno.test("eq-10.21 catches a wrong closed form: exp(−2Λt) in place of exp(−Λt)", async () => {
  const wrong = linearFlowEigenbasis((ls, u0, times) => ls.errorFlowClosedForm(u0, times.map((t) => 2 * t)));
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});

Deno.test(
  "eq-10.21's order test catches a second-order method (Heun) posing as GD: the gap is O(η²)",
  async () => aggregateRejects(await wholeRun(heun)),
);
