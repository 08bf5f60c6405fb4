/**
 * The width ladders of the lecture's rate claims (yang-linear-rate, yang-pde-rate): below the printed width
 * threshold, a few smaller widths are tried with draws of their own, to report from which width on the bound was
 * observed; for information only (the verdict is the binomial test at the printed width).
 *
 * @module
 */

/** A width tried below the printed threshold, and whether the bound held on its draws. */
export interface LadderRung {
  /** The width N. */
  width: number;
  /** The bound held on the rung's draws (by the claim's own rule). */
  held: boolean;
}

/** What an instance of a laddered rate claim keeps: its width, the ladder's outcome and its binomial test's counts. */
export interface LadderRateData {
  /** The smallest width meeting the printed threshold (or the width asked for). */
  width: number;
  /** The smallest tried width from which the bound was observed on every draw at every larger width (Infinity: none). */
  observedThreshold: number;
  /** The largest ratio of R_S(θ(t)) to the bound over the draws and times (the claim says whether observed or certified). */
  worst: number;
  /** Draws that count as failures in the binomial test. */
  failures: number;
  /** Draws of θ⁰. */
  draws: number;
  /** δ of the instance. */
  delta: number;
}

/**
 * The smallest tried width from which the bound was observed at every larger tried width: `width` (the printed
 * one) if none of its draws violated the bound, then down the ladder while each rung held; Infinity if a draw at
 * `width` violated it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ladderThreshold } from "./width_ladder.ts";
 * const ladder = [{ width: 16, held: false }, { width: 64, held: true }, { width: 256, held: true }];
 * assert.equal(ladderThreshold(1024, 0, ladder), 64);
 * assert.equal(ladderThreshold(1024, 1, ladder), Infinity);
 * ```
 */
export function ladderThreshold(width: number, violated: number, ladder: readonly LadderRung[]): number {
  let threshold = violated === 0 ? width : Infinity;
  for (let j = ladder.length - 1; j >= 0 && ladder[j].held && Number.isFinite(threshold); j--) {
    threshold = ladder[j].width;
  }
  return threshold;
}

/**
 * The ladder and its observed threshold in words, for an instance's detail line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { describeLadder } from "./width_ladder.ts";
 * assert.equal(
 *   describeLadder([{ width: 16, held: false }, { width: 64, held: true }], 64),
 *   "N = 16 failed, N = 64 held (observed threshold 64",
 * );
 * assert.equal(describeLadder([], Infinity), "none (observed threshold not reached");
 * ```
 */
export function describeLadder(ladder: readonly LadderRung[], threshold: number): string {
  return `${
    ladder.map((l) => `N = ${l.width} ${l.held ? "held" : "failed"}`).join(", ") || "none"
  } (observed threshold ${Number.isFinite(threshold) ? threshold : "not reached"}`;
}

/**
 * Per instance, the printed width and the observed threshold, and the smallest ratio of the two (how many times
 * the printed threshold exceeds the observed one at the least).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { printedAgainstObserved } from "./width_ladder.ts";
 * assert.deepEqual(printedAgainstObserved([{ width: 1024, observedThreshold: 64 }, { width: 512, observedThreshold: 64 }]), {
 *   printed: [1024, 512],
 *   observed: [64, 64],
 *   factor: 8,
 * });
 * ```
 */
export function printedAgainstObserved(
  points: readonly { width: number; observedThreshold: number }[],
): { printed: number[]; observed: number[]; factor: number } {
  return {
    printed: points.map((p) => p.width),
    observed: points.map((p) => p.observedThreshold),
    factor: Math.min(...points.map((p) => p.width / p.observedThreshold)),
  };
}
