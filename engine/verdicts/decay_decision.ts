/**
 * The test record of a "the gap decays" decision: a fitted exponent p whose two-sided (1 − γ) interval must
 * lie below 0. Rejecting when the upper end reaches 0 is exactly the upper t test of H0 "p ≤ 0" at level
 * 1 − γ/2 (t = p̂/se ≥ −t_{1−γ/2}), so that is the record: a valid p-value P(T ≥ t) of the decision, at the
 * level the decision really uses, which is close to 1 — the check asks the data to show a decay, and a decay
 * too slow to show is rejected, however correct. Power: against an exponent +1/4 (a gap growing).
 *
 * @module
 */
import tCdf from "npm:@stdlib/stats-base-dists-t-cdf@0.2.3";
import type { StatisticalTest } from "../claim.ts";
import { NEAR_MISS_EXPONENT } from "./log_log_fit.ts";
import { tTestPower } from "../../numerics/power.ts";

/**
 * The decay decision "the (1 − gamma) interval of the exponent lies below 0" as a test record (see the module).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import tQuantile from "@stdlib/stats-base-dists-t-quantile";
 * import { decayTest } from "./decay_decision.ts";
 * const gamma = 1e-3, c = tQuantile(1 - gamma / 2, 8);
 * const shows = decayTest({ name: "gap", slope: -0.5, se: 0.05, df: 8, gamma });
 * assert.ok(shows.pValue > shows.alpha && shows.alpha === 1 - gamma / 2); // the interval is below 0: no rejection
 * const edge = (s: number) => decayTest({ name: "gap", slope: s, se: 0.05, df: 8, gamma });
 * assert.ok(edge(-c * 0.05 + 1e-9).pValue <= edge(0).alpha); // upper end just above 0: rejected
 * assert.ok(edge(-c * 0.05 - 1e-9).pValue > edge(0).alpha);
 * assert.ok(shows.power!.probability > 0.99);
 * ```
 */
export function decayTest(o: { name: string; slope: number; se: number; df: number; gamma: number }): StatisticalTest {
  const t = o.slope / o.se, alpha = 1 - o.gamma / 2;
  const shift = NEAR_MISS_EXPONENT / o.se;
  return {
    name: `${o.name}: the upper t test of "exponent ≤ 0" at level 1 − ${
      Number((o.gamma / 2).toPrecision(2))
    } (the decay must be shown)`,
    statistic: `exponent ${o.slope.toFixed(3)} (standard error ${o.se.toPrecision(2)}), t = ${
      t.toFixed(2)
    } against 0 (${o.df} df)`,
    pValue: 1 - tCdf(t, o.df),
    alpha,
    power: {
      alternative: "exponent 0 + 1/4 (a gap growing)",
      // P(T′ ≥ −t_{1−γ/2}) with noncentrality +shift = 1 − P(T′(−shift) > t_{1−γ/2}).
      probability: 1 - tTestPower(o.df, -shift, o.gamma / 2, "upper"),
    },
  };
}
