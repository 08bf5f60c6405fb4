/**
 * One step per claim, named by its id: the claim must be verified, an erratum, or observed.
 * `CLAIM_SEED=<n> deno test -A` reruns everything under another master seed. The instances run on a
 * pool of workers, one per core, shared with the whole-run mutation tests beside the claims (testing/whole_run.ts,
 * testing/catalog_runs.ts; records identical to a single-threaded run: engine/parallel_run.ts); each worker checks
 * that no instance leaves a tfjs tensor behind, and the test checks the same of the claims' aggregates in this thread.
 * `GD_CHECK_CLAIMS=<module> deno test -A theorems/catalog_test.ts` adds a claims module's claims (`deno task report
 * --claims`) to the suite's checks, after the catalog's.
 */
import { runClaim, suiteAccepts, suiteFailureMessage } from "../engine/run.ts";
import { catalogRuns, catalogSeed, tensorsLeft } from "../testing/catalog_runs.ts";
import { testLast } from "../testing/last_pass.ts";
import { pool } from "../testing/pool.ts";
import { catalog, claims as catalogClaims } from "./catalog.ts";
import { extendRegistry, importClaims } from "../engine/registry.ts";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import assert from "node:assert/strict";
import { CHECK_FALSE_ALARM, declaredFalseAlarm, SUITE_FALSE_ALARM } from "../engine/false_alarm.ts";

/** The module of `GD_CHECK_CLAIMS` (a path, or a URL), whose claims the suite checks beside the catalog's. */
const extra = Deno.env.get("GD_CHECK_CLAIMS");
const claims = extra === undefined ? catalogClaims : extendRegistry(
  catalog,
  await importClaims(/^(file|https?):/.test(extra) ? extra : pathToFileURL(resolve(extra))),
  extra,
).claims;

testLast("catalog: every claim verified, an erratum or observed", async (t) => {
  // A claims module's claims (GD_CHECK_CLAIMS) run after the catalog's, on the same pool.
  const extraRuns = claims.slice(catalogClaims.length).map((claim) =>
    runClaim(claim, { seed: catalogSeed(), budget: "test", mapInstances: pool.mapInstances }).then(
      ({ result }) => ({ result, error: null }),
      (error: unknown) => ({ result: null, error }),
    )
  );
  const runs = [...catalogRuns, ...extraRuns];
  // Every claim's run was queued on the pool when testing/catalog_runs.ts was imported (first, by all_test.ts);
  // each step (named by the claim id) awaits its own. Aggregates run in this thread, interleaved.
  for (const [k, claim] of claims.entries()) {
    await t.step(claim.id, async () => {
      const { result, error } = await runs[k];
      if (error !== null) throw error;
      if (!suiteAccepts(result!, claim)) throw new Error(suiteFailureMessage(result!));
    });
  }
  await Promise.all(runs);
  const leaked = await tensorsLeft;
  if (leaked > 0) throw new Error(`the claims' aggregates leaked ${leaked} tfjs tensors`);
});

Deno.test("every claim declares scenarios or says why it is unbreakable (issue 7)", () => {
  const missing = claims.filter((c) => !c.scenarios?.length && !c.unbreakable).map((c) => c.id);
  if (missing.length) throw new Error(`no scenarios and no unbreakable: ${missing.join(", ")}`);
});

Deno.test("scenarios set only declared parameters, within range; aggregate ones (and conclusionBy aggregate) have an aggregate", () => {
  for (const c of claims) {
    for (const s of c.scenarios ?? []) {
      for (const [name, v] of Object.entries(s.params)) {
        const spec = c.parameters?.[name];
        if (!spec) throw new Error(`${c.id} scenario ${s.name}: --${name} is not a declared parameter`);
        if (v < spec.min || v > spec.max || (spec.type === "integer" && !Number.isInteger(v))) {
          throw new Error(`${c.id} scenario ${s.name}: ${name} = ${v} outside its declared range`);
        }
      }
      if (s.decidedBy === "aggregate" && (!c.aggregate || !(s.instances! >= 1) || s.instances! > 1000)) {
        throw new Error(`${c.id} scenario ${s.name}: aggregate scenarios need an aggregate and 1..1000 draws`);
      }
    }
    if (c.conclusionBy === "aggregate" && !c.aggregate) {
      throw new Error(`${c.id}: conclusionBy "aggregate" without an aggregate`);
    }
  }
});

Deno.test("the catalog's declared false-alarm probabilities add up to at most 1%", () => {
  const total = declaredFalseAlarm(claims);
  assert.ok(total <= SUITE_FALSE_ALARM, `declared ${total} > ${SUITE_FALSE_ALARM}`);
});

Deno.test("every probabilistic and rate claim declares its false-alarm probability", () => {
  const missing = claims.filter((c) => (c.kind === "probabilistic" || c.kind === "rate") && c.falseAlarm === undefined);
  assert.deepEqual(missing.map((c) => c.id), []);
  for (const c of claims) {
    if (c.falseAlarm !== undefined) assert.ok(c.falseAlarm > 0 && c.falseAlarm <= 10 * CHECK_FALSE_ALARM);
  }
});

Deno.test("self-contained: every claim's id is in docs/claims.md and its source document in sources/", async () => {
  const catalogText = await Deno.readTextFile(new URL("../docs/claims.md", import.meta.url));
  for (const c of claims) {
    assert.ok(catalogText.includes(`| \`${c.id}\` |`), `${c.id} is not in docs/claims.md`);
    const source = await Deno.stat(new URL(`../sources/${c.source.document}`, import.meta.url)).catch(() => null);
    assert.ok(source?.isFile, `${c.id}: sources/${c.source.document} is missing`);
  }
});
