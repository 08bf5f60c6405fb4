import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import { fig113, gdTrainer, thm1123 } from "./ch11_wide.ts";

Deno.test("thm-11.23 catches a corrected rate that is too fast (1 − 4hnλ_min)", async () => {
  assert.notEqual(await firstCaughtInstance(thm1123(undefined, (hn, l) => 1 - 4 * hn * l), 1, "test"), null);
});

Deno.test("fig-11.3: without training the observation is not reproduced", async () => {
  // An instance failing both forms (the loss does not go down) makes the run falsified, never observed or erratum.
  assert.notEqual(
    await firstCaughtInstance(fig113(gdTrainer(1), (net) => Float64Array.from(net.params)), 1, "test"),
    null,
  );
});
