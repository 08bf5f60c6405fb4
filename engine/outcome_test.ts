/**
 * The three outcomes of an instance (issue 18): the conclusion held, it failed (a counterexample), or
 * the computation could not decide (undecided: never a counterexample, never a pass), on toy claims.
 */
import assert from "node:assert/strict";
import { outcomeOf } from "./claim.ts";
import { runScenario } from "./explore.ts";
import { catches } from "./mutation.ts";
import { runClaim, runInstance } from "./run.ts";
import { renderMarkdown } from "./report.ts";
import { givesUp } from "./_toy_claims.ts";

Deno.test("a check that throws a numerical failure is undecided, not failed and not held", async () => {
  const claim = givesUp();
  const record = await runInstance(claim, 1, 0, "test", 1, { params: { x: 1.8 } });
  assert.equal(outcomeOf(record.conclusion), "undecided");
  assert.equal(record.conclusion?.holds, false);
  assert.match(record.conclusion?.undecided ?? "", /toy solver gave up/);
  assert.ok(!catches(claim, record), "an undecided instance is no counterexample");
  const decided = await runInstance(claim, 1, 0, "test", 1, { params: { x: 0.5 } });
  assert.equal(outcomeOf(decided.conclusion), "held");
});

Deno.test("a claim whose undecided share exceeds what it declares is inconclusive, never falsified", async () => {
  const { result } = await runClaim(givesUp(), { seed: 1, budget: "test" });
  assert.ok(result.undecided > 0, "the seed draws some x > 1");
  assert.equal(result.status, "inconclusive");
  assert.match(result.reason, /could not decide on \d+ of 12 instances/);
  assert.equal(result.conclusionFailures, 0);
  assert.equal(result.failures.length, 0);
  assert.equal(result.undecidedInstances.length, Math.min(5, result.undecided));
  assert.match(result.undecidedInstances[0].replay, /^deno task replay toy-gives-up --seed 1 --instance \d+/);
  // Declaring that half may be undecided, the decided instances decide: all held.
  const tolerant = { ...givesUp(), maxUndecidedFraction: 0.5 };
  const again = await runClaim(tolerant, { seed: 1, budget: "test" });
  assert.equal(again.result.status, "verified");
  assert.match(again.result.reason, /undecided\)$/);
  const markdown = renderMarkdown([{ claim: tolerant, result: again.result, plots: [] }], { seed: 1, budget: "test" });
  assert.match(markdown, /Undecided instances \(neither a counterexample nor a pass\)/);
});

Deno.test("a check that throws anything else fails (a bug is not undecided)", async () => {
  const claim = givesUp();
  const broken = {
    ...claim,
    conclusion: {
      ...claim.conclusion,
      check: () => {
        throw new TypeError("a bug");
      },
    },
  };
  const record = await runInstance(broken, 1, 0, "test", 1);
  assert.equal(outcomeOf(record.conclusion), "failed");
  assert.equal((await runClaim(broken, { seed: 1, budget: "test" })).result.status, "falsified");
});

Deno.test("a scenario undecided on every instance says so: neither breaks nor survives", async () => {
  const claim = givesUp();
  const out = await runScenario(claim, claim.scenarios![0], { seed: 1, instances: 5, searchRuns: 10 });
  assert.equal(out.undecided, 5);
  assert.equal(out.failures, 0);
  assert.equal(out.verdict, "undecided");
  assert.match(out.summary, /^undecided: the computation could not decide on any of the 5 sampled instances/);
});
