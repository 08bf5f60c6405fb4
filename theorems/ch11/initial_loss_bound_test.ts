import { falsified, startMutantRun, wholeRun } from "../../testing/whole_run.ts";
import { aggregateScenarioTests } from "../../testing/aggregate_scenario_tests.ts";
import { initialLossBound } from "./initial_loss_bound.ts";

const radiusMCDelta = startMutantRun(import.meta.url, "initialLossBoundRadiusMCDelta");

aggregateScenarioTests(initialLossBound, [["labels-beyond-R", "breaks"]]);

Deno.test("lemma-11.22 catches R₀ = mCδ", async () => falsified(await wholeRun(radiusMCDelta)));
