import { aggregateRejects, startWholeRun, wholeRun } from "../../testing/whole_run.ts";

const centroidRun = startWholeRun(new URL("./implicit_bias_mutants.ts", import.meta.url), "chizatImplicitBiasCentroid");

Deno.test(
  "chizat-implicit-bias catches a wrong reference direction (the centroid classifier Σyᵢxᵢ)",
  // The binomial test on the limit and the 1/log t law rejects on its own.
  async () => aggregateRejects(await wholeRun(centroidRun)),
);

const leastSquaresRun = startWholeRun(
  new URL("./implicit_bias_mutants.ts", import.meta.url),
  "chizatImplicitBiasLeastSquares",
);

Deno.test(
  "chizat-implicit-bias catches the near miss X⁺y (the least-squares classifier, GD's implicit bias on the squared loss)",
  async () => aggregateRejects(await wholeRun(leastSquaresRun)),
);
