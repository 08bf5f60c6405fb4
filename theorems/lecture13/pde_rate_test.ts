import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { pdeRate } from "./pde_rate.ts";

// The flows do not depend on the rate under test, so the near miss reuses the printed claim's (same seed, same
// draws: models/pde_rate_certificate.ts caches them by content).
Deno.test("yang-pde-rate is verified at the test budget, every draw certified along t ≥ 0", async () => {
  const { result, records } = await wholeRun(startWholeRun(new URL("./pde_rate.ts", import.meta.url), "pdeRate"));
  assert.equal(result.status, "verified", result.reason);
  for (const r of records.filter((r) => r.met)) assert.match(r.conclusion!.detail, /^0\/16 draws not certified/);
});

Deno.test("yang-pde-rate catches the near miss exp(−2.5Nλ_S t/n) at the test budget", async () => {
  const caught = await firstCaughtInstance(pdeRate(() => 2.5), 1, "test");
  assert.notEqual(caught, null);
  assert.match(caught!.conclusion!.detail, /^16\/16 draws not certified \(16 violated/);
});
