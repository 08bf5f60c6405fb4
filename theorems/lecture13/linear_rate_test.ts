import { instanceCaught, startWholeRun, wholeRun } from "../../testing/whole_run.ts";

const fourTimesFaster = startWholeRun(
  new URL("./linear_rate_mutants.ts", import.meta.url),
  "yangLinearRateFourTimesFaster",
);

Deno.test(
  "yang-linear-rate catches a rate claimed 4 times faster, exp(−4Nλ_S t/n)",
  async () => instanceCaught(await wholeRun(fourTimesFaster)),
);
