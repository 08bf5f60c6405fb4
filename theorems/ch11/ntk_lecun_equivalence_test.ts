import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { ntkLecunEquivalence } from "./ntk_lecun_equivalence.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("sec-11.6-equivalence is verified at the test budget", async () => {
  const { result } = await wholeRun(
    startWholeRun(new URL("./ntk_lecun_equivalence.ts", import.meta.url), "ntkLecunEquivalence"),
  );
  assert.equal(result.status, "verified", result.reason);
});

Deno.test("sec-11.6-equivalence catches the near miss v = v′/n", async () => {
  const caught = await firstCaughtInstance(ntkLecunEquivalence((d, n) => [Math.sqrt(1 / d), 1, 1 / n, 1]), 1, "test");
  assert.notEqual(caught, null);
  assert.match(caught!.conclusion!.detail, /FAILED: .*\(ii\).*\(i\)/);
});
