/**
 * `prop-11.25` — Chapter 11, §11.5.4, (11.5.8)–(11.5.9), Proposition 11.25 (004_9692536818598e94.txt): in
 * the setting of Theorem 11.23, the kernel driving the full GD dynamics of a wide LeCun network stays
 * within C·n^{-1/2} of the kernel driving the linearised dynamics, uniformly in k.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM } from "../../engine/false_alarm.ts";
import { widthScatterPlot } from "../../engine/plots/width_scatter.ts";
import { widthSamples } from "../../engine/verdicts/width_decay_rate.ts";
import type { JacobianTransform, WideInstance, WidthGapData } from "../../models/wide_lecun_sweep.ts";
import { exactJacobian, WIDE_SWEEP_FIELDS, wideDecayVerdict, widthGapCheck } from "../../models/wide_lecun_sweep.ts";

/**
 * `prop-11.25`: the kernel driving the full dynamics stays within C·n^{-1/2} of the linearised one.
 * The Jacobian of the linearised model is a parameter so that a wrong one can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kernelGapRate } from "./kernel_gap_rate.ts";
 * assert.equal(kernelGapRate().id, "prop-11.25");
 * ```
 */
export function kernelGapRate(linearJacobian: JacobianTransform = exactJacobian): Claim {
  return defineClaim<WideInstance, WidthGapData>({
    id: "prop-11.25",
    title: "The full and linearised dynamics are driven by kernels O(n^{-1/2}) apart",
    kind: "rate",
    source: {
      document: "004_9692536818598e94.txt",
      where: "Chapter 11, §11.5.4, (11.5.8)–(11.5.9), Proposition 11.25",
    },
    statement: String.raw`In the setting of Theorem 11.23, there exists $C < \infty$ such that w.h.p. for all $k$:
$\frac1n\|\nabla_w\Phi(X, \tilde w_k)\nabla_w\Phi(X, w_k)^\top - \nabla_p\Phi(X, p_0)\nabla_p\Phi(X, p_0)^\top\| \le Cn^{-1/2}$.`,
    tightness: "fitted exponent in n over −1/2 is in the aggregate; per instance the observed sup over k is recorded",
    // 80 at the report budget (30 before: power 0.33), fixed from the fit's standard error at 30 (0.070, seed 1) before the
    // run: the upper t test at level 1.67·10⁻⁴ catches an exponent −1/4 with power ≈ 0.9 from ≈ 57 instances on.
    instances: { test: 15, report: 80 },
    falseAlarm: CHECK_FALSE_ALARM,
    // The width sweep, its parameters, the step-size scenarios and the hypothesis, Assumption 11.18.
    ...WIDE_SWEEP_FIELDS,
    describe: (i) => `LeCun network, arctan, n = ${i.net.n}, m = 3, d = 3, h·n = ${(i.h * i.net.n).toFixed(4)}`,
    conclusion: {
      statement:
        "GD runs until f fell by 24 orders (or 400 steps); the sup over k of the kernel gap (w̃_k the midpoint of w_k, w_{k+1}) is finite and recorded for the rate fit",
      check: (i) =>
        widthGapCheck(i, linearJacobian, {
          label: "sup_k kernel gap",
          of: (r) => r.maxKernelGap,
          // Normalised by √f(w₀): the gap is first order in the displacement, itself ∝ √f(w₀) (11.4.3); this removes the
          // initial-error noise from the width fit (the proposition's C grows with R₀ ≥ f(w₀)).
          normalised: (r, gap) => gap / Math.sqrt(r.losses[0]),
        }),
    },
    aggregate: (records) => wideDecayVerdict(widthSamples(records, (d) => d.gap), "sup_k (1/n)‖ΔK‖/√f(w₀)"),
    plots: (records) => [
      widthScatterPlot(
        widthSamples(records, (d) => d.gap),
        "gap",
        "sup over k of (1/n)‖∇Φ(X, w̃_k)∇Φ(X, w_k)ᵀ − ∇Φ(X, p₀)∇Φ(X, p₀)ᵀ‖ against n",
      ),
    ],
    nearMiss: {
      mutant: "the rate n^{-3/4} in place of n^{-1/2} (the exponent off by 1/4)",
      notCaught:
        "cannot tell the printed C·n^{-1/2} from C·n^{-3/4}, nor from any rate down to n^{-1.86}: the fitted exponent of sup_k (1/n)‖ΔK‖/√f(w₀) is −2.03, 99.97% CI [−2.20, −1.86], over 80 instances (n = 128…2048) at the report budget, so a C·n^{-1/2} fitted at n = 128 is ≈ 70× above the gap at n = 2048 (16^{1.53}); the check rejects only decays slower than n^{-1/2}",
    },
  });
}
