import assert from "node:assert/strict";
import { importClaim, InstancePool, withoutTimings } from "./parallel_run.ts";
import { runClaim } from "./run.ts";
import { claimById } from "../theorems/catalog.ts";
import { defineClaim } from "./claim.ts";
import { sec101 } from "../theorems/ch10_linear.ts";
// The suite's shared pool (one worker per core): a pool of one's own would cost its start-up, 1–2 s per test.
import { pool } from "../testing/pool.ts";

Deno.test("runClaim on the workers gives the records and verdict of a single-threaded run", async () => {
  // One cheap catalog claim keeps this test fast; the mechanism is the same for all of them
  // (`deno task bench:claims` checks every claim at the report budget).
  for (const claim of [claimById("lemma-10.2")!]) {
    for (const seed of [7]) {
      const serial = await runClaim(claim, { seed, budget: "test" });
      let progress = 0;
      const par = await runClaim(claim, {
        seed,
        budget: "test",
        mapInstances: pool.mapInstances,
        onProgress: (done) => (progress = done),
      });
      // Identical up to wall-clock fields (`*Ms`), as two serial runs are.
      assert.deepStrictEqual(
        withoutTimings(par.records),
        withoutTimings(serial.records),
        `${claim.id}: records differ`,
      );
      assert.deepStrictEqual(withoutTimings(par.result), withoutTimings(serial.result));
      assert.equal(progress, claim.instances.test);
    }
  }
});

Deno.test("withoutTimings drops only *Ms fields, so a changed record still differs", () => {
  const r = { index: 0, conclusion: { observed: 1, data: { bbMs: 3, best: 2 } }, elapsedMs: 9 };
  assert.deepStrictEqual(withoutTimings(r), { index: 0, conclusion: { observed: 1, data: { best: 2 } } });
  assert.notDeepStrictEqual(withoutTimings(r), withoutTimings({ ...r, conclusion: { ...r.conclusion, observed: 2 } }));
});

Deno.test("a claim outside the catalog runs in this thread through the pool's mapper", async () => {
  const toy = defineClaim<number>({
    id: "toy",
    title: "toy",
    kind: "exact",
    source: { document: "none", where: "none" },
    statement: "$x^2 \\ge 0$",
    tightness: "none",
    instances: { test: 3, report: 3 },
    generate: ({ rng }) => rng.normal(),
    describe: (x) => `x = ${x}`,
    hypotheses: [],
    conclusion: {
      statement: "$x^2 \\ge 0$",
      check: (x) => ({ holds: x * x >= 0, observed: -x * x, bound: 0, tightness: 0, detail: "" }),
    },
  });
  const { result } = await runClaim(toy, { seed: 1, budget: "test", mapInstances: pool.mapInstances });
  assert.equal(result.status, "verified");
  assert.equal(result.instances, 3);
});

Deno.test("a claim from importClaim runs on the workers, records identical to a single-threaded run", async () => {
  const module = new URL("../theorems/ch10_linear.ts", import.meta.url);
  // sec101() is a fresh object, not the catalog's: without importClaim it would run in this thread.
  const claim = await importClaim(module, "sec101");
  const serial = await runClaim(claim, { seed: 3, budget: "test" });
  const par = await runClaim(claim, { seed: 3, budget: "test", mapInstances: pool.mapInstances });
  assert.deepStrictEqual(withoutTimings(par.records), withoutTimings(serial.records));
  assert.deepStrictEqual(withoutTimings(par.result), withoutTimings(serial.result));
  // A closed pool refuses it, where a claim that did not come from importClaim still runs in this thread.
  const closed = new InstancePool({ workers: 1 });
  closed.close();
  await assert.rejects(closed.mapInstances(claim, 3, "test", 2), /pool is closed/);
  assert.equal((await closed.mapInstances(sec101(), 3, "test", 2)).length, 2);
  await assert.rejects(importClaim("./ch10_linear.ts", "sec101"), TypeError);
  await assert.rejects(importClaim(module, "nothing"), /no exported function nothing/);
});
