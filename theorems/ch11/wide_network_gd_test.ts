import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { wideNetworkGd } from "./wide_network_gd.ts";

Deno.test("thm-11.23 catches a corrected rate that is too fast (1 − 4hnλ_min)", async () => {
  assert.notEqual(await firstCaughtInstance(wideNetworkGd(undefined, (hn, l) => 1 - 4 * hn * l), 1, "test"), null);
});
