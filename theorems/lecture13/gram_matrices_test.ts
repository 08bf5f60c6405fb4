import { falsified, startWholeRun, wholeRun } from "../../testing/whole_run.ts";

const kernelOff = startWholeRun(new URL("./gram_matrices_mutants.ts", import.meta.url), "yangGramKernelOff");

Deno.test(
  "yang-gram catches a limit kernel off by a factor 1.2 (the error stops decaying)",
  async () => falsified(await wholeRun(kernelOff)),
);
