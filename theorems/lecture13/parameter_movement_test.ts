import { instanceCaught, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";

const hundredfoldSmall = startWholeRun(
  new URL("./parameter_movement_mutants.ts", import.meta.url),
  "yangMovementRadiusHundredfoldSmall",
);

Deno.test(
  "yang-movement catches a radius q 100 times too small",
  async () => {
    const run = await wholeRun(hundredfoldSmall);
    instanceCaught(run);
    testsMatchVerdict(run);
  },
);
