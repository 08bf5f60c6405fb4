import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance, withParams } from "../../engine/mutation.ts";
import { runInstance } from "../../engine/run.ts";
import { q, qMul, qSub } from "../../numerics/rational_linalg.ts";
import { gdSvdFormula } from "./gd_svd_formula.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("ex-11.32 is verified at the test budget, rank-deficient and wide A sampled", async () => {
  const { result, records } = await wholeRun(
    startWholeRun(new URL("./gd_svd_formula.ts", import.meta.url), "gdSvdFormula"),
  );
  assert.equal(result.status, "verified", result.reason);
  const shapes = records.map((r) => /^A (\d+)×(\d+), rank (\d+)/.exec(r.description)!.slice(1).map(Number));
  assert.ok(shapes.some(([m, d, r]) => r < Math.min(m, d)), "a rank-deficient A");
  assert.ok(shapes.some(([m, d, r]) => r === Math.min(m, d) && m < d), "a wide full-rank A (nontrivial kernel)");
});

Deno.test("ex-11.32 catches the near miss: factor 1 − hs² (the ½ convention)", async () => {
  const half = gdSvdFormula((h, s) => qSub(q(1n), qMul(h, qMul(s, s))));
  assert.notEqual(await firstCaughtInstance(half, 1, "test"), null);
});

Deno.test("ex-11.32 scenarios: θ = 1.5 still converges (x₁ < 0), θ = 2.5 diverges", async () => {
  const claim = gdSvdFormula();
  const converge = await runInstance(withParams(claim, { theta: 1.5, rank: 2, m: 3, d: 3 }), 1, 0, "test", 1, {
    ignoreHypotheses: true,
  });
  assert.equal(converge.met, false);
  assert.equal(converge.conclusion!.holds, true, converge.conclusion!.detail);
  assert.match(converge.conclusion!.detail, /xⱼ ∈ \(0, 1\): no/);
  const diverge = await runInstance(withParams(claim, { theta: 2.5, rank: 2, m: 3, d: 3 }), 1, 0, "test", 1, {
    ignoreHypotheses: true,
  });
  assert.equal(diverge.conclusion!.holds, false);
});
