/** Mutation tests: a deliberately wrong bound or formula plugged into the same claim must be caught. */
import assert from "node:assert/strict";
import type { Claim } from "../engine/claim.ts";
import { runScenario } from "../engine/explore.ts";
import { firstCaughtInstance } from "../engine/mutation.ts";
import { runClaim } from "../engine/run.ts";
import { lemma1119, lemma1120, lemma1121, lemma1122, printedM, prop1128 } from "./ch11_probabilistic.ts";

const opts = { seed: 1, budget: "test" as const };

Deno.test("lemma-11.21: observed tightness is reported and M/100 is caught (the printed M is ~40× loose)", async () => {
  const ok = await runClaim(lemma1121(), opts);
  assert.equal(ok.result.status, "verified");
  assert.ok(ok.result.tightness !== null && ok.result.tightness > 0.005 && ok.result.tightness < 1);
  assert.notEqual(await firstCaughtInstance(lemma1121((R) => printedM(R) / 100), 1, "test"), null);
});

// Aggregate scenarios (issue 7): breaking a hypothesis of a frequency claim, judged by the claim's own aggregate.
const scenarioSeed = Number(Deno.env.get("CLAIM_SEED") ?? "1");
const expected: [() => Claim, string, "breaks" | "survives"][] = [
  [lemma1120, "variance-two", "breaks"],
  [lemma1120, "no-eighth-moment", "survives"],
  [lemma1122, "labels-beyond-R", "breaks"],
  [lemma1119, "width-below-n0", "breaks"],
  [lemma1119, "width-64-below-chebyshev-n0", "survives"],
  [prop1128, "width-one", "breaks"],
];
for (const [make, name, verdict] of expected) {
  Deno.test(`${make().id} scenario ${name}: ${verdict}`, async () => {
    const claim = make();
    const sc = claim.scenarios?.find((s) => s.name === name);
    assert.ok(sc && sc.decidedBy === "aggregate", `${claim.id} has no aggregate scenario ${name}`);
    const out = await runScenario(claim, sc, { seed: scenarioSeed, instances: 12, searchRuns: 24 });
    assert.equal(out.verdict, verdict, out.summary);
    assert.ok(out.replay?.includes(`--scenario ${name}`) && out.replay.includes(`--seed ${scenarioSeed}`));
  });
}

Deno.test("every frequency claim of this file declares an aggregate scenario that breaks it", () => {
  for (const claim of [lemma1119(), lemma1120(), lemma1122(), prop1128()]) {
    assert.ok(claim.scenarios?.some((s) => s.decidedBy === "aggregate"), claim.id);
    assert.ok(expected.some(([make, , v]) => make().id === claim.id && v === "breaks"), claim.id);
  }
});
