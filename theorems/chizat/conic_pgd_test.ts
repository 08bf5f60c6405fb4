import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { conicPgd } from "./conic_pgd.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("chizat-conic-pgd is verified at the test budget", async () => {
  const { result } = await wholeRun(startWholeRun(new URL("./conic_pgd.ts", import.meta.url), "conicPgd"));
  assert.equal(result.status, "verified", result.reason);
});

Deno.test("chizat-conic-pgd catches the near miss r′ = −αrJ′", async () => {
  assert.notEqual(await firstCaughtInstance(conicPgd({ rCoef: 1, thetaCoef: 1, p: 2 }), 1, "test"), null);
});

Deno.test("chizat-conic-pgd catches ν = (1/m)Σrᵢδ_θᵢ (p = 1) with the printed flow", async () => {
  assert.notEqual(await firstCaughtInstance(conicPgd({ rCoef: 2, thetaCoef: 1, p: 1 }), 1, "test"), null);
});
