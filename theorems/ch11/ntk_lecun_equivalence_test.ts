import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { ntkLecunEquivalence } from "./ntk_lecun_equivalence.ts";

Deno.test("sec-11.6-equivalence is verified at the test budget", async () => {
  const { result } = await runClaim(ntkLecunEquivalence(), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified", result.reason);
});

Deno.test("sec-11.6-equivalence catches the near miss v = v′/n", async () => {
  const caught = await firstCaughtInstance(ntkLecunEquivalence((d, n) => [Math.sqrt(1 / d), 1, 1 / n, 1]), 1, "test");
  assert.notEqual(caught, null);
  assert.match(caught!.conclusion!.detail, /FAILED: .*\(ii\).*\(i\)/);
});
