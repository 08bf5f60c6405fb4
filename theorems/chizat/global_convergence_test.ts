import { aggregateRejects, startWholeRun, wholeRun } from "../../testing/whole_run.ts";

const wrongDerivativeRun = startWholeRun(
  new URL("./global_convergence_mutants.ts", import.meta.url),
  "chizatGlobalConvergenceWrongDerivative",
);

Deno.test(
  "chizat-global-convergence catches a wrong gradient (ReLU with the derivative 1[z < 0])",
  async () => aggregateRejects(await wholeRun(wrongDerivativeRun)),
);
