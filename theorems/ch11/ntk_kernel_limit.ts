/**
 * Theorem 11.30 (Chapter 11, §11.6.2): under the NTK parametrisation (11.6.1)–(11.6.2) the empirical
 * tangent kernel of a two-layer network tends to K^NTK(x, z) = (1 + xᵀz/d)E[σ′(uᵀx)σ′(uᵀz)] +
 * E[σ(uᵀx)σ(uᵀz)] + 1, tested at its rate n^{-1/2} for three (D, σ) pairs.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM } from "../../engine/false_alarm.ts";
import { widthRatePlot } from "../../engine/plots/width_rate.ts";
import { type WidthRateData, widthRateVerdict } from "../../engine/verdicts/kernel_width_rate.ts";
import { ntkKernel } from "../../models/ntk_kernels.ts";
import {
  type LimitKernel,
  SWEEP_DESIGN,
  SWEEP_HYPOTHESES,
  SWEEP_LAWS,
  sweepDrawCheck,
  type SweepInstance,
  widthSweep,
} from "../../models/tangent_kernel_sweep.ts";

export type { LimitKernel, SweepInstance };

const SOURCE = "004_9692536818598e94.txt";

/**
 * `thm-11.30`: K̂ₙ → K^NTK under the NTK parametrisation (11.6.1)–(11.6.2), at the rate n^{-1/2}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ntkKernelLimit } from "./ntk_kernel_limit.ts";
 * assert.equal(ntkKernelLimit().id, "thm-11.30");
 * ```
 */
export function ntkKernelLimit(limit: LimitKernel = (x, z, spec) => ntkKernel(x, z, spec).value): Claim {
  const id = "thm-11.30";
  const draw = widthSweep("ntk", limit);
  return defineClaim<SweepInstance, WidthRateData>({
    id,
    title: "NTK initialisation: K̂ₙ → K^NTK at the rate n^{-1/2}",
    kind: "limit",
    falseAlarm: CHECK_FALSE_ALARM,
    source: { document: SOURCE, where: "Chapter 11, §11.6.2, Theorem 11.30" },
    statement: String.raw`Under the same growth hypotheses and Assumption 11.14, for the network (11.6.1) with (11.6.2),
$\lim_{n\to\infty}\hat K_n(x,z) = (1+\frac{x^\top z}{d})\mathbb E[\sigma'(u^\top x)\sigma'(u^\top z)] +
\mathbb E[\sigma(u^\top x)\sigma(u^\top z)] + 1 =: K^{NTK}(x,z)$ almost surely. Proof: $\hat K_n = (1+\frac{x^\top z}{d})
\frac1n\sum v_i^2\sigma'\sigma' + \frac1n\sum\sigma\sigma + 1$.`,
    tightness:
      "per instance: |K̂ₙ (Jacobian Gram) − the proof's decomposition| over its rounding bound; aggregate: fitted exponent of the RMS error",
    instances: {
      test: SWEEP_LAWS.length * SWEEP_DESIGN.test.widths.length * SWEEP_DESIGN.test.seeds,
      report: SWEEP_LAWS.length * SWEEP_DESIGN.report.widths.length * SWEEP_DESIGN.report.seeds,
    },
    parameters: {
      law: { type: "integer", min: 0, max: SWEEP_LAWS.length - 1, help: "index of the (D, σ) pair of the sweep" },
      n: { type: "integer", min: 1, max: 2 ** 13, help: "width n" },
    },
    unbreakable:
      "The growth constant R is free: it is taken ≥ the inputs' norms and the activation's growth constant, and every " +
      "activation of the library has σ, σ′ of linear growth; the width is the limit variable, not a hypothesis (try --n 1).",
    generate: ({ rng, index, budget, params }) => draw(rng, index, SWEEP_DESIGN[budget], params),
    describe: (i) => `D = ${i.dist.name}, σ = ${i.activation.name}, n = ${i.n}, seed ${i.seed}, d = 2, 3 inputs`,
    hypotheses: SWEEP_HYPOTHESES,
    conclusion: {
      statement: String.raw`(per draw) the Gram matrix of the closed-form Jacobian equals the proof's decomposition of
$\hat K_n$ within its rounding bound, and the error $\max_{i,j}|s_n\hat K_n(x_i,x_j) - K(x_i,x_j)|$ is finite
($s_n = 1/n$ for LeCun, 1 for NTK); (aggregate) per law, the log–log fit against $n$ of the RMS over seeds of
$F_n = (\sum_{i\le j}(s_n\hat K_n(x_i,x_j) - \mathbb E[s_n\hat K_n(x_i,x_j)])^2)^{1/2}$ has an exponent whose confidence
interval contains the exponent of the exact $(\mathbb E F_n^2)^{1/2}$ over the same widths, and lies below 0. The proof's
decomposition makes $s_n\hat K_n$ a mean of $n$ iid terms, so $n\,\mathbb E F_n^2$ is exact: constant for NTK (exponent
$-1/2$), $A + B/n + C/n^2$ for LeCun, whose terms $\tilde v_i^2\sigma'\sigma'/n$ move the exponent away from $-1/2$ by
$O(1/n_{\min})$ (it tends to $-1/2$). For LeCun the decomposition also has an exact mean term of order $1/n$,
$\mathbb E[\frac1n\hat K_n] - K^{LC} = ((1+x^\top z)\mathbb E[\sigma'\sigma'] + 1)/n$, so the deviations are taken from
the finite-$n$ mean (for NTK that mean is the limit itself). The exponents of the largest entry's deviation (the
printed uniformity) and of the uncentered error are reported beside it.`,
      check: sweepDrawCheck,
    },
    aggregate: (records) => widthRateVerdict(records, false),
    plots: (records) => [widthRatePlot(id, records)],
  });
}
