/**
 * Aggregate scenarios (issue 7) as tests: breaking a hypothesis of a frequency claim, judged by the claim's
 * own aggregate (an exact binomial decision), must give the expected verdict. A claim's `*_test.ts`
 * registers its cases with {@link aggregateScenarioTests}; the seed is `CLAIM_SEED` (default 1).
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Claim, Scenario } from "../engine/claim.ts";
import { runScenario } from "../engine/explore.ts";

/**
 * What an aggregate scenario's run must conclude: the conclusion breaks, it survives the broken hypothesis (earned:
 * the data show it holds), or the draws cannot decide.
 */
export type ScenarioVerdict = "breaks" | "survives" | "undecided";

/** The seed (`CLAIM_SEED`, default 1) and sizes (12 instances, 24 search runs) of an aggregate scenario's test run. */
export function scenarioTestOptions(): { seed: number; instances: number; searchRuns: number } {
  return { seed: Number(Deno.env.get("CLAIM_SEED") ?? "1"), instances: 12, searchRuns: 24 };
}

/**
 * The claim's scenario `name`, asserted to be decided by the aggregate.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { aggregateScenario } from "./aggregate_scenario_tests.ts";
 * import { coin } from "../engine/_toy_claims.ts";
 * const name = coin().scenarios![0].name;
 * assert.equal(aggregateScenario(coin(), name).decidedBy, "aggregate");
 * assert.throws(() => aggregateScenario(coin(), "no-such-scenario"));
 * ```
 */
export function aggregateScenario(claim: Claim, name: string): Scenario {
  const sc = claim.scenarios?.find((s) => s.name === name);
  assert.ok(sc && sc.decidedBy === "aggregate", `${claim.id} has no aggregate scenario ${name}`);
  return sc;
}

/**
 * Registers one test per `[scenario name, expected verdict]` of the claim `make` builds (12 instances,
 * 24 search runs, named `<id> scenario <name>: <verdict>`), and one checking that the claim declares an
 * aggregate scenario and that some expected verdict is "breaks".
 */
export function aggregateScenarioTests(make: () => Claim, expected: [name: string, verdict: ScenarioVerdict][]): void {
  const options = scenarioTestOptions();
  for (const [name, verdict] of expected) {
    Deno.test(`${make().id} scenario ${name}: ${verdict}`, async () => {
      const claim = make();
      const out = await runScenario(claim, aggregateScenario(claim, name), options);
      assert.equal(out.verdict, verdict, out.summary);
      assert.ok(out.replay?.includes(`--scenario ${name}`) && out.replay.includes(`--seed ${options.seed}`));
    });
  }
  Deno.test("every frequency claim of this file declares an aggregate scenario that breaks it", () => {
    const claim = make();
    assert.ok(claim.scenarios?.some((s) => s.decidedBy === "aggregate"), claim.id);
    assert.ok(expected.some(([, v]) => v === "breaks"), claim.id);
  });
}
