/** Mutation tests of thm-11.16: a wrong limit kernel plugged into the same claim must be caught by a whole run. */
import { falsified, startMutantRun, wholeRun } from "../../testing/whole_run.ts";
import { testLast } from "../../testing/last_pass.ts";

const fivePercentOff = startMutantRun(import.meta.url, "lecunKernelLimitFivePercentOff");

testLast(
  "thm-11.16 catches the near miss 1.05·K^LC (a limit kernel 5% off)",
  async () => falsified(await wholeRun(fivePercentOff)),
);
