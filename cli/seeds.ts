/**
 * `deno task seeds [--from A] [--to B] [--shard i/n] [--only id,id] [--claims MODULE] [--workers W] [--json PATH]`: runs the
 * catalog's claim checks (what `CLAIM_SEED=<s> deno test -A theorems/catalog_test.ts` runs, at the test
 * budget) under every master seed s in [A, B] (default 1..50), or the i-th of n contiguous slices of that
 * range, on a pool of workers, and reports which seeds the suite would fail and why. It is the evidence for
 * the suite's false-alarm rate: with k failing seeds out of n, an exact (Clopper–Pearson) 95% upper bound
 * on the probability that a random master seed fails the suite. It also records every statistical check's
 * p-value and prints a calibration table (observed against nominal exceedances at three levels).
 * `deno task seeds --merge A.json B.json …` merges the JSON of shards into one summary and table.
 * Exit code 0 when every seed passes, 1 otherwise, 2 on bad input.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { InstancePool } from "../engine/parallel_run.ts";
import { runClaim, suiteAccepts, suiteFailureMessage } from "../engine/run.ts";
import { writeTextAtomic } from "../engine/io.ts";
import { binomialUpperBound } from "../numerics/stats.ts";
import { calibrationMarkdown, calibrationTable, type TestRecord } from "../engine/calibration.ts";
import type { ClaimResult } from "../engine/run.ts";
import { catalogWith, claimsFlag, integerFlag, parseCommand, runMain, shardFlag, UsageError } from "./args.ts";

// The CPU backend, chosen before anything asks for one (tfjs would otherwise probe WebGL, loudly, and fail).
await tf.setBackend("cpu");

const HELP = `deno task seeds [flags]
  --from A       first master seed (default 1)
  --to B         last master seed (default 50)
  --only id,id   only these claims (default: the whole catalog, with the --claims module's claims)
  --claims M     also the claims of the claims module M (a path or URL exporting an array of claims)
  --workers W    worker threads (default: one per core)
  --shard i/n    only the i-th of n contiguous slices of [A, B] (for sweeps spread over machines)
  --json PATH    also write {"from", "to", "claims", "seeds": [{"seed", "failures": [{"id", "status",
                 "message"}], "tests": [{"id", "name", "pValue", "alpha"}]}]}
  --merge F...   merge the JSON files F of earlier runs (shards) into one summary and calibration table`;

/** One master seed's outcome, as the JSON keeps it. */
interface SeedOutcome {
  seed: number;
  failures: { id: string; status: string; message: string }[];
  tests: TestRecord[];
}

/** A run's JSON: a seed range (or a shard of it) and every seed's outcome. */
interface SeedsJson {
  from: number;
  to: number;
  claims: number;
  seeds: SeedOutcome[];
}

/** The p-values a claim's run recorded: its aggregate's tests, or its bare aggregate p-value. */
function testRecords(result: ClaimResult): TestRecord[] {
  const a = result.aggregate;
  if (!a) return [];
  if (a.tests?.length) {
    return a.tests.map((t) => ({ id: result.id, name: t.name, pValue: t.pValue, alpha: t.alpha }));
  }
  return a.pValue !== undefined ? [{ id: result.id, name: "aggregate", pValue: a.pValue, alpha: a.alpha ?? NaN }] : [];
}

/** The i-th of n contiguous slices of [from, to] (sizes differ by at most one). */
function shardRange(from: number, to: number, shard: { index: number; of: number }): [number, number] {
  const count = to - from + 1;
  const start = from + Math.floor((shard.index - 1) * count / shard.of);
  const end = from + Math.floor(shard.index * count / shard.of) - 1;
  return [start, end];
}

/** Reads and checks the JSON files of earlier runs; a seed present twice is an error. */
async function readShards(files: string[]): Promise<SeedsJson> {
  if (files.length === 0) throw new UsageError("--merge needs at least one JSON file");
  const bySeed = new Map<number, SeedOutcome>();
  let claims: number | undefined;
  for (const file of files) {
    let parsed: SeedsJson;
    try {
      parsed = JSON.parse(await Deno.readTextFile(file));
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (
      !Array.isArray(parsed?.seeds) ||
      !parsed.seeds.every((s) => Number.isInteger(s?.seed) && Array.isArray(s.failures))
    ) {
      throw new UsageError(`${file} is not the JSON of deno task seeds`);
    }
    if (claims !== undefined && parsed.claims !== claims) {
      throw new UsageError(`${file} ran ${parsed.claims} claims where an earlier file ran ${claims}`);
    }
    claims = parsed.claims;
    for (const s of parsed.seeds) {
      if (bySeed.has(s.seed)) throw new UsageError(`seed ${s.seed} appears twice (in ${file} and an earlier file)`);
      bySeed.set(s.seed, { seed: s.seed, failures: s.failures, tests: s.tests ?? [] });
    }
  }
  const seeds = [...bySeed.values()].sort((a, b) => a.seed - b.seed);
  return { from: seeds[0]?.seed ?? 0, to: seeds.at(-1)?.seed ?? 0, claims: claims ?? 0, seeds };
}

/** The closing summary: failing seeds with their exact bound, then the calibration table. */
function summary(run: SeedsJson): string {
  const failed = run.seeds.filter((s) => s.failures.length > 0).length;
  const bound = binomialUpperBound(failed, run.seeds.length, 0.95);
  return [
    `${failed} of ${run.seeds.length} master seeds fail (${run.from}..${run.to}, ${run.claims} claims): the probability ` +
    `that a random master seed fails these checks is at most ${bound.toPrecision(3)} (exact binomial, 95% confidence)`,
    "",
    "Calibration of the statistical checks (on correct code a valid check has p ≤ ℓ on at most about ℓ·seeds):",
    "",
    calibrationMarkdown(calibrationTable(run.seeds.flatMap((s) => s.tests))),
  ].join("\n");
}

/**
 * Runs the catalog checks under a range of master seeds (the flags of `deno task seeds`); returns 1 if a seed fails; throws `UsageError` on bad input.
 *
 * @example
 * ```ts ignore
 * import { main } from "./seeds.ts";
 * await main(["--from", "1", "--to", "2", "--only", "eq-10.21"]);
 * ```
 */
export async function main(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, HELP, ["from", "to", "only", "workers", "json", "shard", "claims"], ["merge"]);
  if (!parsed) return;
  const { values, positionals } = parsed;
  if (values.json === "") throw new UsageError("--json must not be empty");
  if (values.merge) {
    for (const name of ["from", "to", "only", "workers", "shard", "claims"] as const) {
      if (values[name] !== undefined) throw new UsageError(`--merge takes no --${name}`);
    }
    const merged = await readShards(positionals);
    console.log(summary(merged));
    if (values.json !== undefined) await writeTextAtomic(values.json, JSON.stringify(merged, null, 2) + "\n");
    return merged.seeds.some((s) => s.failures.length > 0) ? 1 : 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const first = integerFlag("from", values.from, 1, 0);
  const last = integerFlag("to", values.to, Math.max(first, 50), first);
  const [from, to] = shardRange(first, last, shardFlag(values.shard));
  const workers = integerFlag("workers", values.workers, navigator.hardwareConcurrency ?? 1, 1, 64);
  const selected = claimsFlag(values.only, await catalogWith(values.claims));
  const pool = workers > 1 ? new InstancePool({ workers }) : null;
  const seeds: SeedOutcome[] = [];
  try {
    for (let seed = from; seed <= to; seed++) {
      const start = performance.now();
      const failures: SeedOutcome["failures"] = [], tests: TestRecord[] = [];
      for (const claim of selected) {
        const tensorsBefore = tf.memory().numTensors;
        const { result } = await runClaim(claim, { seed, budget: "test", mapInstances: pool?.mapInstances });
        const leaked = tf.memory().numTensors - tensorsBefore;
        tests.push(...testRecords(result));
        if (leaked !== 0) {
          failures.push({ id: claim.id, status: "leak", message: `${claim.id}: leaked ${leaked} tfjs tensors` });
        } else if (!suiteAccepts(result, claim)) {
          failures.push({ id: claim.id, status: result.status, message: suiteFailureMessage(result) });
        }
      }
      seeds.push({ seed, failures, tests });
      const seconds = ((performance.now() - start) / 1000).toFixed(1);
      console.log(
        `seed ${seed}: ${selected.length - failures.length}/${selected.length} claims pass (${seconds} s)` +
          failures.map((f) => `\n  ${f.message.replaceAll("\n", "\n  ")}`).join(""),
      );
    }
  } finally {
    pool?.close();
  }
  const run: SeedsJson = { from, to, claims: selected.length, seeds };
  console.log(summary(run));
  if (values.json !== undefined) await writeTextAtomic(values.json, JSON.stringify(run, null, 2) + "\n");
  const failed = seeds.filter((s) => s.failures.length > 0).length;
  return failed ? 1 : 0;
}

if (import.meta.main) await runMain(() => main(Deno.args));
