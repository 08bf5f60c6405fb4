/**
 * The running example's tests (docs/writing-a-claim.md): the claim is verified, the worst case is attained
 * and found by the targeted search, a near-miss bound is caught and a weaker true one is not, and breaking
 * L-smoothness breaks the conclusion.
 */
import assert from "node:assert/strict";
import { firstCaughtInstance, runClaim, runInstance, runScenario, searchTightness } from "../mod.ts";
import { gradientDescentBound } from "./gradient_descent.ts";

Deno.test("gd-drori-teboulle is verified at the test budget", async () => {
  const { result } = await runClaim(gradientDescentBound(), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified");
  assert.equal(result.hypothesesMet, result.instances);
});

Deno.test("gd-drori-teboulle catches 4N + 4 in place of 4N + 2", async () => {
  const mutant = gradientDescentBound({ denominator: (N) => 4 * N + 4 });
  const caught = await firstCaughtInstance(mutant, 1, "test");
  assert.notEqual(caught, null);
  assert.ok(caught!.conclusion!.tightness > 1);
});

Deno.test("gd-drori-teboulle: the weaker bound with 4N in place of 4N + 2 is true, and stays verified", async () => {
  const weaker = gradientDescentBound({ denominator: (N) => 4 * N });
  assert.equal((await runClaim(weaker, { seed: 1, budget: "test" })).result.status, "verified");
});

Deno.test("gd-drori-teboulle: the Huber function with τ = |x₀|/(2N + 1) attains the bound (to rounding)", async () => {
  for (const N of [1, 5, 20]) {
    const params = { N, d: 1, family: 1, kappa: 1, tauExp: Math.log10(1 / (2 * N + 1)) };
    const r = await runInstance(gradientDescentBound(), 1, 0, "test", 1, { params });
    assert.ok(r.met && r.conclusion!.holds, r.conclusion?.detail ?? "");
    assert.ok(Math.abs(r.conclusion!.tightness - 1) < 1e-12, `N = ${N}: tightness ${r.conclusion!.tightness}`);
  }
});

Deno.test("gd-drori-teboulle: the targeted search finds an instance tight enough to catch the 4N + 4 mutant", async () => {
  const claim = gradientDescentBound();
  const found = await searchTightness(claim, { seed: 1, evaluations: claim.searchBudget!.evaluations });
  assert.ok(found !== null && found.held, "the search found no instance, or a counterexample");
  const N = found.params.N;
  assert.ok(found.best > (4 * N + 2) / (4 * N + 4), `best tightness ${found.best} at N = ${N}`);
});

Deno.test("gd-drori-teboulle: a curvature of 2.5L (not L-smooth) breaks the conclusion", async () => {
  const claim = gradientDescentBound();
  const scenario = claim.scenarios!.find((s) => s.name === "curvature-above-L")!;
  const out = await runScenario(claim, scenario, { seed: 1, instances: 12, searchRuns: 24 });
  assert.equal(out.verdict, "breaks", out.summary);
});
