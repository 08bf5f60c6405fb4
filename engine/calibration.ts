/**
 * Calibration of the statistical checks over many master seeds: on correct code a valid test's
 * p-value is at most uniform, so over N seeds it falls below a level ℓ on about ℓN of them at most.
 * `deno task seeds` records every check's p-value per seed; this module turns the records (of one run,
 * or of shards merged) into a table of observed against nominal exceedances at three levels.
 *
 * @module
 */
import { binomialUpperTail } from "../numerics/stats.ts";

/** The levels at which exceedances are counted. */
export const CALIBRATION_LEVELS = [0.1, 0.01, 0.001] as const;

/** One statistical check's p-value under one master seed. */
export interface TestRecord {
  /** The claim. */
  id: string;
  /** The test's name (StatisticalTest.name, or "aggregate" for a bare aggregate p-value). */
  name: string;
  /** Its p-value under that seed (NaN recorded as null in JSON: counted as an exceedance). */
  pValue: number | null;
  /** Its level. */
  alpha: number;
}

/** One row of the calibration table: a check over all seeds. */
export interface CalibrationRow {
  /** The claim. */
  id: string;
  /** The test. */
  name: string;
  /** Seeds on which it was recorded. */
  seeds: number;
  /** Per level of {@link CALIBRATION_LEVELS}: seeds with p ≤ level. */
  exceedances: number[];
  /** Per level: P(Bin(seeds, level) ≥ exceedances), small when the check rejects more often than it says. */
  excessPValues: number[];
  /** Seeds on which it rejected at its own level. */
  rejections: number;
}

/**
 * The calibration table: one row per (claim, test), in order of first appearance.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { calibrationTable } from "./calibration.ts";
 * const records = [0.5, 0.05, 0.005, 0.9].map((p) => ({ id: "c", name: "t", pValue: p, alpha: 0.01 }));
 * const [row] = calibrationTable(records);
 * assert.deepEqual(row.exceedances, [2, 1, 0]);
 * assert.equal(row.rejections, 1);
 * ```
 */
export function calibrationTable(records: readonly TestRecord[]): CalibrationRow[] {
  const rows = new Map<string, CalibrationRow>();
  for (const r of records) {
    const key = `${r.id}\u0000${r.name}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        id: r.id,
        name: r.name,
        seeds: 0,
        exceedances: CALIBRATION_LEVELS.map(() => 0),
        excessPValues: [],
        rejections: 0,
      };
      rows.set(key, row);
    }
    row.seeds++;
    // A missing or NaN p-value counts against the check, never for it.
    const p = r.pValue ?? NaN;
    CALIBRATION_LEVELS.forEach((level, i) => {
      if (!(p > level)) row!.exceedances[i]++;
    });
    if (!(p > r.alpha)) row.rejections++;
  }
  for (const row of rows.values()) {
    row.excessPValues = CALIBRATION_LEVELS.map((level, i) => binomialUpperTail(row.exceedances[i], row.seeds, level));
  }
  return [...rows.values()];
}

/**
 * The table as markdown: observed/nominal exceedances per level, the exact binomial p-value of the excess
 * when it is below 0.01 (flagged ⚠), and rejections at the check's own level.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { calibrationMarkdown, calibrationTable } from "./calibration.ts";
 * const records = [0.5, 0.05].map((p) => ({ id: "c", name: "t", pValue: p, alpha: 0.01 }));
 * const md = calibrationMarkdown(calibrationTable(records));
 * assert.ok(md.includes("| c | t | 2 | 1 / 0.2 | 0 / 0.02 | 0 / 0.002 | 0 |"));
 * ```
 */
export function calibrationMarkdown(rows: readonly CalibrationRow[]): string {
  const head = CALIBRATION_LEVELS.map((l) => `p ≤ ${l}: observed / nominal`).join(" | ");
  const out = [`| claim | test | seeds | ${head} | rejections at its level |`];
  out.push(`|---|---|---|${CALIBRATION_LEVELS.map(() => "---|").join("")}---|`);
  for (const r of rows) {
    const cells = CALIBRATION_LEVELS.map((level, i) => {
      const nominal = Number((level * r.seeds).toPrecision(3));
      const flag = r.excessPValues[i] < 0.01 ? ` ⚠ (excess p = ${r.excessPValues[i].toExponential(1)})` : "";
      return `${r.exceedances[i]} / ${nominal}${flag}`;
    });
    out.push(`| ${r.id} | ${r.name.replaceAll("|", "\\|")} | ${r.seeds} | ${cells.join(" | ")} | ${r.rejections} |`);
  }
  return out.join("\n");
}
