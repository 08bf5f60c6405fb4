/**
 * Flag parsing shared by the commands: strict (unknown flags are errors), typed, and every bad
 * input ends in a one-line error with exit code 2.
 *
 * @module
 */
import { parseArgs } from "node:util";
import type { BudgetName } from "../engine/claim.ts";
import { claimById, claims } from "../theorems/catalog.ts";

/** A bad command line: reported in one line, exit code 2. */
export class UsageError extends Error {}

/**
 * Parses argv strictly; unknown flags and missing values become UsageErrors.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseStrict } from "./args.ts";
 * const { values } = parseStrict(["--seed", "3"], { seed: { type: "string" } });
 * assert.equal(values.seed, "3");
 * ```
 */
export function parseStrict<T extends Record<string, { type: "string" | "boolean" }>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0]);
  }
}

/**
 * An integer flag within [min, max]; `fallback` when absent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { integerFlag } from "./args.ts";
 * assert.equal(integerFlag("seed", "12", 1, 0), 12);
 * ```
 */
export function integerFlag(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be an integer, got "${raw}"`);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be in [${min}, ${max}], got ${raw}`);
  }
  return n;
}

/**
 * The budget flag: "test" or "report".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { budgetFlag } from "./args.ts";
 * assert.equal(budgetFlag(undefined, "report"), "report");
 * ```
 */
export function budgetFlag(raw: string | undefined, fallback: BudgetName): BudgetName {
  if (raw === undefined) return fallback;
  if (raw !== "test" && raw !== "report") throw new UsageError(`--budget must be "test" or "report", got "${raw}"`);
  return raw;
}

/**
 * Resolves claim ids, rejecting unknown ones.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimsFlag } from "./args.ts";
 * assert.equal(claimsFlag("eq-10.21")[0].id, "eq-10.21");
 * ```
 */
export function claimsFlag(raw: string | undefined) {
  if (raw === undefined) return [...claims];
  return raw.split(",").map((s) => s.trim()).filter((s) => s).map((id) => {
    const c = claimById(id);
    if (!c) {
      throw new UsageError(
        `unknown claim id "${id}" (see ../shared/CLAIMS.md; known: ${claims.map((c) => c.id).join(", ")})`,
      );
    }
    return c;
  });
}

/**
 * Runs a command's main, turning UsageErrors into one line on stderr and exit code 2.
 *
 * @example
 * ```ts ignore
 * import { runMain } from "./args.ts";
 * await runMain(async () => {});
 * ```
 */
export async function runMain(main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    if (code) Deno.exit(code);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`error: ${e.message}`);
      Deno.exit(2);
    }
    throw e;
  }
}

/**
 * The `--shard i/n` flag (1 ≤ i ≤ n ≤ 10000); the whole run (1/1) when absent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shardFlag } from "./args.ts";
 * assert.deepEqual(shardFlag("2/3"), { index: 2, of: 3 });
 * assert.throws(() => shardFlag("4/3"));
 * ```
 */
export function shardFlag(raw: string | undefined): { index: number; of: number } {
  if (raw === undefined) return { index: 1, of: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(raw);
  const index = m ? Number(m[1]) : NaN, of = m ? Number(m[2]) : NaN;
  if (!(index >= 1 && of >= 1 && index <= of && of <= 10000)) {
    throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n ≤ 10000 (got "${raw}")`);
  }
  return { index, of };
}
