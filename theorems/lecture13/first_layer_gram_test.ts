import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { kernelW } from "../../models/lecture_network.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { firstLayerGram } from "./first_layer_gram.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("yang-gram-w is verified at the test budget, and its exponent test does not reject", async () => {
  const { result } = await wholeRun(startWholeRun(new URL("./first_layer_gram.ts", import.meta.url), "firstLayerGram"));
  assert.equal(result.status, "verified", result.reason);
  testsMatchVerdict({ result });
});

Deno.test("yang-gram-w catches the near miss k^(w) = xᵀx′(π − ϑ)/π (a constant off by 2)", async () => {
  const caught = await firstCaughtInstance(firstLayerGram((x, y) => 2 * kernelW(x, y)), 1, "test");
  assert.notEqual(caught, null);
  assert.match(caught!.conclusion!.detail, /closed form vs quadrature/);
});
