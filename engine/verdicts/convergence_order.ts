/**
 * The verdict on a discretisation's observed order of convergence: a first-order method (GD against its
 * gradient flow) has a gap O(η), so the gap's order in η, measured at successive halvings of η, tends to 1.
 * Each unit (an instance) succeeds when all its observed orders lie in a pre-registered band; an exact
 * binomial test (`successRateVerdict`) judges the count, and the median order is reported.
 *
 * @module
 */
import type { AggregateCheck } from "../claim.ts";
import { successRateVerdict } from "../false_alarm.ts";
import { median } from "../../numerics/stats.ts";

/** The pre-registered criterion of an order test. */
export interface OrderCriterion {
  /** The open band every observed order of a unit must lie in (O(η) means order 1). */
  band: { lo: number; hi: number };
  /** H0: each unit's orders all lie in the band with probability ≥ this. */
  p0: number;
  /** The declared false-alarm probability. */
  alpha: number;
  /** The units and their criterion, plural (as `successRateVerdict` prints them). */
  units: string;
}

/**
 * Counts the units whose observed orders (`undefined`: none measured, a failure) all lie in the band and
 * judges the count by an exact binomial test; the tightness is left to the claim's per-instance one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { convergenceOrderVerdict } from "./convergence_order.ts";
 * const criterion = { band: { lo: 0.8, hi: 1.2 }, p0: 0.9, alpha: 1e-4, units: "instances of order 1" };
 * const firstOrder = convergenceOrderVerdict(Array.from({ length: 20 }, () => [1, 1.01]), criterion);
 * assert.equal(firstOrder.holds, true);
 * assert.equal(firstOrder.tightness, undefined);
 * const secondOrder = convergenceOrderVerdict(Array.from({ length: 20 }, () => [2, 2]), criterion);
 * assert.equal(secondOrder.holds, false);
 * assert.match(secondOrder.summary, /Median observed order 2\.000 over 40 halvings/);
 * ```
 */
export function convergenceOrderVerdict(
  unitOrders: readonly (readonly number[] | undefined)[],
  criterion: OrderCriterion,
): AggregateCheck {
  const { band } = criterion;
  const inBand = (o: readonly number[] | undefined) => o !== undefined && o.every((v) => v > band.lo && v < band.hi);
  const orders = unitOrders.flatMap((o) => o ?? []);
  const v = successRateVerdict({
    successes: unitOrders.filter(inBand).length,
    trials: unitOrders.length,
    p0: criterion.p0,
    alpha: criterion.alpha,
    units: criterion.units,
  });
  const med = median(orders);
  return {
    ...v,
    // The claim's tightness stays the per-instance one.
    tightness: undefined,
    summary: `${v.summary}. Median observed order ${med.toFixed(3)} over ${orders.length} halvings (O(η) means 1).`,
    rows: [...v.rows, ["median order of the GD–flow gap in η", med.toFixed(3)]],
  };
}
