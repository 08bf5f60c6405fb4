/**
 * The verdict on an event a claim promises to fail with probability at most δ, from its failure count
 * over independent draws: an exact (Clopper–Pearson) one-sided binomial test.
 *
 * @module
 */
import { clopperPearson } from "../../numerics/stats.ts";

/** The failure frequency's verdict and its intervals. */
export interface FailureFrequencyCheck {
  /** False when the one-sided lower confidence bound on P(failure) exceeds δ. */
  holds: boolean;
  /** The one-sided lower confidence bound at level 1 − α. */
  lower: number;
  /** The upper end of the two-sided 95% interval (for the evidence). */
  upper: number;
}

/**
 * Rejects "P(failure) ≤ δ" when the one-sided lower confidence bound (level 1 − α) on the failure
 * probability exceeds δ, so on a correct claim it fails with probability ≤ α.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { failureFrequencyCheck } from "./failure_frequency.ts";
 * assert.equal(failureFrequencyCheck(0, 20, 0.1, 1e-3).holds, true);
 * assert.equal(failureFrequencyCheck(14, 14, 0.5, 1e-4).holds, false); // 0.5¹⁴ < 10⁻⁴
 * ```
 */
export function failureFrequencyCheck(
  failures: number,
  draws: number,
  delta: number,
  alpha: number,
): FailureFrequencyCheck {
  // One-sided lower bound at confidence 1 − α = lower end of the two-sided interval at 1 − 2α.
  const lower = clopperPearson(failures, draws, 1 - 2 * alpha).lo;
  const upper = clopperPearson(failures, draws, 0.95).hi;
  return { holds: !(lower > delta), lower, upper };
}
