import assert from "node:assert/strict";
import { mutantTest, startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import { falsifiedByItsTests, testsMatchVerdict } from "../../testing/test_records.ts";
import { testLast } from "../../testing/last_pass.ts";

const printed = startWholeRun(new URL("./kappa_width_decay.ts", import.meta.url), "kappaWidthDecay");

mutantTest(
  import.meta.url,
  "kappaWidthDecayExponentQuarterLow",
  "eq-10.47 catches the near miss: the bound exponent off by 1/4 (κ ≲ d_hid^{-3/4} for α = 1/√d_hid)",
  falsifiedByItsTests,
);

testLast(
  "eq-10.47: an erratum (tanh fails the printed form by √(log d_hid)), in scope for ReLU; tests agree",
  async () => {
    const run = await wholeRun(printed);
    testsMatchVerdict(run);
    assert.equal(run.result.status, "erratum", run.result.reason);
    const { inside, outside } = run.result.scope!;
    // 15 ReLU cells inside the scope (σ″ = 0), the two tanh sweeps (β = 1/2, 1) outside, both failing the printed form.
    assert.deepEqual([inside.tried, inside.failed, outside.tried, outside.failed], [15, 0, 2, 2]);
  },
);
