import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { runClaim } from "../../engine/run.ts";
import { smoothnessHessianEquivalence } from "./smoothness_hessian_equivalence.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast(
  "def-10.1 at the test budget: the printed one-sided reading fails, the two-sided one holds (erratum)",
  async () => {
    const { result, records } = await wholeRun(
      startWholeRun(new URL("./smoothness_hessian_equivalence.ts", import.meta.url), "smoothnessHessianEquivalence"),
    );
    assert.equal(result.status, "erratum", result.reason);
    // Every printed failure is the ⇐ direction on a non-convex loss; ⇒ never fails.
    const failed = records.filter((r) => r.conclusion?.holds === false);
    assert.ok(failed.length > 0);
    for (const r of failed) {
      assert.match(r.conclusion!.detail, /^⇐ fails/);
      assert.match(r.description, /non-convex/);
    }
  },
);

// The mutants scale the corrected (two-sided) condition; the run is then falsified: the printed form fails
// somewhere and the wrong corrected form fails too (not always on the same instance, so the whole run decides).
for (
  const [factor, name] of [[2, "the near miss β-smooth ⇔ |λ| ≤ 2β (a constant off by 2)"], [
    0.5,
    "β-smooth ⇔ |λ| ≤ β/2",
  ]] as const
) {
  Deno.test(`def-10.1 catches ${name}: the run is falsified`, async () => {
    const { result } = await runClaim(smoothnessHessianEquivalence(factor), { seed: 1, budget: "test" });
    assert.equal(result.status, "falsified", result.reason);
    assert.match(result.reason, /corrected form failed on [1-9]/);
  });
}
