import { falsified, mutantTest } from "../../testing/whole_run.ts";

mutantTest(
  import.meta.url,
  "kernelGapRatePerturbedJacobian",
  "prop-11.25 catches a linearised model built on 1.05·∇Φ(X, w₀) (the kernel gap stops decaying)",
  falsified,
);
