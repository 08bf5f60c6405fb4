import { falsified, mutantTest } from "../../testing/whole_run.ts";
import { aggregateScenarioTests } from "../../testing/aggregate_scenario_tests.ts";
import { initialLossBound } from "./initial_loss_bound.ts";

aggregateScenarioTests(initialLossBound, [["labels-beyond-R", "breaks"]]);

mutantTest(import.meta.url, "initialLossBoundRadiusMCDelta", "lemma-11.22 catches R₀ = mCδ", falsified);
