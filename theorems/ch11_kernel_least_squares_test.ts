import assert from "node:assert/strict";
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
  const { result } = await runClaim(wrong, { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
});

Deno.test("prop-11.9 catches kernel ridge regression α = (G + I)⁻¹y in place of a minimiser of ‖Gα − y‖", async () => {
  const ridge = (g: Matrix, y: Float64Array) =>
    Float64Array.from(solve(g.clone().add(Matrix.eye(g.rows)), Matrix.columnVector(Array.from(y))).getColumn(0));
  const { result } = await runClaim(prop119(ridge), { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
});

Deno.test("rem-11.4 catches a limit that forgets the ⟨φ(x), ŵ₀⟩ term", async () => {
  const { result } = await runClaim(rem114((estimator) => estimator), { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
});

Deno.test("thm-11.7 records the proof's typo: the printed last line fails, the corrected one holds", async () => {
  const { result } = await runClaim(thm117(), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified");
  assert.match(result.aggregate!.summary, /held on 0 of \d+ minimisers/);
});
