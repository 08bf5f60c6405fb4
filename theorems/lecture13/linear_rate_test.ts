import { instanceCaught, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";

const mutants = new URL("./linear_rate_mutants.ts", import.meta.url);
const fourTimesFaster = startWholeRun(mutants, "yangLinearRateFourTimesFaster");
const twiceFaster = startWholeRun(mutants, "yangLinearRateTwiceFaster");

Deno.test(
  "yang-linear-rate catches a rate claimed 4 times faster, exp(−4Nλ_S t/n)",
  async () => {
    const run = await wholeRun(fourTimesFaster);
    instanceCaught(run);
    testsMatchVerdict(run);
  },
);

Deno.test(
  "yang-linear-rate catches the near miss exp(−2Nλ_S t/n)",
  async () => {
    const run = await wholeRun(twiceFaster);
    instanceCaught(run);
    testsMatchVerdict(run);
  },
);
