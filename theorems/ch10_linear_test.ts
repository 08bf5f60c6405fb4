import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import { runClaim } from "../engine/run.ts";
import { eq1021, sec101 } from "./ch10_linear.ts";

Deno.test("eq-10.21 catches a wrong closed form: exp(−2Λt) in place of exp(−Λt)", async () => {
  const wrong = eq1021((ls, u0, times) => ls.errorFlowClosedForm(u0, times.map((t) => 2 * t)));
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});

Deno.test("eq-10.21's order test catches a second-order method (Heun) posing as GD: the gap is O(η²)", async () => {
  const heun = eq1021(undefined, (ls, w, eta) => {
    const half = ls.gdStep(w, eta), g0 = ls.gradient(w), g1 = ls.gradient(half);
    return w.map((v, k) => v - (eta / 2) * (g0[k] + g1[k]));
  });
  const { result } = await runClaim(heun, { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
  assert.ok(result.aggregate!.pValue! <= result.aggregate!.alpha!, result.aggregate!.summary);
});

Deno.test("sec-10.1 catches a wrong optimum: ½‖Py‖² in place of ½‖(I − P)y‖²", async () => {
  const wrong = sec101((ls) => 0.5 * ls.y.reduce((s, v) => s + v * v, 0) - ls.optimalLoss());
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});
