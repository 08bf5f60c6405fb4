/** Mutation tests of thm-11.30: a wrong limit kernel plugged into the same claim must be caught by a whole run. */
import { falsified, startWholeRun, wholeRun } from "../../testing/whole_run.ts";

const withoutDerivativeTerm = startWholeRun(
  new URL("./ntk_kernel_limit_mutants.ts", import.meta.url),
  "ntkKernelLimitWithoutDerivativeTerm",
);

Deno.test(
  "thm-11.30 catches K^NTK without its σ′ term (the LeCun limit)",
  async () => falsified(await wholeRun(withoutDerivativeTerm)),
);
