import assert from "node:assert/strict";
import { instanceCaught, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { testLast } from "../../testing/last_pass.ts";

const mutants = new URL("./parameter_movement_mutants.ts", import.meta.url);
const hundredfoldSmall = startWholeRun(mutants, "yangMovementRadiusHundredfoldSmall");
const offByQuarter = startWholeRun(mutants, "yangMovementExponentOffByQuarter");

testLast(
  "yang-movement catches a radius q 100 times too small",
  async () => {
    const run = await wholeRun(hundredfoldSmall);
    instanceCaught(run);
    testsMatchVerdict(run);
  },
);

testLast(
  "yang-movement catches the near miss q·N^(-1/4) (the exponent of N off by 1/4)",
  async () => {
    const run = await wholeRun(offByQuarter);
    instanceCaught(run);
    testsMatchVerdict(run);
    // Not only uncertified: the integrated draw moves farther than q·N^(-1/4).
    const sampled = Number(run.records[0].conclusion!.detail.match(/sampled movement\/q = ([\d.e+-]+)/)![1]);
    assert.ok(sampled > 1, `sampled movement/q·N^(-1/4) = ${sampled}`);
  },
);
