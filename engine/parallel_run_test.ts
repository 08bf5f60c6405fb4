import assert from "node:assert/strict";
import { InstancePool, withoutTimings } from "./parallel_run.ts";
import { importClaim, loadRegistry } from "./registry.ts";
import { runClaim } from "./run.ts";
import { bounded, squareNonNegative } from "./_toy_claims.ts";
// The suite's shared pool (one worker per core): a pool of one's own would cost its start-up, 1–2 s per test.
import { pool } from "../testing/pool.ts";
// It waits behind the catalog's runs queued on that pool: in the last pass, so this thread's own tests run meanwhile.
import { testLast } from "../testing/last_pass.ts";

const TOYS = new URL("./_toy_claims.ts", import.meta.url);

testLast("a claim from importClaim runs on the workers, records identical to a single-threaded run", async () => {
  for (const name of ["squareNonNegative", "bounded"]) {
    const claim = await importClaim(TOYS, name);
    const serial = await runClaim(claim, { seed: 7, budget: "test" });
    let progress = 0;
    const par = await runClaim(claim, {
      seed: 7,
      budget: "test",
      mapInstances: pool.mapInstances,
      onProgress: (done) => (progress = done),
    });
    // Identical up to wall-clock fields (`*Ms`), as two serial runs are.
    assert.deepStrictEqual(withoutTimings(par.records), withoutTimings(serial.records), `${claim.id}: records differ`);
    assert.deepStrictEqual(withoutTimings(par.result), withoutTimings(serial.result));
    assert.equal(progress, claim.instances.test);
  }
});

Deno.test("withoutTimings drops only *Ms fields, so a changed record still differs", () => {
  const r = { index: 0, conclusion: { observed: 1, data: { bbMs: 3, best: 2 } }, elapsedMs: 9 };
  assert.deepStrictEqual(withoutTimings(r), { index: 0, conclusion: { observed: 1, data: { best: 2 } } });
  assert.notDeepStrictEqual(withoutTimings(r), withoutTimings({ ...r, conclusion: { ...r.conclusion, observed: 2 } }));
});

Deno.test("a claim not built by importClaim runs in this thread through the pool's mapper", async () => {
  const { result } = await runClaim(squareNonNegative(), { seed: 1, budget: "test", mapInstances: pool.mapInstances });
  assert.equal(result.status, "verified");
  assert.equal(result.instances, 3);
  // A closed pool refuses an imported claim, where one that did not come from importClaim still runs here.
  const closed = new InstancePool({ workers: 1 });
  closed.close();
  await assert.rejects(closed.mapInstances(await importClaim(TOYS, "bounded"), 3, "test", 2), /pool is closed/);
  assert.equal((await closed.mapInstances(bounded(), 3, "test", 2)).length, 2);
});

Deno.test("importClaim and loadRegistry refuse relative modules, missing exports and repeated ids", async () => {
  await assert.rejects(importClaim("./_toy_claims.ts", "bounded"), TypeError);
  await assert.rejects(importClaim(TOYS, "nothing"), /no exported function nothing/);
  await assert.rejects(
    loadRegistry(import.meta.url, [["./_toy_claims.ts", "bounded"], ["./_toy_claims.ts", "bounded"]]),
    /listed twice/,
  );
  const registry = await loadRegistry(import.meta.url, [["./_toy_claims.ts", "bounded"]]);
  assert.deepEqual(registry.claims.map((c) => c.id), ["toy-bounded"]);
});
