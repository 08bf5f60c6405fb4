import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { normalizedFlow } from "./normalized_flow.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast(
  "chizat-normalized-flow is an erratum at the test budget: the identity holds, α_t > 0 only eventually",
  async () => {
    const { result, records } = await wholeRun(
      startWholeRun(new URL("./normalized_flow.ts", import.meta.url), "normalizedFlow"),
    );
    assert.equal(result.status, "erratum", result.reason);
    assert.deepEqual(result.readings?.map((r) => r.verdict), ["fails", "holds"]);
    // The printed sign fails only through α_t ≤ 0, never through the identity.
    for (const r of records) {
      if (r.conclusion && !r.conclusion.holds) assert.match(r.conclusion.detail, /worst \(3\) α_t ≤ 0/);
    }
  },
);

Deno.test("chizat-normalized-flow catches the near miss ∇F₁(w̄) for ∇F_‖w‖(w̄)", async () => {
  assert.notEqual(await firstCaughtInstance(normalizedFlow(() => 1), 1, "test"), null);
});
