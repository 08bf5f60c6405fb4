import assert from "node:assert/strict";
import { firstCaughtInstance } from "./mutation.ts";
import { runClaim } from "./run.ts";
import { bounded } from "./_toy_claims.ts";
import type { Claim, ConclusionCheck } from "./claim.ts";

const failsFrom = (first: number): Claim["conclusion"]["check"] => {
  let calls = 0;
  return (): ConclusionCheck =>
    calls++ >= first
      ? { holds: false, observed: 2, bound: 1, tightness: 2, detail: "wrong" }
      : { holds: true, observed: 0, bound: 1, tightness: 0, detail: "fine" };
};

Deno.test("firstCaughtInstance: the first failing instance, whose run is falsified; null on a correct claim", async () => {
  const claim = bounded();
  const wrong = (): Claim => ({ ...claim, conclusion: { ...claim.conclusion, check: failsFrom(3) } });
  const caught = await firstCaughtInstance(wrong(), 1, "test");
  // The fourth check call fails; instances not meeting the hypotheses are not checked, so index ≥ 3.
  assert.ok(caught && caught.index >= 3 && caught.met && caught.conclusion?.holds === false);
  assert.equal((await runClaim(wrong(), { seed: 1, budget: "test" })).result.status, "falsified");
  assert.equal(await firstCaughtInstance(claim, 1, "test"), null);
});

Deno.test("firstCaughtInstance: for a claim with an erratum, only an instance failing both forms counts", async () => {
  const claim = bounded();
  const printedOnly: Claim = {
    ...claim,
    conclusion: { ...claim.conclusion, check: failsFrom(0) },
    erratum: { printed: "printed", corrected: "corrected", reasoning: "test", check: claim.conclusion.check },
  };
  assert.equal(await firstCaughtInstance(printedOnly, 1, "test"), null);
  assert.equal((await runClaim(printedOnly, { seed: 1, budget: "test" })).result.status, "erratum");
});
