import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { inverseRelativeScaleDerivation } from "./inverse_relative_scale_derivation.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast(
  "eq-10.39 at the test budget: the printed chain fails at (10.29)=(10.30), (10.39) = and (10.40)=(10.41), the corrected one holds (erratum)",
  async () => {
    const { result, records } = await wholeRun(
      startWholeRun(
        new URL("./inverse_relative_scale_derivation.ts", import.meta.url),
        "inverseRelativeScaleDerivation",
      ),
    );
    assert.equal(result.status, "erratum", result.reason);
    for (const r of records.filter((r) => r.met)) {
      const failed = [...r.conclusion!.detail.matchAll(/(\([0-9.]+\)[^ ;]*(?: [=≤])?) FAILS/g)].map((m) => m[1]);
      for (const f of failed) assert.ok(["(10.29)=(10.30)", "(10.39) =", "(10.40)=(10.41)"].includes(f), f);
      assert.doesNotMatch(r.corrected!.detail, /FAILS/);
    }
  },
);

Deno.test("eq-10.39 catches the near miss (10.40) ≥ κ (the ½ of L dropped)", async () => {
  const caught = await firstCaughtInstance(inverseRelativeScaleDerivation(1), 1, "test");
  assert.notEqual(caught, null);
  assert.match(caught!.corrected!.detail, /\(10\.40\) ≥ 1κ FAILS/);
});
