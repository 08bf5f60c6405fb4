import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { gdLeastSquaresLimit } from "./gd_least_squares_limit.ts";

Deno.test("thm-11.3 catches a limit that forgets ŵ₀ (w* alone)", async () => {
  assert.notEqual(await firstCaughtInstance(gdLeastSquaresLimit((ls) => ls.minNormSolution()), 1, "test"), null);
});
