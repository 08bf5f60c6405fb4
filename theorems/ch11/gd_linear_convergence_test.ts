import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { gdLinearConvergence } from "./gd_linear_convergence.ts";
import { testLast } from "../../testing/last_pass.ts";

Deno.test("thm-11.13 catches a loss bound with rate 1 − 3hλ_min (faster than GD can go along the λ_min direction)", async () => {
  const claim = gdLinearConvergence((f0, h, lmin, k) => (1 - 3 * h * lmin) ** (2 * k) * f0);
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

Deno.test("thm-11.13 catches the near miss: the rate 1 − 2hλ_min", async () => {
  const claim = gdLinearConvergence((f0, h, lmin, k) => (1 - 2 * h * lmin) ** (2 * k) * f0);
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

testLast("thm-11.13 labels per instance how λ, U and L were obtained: certified on the sine family only", async () => {
  const { result, records } = await wholeRun(
    startWholeRun(new URL("./gd_linear_convergence.ts", import.meta.url), "gdLinearConvergence"),
  );
  assert.equal(result.status, "verified", result.reason);
  const wide = records.filter((r) => r.description.startsWith("wide")).length;
  assert.ok(wide > 0);
  // (a), (b), (h ≤ …) certified exactly on the sine family; (c) nowhere.
  assert.deepEqual(result.hypothesisCertified, [1, 1, 0, 1].map((c) => c * (records.length - wide)));
  for (const r of records) {
    const certified = !r.description.startsWith("wide");
    assert.equal(r.hypotheses[1].certainty, certified ? "certified" : "estimated");
    assert.match(r.hypotheses[1].value, certified ? /closed form: certified/ : /sampled maxima .*: estimated/);
  }
});
