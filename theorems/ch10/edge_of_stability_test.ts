import { aggregateRejects, startWholeRun, wholeRun } from "../../testing/whole_run.ts";

const halfHessian = startWholeRun(
  new URL("./edge_of_stability_mutants.ts", import.meta.url),
  "edgeOfStabilityHalfHessian",
);

Deno.test(
  "eos-10.3 catches a wrong Hessian-vector product (half the true one)",
  async () => aggregateRejects(await wholeRun(halfHessian)),
);
