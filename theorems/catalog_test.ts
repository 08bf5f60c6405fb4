/**
 * One step per claim, named by its id: the claim must be verified, an erratum, or observed.
 * `CLAIM_SEED=<n> deno test -A` reruns everything under another master seed. The instances run on a
 * pool of workers, one per core, shared with the whole-run mutation tests beside the claims (testing/whole_run.ts; records identical to a
 * single-threaded run: engine/parallel_run.ts); each worker checks that no instance leaves a tfjs tensor behind, and the test checks the same of
 * the claims' aggregates in this thread.
 */
import * as tf from "@tensorflow/tfjs";
import { suiteAccepts, suiteFailureMessage } from "../engine/run.ts";
import { catalogRun } from "../testing/whole_run.ts";
import { claims } from "./catalog.ts";
import type { Claim } from "../engine/claim.ts";
import assert from "node:assert/strict";
import { CHECK_FALSE_ALARM, declaredFalseAlarm, SUITE_FALSE_ALARM } from "../engine/false_alarm.ts";

// The CPU backend, chosen before anything asks for one (tfjs would otherwise probe WebGL, loudly, and fail).
await tf.setBackend("cpu");

const raw = Deno.env.get("CLAIM_SEED") ?? "1";
const seed = Number(raw);
if (!/^\d+$/.test(raw) || !Number.isSafeInteger(seed)) {
  throw new Error(`CLAIM_SEED must be an integer ≥ 0, got "${raw}"`);
}

Deno.test("catalog: every claim verified, an erratum or observed", async (t) => {
  // Every claim's instances are queued on the pool at once, so both workers stay busy to the end; each
  // step (named by the claim id) then awaits its own claim. Aggregates run in this thread, interleaved.
  const tensorsBefore = tf.memory().numTensors;
  // One run per claim in the suite: a claim's own tests await the same run (testing/whole_run.ts).
  const start = (claim: Claim) =>
    catalogRun(claim, seed).then(({ run, error }) => ({ result: run?.result ?? null, error }));
  // Queued last claim first: the catalog ends with few long instances (the lectures' flows), which
  // would otherwise leave one worker idle at the end; the many short ones fill in behind them.
  const queued = new Map([...claims].reverse().map((claim) => [claim, start(claim)]));
  const runs = claims.map((claim) => queued.get(claim)!);
  for (const [k, claim] of claims.entries()) {
    await t.step(claim.id, async () => {
      const { result, error } = await runs[k];
      if (error !== null) throw error;
      if (!suiteAccepts(result!, claim)) throw new Error(suiteFailureMessage(result!));
    });
  }
  await Promise.all(runs);
  const leaked = tf.memory().numTensors - tensorsBefore;
  if (leaked !== 0) throw new Error(`the claims' aggregates leaked ${leaked} tfjs tensors`);
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
