import { falsified, mutantTest } from "../../testing/whole_run.ts";

mutantTest(
  import.meta.url,
  "linearisedTrainingGapPerturbedJacobian",
  "prop-11.26 catches a linearised model built on 1.05·∇Φ(·, w₀)",
  falsified,
);
