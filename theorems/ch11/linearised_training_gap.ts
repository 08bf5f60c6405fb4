/**
 * `prop-11.26` — Chapter 11, §11.5.4, Proposition 11.26 (004_9692536818598e94.txt): in the setting of
 * Theorem 11.23, GD on a wide LeCun network and GD on its linearisation (11.5.9) predict within
 * C·n^{-1/2} of each other, uniformly in k and in the inputs ‖x‖ ≤ 1.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM } from "../../engine/false_alarm.ts";
import { widthScatterPlot } from "../../engine/plots/width_scatter.ts";
import { withData } from "../../engine/records.ts";
import { inverseSqrtDecayVerdict } from "../../engine/verdicts/width_decay_rate.ts";
import {
  exactJacobian,
  type JacobianTransform,
  stepSizeCondition,
  sweepWidth,
  trainWide,
  WIDE_WIDTHS,
  type WideInstance,
  wideInstance,
} from "../../models/wide_lecun_sweep.ts";

export type { JacobianTransform, WideInstance };

/** What an instance keeps for the rate fit. */
export interface PredictionGapData {
  /** Width n. */
  width: number;
  /** sup_k max over the test points of |Φ(x, w_k) − Φ^lin(x, p_k)| / f(w₀). */
  gap: number;
}

/**
 * `prop-11.26`: sup_k |Φ(x, w_k) − Φ^lin(x, p_k)| ≤ C·n^{-1/2} for ‖x‖ ≤ 1.
 * The Jacobian of the linearised model is a parameter so that a wrong one can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearisedTrainingGap } from "./linearised_training_gap.ts";
 * assert.equal(linearisedTrainingGap().id, "prop-11.26");
 * ```
 */
export function linearisedTrainingGap(linearJacobian: JacobianTransform = exactJacobian): Claim {
  return defineClaim<WideInstance, PredictionGapData>({
    id: "prop-11.26",
    falseAlarm: CHECK_FALSE_ALARM,
    title: "Full and linearised training agree to O(n^{-1/2})",
    kind: "rate",
    source: { document: "004_9692536818598e94.txt", where: "Chapter 11, §11.5.4, Proposition 11.26" },
    statement: String
      .raw`In the setting of Theorem 11.23, there exists $C < \infty$ such that w.h.p. for all $\|x\| \le 1$:
$\sup_{k\in\mathbb N}|\Phi(x, w_k) - \Phi^{\text{lin}}(x, p_k)| \le Cn^{-1/2}$.`,
    tightness: "fitted exponent in the aggregate; per instance the observed sup over k and test points is recorded",
    instances: { test: 15, report: 30 },
    // The width sweep, with the overrides `width` and `stepFactor`.
    generate: ({ rng, index, params = {} }) =>
      wideInstance(rng, params.width ?? sweepWidth(index), params.stepFactor ?? 0.9),
    parameters: {
      width: { type: "integer", min: 4, max: 1024, help: "width n (the sweep uses 128…2048)" },
      stepFactor: {
        type: "number",
        min: 0.05,
        max: 8,
        help: "h·(λ_min^LC + 4λ_max^LC)n/2 (the hypothesis is < 1; the sweep uses 0.9)",
      },
    },
    scenarios: [{
      name: "step-above-theorem",
      breaks: String
        .raw`$h < \frac{2}{(\lambda^{LC}_{\min} + 4\lambda^{LC}_{\max})n}$: a step 3 times the theorem's bound, $h = 3\cdot\frac{2}{(\lambda^{LC}_{\min} + 4\lambda^{LC}_{\max})n}$`,
      params: { stepFactor: 3 },
    }, {
      name: "step-beyond-stability",
      breaks: String
        .raw`$h < \frac{2}{(\lambda^{LC}_{\min} + 4\lambda^{LC}_{\max})n}$: a step 6 times the theorem's bound, above the stability limit $h \approx \frac{2}{\lambda^{LC}_{\max}n}$ of GD on the linearised model`,
      params: { stepFactor: 6 },
    }],
    describe: (i) => `LeCun network, arctan, n = ${i.net.n}, m = 3, d = 3, 6 test points with ‖x‖ ≤ 1`,
    hypotheses: [{
      statement: String
        .raw`Assumption 11.18: $|\sigma(0)|, \mathrm{Lip}(\sigma), \mathrm{Lip}(\sigma') \le R$; $\|x_i\|, |y_i| \le R$; $(K^{LC}(x_i, x_j))$ regular with eigenvalues in $[\lambda^{LC}_{\min}, \lambda^{LC}_{\max}]$; $h < \frac{2}{(\lambda^{LC}_{\min} + 4\lambda^{LC}_{\max})n}$`,
      certainty: "estimated",
      method:
        "σ = arctan: σ(0) = 0, Lip σ = 1, Lip σ′ = 3√3/8 (exact); R = √3 bounds ‖xᵢ‖ = √3 and |yᵢ| ≤ 1; K^LC by adaptive quadrature (error estimate, not a rigorous bound), its eigenvalues by the symmetric eigensolver; h = 0.9 of the bound",
      check: stepSizeCondition,
    }],
    conclusion: {
      statement:
        "GD on Φ and on Φ^lin side by side; sup over k and the test points of the prediction gap, divided by f(w₀), is recorded",
      check(i) {
        const r = trainWide(i, linearJacobian);
        const ok = Number.isFinite(r.maxPredictionGap) && r.losses[r.steps] < r.losses[0];
        return {
          holds: ok,
          observed: r.maxPredictionGap,
          bound: Infinity,
          tightness: 0,
          detail: `n = ${i.net.n}: sup_k |Φ − Φ^lin| = ${r.maxPredictionGap.toExponential(3)} over ${r.steps} steps`,
          // Normalised by f(w₀): the gap is second order in the displacement ∝ √f(w₀) (11.4.3).
          data: { width: i.net.n, gap: r.maxPredictionGap / r.losses[0] },
        };
      },
    },
    aggregate: (records) =>
      inverseSqrtDecayVerdict(
        withData(records).map(({ data }) => ({ width: data.width, value: data.gap })),
        "sup_k sup_x |Φ(x, w_k) − Φ^lin(x, p_k)|/f(w₀)",
        WIDE_WIDTHS,
        CHECK_FALSE_ALARM,
      ),
    plots: (records) => [
      widthScatterPlot(
        withData(records).map(({ data }) => ({ width: data.width, value: data.gap })),
        "gap",
        "sup over k and test points of |Φ(x, w_k) − Φ^lin(x, p_k)| against n",
      ),
    ],
  });
}
