/**
 * `lemma-11.22`, Chapter 11, §11.5.3, Lemma 11.22 and its proof: under Assumption 11.18 (a), (b), for every
 * δ > 0 there is R₀(δ, m, R) with P[f(w₀) ≤ R₀] ≥ 1 − δ for all widths n; the proof gives
 * R₀ = m(√(Cm/δ) + R)², C a bound on Var Φ(xᵢ, w₀). Checked by frequencies per (n, D) and δ ∈ {0.5, 0.1}.
 *
 * @module
 */
import { defineClaim, namedChoice } from "../../engine/claim.ts";
import type { AggregateCheck, Claim, ConclusionCheck, Hypothesis, InstanceContext } from "../../engine/claim.ts";
import type { InstanceRecord, Scenario } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM } from "../../engine/false_alarm.ts";
import { withData } from "../../engine/records.ts";
import { type FailureCell, failureFrequencyVerdict } from "../../engine/verdicts/failure_frequency.ts";
import { type Activation, arctan } from "../../models/activation.ts";
import { smallestCommonBound } from "../../models/common_bound.ts";
import { type KernelSpec, lecunKernel } from "../../models/ntk_kernels.ts";
import { TwoLayerNetwork } from "../../models/two_layer.ts";
import { SWEEP_WIDTH_PARAMETER } from "../../models/law_width_cells.ts";
import { oncePerLaw, rademacherFromUniform as rademacher } from "../../numerics/distributions.ts";
import { type Distribution, gaussian, uniformSqrt3 } from "../../numerics/random.ts";

const SOURCE = "004_9692536818598e94.txt";

/** A draw of f(w₀) on fixed data. */
export interface InitialLossInstance {
  /** Width. */
  n: number;
  /** D. */
  dist: Distribution;
  /** f(w₀) = Σ(Φ(xᵢ, w₀) − s·yᵢ)² (11.0.1b). */
  loss: number;
  /** s: the labels are s·yᵢ (1 for the printed data; larger breaks |yᵢ| ≤ R). */
  yscale: number;
}

/** What each draw keeps for the frequencies: its cell (n, D), f(w₀) and R₀ at δ = 0.5 and δ = 0.1. */
export interface InitialLossData {
  /** Width. */
  n: number;
  /** Name of D. */
  dist: string;
  /** f(w₀). */
  loss: number;
  /** R₀(δ = 0.5). */
  t0: number;
  /** R₀(δ = 0.1). */
  t1: number;
}

/** R₀ under test, given m, C, δ, R. */
export type InitialLossBound = (m: number, C: number, delta: number, R: number) => number;

/** The proof's R₀ = m(√(Cm/δ) + R)². */
export const printedInitialLossBound: InitialLossBound = (m, C, delta, R) => m * (Math.sqrt(C * m / delta) + R) ** 2;

/** The m = 3 training inputs (d = 2) and labels. */
const INPUTS = [[1.5, -0.5], [0.2, 1.9], [-1.1, -1.2]];
const LABELS = [0.8, -1.5, 0.3];
const WIDTHS = [1, 2, 8, 64, 512];
const LAWS = [gaussian, uniformSqrt3, rademacher];
/** The δ tested, in the order of `t0`, `t1`. */
const DELTAS = [0.5, 0.1];
const ACTIVATION: Activation = arctan;
/** R of Assumption 11.18 (a), (b) for arctan and the printed data. */
const R = smallestCommonBound(ACTIVATION, ...INPUTS.map((x) => Math.hypot(...x)), ...LABELS.map(Math.abs));

function drawInitialLoss({ rng, index, params = {} }: InstanceContext): InitialLossInstance {
  const n = params.n ?? WIDTHS[index % WIDTHS.length];
  const dist = LAWS[params.law ?? Math.floor(index / WIDTHS.length) % LAWS.length];
  const net = TwoLayerNetwork.initialise(rng, { d: 2, n, parametrisation: "lecun", activation: ACTIVATION }, {
    distribution: dist,
  });
  const out = net.forwardBatch(INPUTS);
  const yscale = params.yscale ?? 1;
  const loss = out.reduce((s, o, i) => s + (o - yscale * LABELS[i]) ** 2, 0);
  return { n, dist, loss, yscale };
}

const boundedDataHypothesis: Hypothesis<InitialLossInstance> = {
  statement: String
    .raw`Assumption 11.18 (a), (b): $|\sigma(0)|, \mathrm{Lip}(\sigma), \mathrm{Lip}(\sigma') \le R$ and $\|x_i\|, |y_i| \le R$`,
  certainty: "certified",
  method: "R = max of σ(0) = 0, Lip = 1, Lip σ′ = 3√3/8 and the data norms, computed exactly",
  check: (i) => {
    const maxY = Math.max(...LABELS.map((y) => Math.abs(i.yscale * y)));
    return { holds: Number.isFinite(R) && maxY <= R, value: `R = ${R.toFixed(4)}, max |yᵢ| = ${maxY.toFixed(4)}` };
  },
};

/** One draw: f(w₀) against R₀(δ) for each tested δ; the frequencies are judged by the aggregate. */
function checkLoss(i: InitialLossInstance, C: number, r0: InitialLossBound): ConclusionCheck<InitialLossData> {
  const thresholds = DELTAS.map((d) => r0(3, C, d, R));
  return {
    holds: Number.isFinite(i.loss),
    observed: i.loss,
    bound: thresholds[0],
    tightness: i.loss / thresholds[0],
    detail: `f(w₀) = ${i.loss.toFixed(4)}, R₀(δ=0.5) = ${thresholds[0].toFixed(3)}, C = ${C.toFixed(4)}`,
    data: { n: i.n, dist: i.dist.name, loss: i.loss, t0: thresholds[0], t1: thresholds[1] },
  };
}

/** Frequencies of f(w₀) > R₀(δ) per (n, D, δ), with the observed 90% quantiles. */
function lossFrequencies(records: InstanceRecord<InitialLossData>[]): AggregateCheck {
  const cells: FailureCell[] = [];
  const groups = new Map<string, { losses: number[]; thresholds: number[] }>();
  for (const { data } of withData(records)) {
    const key = `n=${data.n}, ${data.dist}`;
    const group = groups.get(key) ?? { losses: [], thresholds: [data.t0, data.t1] };
    group.losses.push(data.loss);
    groups.set(key, group);
  }
  for (const [key, group] of groups) {
    DELTAS.forEach((delta, k) => {
      cells.push({
        key: `${key}, δ=${delta}`,
        failures: group.losses.filter((l) => l > group.thresholds[k]).length,
        draws: group.losses.length,
        promised: delta,
      });
    });
  }
  const verdict = failureFrequencyVerdict(cells, "P[f(w₀) > R₀(δ)] against δ");
  const quantiles = [...groups].map(([key, group]) => {
    const sorted = [...group.losses].sort((a, b) => a - b);
    return `${key}: 90% quantile of f(w₀) ${sorted[Math.floor(0.9 * (sorted.length - 1))].toFixed(3)} vs R₀(0.1) = ${
      group.thresholds[1].toFixed(2)
    }`;
  });
  return { ...verdict, summary: `${verdict.summary} Observed: ${quantiles.join("; ")}.` };
}

const scenarios: Scenario[] = [{
  name: "labels-beyond-R",
  breaks: String
    .raw`Assumption 11.18 (b) $|y_i| \le R$: labels scaled by 10 ($|y_2| = 15$) while $R_0 = m(\sqrt{Cm/\delta} + R)^2$ keeps $R \approx 1.91$; width $n = 64$`,
  params: { yscale: 10, n: 64 },
  decidedBy: "aggregate",
  instances: 150,
}];

/**
 * `lemma-11.22`: P[f(w₀) ≤ R₀] ≥ 1 − δ with R₀ = m(√(Cm/δ) + R)², C = max_i Var Φ(xᵢ, w₀) = max_i K^LC(xᵢ, xᵢ)
 * (the proof's variance bound, computed exactly), for every n. R₀ is a parameter (mutation tests).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { initialLossBound } from "./initial_loss_bound.ts";
 * assert.equal(initialLossBound().id, "lemma-11.22");
 * ```
 */
export function initialLossBound(r0: InitialLossBound = printedInitialLossBound): Claim {
  // C per law: max_i K^LC(xᵢ, xᵢ) = max_i Var Φ(xᵢ, w₀), computed once.
  const varianceBound = oncePerLaw((dist: Distribution) => {
    const spec: KernelSpec = { parametrisation: "lecun", activation: ACTIVATION, distribution: dist };
    return Math.max(...INPUTS.map((x) => lecunKernel(x, x, spec).value));
  });
  const cells = WIDTHS.length * LAWS.length;
  return defineClaim<InitialLossInstance, InitialLossData>({
    id: "lemma-11.22",
    title: "The initial loss f(w₀) is bounded with high probability, uniformly in n",
    kind: "probabilistic",
    source: { document: SOURCE, where: "Chapter 11, §11.5.3, Lemma 11.22 and its proof" },
    statement: String.raw`Under Assumption 11.18 (a), (b), for every $\delta > 0$ there is $R_0(\delta, m, R)$ with
$\mathbb P[f(w_0) \le R_0] \ge 1-\delta$ for all $n \in \mathbb N$; the proof gives $R_0 = m(\sqrt{Cm/\delta} + R)^2$, $C$ a bound on
$\operatorname{Var}\Phi(x_i, w_0)$.`,
    tightness: "largest ratio of the exact lower confidence bound on P[f(w₀) > R₀] to δ",
    instances: { test: cells * 100, report: cells * 1000 },
    falseAlarm: CHECK_FALSE_ALARM,
    generate: drawInitialLoss,
    // --widths: instance k at the k-th width in turn (the laws change every len(widths)); each cell is keyed by its n.
    sweepParameter: "n",
    describe: (i) =>
      `n = ${i.n}, D = ${i.dist.name}, σ = arctan, m = 3, d = 2${i.yscale !== 1 ? `, labels ×${i.yscale}` : ""}`,
    hypotheses: [boundedDataHypothesis],
    conclusion: {
      failure: (c) => `each draw of f(w₀) must be a finite number to count towards the frequency; observed ${c.detail}`,
      statement: String
        .raw`For $\delta \in \{0.5, 0.1\}$ and each cell $(n, \mathcal D)$, the frequency of $f(w_0) > R_0$ is
compatible with a probability $\le \delta$ (exact Clopper–Pearson, family-wise $4\cdot 10^{-4}$).`,
      check: (i) => checkLoss(i, varianceBound(i.dist), r0),
    },
    aggregate: lossFrequencies,
    parameters: {
      n: SWEEP_WIDTH_PARAMETER,
      law: namedChoice("the law D of the weights", LAWS.map((d) => d.name)),
      yscale: {
        type: "number",
        min: 0,
        max: 100,
        help: "labels scaled to s·yᵢ (default 1) while R and R₀ stay those of the printed data",
      },
    },
    scenarios,
    nearMiss: {
      mutant: "R₀ = (√(Cm/δ) + R)², the outer factor m dropped (3× smaller)",
      notCaught:
        "cannot tell R₀ from one 6.6× smaller: over the 15 cells (n, D) and δ ∈ {0.5, 0.1} at the report budget, the largest empirical (1 − δ)-quantile of f(w₀) over R₀(δ) is 0.151 (n = 1, Rademacher, δ = 0.5: median 7.92 against R₀ = 52.6; the 90% quantiles are 8.5–11.4 against R₀(0.1) = 115–147), and no draw of 15 000 exceeds R₀(0.5); (√(Cm/δ) + R)² and m(√(C/δ) + R)² are verified at the report budget. Only R₀ = mCδ is caught (`initial_loss_bound_test.ts`)",
    },
  });
}
