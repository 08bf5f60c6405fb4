/**
 * `deno task explore <id> --sweep [--budget test|report] [--instances N] [--widths a,b,c]`: a rate, limit, frequency
 * (probabilistic) or observation claim's own run, as the report makes it (engine/run.ts `runClaim`): its
 * instances at a budget, its aggregate (the fit, the frequencies) and its verdict, with the aggregate's rows
 * and frequency cells printed and its plots written with `--out`; `--widths` sets the widths of a claim whose aggregate
 * is a width sweep: instance k at the k-th width in turn (`Claim.sweepParameter`), or every instance at all of them
 * (`Claim.sweepWidthList`, for claims whose instance holds a list of widths). Exact claims have nothing to sweep: each
 * instance decides by itself.
 *
 * @module
 */
import type { AggregateCheck, BudgetName, Claim, InstanceRecord } from "../engine/claim.ts";
import { formatNumber } from "../engine/report.ts";
import { type ClaimResult, runClaim } from "../engine/run.ts";
import { UsageError } from "./args.ts";
import { Progress } from "./progress.ts";

/** What a sweep ran and found. */
export interface SweepOutcome {
  /** The lines to print (LaTeX not yet rendered). */
  lines: string[];
  /** The verdict and evidence. */
  result: ClaimResult;
  /** The records (for plots). */
  records: InstanceRecord[];
  /** The aggregate, when the claim has one. */
  aggregate: AggregateCheck | undefined;
}

/**
 * Why `--sweep` is refused on a claim, or undefined when it is allowed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sweepRefusal } from "./explore_sweep.ts";
 * assert.match(sweepRefusal({ id: "x", kind: "exact" })!, /exact/);
 * assert.equal(sweepRefusal({ id: "y", kind: "rate" }), undefined);
 * ```
 */
export function sweepRefusal(claim: Pick<Claim, "id" | "kind">): string | undefined {
  return claim.kind === "exact"
    ? `--sweep is for rate, limit, probabilistic and observation claims; ${claim.id} is exact: every instance decides by itself, so there is no fit or frequency to sweep (run --count C to see several instances)`
    : undefined;
}

/** The command that re-runs a sweep. */
export function sweepCommand(
  id: string,
  seed: number,
  budget: BudgetName,
  instances: number | undefined,
  widths?: readonly number[],
): string {
  return `deno task explore ${id} --sweep --seed ${seed}${budget === "test" ? "" : ` --budget ${budget}`}${
    instances === undefined ? "" : ` --instances ${instances}`
  }${widths === undefined ? "" : ` --widths ${widths.join(",")}`}`;
}

/** The fewest distinct widths `--widths` takes: a rate is fitted on them (a line through two says nothing). */
export const MIN_SWEEP_WIDTHS = 3;

/**
 * Why `--widths` is refused on a claim, or undefined when the claim takes it: its own reason (`Claim.widthsRefusal`,
 * a design that admits no other widths), or that its aggregate sweeps no width.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { widthsRefusal } from "./explore_sweep.ts";
 * assert.equal(widthsRefusal({ id: "w", sweepParameter: "width" }), undefined);
 * assert.equal(widthsRefusal({ id: "l", sweepWidthList: { min: 2, max: 64 } }), undefined);
 * assert.match(widthsRefusal({ id: "t", widthsRefusal: "calibrated on its own widths" })!, /^--widths: t .*calibrated/);
 * assert.match(widthsRefusal({ id: "x" })!, /sweeps no width/);
 * ```
 */
export function widthsRefusal(
  claim: Pick<Claim, "id" | "sweepParameter" | "sweepWidthList" | "widthsRefusal">,
): string | undefined {
  if (claim.sweepParameter !== undefined || claim.sweepWidthList !== undefined) return undefined;
  return claim.widthsRefusal !== undefined
    ? `--widths: ${claim.id} cannot take other widths: ${claim.widthsRefusal}; run --sweep without --widths`
    : `--widths: ${claim.id}'s aggregate sweeps no width (its instances set their own sizes); run --sweep without --widths`;
}

/**
 * The widths of `--widths a,b,c` for a claim whose aggregate sweeps a width: with `Claim.sweepParameter`, each one a
 * value of that parameter (`value` validates it as `--<parameter> v` would), in the order given (instance k takes
 * them in turn); with `Claim.sweepWidthList`, each an integer in its range, sorted ascending (every instance holds
 * them all). At least `MIN_SWEEP_WIDTHS` of them, none repeated; a UsageError (one line) otherwise, or when the
 * claim takes no widths (`widthsRefusal`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sweepWidths } from "./explore_sweep.ts";
 * const claim = { id: "w", sweepParameter: "width" };
 * const int = (_: string, raw: string) => Number(raw);
 * assert.deepEqual(sweepWidths(claim, "16,32, 64", int), [16, 32, 64]);
 * assert.throws(() => sweepWidths(claim, "16,32", int), /at least 3/);
 * assert.throws(() => sweepWidths(claim, "16,32,16", int), /more than once/);
 * assert.throws(() => sweepWidths(claim, "16,,32", int), /empty/);
 * assert.throws(() => sweepWidths({ id: "x" }, "16,32,64", int), /no width/);
 * const list = { id: "l", sweepWidthList: { min: 8, max: 512 } };
 * assert.deepEqual(sweepWidths(list, "64,16,256", int), [16, 64, 256]);
 * assert.throws(() => sweepWidths(list, "16,64,1024", int), /in \[8, 512\], got 1024/);
 * assert.throws(() => sweepWidths(list, "16,64,32.5", int), /integer/);
 * ```
 */
export function sweepWidths(
  claim: Pick<Claim, "id" | "sweepParameter" | "sweepWidthList" | "widthsRefusal">,
  raw: string,
  value: (parameter: string, raw: string) => number,
): number[] {
  const refused = widthsRefusal(claim);
  if (refused !== undefined) throw new UsageError(refused);
  const parameter = claim.sweepParameter, range = claim.sweepWidthList;
  const parts = raw.split(",").map((p) => p.trim());
  if (parts.some((p) => p === "")) {
    throw new UsageError(`--widths has an empty value: "${raw}" (e.g. --widths 64,128,256)`);
  }
  const widths = parts.map((p) => {
    if (parameter === undefined) return listWidth(range!, p);
    try {
      return value(parameter, p);
    } catch (e) {
      throw e instanceof UsageError ? new UsageError(`--widths: ${e.message}`) : e;
    }
  });
  const repeated = widths.find((w, k) => widths.indexOf(w) !== k);
  if (repeated !== undefined) throw new UsageError(`--widths names ${repeated} more than once: "${raw}"`);
  if (widths.length < MIN_SWEEP_WIDTHS) {
    throw new UsageError(
      `--widths needs at least ${MIN_SWEEP_WIDTHS} distinct widths to fit a rate, got ${widths.length}: "${raw}"`,
    );
  }
  return parameter === undefined ? widths.sort((a, b) => a - b) : widths;
}

/** One width of `--widths` for a claim whose instances hold a list of widths: an integer in its range. */
function listWidth(range: { min: number; max: number }, raw: string): number {
  const v = Number(raw);
  if (!/^[+]?\d+$/.test(raw) || !Number.isSafeInteger(v)) {
    throw new UsageError(`--widths: each width must be an integer, got "${raw}"`);
  }
  if (v < range.min || v > range.max) {
    throw new UsageError(`--widths: each width must be in [${range.min}, ${range.max}], got ${raw}`);
  }
  return v;
}

/**
 * The claim run at `widths`: with `Claim.sweepParameter`, instance k at widths[floor(k / sweepStride) % widths.length]
 * for that parameter; with `Claim.sweepWidthList`, every instance holding all of `widths` (`InstanceContext.widths`).
 */
function atWidths(claim: Claim, widths: readonly number[]): Claim {
  const parameter = claim.sweepParameter, stride = claim.sweepStride ?? 1;
  return {
    ...claim,
    generate: (ctx) =>
      claim.generate(
        parameter === undefined ? { ...ctx, widths } : {
          ...ctx,
          params: { ...ctx.params, [parameter]: widths[Math.floor(ctx.index / stride) % widths.length] },
        },
      ),
  };
}

/**
 * Runs the claim at `budget` (with `instances` instances instead of the budget's, when given) through `runClaim`
 * and describes its aggregate: the verdict with its reason, the aggregate's summary, rows and frequency cells.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runSweep } from "./explore_sweep.ts";
 * import { coin } from "../engine/_toy_claims.ts";
 * const out = await runSweep(coin(), { seed: 1, budget: "test", instances: 30, progress: false });
 * assert.equal(out.records.length, 30);
 * assert.ok(out.lines.some((l) => l.startsWith("verdict:")));
 * ```
 */
export async function runSweep(
  claim: Claim,
  options: { seed: number; budget: BudgetName; instances?: number; widths?: readonly number[]; progress?: boolean },
): Promise<SweepOutcome> {
  const refused = sweepRefusal(claim);
  if (refused) throw new UsageError(refused);
  const sized = options.instances === undefined
    ? claim
    : { ...claim, instances: { ...claim.instances, [options.budget]: options.instances } };
  const run = options.widths === undefined ? sized : atWidths(sized, options.widths);
  const progress = options.progress === false ? undefined : new Progress(`sweep ${claim.id}`);
  let result, records;
  try {
    ({ result, records } = await runClaim(run, {
      seed: options.seed,
      budget: options.budget,
      onProgress: progress ? (done, total) => progress.update(done, total, "instance") : undefined,
    }));
  } finally {
    progress?.end();
  }
  const aggregate = result.aggregate ?? undefined;
  const lines = [
    `sweep: ${records.length} instances at the ${options.budget} budget${
      options.instances === undefined ? "" : ` (--instances ${options.instances})`
    }${
      options.widths === undefined
        ? ""
        : claim.sweepParameter === undefined
        ? `, each at the widths ${options.widths.join(", ")} (--widths; the report sweeps its own)`
        : `, ${claim.sweepParameter} = ${options.widths.join(", ")} in turn (--widths; the report sweeps its own)`
    }, as the report runs the claim; ${result.hypothesesMet} met the hypotheses`,
    `verdict: ${result.status}: ${result.reason}`,
  ];
  if (aggregate) {
    lines.push(
      `aggregate (${
        aggregate.holds === true ? "holds" : aggregate.holds === false ? "FAILS" : "inconclusive"
      }): ${aggregate.summary}`,
    );
    for (const [k, v] of aggregate.rows ?? []) lines.push(`    ${k}: ${v}`);
    for (const c of aggregate.frequencies ?? []) {
      lines.push(
        `    cell ${c.key}: failed ${c.failures} of ${c.draws}, interval [${formatNumber(c.lo)}, ${
          formatNumber(c.hi)
        }] against the promised ${formatNumber(c.promised)} (p = ${formatNumber(c.pValue)})`,
      );
    }
    for (const t of aggregate.tests ?? []) {
      lines.push(
        `    test ${t.name}: ${t.statistic}, p = ${formatNumber(t.pValue)} at level ${formatNumber(t.alpha)}${
          t.power ? `, power ${formatNumber(t.power.probability)} against ${t.power.alternative}` : ""
        }`,
      );
    }
  } else {
    lines.push("no aggregate: the claim is decided instance by instance");
  }
  for (const f of result.failures) lines.push(`  failing instance ${f.index}: ${f.detail}`, `    replay: ${f.replay}`);
  lines.push(`replay: ${sweepCommand(claim.id, options.seed, options.budget, options.instances, options.widths)}`);
  return { lines, result, records, aggregate };
}

/** Exit code of a sweep: 1 the printed claim failed (falsified, erratum), 3 inconclusive, 0 otherwise. */
export function sweepExitCode(result: Pick<ClaimResult, "status">): number {
  return result.status === "falsified" || result.status === "erratum" ? 1 : result.status === "inconclusive" ? 3 : 0;
}
