/**
 * The shortest evidence that a claim's check catches a deliberately wrong model: the first instance, in
 * run order, that meets the hypotheses and fails the printed conclusion. One such instance makes the
 * run's verdict `falsified` (`decide`: any failing instance meeting the hypotheses, unless a corrected
 * form holds on all of them; for a claim with an erratum the instance must fail both forms), so a test that finds it need not run the rest. Mutants that only an
 * aggregate (a fitted exponent, a frequency) can catch still need the whole run.
 *
 * @module
 */
import { type BudgetName, type Claim, type InstanceContext, type InstanceRecord, outcomeOf } from "./claim.ts";
import { runInstance } from "./run.ts";

/**
 * Runs instances 0, 1, … of a claim (as `runClaim` would, with the budget's instance count) until one
 * meets every hypothesis and fails the printed conclusion (and the corrected one, if the claim has an
 * erratum); returns its record, or null if none does.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { firstCaughtInstance } from "./mutation.ts";
 * import { squareNonNegative } from "./_toy_claims.ts";
 * import type { Claim } from "./claim.ts";
 * const claim = squareNonNegative();
 * // A conclusion that cannot hold: the first instance meeting the hypotheses catches it.
 * const wrong: Claim = { ...claim, conclusion: { ...claim.conclusion, check: () => ({ holds: false, observed: 1, bound: 0, tightness: Infinity, detail: "wrong" }) } };
 * assert.equal((await firstCaughtInstance(wrong, 1, "test"))?.conclusion?.holds, false);
 * assert.equal(await firstCaughtInstance(claim, 1, "test"), null);
 * ```
 */
export async function firstCaughtInstance(
  claim: Claim,
  seed: number,
  budget: BudgetName,
): Promise<InstanceRecord | null> {
  const count = claim.instances[budget];
  for (let index = 0; index < count; index++) {
    const record = await runInstance(claim, seed, index, budget, count);
    if (catches(claim, record)) return record;
  }
  return null;
}

/**
 * Whether an instance's record alone makes the claim's run `falsified`: it meets every hypothesis and
 * fails the printed conclusion (and the corrected one, if the claim has an erratum).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { catches } from "./mutation.ts";
 * import { runInstance } from "./run.ts";
 * import { squareNonNegative } from "./_toy_claims.ts";
 * const claim = squareNonNegative();
 * assert.ok(!catches(claim, await runInstance(claim, 1, 0, "test", 1)));
 * ```
 */
export function catches(claim: Claim, record: InstanceRecord): boolean {
  // An undecided check (the computation gave up) catches nothing.
  const printedFails = outcomeOf(record.conclusion) === "failed";
  const correctedFails = claim.erratum === undefined || outcomeOf(record.corrected) === "failed";
  return record.met && printedFails && correctedFails;
}

/**
 * The claim with its instances drawn under `params` (e.g. a shorter horizon) in place of the generator's
 * defaults: for mutants whose run would otherwise be long.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withParams } from "./mutation.ts";
 * import { runInstance } from "./run.ts";
 * import { bounded } from "./_toy_claims.ts";
 * const record = await runInstance(withParams(bounded(), { x: 1.8 }), 1, 0, "test", 1);
 * assert.equal(record.description, "x = 1.8");
 * ```
 */
export function withParams(claim: Claim, params: Record<string, number>): Claim {
  return { ...claim, generate: (ctx: InstanceContext) => claim.generate({ ...ctx, params }) };
}
