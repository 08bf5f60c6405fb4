import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { wideNetworkGd } from "./wide_network_gd.ts";

Deno.test("thm-11.23 catches a corrected rate that is too fast (1 − 4hnλ_min)", async () => {
  assert.notEqual(await firstCaughtInstance(wideNetworkGd(undefined, (hn, l) => 1 - 4 * hn * l), 1, "test"), null);
});

Deno.test("thm-11.23 catches the near miss: the corrected rate 1 − 2hnλ_min", async () => {
  assert.notEqual(await firstCaughtInstance(wideNetworkGd(undefined, (hn, l) => 1 - 2 * hn * l), 1, "test"), null);
});

Deno.test("thm-11.23: k = 0 (f(w₀) ≤ f(w₀)) does not count: the corrected form's tightness is below 1 on a met instance", async () => {
  const { runInstance } = await import("../../engine/run.ts");
  const r = await runInstance(wideNetworkGd(), 1, 0, "test", 15);
  assert.ok(r.met && r.corrected?.holds);
  assert.ok(r.corrected!.tightness < 1, `tightness ${r.corrected!.tightness}`);
});
