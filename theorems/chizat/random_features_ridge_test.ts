import { mutantTest, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { falsifiedByItsTests, testsMatchVerdict } from "../../testing/test_records.ts";
import { testLast } from "../../testing/last_pass.ts";

mutantTest(
  import.meta.url,
  "chizatRandomFeaturesNoBias",
  "chizat-random-features catches a wrong limiting kernel (arc-cosine without the bias coordinate)",
  falsifiedByItsTests,
);

const printed = startWholeRun(new URL("./random_features_ridge.ts", import.meta.url), "randomFeaturesRidge");

testLast("chizat-random-features: its decay test does not reject the printed claim", async () => {
  testsMatchVerdict(await wholeRun(printed));
});
