import assert from "node:assert/strict";
import { runAggregateScenario } from "../../engine/explore.ts";
import { aggregateRejects, startMutantRun, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { testsMatchVerdict } from "../../testing/test_records.ts";
import { lazyGeneralisation } from "./lazy_generalisation.ts";
import { testLast } from "../../testing/last_pass.ts";

const printed = startWholeRun(new URL("./lazy_generalisation.ts", import.meta.url), "lazyGeneralisation");
const reversed = startMutantRun(import.meta.url, "lazyNotWorse");

testLast("chizat-lazy-generalisation is observed at the test budget", async () => {
  const run = await wholeRun(printed);
  assert.equal(run.result.status, "observed", run.result.reason);
  testsMatchVerdict(run);
});

testLast("chizat-lazy-generalisation catches the reversed ordering", async () => {
  aggregateRejects(await wholeRun(reversed));
});

Deno.test("chizat-lazy-generalisation scenario no-lazy-regime breaks: tied runs never show the lazy gap", async () => {
  const claim = lazyGeneralisation();
  const sc = claim.scenarios!.find((s) => s.name === "no-lazy-regime")!;
  const out = await runAggregateScenario(claim, sc, { seed: 1 });
  assert.equal(out.verdict, "breaks", out.summary);
});
