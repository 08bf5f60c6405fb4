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
import type { LimitKernel, SweepInstance } from "../../models/tangent_kernel_sweep.ts";
import { widthSweepClaimFields } from "../../models/tangent_kernel_sweep.ts";

export type { LimitKernel };

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
  return defineClaim<SweepInstance, WidthRateData>({
    id,
    title: "NTK initialisation: K̂ₙ → K^NTK at the rate n^{-1/2}",
    kind: "limit",
    source: { document: SOURCE, where: "Chapter 11, §11.6.2, Theorem 11.30" },
    statement: String.raw`Under the same growth hypotheses and Assumption 11.14, for the network (11.6.1) with (11.6.2),
$\lim_{n\to\infty}\hat K_n(x,z) = (1+\frac{x^\top z}{d})\mathbb E[\sigma'(u^\top x)\sigma'(u^\top z)] +
\mathbb E[\sigma(u^\top x)\sigma(u^\top z)] + 1 =: K^{NTK}(x,z)$ almost surely. Proof: $\hat K_n = (1+\frac{x^\top z}{d})
\frac1n\sum v_i^2\sigma'\sigma' + \frac1n\sum\sigma\sigma + 1$.`,
    falseAlarm: CHECK_FALSE_ALARM,
    // The sweep, its hypotheses and the per-draw check, shared with thm-11.16.
    ...widthSweepClaimFields("ntk", limit),
    aggregate: (records) => widthRateVerdict(records, false),
    plots: (records) => [widthRatePlot(id, records)],
    nearMiss: {
      mutant: "(1 + xᵀz)E[σ′σ′] in place of (1 + xᵀz/d)E[σ′σ′] in K^NTK (the LeCun proof's factor carried over)",
      caughtBy:
        '`ntk_kernel_limit_test.ts`, "thm-11.30 catches the near miss (1 + xᵀz) in place of (1 + xᵀz/d) in K^NTK"',
    },
  });
}
