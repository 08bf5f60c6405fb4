import assert from "node:assert/strict";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { aggregateRejects, mutantTest, startMutantRun, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testLast } from "../../testing/last_pass.ts";

const centroidRun = startMutantRun(import.meta.url, "chizatImplicitBiasCentroid");

testLast(
  "chizat-implicit-bias catches a wrong reference direction (the centroid classifier Σyᵢxᵢ)",
  // The binomial test on the limit and the 1/log t law rejects on its own.
  async () => aggregateRejects(await wholeRun(centroidRun)),
);

mutantTest(
  import.meta.url,
  "chizatImplicitBiasLeastSquares",
  "chizat-implicit-bias catches the near miss X⁺y (the least-squares classifier, GD's implicit bias on the squared loss)",
  aggregateRejects,
);

mutantTest(
  import.meta.url,
  "chizatImplicitBiasConstantTwice",
  "chizat-implicit-bias catches the near miss: the 1/log t law's constant off by 2 (predicted slope 2‖ŵ‖/‖w̃⊥‖)",
  aggregateRejects,
);

const printedRun = startWholeRun(new URL("./implicit_bias.ts", import.meta.url), "implicitBias");

testLast("chizat-implicit-bias: the printed claim is verified and its test agrees", async () => {
  const run = await wholeRun(printedRun);
  testsMatchVerdict(run);
  assert.equal(run.result.status, "verified", run.result.reason);
});
