/**
 * Mutation tests that only a whole run can decide (a fitted exponent, a binomial or frequency test, an
 * aggregate p-value, a one-instance claim). A claim's `*_test.ts` starts each of its mutants' runs when
 * the module is imported (`startWholeRun`), so every test module's runs are queued on the suite's
 * shared pool of workers before the first test awaits one and both cores stay busy; each test then
 * awaits its own run and asserts its verdict with the checks below. The mutant itself is an export of
 * the claim's `*_mutants.ts` (a function of no arguments building the wrong claim), so a worker can
 * rebuild it; that module must stay importable in a worker (it calls no `Deno.test`).
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Claim, InstanceRecord } from "../engine/claim.ts";
import { catches } from "../engine/mutation.ts";
import { importClaim, sourceOf } from "../engine/registry.ts";
import { type ClaimResult, runClaim, runInstance } from "../engine/run.ts";
import { pool } from "./pool.ts";
import { testLast } from "./last_pass.ts";

/** A whole run of a mutant at the test budget, seed 1. */
export interface WholeRun {
  /** The mutant. */
  claim: Claim;
  /** Its verdict. */
  result: ClaimResult;
  /** Its instances' records. */
  records: InstanceRecord[];
}

/** A run started by `startWholeRun`; `await` it through `wholeRun`. */
export type StartedRun = Promise<{ run: WholeRun; error: null } | { run: null; error: unknown }>;

/**
 * Starts the whole run (seed 1 unless given, test budget) of the claim or mutant `name` exported by
 * `module`, on the shared pool, or returns the one already started (memoised per module, name and
 * seed: the suite runs each claim once); never rejects (an error is kept for `wholeRun`), so a failure is not unhandled while another
 * test is still waiting.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { startWholeRun, wholeRun } from "./whole_run.ts";
 * import { pool } from "./pool.ts";
import { testLast } from "./last_pass.ts";
 * const run = await wholeRun(startWholeRun(new URL("../engine/_toy_claims.ts", import.meta.url), "bounded"));
 * assert.equal(run.result.status, "verified");
 * pool.close();
 * ```
 */
export function startWholeRun(module: URL | string, name: string, seed = 1): StartedRun {
  // One run per (module, export, seed) in the whole suite: the catalog test and a claim's own test
  // share it (records are a function of the claim, seed and budget alone), so no claim runs twice.
  const key = `${new URL(module).href}#${name}#${seed}`;
  let started = started_.get(key);
  if (started === undefined) {
    started = (async () => {
      try {
        const claim = await importClaim(module, name);
        const { result, records } = await runClaim(claim, { seed, budget: "test", mapInstances: pool.mapInstances });
        return { run: { claim, result, records }, error: null };
      } catch (error) {
        return { run: null, error };
      }
    })();
    started_.set(key, started);
  }
  return started;
}

/** The runs started so far, by `module#name#seed`. */
const started_ = new Map<string, StartedRun>();

/**
 * The whole run (test budget) of a claim of the catalog, started if no test started it yet: what the
 * catalog test and the claim's own tests share.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { startWholeRun, wholeRun, catalogRun } from "./whole_run.ts";
 * import { importClaim, sourceOf } from "../engine/registry.ts";
 * import { pool } from "./pool.ts";
import { testLast } from "./last_pass.ts";
 * const toys = new URL("../engine/_toy_claims.ts", import.meta.url);
 * const claim = await importClaim(toys, "bounded");
 * const a = catalogRun(claim, 1), b = startWholeRun(toys, "bounded", 1);
 * assert.equal(a, b); // one run, shared
 * assert.equal((await wholeRun(a)).result.status, "verified");
 * pool.close();
 * ```
 */
export function catalogRun(claim: Claim, seed = 1): StartedRun {
  const source = sourceOf(claim);
  if (!source) throw new Error(`${claim.id} was not built by importClaim`);
  return startWholeRun(source.module, source.name, seed);
}

/**
 * The module of mutants beside a claim's test module: `foo_mutants.ts` for `foo_test.ts` (pass `import.meta.url`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mutantsModule } from "./whole_run.ts";
 * assert.equal(mutantsModule("file:///r/theorems/ch10/descent_lemma_test.ts").href, "file:///r/theorems/ch10/descent_lemma_mutants.ts");
 * assert.throws(() => mutantsModule("file:///r/theorems/ch10/descent_lemma.ts"));
 * ```
 */
export function mutantsModule(testModule: string): URL {
  const url = new URL(testModule);
  if (!url.pathname.endsWith("_test.ts")) throw new Error(`${testModule} is not a *_test.ts module`);
  return new URL(url.pathname.replace(/_test\.ts$/, "_mutants.ts"), url);
}

/** `startWholeRun` of the mutant `name` exported by the `*_mutants.ts` beside the test module `testModule`. */
export function startMutantRun(testModule: string, name: string): StartedRun {
  return startWholeRun(mutantsModule(testModule), name);
}

/** A claim's export: its module and the name of the function building it. */
export interface ClaimExport {
  /** The module (an absolute URL). */
  module: URL | string;
  /** The exported function of no arguments building the claim. */
  name: string;
}

/**
 * Starts the whole run (test budget) of a mutant that changes only what the printed claim's aggregate reads, on the
 * instance records of the printed claim's own whole run (`startWholeRun` of `printed`: the run the catalog test and
 * the claim's tests share, so the instances run once in the suite, not twice). The mutant's generator, hypotheses and
 * conclusion check must be the printed claim's, so that its records are by construction the printed claim's; that is
 * checked, not assumed: the same id and instance count, and the first, a middle and the last instance run afresh for
 * the mutant give records equal to the printed run's. Its aggregate and verdict are the mutant's own (`runClaim` on
 * those records); an error in any of this is kept for `wholeRun`, as in `startWholeRun`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { startAggregateMutantRun, wholeRun } from "./whole_run.ts";
 * import { pool } from "./pool.ts";
 * const toys = new URL("../engine/_toy_claims.ts", import.meta.url);
 * const run = await wholeRun(startAggregateMutantRun(toys, "bounded", { module: toys, name: "bounded" }));
 * assert.equal(run.result.status, "verified");
 * const other = await startAggregateMutantRun(toys, "squareNonNegative", { module: toys, name: "bounded" });
 * assert.match(String(other.error), /not the printed claim's/);
 * pool.close();
 * ```
 */
export function startAggregateMutantRun(
  module: URL | string,
  name: string,
  printed: ClaimExport,
  seed = 1,
): StartedRun {
  const key = `${new URL(module).href}#${name}#${seed}#on-the-records-of#${
    new URL(printed.module).href
  }#${printed.name}`;
  let started = started_.get(key);
  if (started === undefined) {
    const printedRun = startWholeRun(printed.module, printed.name, seed);
    started = (async () => {
      try {
        const claim = await importClaim(module, name);
        const { records } = await wholeRun(printedRun);
        const count = claim.instances.test;
        const base = await importClaim(printed.module, printed.name);
        if (claim.id !== base.id || count !== records.length) {
          throw new Error(`${name}: its id or instance count is not the printed claim's (${claim.id}, ${count})`);
        }
        for (const index of new Set([0, Math.floor(count / 2), count - 1])) {
          const own = await runInstance(claim, seed, index, "test", count);
          try {
            assert.deepStrictEqual(own, records[index]);
          } catch {
            throw new Error(`${name}: instance ${index}'s record is not the printed claim's`);
          }
        }
        const { result } = await runClaim(claim, {
          seed,
          budget: "test",
          mapInstances: () => Promise.resolve(records),
        });
        return { run: { claim, result, records }, error: null };
      } catch (error) {
        return { run: null, error };
      }
    })();
    started_.set(key, started);
  }
  return started;
}

/**
 * Registers the test `title` of the mutant `name` of the `*_mutants.ts` beside `testModule` (pass `import.meta.url`):
 * its whole run starts now, on the shared pool, and the test asserts `check` on it.
 */
export function mutantTest(testModule: string, name: string, title: string, check: (run: WholeRun) => void): void {
  const started = startMutantRun(testModule, name);
  testLast(title, async () => check(await wholeRun(started)));
}

/** The run `startWholeRun` started; rejects with its error if it failed. */
export async function wholeRun(started: StartedRun): Promise<WholeRun> {
  const { run, error } = await started;
  if (run === null) throw error;
  return run;
}

/** An instance alone catches the mutant (what `firstCaughtInstance` looks for). */
export function instanceCaught({ claim, records }: WholeRun): void {
  assert.ok(records.some((r) => catches(claim, r)), `${claim.id}: no instance caught the mutant`);
}

/** The run is falsified. */
export function falsified({ result }: WholeRun): void {
  assert.equal(result.status, "falsified", result.reason);
}

/** The run is falsified and its aggregate test rejects at its level. */
export function aggregateRejects(run: WholeRun): void {
  falsified(run);
  const a = run.result.aggregate!;
  assert.ok(a.pValue! <= a.alpha!, a.summary);
}
