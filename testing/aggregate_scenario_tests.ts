/**
 * Aggregate scenarios (issue 7) as tests: breaking a hypothesis of a frequency claim, judged by the claim's
 * own aggregate (an exact binomial decision), must give the expected verdict. A claim's `*_test.ts`
 * registers its cases with {@link aggregateScenarioTests}; the seed is `CLAIM_SEED` (default 1).
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Claim } from "../engine/claim.ts";
import { runScenario } from "../engine/explore.ts";

/**
 * What an aggregate scenario's run must conclude: the conclusion breaks, it survives the broken hypothesis (earned:
 * the data show it holds), or the draws cannot decide.
 */
export type ScenarioVerdict = "breaks" | "survives" | "undecided";

/**
 * Registers one test per `[scenario name, expected verdict]` of the claim `make` builds (12 instances,
 * 24 search runs, named `<id> scenario <name>: <verdict>`), and one checking that the claim declares an
 * aggregate scenario and that some expected verdict is "breaks".
 */
export function aggregateScenarioTests(make: () => Claim, expected: [name: string, verdict: ScenarioVerdict][]): void {
  const scenarioSeed = Number(Deno.env.get("CLAIM_SEED") ?? "1");
  for (const [name, verdict] of expected) {
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
    const claim = make();
    assert.ok(claim.scenarios?.some((s) => s.decidedBy === "aggregate"), claim.id);
    assert.ok(expected.some(([, v]) => v === "breaks"), claim.id);
  });
}
