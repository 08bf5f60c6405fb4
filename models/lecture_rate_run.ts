/**
 * One draw of θ⁰ of the lecture's network (Lecture 13, 002, arXiv:2106.06682) against the linear rate
 * R_S(θ(t)) ≤ exp(−cNλ_S t/n)R_S(θ⁰) of `yang-linear-rate`: its rate-free part (the a-priori certificate and, if
 * integrated, the flow), computed once, and the verdict for a rate factor c read from it.
 *
 * @module
 */
import type { LectureNetwork } from "./lecture_network.ts";
import { aprioriMovementCertificate, type BootstrapBounds } from "./lecture_movement_certificate.ts";
import { movementCertificate } from "./lecture_movement_certificate.ts";

/** Relative tolerance of the integrated flows; the error budget on R_S(θ(t)) is derived from it (`rateOf`). */
export const FLOW_RTOL = 1e-4;

/** One draw of θ⁰ against the linear rate: certified for every t ≥ 0, and observed at every step if integrated. */
export interface RateRun {
  /** max over the integrator's steps of R_S(θ(t))/(e^{−cNλ_S t/n}R_S(θ⁰)) (0 when not integrated). */
  ratio: number;
  /** The bound was not violated beyond the error budget at any step (true when not integrated). */
  observed: boolean;
  /** t* = ∞ certified and λ_min(K̂^(a)(θ⁰)) − sup_t‖ΔK̂^(a)‖_F ≥ cλ_S/2: the bound holds for every t ≥ 0. */
  certified: boolean;
  /** The a-priori certificate of the draw. */
  cert: BootstrapBounds & { lambdaMin0: number };
  /** The largest error budget on the ratio over the steps (0 when not integrated). */
  budget: number;
  /** The integrator's accepted steps (0 when not integrated). */
  steps: number;
}

/** What `rateOf` reads of a draw, which does not depend on the rate factor c: the certificate and the flow. */
export interface DrawRun {
  /** The a-priori certificate of the draw. */
  cert: BootstrapBounds & { lambdaMin0: number };
  /** The integrated flow (when integrated): R_S at the end of every accepted step, those times, the steps, R_S(θ⁰). */
  flow?: { stepRisks: number[]; stepTimes: number[]; steps: number; r0: number };
}

/** A draw's rate-free part (`DrawRun`): the certificate, and the flow (1) to T = 4n/(Nλ_S) if `integrate`. */
export function drawRun(net: LectureNetwork, theta0: Float64Array, lambdaS: number, integrate: boolean): DrawRun {
  const n = net.xs.length, N = net.width, T = 4 * n / (N * lambdaS);
  const cert = aprioriMovementCertificate(net, theta0, lambdaS);
  if (!integrate) return { cert };
  const times = [T / 8, T / 4, T / 2, T];
  const { stepRisks, stepTimes, steps } = movementCertificate(net, theta0, lambdaS, {
    times,
    rtol: FLOW_RTOL,
    everyStep: true,
  });
  return { cert, flow: { stepRisks, stepTimes, steps, r0: net.risk(theta0) } };
}

/**
 * The draw θ⁰ against e^{−cNλ_S t/n}R_S(θ⁰), from its rate-free part (`drawRun`): certified for every t ≥ 0 by `aprioriMovementCertificate` (t* = ∞, then
 * (2) and Weyl give dR_S/dt ≤ −(2N/n)(λ_min(K̂^(a)(θ⁰)) − sup_t‖ΔK̂^(a)‖_F)R_S, the rate when that is ≥ cλ_S/2 —
 * the theorem's proof, with λ_S/4 there), and with `integrate` the flow (1) from θ⁰ to T = 4n/(Nλ_S), read at the end of every
 * accepted step (outputs at T/8, T/4, T/2, T, so at least four). Error budget at a grid time: odex keeps each step's local error within FLOW_RTOL of the displacement
 * θ − θ⁰; added up without amplification over the steps, e(t) is off by at most (steps + 1)·FLOW_RTOL·‖e(0) − e(t)‖ ≤
 * 2(steps + 1)·FLOW_RTOL·‖e(0)‖, so R_S(θ(t)) = ‖e(t)‖²/2n relatively by 4(steps + 1)·FLOW_RTOL·√(R_S(θ⁰)/R_S(θ(t)))
 * (to first order). A violation is a ratio above 1 + budget; a failure of the integrator throws (undecided).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drawRun, rateOf } from "./lecture_rate_run.ts";
 * import { LectureNetwork } from "./lecture_network.ts";
 * import { createRng } from "../numerics/random.ts";
 * const net = new LectureNetwork([Float64Array.of(1, 1), Float64Array.of(-1, -1)], [0.05, -0.02], 2000);
 * const run = drawRun(net, net.initialise(createRng(1), 1 / 2000), 1, true);
 * // One flow, read against two rates: far below the flow's (certified, observed) and far above it (violated).
 * const slow = rateOf(run, net, 1, 0.01), fast = rateOf(run, net, 1, 20);
 * assert.ok(slow.certified && slow.observed && slow.steps === run.flow!.steps);
 * assert.ok(!fast.certified && !fast.observed);
 * ```
 */
export function rateOf({ cert, flow }: DrawRun, net: LectureNetwork, lambdaS: number, c: number): RateRun {
  const n = net.xs.length, N = net.width;
  const certified = cert.shiftBound < 0.25 && 2 * (cert.lambdaMin0 - cert.shiftBound * lambdaS) >= c * lambdaS;
  if (!flow) return { ratio: 0, observed: true, certified, cert, budget: 0, steps: 0 };
  const r0 = flow.r0;
  let ratio = 0, budget = 0, observed = true;
  flow.stepRisks.forEach((r, j) => {
    const q = r / (Math.exp(-c * N * lambdaS * flow.stepTimes[j] / n) * r0);
    const b = 4 * (flow.steps + 1) * FLOW_RTOL * Math.sqrt(r0 / r);
    ratio = Math.max(ratio, q);
    budget = Math.max(budget, b);
    if (!(q <= 1 + b)) observed = false;
  });
  return { ratio, observed, certified, cert, budget, steps: flow.steps };
}
