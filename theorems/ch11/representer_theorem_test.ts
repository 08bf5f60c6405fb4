import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { kernelProjector, Matrix, matVec, transposeMatVec } from "../../numerics/linalg.ts";
import { solve } from "ml-matrix";
import { representerTheorem } from "./representer_theorem.ts";
import { testLast } from "../../testing/last_pass.ts";

Deno.test("thm-11.7 catches a minimiser that is not in span{φ(xᵢ)} (w* plus a vector of H̃⊥)", async () => {
  const wrong = representerTheorem((model) => {
    const w = model.minNormSolution();
    const k = matVec(kernelProjector(model.features), w.map((_, j) => (j % 2 ? 1 : -1)));
    return w.map((v, j) => v + k[j]);
  });
  assert.notEqual(await firstCaughtInstance(wrong, 1, "test"), null);
});

testLast("thm-11.7 records the proof's typo: the printed last line fails, the corrected one holds", async () => {
  const { result } = await wholeRun(
    startWholeRun(new URL("./representer_theorem.ts", import.meta.url), "representerTheorem"),
  );
  assert.equal(result.status, "verified");
  assert.match(result.aggregate!.summary, /held on 0 of \d+ minimisers/);
});

Deno.test("thm-11.7 catches the near miss ridge (ΦᵀΦ + λI)⁻¹Φᵀy, λ = 10⁻⁶‖ΦᵀΦ‖_F: in H̃ but not a minimiser", async () => {
  const ridge = representerTheorem((model) => {
    const a = model.features, gram = a.transpose().mmul(a);
    const lambda = 1e-6 * gram.norm("frobenius");
    const rhs = Matrix.columnVector(Array.from(transposeMatVec(a, model.ls.y)));
    return Float64Array.from(solve(gram.add(Matrix.eye(a.columns).mul(lambda)), rhs).getColumn(0));
  });
  assert.notEqual(await firstCaughtInstance(ridge, 1, "test"), null);
});
