import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import { prop112, thm113 } from "./ch11_least_squares.ts";

Deno.test("prop-11.2 catches a minimiser that is not of minimum norm (A⁺y plus a kernel vector)", async () => {
  const wrong = prop112((ls) => {
    const w = ls.minNormSolution();
    const k = ls.kernelComponent(w.map((_, j) => (j % 2 ? 1 : -1)));
    return w.map((v, j) => v + k[j]);
  });
  const caught = await firstCaughtInstance(wrong, 1, "test");
  assert.equal(caught?.corrected?.holds, false);
});

Deno.test("thm-11.3 catches a limit that forgets ŵ₀ (w* alone)", async () => {
  assert.notEqual(await firstCaughtInstance(thm113((ls) => ls.minNormSolution()), 1, "test"), null);
});
