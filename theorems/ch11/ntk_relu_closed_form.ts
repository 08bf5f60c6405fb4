/**
 * Example 11.31 (Chapter 11, §11.6.2, with Example 11.17 and Theorem 11.30): for ReLU and u ~ N(0, I/d),
 * E[σ′(uᵀx)σ′(uᵀz)] = (π − θ)/(2π), hence a closed form of K^NTK, checked against quadrature and
 * against the empirical NTK of a wide network (CLT interval).
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM } from "../../engine/false_alarm.ts";
import { type InstanceBand, instanceBandTest, reportingAggregate } from "../../engine/verdicts/instance_tests.ts";
import { agreesWithQuadrature } from "../../engine/verdicts/quadrature_agreement.ts";
import { relu } from "../../models/activation.ts";
import type { PairInstance } from "../../models/kernel_input_pairs.ts";
import { describePair, NONZERO_PAIR, PAIR_PARAMETERS, randomPair } from "../../models/kernel_input_pairs.ts";
import { ZERO_X_SCENARIO } from "../../models/kernel_input_pairs.ts";
import { derivativeKernel, type KernelSpec, ntkKernel } from "../../models/ntk_kernels.ts";
import { reluDerivativeKernelClosedForm, reluNtkKernelClosedForm } from "../../models/ntk_kernels.ts";
import { perNeuronMean } from "../../models/tangent_kernel_decomposition.ts";
import { TwoLayerNetwork } from "../../models/two_layer.ts";
import { EPS } from "../../numerics/linalg.ts";
import { gaussian } from "../../numerics/random.ts";

/** A closed form of a kernel at a pair of inputs. */
export type PairClosedForm = (x: number[], z: number[]) => number;

/** A pair with an NTK network of width n. */
export interface NtkPairInstance extends PairInstance {
  /** The network (NTK parametrisation, ReLU, Gaussian D). */
  net: TwoLayerNetwork;
}

const SOURCE = "004_9692536818598e94.txt";

/** Closed forms of Example 11.31 under test. */
export interface NtkClosedForms {
  /** E[σ′(uᵀx)σ′(uᵀz)] for u ~ N(0, I/d). */
  derivative: PairClosedForm;
  /** K^NTK for ReLU, Gaussian D. */
  ntk: PairClosedForm;
}

/**
 * `ex-11.31`: E[σ′σ′] = (π − θ)/(2π) for ReLU, u ~ N(0, I/d), and the resulting closed form of K^NTK,
 * against quadrature and against the empirical NTK of a wide network (CLT interval).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ntkReluClosedForm } from "./ntk_relu_closed_form.ts";
 * assert.equal(ntkReluClosedForm().id, "ex-11.31");
 * ```
 */
export function ntkReluClosedForm(
  forms: NtkClosedForms = { derivative: reluDerivativeKernelClosedForm, ntk: reluNtkKernelClosedForm },
): Claim {
  const widths = { test: 2 ** 12, report: 2 ** 15 };
  const count = { test: 20, report: 100 };
  return defineClaim<NtkPairInstance, InstanceBand>({
    id: "ex-11.31",
    title: "K^NTK for ReLU and Gaussian D in closed form",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 11, §11.6.2, Example 11.31 with Example 11.17 and Theorem 11.30" },
    statement: String
      .raw`$\sigma = \max\{0,\cdot\}$, $u_i \sim N(0,1/d)$: $\mathbb E[\sigma'(u^\top x)\sigma'(u^\top z)] =
\frac{\pi - \arccos(x^\top z/(\|x\|\|z\|))}{2\pi}$; with Example 11.17 this gives
$K^{NTK}(x,z) = (1+\frac{x^\top z}{d})\frac{\pi-\theta}{2\pi} + \frac{\|x\|\|z\|}{2\pi d}(\sin\theta+(\pi-\theta)\cos\theta) + 1$.`,
    tightness:
      "worst of: closed forms vs quadrature over their bound; |K̂ₙ − K^NTK| of a wide network over 5 CLT standard errors",
    instances: count,
    falseAlarm: CHECK_FALSE_ALARM,
    generate({ rng, index, budget, params }) {
      const { x, z } = randomPair(rng, index, params);
      const net = TwoLayerNetwork.initialise(rng, {
        d: x.length,
        n: params?.n ?? widths[budget],
        parametrisation: "ntk",
        activation: relu,
      }, {
        distribution: gaussian,
      });
      return { x, z, net };
    },
    describe: (i) => `${describePair(i)}, n = ${i.net.n}`,
    hypotheses: [NONZERO_PAIR],
    conclusion: {
      statement: String
        .raw`(a) both closed forms match nested quadrature of the expectations; (b) the empirical $\hat K_n(x,z)$
of an NTK network of width $n$ lies within 5 standard errors (sample standard deviation of the i.i.d. per-neuron terms
over $\sqrt n$; two-sided normal tail $5.7\cdot10^{-7}$) of the closed form.`,
      check(i) {
        const spec: KernelSpec = { parametrisation: "ntk", activation: relu, distribution: gaussian };
        const q1 = derivativeKernel(i.x, i.z, spec), qn = ntkKernel(i.x, i.z, spec);
        const scale = Math.hypot(...i.x) * Math.hypot(...i.z);
        const a1 = agreesWithQuadrature(forms.derivative(i.x, i.z), q1, 1),
          an = agreesWithQuadrature(forms.ntk(i.x, i.z), qn, scale + 1);
        // (b) Per-neuron terms Tᵢ = (1 + xᵀz/d)vᵢ²σ′σ′ + σσ, K̂ = mean(T) + 1.
        const n = i.net.n, { standardError: se } = perNeuronMean(i.net, i.x, i.z);
        const K = i.net.tangentKernel([i.x, i.z]).get(0, 1);
        const mcGap = Math.abs(K - forms.ntk(i.x, i.z)), mcBound = 5 * se + 64 * EPS * (scale + 1) * n;
        const worst = Math.max(a1.gap / a1.bound, an.gap / an.bound, mcGap / mcBound);
        return {
          holds: a1.ok && an.ok && mcGap <= mcBound,
          observed: worst,
          bound: 1,
          tightness: worst,
          detail: `E[σ′σ′]: closed ${forms.derivative(i.x, i.z).toFixed(8)} vs quad ${
            q1.value.toFixed(8)
          }; K^NTK: closed ${forms.ntk(i.x, i.z).toFixed(8)} vs quad ${qn.value.toFixed(8)}; K̂ₙ = ${K.toFixed(5)} (${
            (mcGap / se).toFixed(2)
          } s.e.)`,
          data: { gap: mcGap, se, band: mcBound, value: forms.ntk(i.x, i.z) },
        };
      },
    },
    aggregate: (records) =>
      reportingAggregate(
        records,
        "for the record (the verdict is the per-instance checks (a) and (b)): the CLT bands of (b) as normal tests, combined over the judged instances",
        (judged) => [instanceBandTest(judged, 5)],
      ),
    parameters: {
      ...PAIR_PARAMETERS,
      n: { type: "integer", min: 16, max: 2 ** 14, help: "width n of the NTK network for part (b)" },
    },
    scenarios: [ZERO_X_SCENARIO, {
      name: "narrow-network",
      breaks:
        "not a hypothesis but the limit $n \\to \\infty$ behind part (b): $n = 16$, where 5 CLT standard errors of the per-neuron mean are a poor band",
      params: { n: 16 },
    }],
    nearMiss: {
      mutant: "the closed form 1.05·K^NTK (a limit 5% too large)",
      caughtBy:
        '`ntk_relu_closed_form_test.ts`, "ex-11.31: its test record rejects exactly when the claim does (K^NTK 5% too large and the printed claim)"; falsified on seeds 1–10 at the test budget (10/10); the constant 1/(2π) of E[σ′σ′] off by 2 is caught as well ("ex-11.31 catches (π − θ)/π for E[σ′σ′]")',
    },
  });
}
