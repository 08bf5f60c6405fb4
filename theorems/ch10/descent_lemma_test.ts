import assert from "node:assert/strict";
import fc from "fast-check";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { quadraticLoss } from "../../models/smooth_losses.ts";
import { Matrix } from "../../numerics/linalg.ts";
import { descentLemma, measureStep } from "./descent_lemma.ts";

Deno.test("lemma-10.2 catches a wrong constant: (−1 + βη/4) in place of (−1 + βη/2)", async () => {
  // (The replay command of a falsified run is checked in engine/run_test.ts.)
  assert.notEqual(await firstCaughtInstance(descentLemma(0.25), 1, "test"), null);
});

/** A diagonal quadratic ½Σλᵢwᵢ² and a point, as fast-check draws them. */
const diagonalQuadratic = fc.record({
  lambdas: fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: 1, maxLength: 4 }),
  w: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 4, maxLength: 4 }),
});

function stepIncreases(lambdas: number[], w: number[], etaTimesBeta: number): boolean {
  const loss = quadraticLoss(Matrix.diag(lambdas));
  const m = measureStep(loss, Float64Array.from(w.slice(0, lambdas.length)), etaTimesBeta / loss.beta);
  return m.after >= m.before && m.gradNormSq > 0;
}

Deno.test("η a little above 2/β: fast-check finds and shrinks a step that does not decrease L", () => {
  const out = fc.check(
    fc.property(diagonalQuadratic, ({ lambdas, w }) => !stepIncreases(lambdas, w, 2.05)),
    { seed: 42, numRuns: 500 },
  );
  assert.ok(out.failed, "no counterexample found above 2/β");
  const [{ lambdas, w }] = out.counterexample!;
  // The shrunk counterexample really violates the conclusion, and is small.
  assert.ok(stepIncreases(lambdas, w, 2.05));
  assert.ok(lambdas.length <= 2, `not shrunk: ${JSON.stringify(lambdas)}`);
});

Deno.test("η a little below 2/β: the same search finds nothing", () => {
  fc.assert(
    fc.property(diagonalQuadratic, ({ lambdas, w }) => !stepIncreases(lambdas, w, 1.95)),
    { seed: 42, numRuns: 500 },
  );
});

Deno.test("lemma-10.2: a step where the loss rose says so in words and has tightness above 1; observed is the decrease", async () => {
  const { runInstance } = await import("../../engine/run.ts");
  const r = await runInstance(descentLemma(), 1, 0, "test", 1, {
    params: { etaBeta: 2.05, family: 0, onTop: 1 },
    ignoreHypotheses: true,
  });
  const c = r.conclusion!;
  assert.equal(c.holds, false);
  assert.ok(c.tightness > 1, `tightness ${c.tightness}`);
  assert.match(c.detail, /^the loss rose from \S+ to \S+, though one step must decrease it/);
  assert.ok(c.observed < 0, "observed is the (negative) decrease");
  // Within the hypotheses, on the top eigenvector, (10.54) is attained: guaranteed over observed ≈ 1.
  const ok = await runInstance(descentLemma(), 1, 0, "test", 1, { params: { etaBeta: 1, family: 0, onTop: 1 } });
  assert.ok(ok.conclusion!.holds && Math.abs(ok.conclusion!.tightness - 1) < 1e-6);
  assert.ok(ok.conclusion!.observed > 0 && ok.conclusion!.bound > 0);
});
