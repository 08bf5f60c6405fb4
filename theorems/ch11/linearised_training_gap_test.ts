import { falsified, startMutantRun, wholeRun } from "../../testing/whole_run.ts";

const perturbedJacobian = startMutantRun(import.meta.url, "linearisedTrainingGapPerturbedJacobian");

Deno.test(
  "prop-11.26 catches a linearised model built on 1.05·∇Φ(·, w₀)",
  async () => falsified(await wholeRun(perturbedJacobian)),
);
