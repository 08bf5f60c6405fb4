/** Mutation tests of thm-11.30: a wrong limit kernel plugged into the same claim must be caught by a whole run. */
import { falsified, startMutantRun, wholeRun } from "../../testing/whole_run.ts";

const withoutDerivativeTerm = startMutantRun(import.meta.url, "ntkKernelLimitWithoutDerivativeTerm");

Deno.test(
  "thm-11.30 catches K^NTK without its σ′ term (the LeCun limit)",
  async () => falsified(await wholeRun(withoutDerivativeTerm)),
);

const withoutOverD = startMutantRun(import.meta.url, "ntkKernelLimitWithoutOverD");

Deno.test(
  "thm-11.30 catches the near miss (1 + xᵀz) in place of (1 + xᵀz/d) in K^NTK",
  async () => falsified(await wholeRun(withoutOverD)),
);
