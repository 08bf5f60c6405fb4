import { instanceCaught, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { testLast } from "../../testing/last_pass.ts";

const mutants = new URL("./linear_rate_mutants.ts", import.meta.url);
// Only the near miss (×2) is run: a rate 4 times faster is caught whenever it is (the ×4 mutant's whole run, a
// second claim-sized run, was dropped as proving nothing more).
const twiceFaster = startWholeRun(mutants, "yangLinearRateTwiceFaster");

testLast(
  "yang-linear-rate catches the near miss exp(−2Nλ_S t/n)",
  async () => {
    const run = await wholeRun(twiceFaster);
    instanceCaught(run);
    testsMatchVerdict(run);
  },
);
