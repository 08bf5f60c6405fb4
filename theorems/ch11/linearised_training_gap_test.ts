import { falsified, startWholeRun, wholeRun } from "../../testing/whole_run.ts";

const perturbedJacobian = startWholeRun(
  new URL("./linearised_training_gap_mutants.ts", import.meta.url),
  "linearisedTrainingGapPerturbedJacobian",
);

Deno.test(
  "prop-11.26 catches a linearised model built on 1.05·∇Φ(·, w₀)",
  async () => falsified(await wholeRun(perturbedJacobian)),
);
