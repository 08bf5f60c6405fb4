import { falsified, startWholeRun, wholeRun } from "../../testing/whole_run.ts";

const noBiasRun = startWholeRun(
  new URL("./random_features_ridge_mutants.ts", import.meta.url),
  "chizatRandomFeaturesNoBias",
);

Deno.test(
  "chizat-random-features catches a wrong limiting kernel (arc-cosine without the bias coordinate)",
  async () => falsified(await wholeRun(noBiasRun)),
);
