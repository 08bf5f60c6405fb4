/**
 * `deno task seeds [--from A] [--to B] [--only id,id] [--workers W] [--json PATH]`: runs the catalog's
 * claim checks (what `CLAIM_SEED=<s> deno test -A theorems/catalog_test.ts` runs, at the test budget) under
 * every master seed s in [A, B] (default 1..50), on a pool of workers, and reports which seeds the suite
 * would fail and why. It is the evidence for the suite's false-alarm rate: with k failing seeds out of n,
 * an exact (Clopper–Pearson) 95% upper bound on the probability that a random master seed fails the suite.
 * Exit code 0 when every seed passes, 1 otherwise, 2 on bad input.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { InstancePool } from "../engine/parallel_run.ts";
import { runClaim, suiteAccepts, suiteFailureMessage } from "../engine/run.ts";
import { writeTextAtomic } from "../engine/io.ts";
import { binomialUpperBound } from "../numerics/stats.ts";
import { claimsFlag, integerFlag, parseStrict, runMain, UsageError } from "./args.ts";

// The CPU backend, chosen before anything asks for one (tfjs would otherwise probe WebGL, loudly, and fail).
await tf.setBackend("cpu");

const HELP = `deno task seeds [flags]
  --from A       first master seed (default 1)
  --to B         last master seed (default 50)
  --only id,id   only these claims (default: the whole catalog)
  --workers W    worker threads (default: one per core)
  --json PATH    also write {"from", "to", "seeds": [{"seed", "failures": [{"id", "status", "message"}]}]}`;

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
  const { values, positionals } = parseStrict(args, {
    from: { type: "string" },
    to: { type: "string" },
    only: { type: "string" },
    workers: { type: "string" },
    json: { type: "string" },
    help: { type: "boolean" },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const from = integerFlag("from", values.from, 1, 0);
  const to = integerFlag("to", values.to, Math.max(from, 50), from);
  const workers = integerFlag("workers", values.workers, navigator.hardwareConcurrency ?? 1, 1, 64);
  const selected = claimsFlag(values.only);
  if (values.json === "") throw new UsageError("--json must not be empty");
  const pool = workers > 1 ? new InstancePool({ workers }) : null;
  const seeds: { seed: number; failures: { id: string; status: string; message: string }[] }[] = [];
  try {
    for (let seed = from; seed <= to; seed++) {
      const start = performance.now();
      const failures: (typeof seeds)[number]["failures"] = [];
      for (const claim of selected) {
        const tensorsBefore = tf.memory().numTensors;
        const { result } = await runClaim(claim, { seed, budget: "test", mapInstances: pool?.mapInstances });
        const leaked = tf.memory().numTensors - tensorsBefore;
        if (leaked !== 0) {
          failures.push({ id: claim.id, status: "leak", message: `${claim.id}: leaked ${leaked} tfjs tensors` });
        } else if (!suiteAccepts(result, claim)) {
          failures.push({ id: claim.id, status: result.status, message: suiteFailureMessage(result) });
        }
      }
      seeds.push({ seed, failures });
      const seconds = ((performance.now() - start) / 1000).toFixed(1);
      console.log(
        `seed ${seed}: ${selected.length - failures.length}/${selected.length} claims pass (${seconds} s)` +
          failures.map((f) => `\n  ${f.message.replaceAll("\n", "\n  ")}`).join(""),
      );
    }
  } finally {
    pool?.close();
  }
  const failed = seeds.filter((s) => s.failures.length > 0).length;
  const bound = binomialUpperBound(failed, seeds.length, 0.95);
  console.log(
    `${failed} of ${seeds.length} master seeds fail (${from}..${to}, ${selected.length} claims): the probability that a ` +
      `random master seed fails these checks is at most ${bound.toPrecision(3)} (exact binomial, 95% confidence)`,
  );
  if (values.json !== undefined) {
    await writeTextAtomic(values.json, JSON.stringify({ from, to, claims: selected.length, seeds }, null, 2) + "\n");
  }
  return failed ? 1 : 0;
}

if (import.meta.main) await runMain(() => main(Deno.args));
