import { startMutantRun, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { falsifiedByItsTests, testsMatchVerdict } from "../../testing/test_records.ts";

const kernelOff = startMutantRun(import.meta.url, "yangGramKernelOff");

Deno.test(
  "yang-gram catches a limit kernel off by a factor 1.2 (the error stops decaying)",
  async () => falsifiedByItsTests(await wholeRun(kernelOff)),
);

const printed = startWholeRun(new URL("./gram_matrices.ts", import.meta.url), "gramMatrices");

Deno.test("yang-gram: its exponent test does not reject the printed claim", async () => {
  testsMatchVerdict(await wholeRun(printed));
});
