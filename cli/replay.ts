/**
 * `deno task replay <id> --seed N --instance K [--budget test|report] [--claims MODULE]`: regenerates one instance
 * exactly and prints its hypotheses and conclusion. Exit code 1 when the conclusion fails.
 *
 * @module
 */
import { runInstance } from "../engine/run.ts";
import { texToUnicode } from "../engine/unicode_math.ts";
import { erratumLines, failureSentence } from "../engine/words.ts";
import { budgetFlag, catalogWith, CLAIMS_HELP, claimsFlag, integerFlag, parseCommand, runMain } from "./args.ts";
import { UsageError } from "./args.ts";

const REPLAY_HELP = `deno task replay <claim-id> --seed N --instance K [--budget test|report] [--claims MODULE]
  regenerates one instance of a run exactly (the report prints these commands beside its failures)
  and prints its hypotheses and conclusion; exit code 1 when the conclusion fails, 2 on bad input
${CLAIMS_HELP}`;

/**
 * Replays one instance (the flags of `deno task replay`); throws `UsageError` on bad input.
 *
 * @example
 * ```ts ignore
 * import { main } from "./replay.ts";
 * await main(["lemma-10.2", "--seed", "1", "--instance", "0"]);
 * ```
 */
export async function main(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, REPLAY_HELP, ["seed", "instance", "budget", "claims"]);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new UsageError("usage: deno task replay <claim-id> --seed N --instance K [--budget test|report]");
  }
  const [claim] = claimsFlag(positionals[0], await catalogWith(values.claims));
  const budget = budgetFlag(values.budget, "test");
  const count = claim.instances[budget];
  const seed = integerFlag("seed", values.seed, 1, 0);
  const index = integerFlag("instance", values.instance, 0, 0, count - 1);
  const r = await runInstance(claim, seed, index, budget, count);
  console.log(`${claim.id} — seed ${seed}, instance ${index} (${budget} budget): ${r.description}`);
  claim.hypotheses.forEach((h, i) => {
    console.log(
      `  hypothesis ${texToUnicode(h.statement).replaceAll("\n", " ")} [${h.certainty}]: ${
        r.hypotheses[i].holds ? "holds" : "FAILS"
      } — ${r.hypotheses[i].value}`,
    );
  });
  if (!r.met) {
    console.log("  hypotheses not met: the conclusion is not checked on this instance");
    return 0;
  }
  const c = r.conclusion!;
  console.log(`  conclusion: ${c.holds ? "holds" : "FAILS"} — ${c.detail} (tightness ${c.tightness})`);
  const words = failureSentence(c);
  if (words !== undefined) console.log(`    in words: ${texToUnicode(words)}`);
  if (r.corrected) console.log(`  corrected form: ${r.corrected.holds ? "holds" : "FAILS"} — ${r.corrected.detail}`);
  if (claim.erratum) {
    console.log("  erratum, both forms on this instance:");
    for (const line of erratumLines(claim.erratum, c, r.corrected)) console.log(`    ${line}`);
  }
  return c.holds ? 0 : 1;
}

if (import.meta.main) await runMain(() => main(Deno.args));
