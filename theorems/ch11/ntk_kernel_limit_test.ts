/** Mutation tests of thm-11.30: a wrong limit kernel plugged into the same claim must be caught by a whole run. */
import { falsified, mutantTest } from "../../testing/whole_run.ts";

mutantTest(
  import.meta.url,
  "ntkKernelLimitWithoutDerivativeTerm",
  "thm-11.30 catches K^NTK without its σ′ term (the LeCun limit)",
  falsified,
);

mutantTest(
  import.meta.url,
  "ntkKernelLimitWithoutOverD",
  "thm-11.30 catches the near miss (1 + xᵀz) in place of (1 + xᵀz/d) in K^NTK",
  falsified,
);
