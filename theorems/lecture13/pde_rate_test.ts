import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { catches } from "../../engine/mutation.ts";
import { importClaim } from "../../engine/registry.ts";
import { pool } from "../../testing/pool.ts";
import { settled, startEarly } from "../../testing/early.ts";
import { testLast } from "../../testing/last_pass.ts";

// The near miss's first instance, queued on the shared pool now (its flows take seconds).
const nearMiss = startEarly(async () => {
  const claim = await importClaim(new URL("./pde_rate_mutants.ts", import.meta.url), "yangPdeRateTwoAndAHalfFaster");
  const [record] = await pool.runInstances(claim, 1, "test", claim.instances.test, [0]);
  return { claim, record };
});

// The flows do not depend on the rate under test, so on a worker that ran the printed claim's instance 0 the
// near miss reuses its flows (same seed, same draws: models/pde_rate_certificate.ts caches them by content).
testLast("yang-pde-rate is verified at the test budget, every draw certified along t ≥ 0", async () => {
  const { result, records } = await wholeRun(startWholeRun(new URL("./pde_rate.ts", import.meta.url), "pdeRate"));
  assert.equal(result.status, "verified", result.reason);
  for (const r of records.filter((r) => r.met)) assert.match(r.conclusion!.detail, /^0\/16 draws not certified/);
});

testLast("yang-pde-rate catches the near miss exp(−2.5Nλ_S t/n) at the test budget", async () => {
  const { claim, record } = await settled(nearMiss);
  assert.ok(catches(claim, record), record.conclusion?.detail ?? "no conclusion checked");
  assert.match(record.conclusion!.detail, /^16\/16 draws not certified \(16 violated/);
});
