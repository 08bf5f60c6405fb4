import { falsified, startMutantRun, wholeRun } from "../../testing/whole_run.ts";

const perturbedJacobian = startMutantRun(import.meta.url, "kernelGapRatePerturbedJacobian");

Deno.test(
  "prop-11.25 catches a linearised model built on 1.05·∇Φ(X, w₀) (the kernel gap stops decaying)",
  async () => falsified(await wholeRun(perturbedJacobian)),
);
