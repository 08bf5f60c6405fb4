import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import { eq1021, sec101 } from "./ch10_linear.ts";

Deno.test("eq-10.21 catches a wrong closed form: exp(−2Λt) in place of exp(−Λt)", async () => {
  const wrong = eq1021((ls, u0, times) => ls.errorFlowClosedForm(u0, times.map((t) => 2 * t)));
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});

Deno.test("sec-10.1 catches a wrong optimum: ½‖Py‖² in place of ½‖(I − P)y‖²", async () => {
  const wrong = sec101((ls) => 0.5 * ls.y.reduce((s, v) => s + v * v, 0) - ls.optimalLoss());
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});
