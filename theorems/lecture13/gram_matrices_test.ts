import { mutantTest, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { falsifiedByItsTests, testsMatchVerdict } from "../../testing/test_records.ts";
import { testLast } from "../../testing/last_pass.ts";

mutantTest(
  import.meta.url,
  "yangGramKernelOff",
  "yang-gram catches a limit kernel off by a factor 1.2 (the error stops decaying)",
  falsifiedByItsTests,
);

const printed = startWholeRun(new URL("./gram_matrices.ts", import.meta.url), "gramMatrices");

testLast("yang-gram: its exponent test does not reject the printed claim", async () => {
  testsMatchVerdict(await wholeRun(printed));
});
