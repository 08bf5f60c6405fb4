import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import { runClaim } from "../engine/run.ts";
import { Matrix, solve } from "ml-matrix";
import { kernelProjector, matVec } from "../numerics/linalg.ts";
import { prop119, rem114, thm117 } from "./ch11_kernel_least_squares.ts";

Deno.test("thm-11.7 catches a minimiser that is not in span{φ(xᵢ)} (w* plus a vector of H̃⊥)", async () => {
  const wrong = thm117((model) => {
    const w = model.minNormSolution();
    const k = matVec(kernelProjector(model.features), w.map((_, j) => (j % 2 ? 1 : -1)));
    return w.map((v, j) => v + k[j]);
  });
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});

Deno.test("prop-11.9 catches kernel ridge regression α = (G + I)⁻¹y in place of a minimiser of ‖Gα − y‖", async () => {
  const ridge = (g: Matrix, y: Float64Array) =>
    Float64Array.from(solve(g.clone().add(Matrix.eye(g.rows)), Matrix.columnVector(Array.from(y))).getColumn(0));
  assert.notEqual(await firstCaughtInstance(prop119(ridge), 1, "test"), null);
});

Deno.test("rem-11.4 catches a limit that forgets the ⟨φ(x), ŵ₀⟩ term", async () => {
  assert.notEqual(await firstCaughtInstance(rem114((estimator) => estimator), 1, "test"), null);
});

Deno.test("thm-11.7 records the proof's typo: the printed last line fails, the corrected one holds", async () => {
  const { result } = await runClaim(thm117(), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified");
  assert.match(result.aggregate!.summary, /held on 0 of \d+ minimisers/);
});
