/**
 * `prop-11.28`, Chapter 11, §11.5.5, Proposition 11.28: for networks (11.5.1) with (11.5.3) and
 * c(x, z) := E[σ(uᵀx)σ(uᵀz)], u ~ D(0, 1/d), the outputs (Φₙ(x₁, w₀), …, Φₙ(x_k, w₀)) at distinct points
 * tend weakly to N(0, (c(xᵢ, xⱼ))ᵢⱼ) as n → ∞. Checked per width: the empirical covariance against c, and
 * Gaussianity by Kolmogorov–Smirnov tests.
 *
 * @module
 */
import { defineClaim, namedChoice } from "../../engine/claim.ts";
import type { AggregateCheck, BudgetName, Claim, ConclusionCheck, Hypothesis } from "../../engine/claim.ts";
import type { InstanceRecord, PlotSpec, Scenario } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM, levelText } from "../../engine/false_alarm.ts";
import { logLogLines } from "../../engine/plots/log_log.ts";
import { withData } from "../../engine/records.ts";
import { type Activation, arctan, rememberingValues, softplus } from "../../models/activation.ts";
import { type KernelSpec, lecunKernel, pairExpectation, pairLaw } from "../../models/ntk_kernels.ts";
import { TwoLayerNetwork } from "../../models/two_layer.ts";
import { catoniMeanTest } from "../../numerics/catoni.ts";
import { catoniPower } from "../../numerics/interval_power.ts";
import { oncePerLaw, rademacherFromUniform as rademacher } from "../../numerics/distributions.ts";
import {
  chiSquareCdf,
  chiSquareSum,
  chiSquareSumPower,
  kolmogorovSmirnov,
  normalCdf,
} from "../../numerics/goodness_of_fit.ts";
import { Matrix, pseudoInverse } from "../../numerics/linalg.ts";
import { type Distribution, gaussian } from "../../numerics/random.ts";
import { holm } from "../../numerics/stats.ts";
import { SWEEP_WIDTH_PARAMETER, sweepCell, sweepInstances } from "../../models/law_width_cells.ts";

const SOURCE = "004_9692536818598e94.txt";

/** One draw of the network outputs at the k inputs. */
export interface OutputsInstance {
  /** D. */
  dist: Distribution;
  /** σ. */
  activation: Activation;
  /** Width. */
  n: number;
  /** (Φₙ(x₁, w₀), …, Φₙ(x_k, w₀)). */
  outputs: number[];
}

/** What each draw keeps for the aggregate: its law, width and outputs. */
export interface OutputsData {
  /** Name of D. */
  dist: string;
  /** Name of σ. */
  act: string;
  /** Width. */
  n: number;
  /** The outputs at the k inputs. */
  y: number[];
}

/** The covariance c(x, z) under test. */
export type Covariance = (x: number[], z: number[], spec: KernelSpec) => number;

/** Per law: the covariance matrix C = (c(xₐ, x_b)) under test, and M = (E[σ(uᵀxₐ)²σ(uᵀx_b)²]) under the true law. */
interface LawMoments {
  C: number[][];
  M: number[][];
}

/** The k = 3 distinct inputs in d = 2. */
const INPUTS = [[1.5, 0.3], [-0.4, 1.2], [0.9, -1.4]];
const LAWS: [Distribution, Activation][] = [[gaussian, arctan], [rademacher, softplus]];
const WIDTHS: Record<BudgetName, number[]> = {
  test: [1, 4, 16, 64, 256, 1024],
  report: [1, 4, 16, 64, 256, 1024, 2048],
};
// 1600 draws per cell at the test budget: the covariance tests' power (the 15% mutant's entries reach p ≤ 10⁻⁷
// at n = 1; at 400 draws several would not pass Holm's first level).
const DRAWS: Record<BudgetName, number> = { test: 1600, report: 2000 };
const SWEEP = { laws: LAWS, widths: WIDTHS, draws: DRAWS };
/**
 * Extra draws per law at the largest width, appended after the sweep's instances (whose indices, hence draws, are
 * unchanged): the power of the χ² sum against a covariance 5% off (report: 2000 + 2800 per law, exact power 0.945;
 * test: 1600 + 1000 per law, power 0.529, paid for by the KS power simulation this exact power replaced).
 */
const EXTRA_LARGEST: Record<BudgetName, number> = { test: 1000, report: 2800 };
const sweepCount = sweepInstances(SWEEP);

function lawMoments(cov: Covariance, dist: Distribution, act: Activation): LawMoments {
  const spec: KernelSpec = { parametrisation: "lecun", activation: act, distribution: dist };
  const sq = (t: number) => act.f(t) ** 2;
  return {
    C: INPUTS.map((x) => INPUTS.map((z) => cov(x, z, spec))),
    M: INPUTS.map((x) =>
      INPUTS.map((z) => pairExpectation(sq, sq, act.kinks, act.kinks, pairLaw(x, z, spec), dist).value)
    ),
  };
}

const distinctPointsHypothesis: Hypothesis<OutputsInstance> = {
  statement: "$x_1, \\dots, x_k$ distinct; $\\mathcal D$ satisfies Assumption 11.14",
  certainty: "certified",
  method:
    "fixed distinct points; Gaussian D with arctan, Rademacher D with softplus (non-odd, so that C is regular although u takes only 2^d values)",
  check: (i) => ({ holds: i.dist.variance === 1, value: i.dist.name }),
};

/** One draw: keeps the outputs; the covariance and Gaussianity are judged by the aggregate. */
function keepOutputs(i: OutputsInstance): ConclusionCheck<OutputsData> {
  return {
    holds: i.outputs.every(Number.isFinite),
    observed: 0,
    bound: 0,
    tightness: 0,
    detail: `outputs ${i.outputs.map((o) => o.toFixed(3)).join(", ")}`,
    data: { dist: i.dist.name, act: i.activation.name, n: i.n, y: i.outputs },
  };
}

/**
 * Per (D, n): Catoni tests of every covariance entry (Holm, α/2) and KS tests of the marginals and of
 * yᵀC⁻¹y (Holm at the largest width, α/2); the KS distance must shrink with the width.
 */
function covarianceAndGaussianity(
  records: InstanceRecord<OutputsData>[],
  moments: (dist: Distribution, act: Activation) => LawMoments,
): AggregateCheck {
  const cells = new Map<string, { dist: string; act: string; n: number; ys: number[][] }>();
  for (const { data } of withData(records)) {
    const key = `${data.dist}, n=${data.n}`;
    const cell = cells.get(key) ?? { dist: data.dist, act: data.act, n: data.n, ys: [] };
    cell.ys.push(data.y);
    cells.set(key, cell);
  }
  const k = INPUTS.length;
  const covP: number[] = [], covLabels: string[] = [], rows: [string, string][] = [];
  const gof = new Map<string, { ks: number; pValues: number[]; q: number[] }>();
  // Holm's first (most stringent) per-entry level: the Catoni scale is tuned to it before any data is seen.
  const entries = cells.size * k * (k + 1) / 2, firstLevel = CHECK_FALSE_ALARM / 2 / entries;
  let worstEvidence = 0;
  // Power against the covariance 5% off (×1.05, ×0.95): per cell the best entry's (normal model of Catoni's S).
  const missed = POWER_FACTORS.map(() => 1);
  for (const [key, c] of cells) {
    const law = LAWS.find(([d]) => d.name === c.dist)!;
    const { C: Cm, M } = moments(law[0], law[1]), mu4 = law[0].fourthMoment;
    const N = c.ys.length, n = c.n;
    const entryPower: number[][] = [];
    for (let a = 0; a < k; a++) {
      for (let b = a; b < k; b++) {
        // Exact variance of Φ(xₐ)Φ(x_b) under H0 (Φ = n^{-1/2}Σξᵢσ(uᵢᵀx), E ξ² = 1, E ξ⁴ = μ₄): pair the four
        // neuron indices of E[(ΣAᵢ)²(ΣBⱼ)²].
        const second = (mu4 * M[a][b] + (n - 1) * (Cm[a][a] * Cm[b][b] + 2 * Cm[a][b] ** 2)) / n;
        // The products are skewed and heavy-tailed at small n: the normal z-test (even with this exact variance)
        // rejected correct code at Holm's far thresholds (seeds 207, 314: z = 5.35, Rademacher n = 16). Catoni's
        // exponential-moment bound needs only the variance, so its p-values are valid for any law.
        const products = c.ys.map((y) => y[a] * y[b]), mean = products.reduce((s, t) => s + t, 0) / N;
        const label = `${key} C[${a}][${b}]: ${mean.toFixed(4)} vs ${Cm[a][b].toFixed(4)}`;
        if (!(second - Cm[a][b] ** 2 > 0)) {
          // c(xₐ, x_b)² above E[(ΦₐΦ_b)²] under the true law: no law has that mean, so c cannot be the covariance.
          covP.push(0);
          covLabels.push(`${label} (c² exceeds the second moment ${second.toFixed(4)}: impossible)`);
          worstEvidence = Infinity;
          continue;
        }
        const test = catoniMeanTest(products, Cm[a][b], second - Cm[a][b] ** 2, firstLevel);
        entryPower.push(
          POWER_FACTORS.map((f) =>
            catoniPower(products.map((t) => f * t), Cm[a][b], second - Cm[a][b] ** 2, test.scale, firstLevel)
          ),
        );
        worstEvidence = Math.max(worstEvidence, Math.log(2 / test.pValue) / Math.log(2 / firstLevel));
        covP.push(test.pValue);
        covLabels.push(`${label} (z = ${test.z.toFixed(2)}, Catoni p ≤ ${test.pValue.toExponential(1)})`);
      }
    }
    POWER_FACTORS.forEach((_, j) => missed[j] *= 1 - Math.max(0, ...entryPower.map((p) => p[j])));
    // Gaussianity: marginals and the χ²_k quadratic form.
    const Cinv = pseudoInverse(new Matrix(Cm));
    const pValues: number[] = [];
    for (let a = 0; a < k; a++) {
      pValues.push(kolmogorovSmirnov(c.ys.map((y) => y[a] / Math.sqrt(Cm[a][a])), normalCdf).pValue);
    }
    const q = c.ys.map((y) => {
      let s = 0;
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) s += y[a] * Cinv.get(a, b) * y[b];
      return s;
    });
    const ksQ = kolmogorovSmirnov(q, (t) => chiSquareCdf(t, k));
    pValues.push(ksQ.pValue);
    gof.set(key, { ks: ksQ.statistic, pValues, q });
    rows.push([
      key,
      `KS(yᵀC⁻¹y vs χ²_${k}) = ${ksQ.statistic.toFixed(4)}, p-values ${
        pValues.map((p) => p.toExponential(1)).join(", ")
      }`,
    ]);
  }
  const covReject = holm(covP, CHECK_FALSE_ALARM / 2);
  const covOk = covReject.every((r) => !r);
  const dists = [...new Set([...cells.values()].map((c) => c.dist))];
  const topP: number[] = [];
  const trend: string[] = [];
  const largestQ: number[] = [];
  let shrinks = true;
  for (const dist of dists) {
    const mine = [...cells].filter(([, c]) => c.dist === dist).sort((a, b) => a[1].n - b[1].n);
    const first = gof.get(mine[0][0])!, last = gof.get(mine[mine.length - 1][0])!;
    topP.push(...last.pValues);
    largestQ.push(...last.q);
    shrinks &&= last.ks < first.ks;
    trend.push(
      `${dist}: KS distance ${mine.map(([key, c]) => `${gof.get(key)!.ks.toFixed(3)} (n=${c.n})`).join(" → ")}`,
    );
  }
  // The χ² sum: Σ yᵀC⁻¹y over the largest width's draws of every law, against χ²_{kN} (two-sided).
  const sum = chiSquareSum(largestQ, k);
  topP.push(sum.pValue);
  const gaussOk = holm(topP, CHECK_FALSE_ALARM / 2).every((r) => !r);
  const bad = covLabels.filter((_, j) => covReject[j]);
  return {
    holds: !covOk || !gaussOk ? false : shrinks ? true : "inconclusive",
    summary: `Covariance: ${covOk ? "all" : "not all"} ${covP.length} entries match c(xᵢ, xⱼ) (Holm at ${
      levelText(CHECK_FALSE_ALARM / 2)
    }${bad.length ? `; rejected: ${bad.slice(0, 3).join("; ")}` : ""}). Gaussianity at the largest width: ${
      gaussOk ? "not rejected" : "rejected"
    } (Holm over ${topP.length - 1} KS p-values and the χ² sum's at ${
      levelText(CHECK_FALSE_ALARM / 2)
    }; ${sum.text}). ${trend.join("; ")}.`,
    alpha: CHECK_FALSE_ALARM,
    tightness: worstEvidence,
    rows,
    tests: [{
      name: "covariance entries (Catoni, Holm over entries and cells)",
      statistic: `smallest Catoni p-value ${
        Math.min(...covP.map((p) => (Number.isNaN(p) ? 0 : p))).toExponential(2)
      } of ${covP.length} entries`,
      pValue: holmFirstStep(covP),
      alpha: CHECK_FALSE_ALARM / 2,
      power: {
        alternative:
          "covariance 5% off (×1.05 or ×0.95, the weaker; normal model of Catoni's statistic on the observed products so scaled; a lower bound: the best entry per cell)",
        probability: Math.min(...missed.map((m) => 1 - m)),
      },
    }, {
      name: "Gaussianity at the largest width (KS, Holm over marginals and yᵀC⁻¹y, and the χ² sum of yᵀC⁻¹y)",
      statistic: `smallest p-value ${
        Math.min(...topP.map((p) => (Number.isNaN(p) ? 0 : p))).toExponential(2)
      } of ${topP.length} (${sum.text})`,
      pValue: holmFirstStep(topP),
      alpha: CHECK_FALSE_ALARM / 2,
      power: {
        alternative:
          `outputs N(0, 1.05·C) or N(0, 0.95·C) at the largest width, the weaker (exact: the χ² sum alone at Holm's first level, a lower bound for the family; ${largestQ.length} draws)`,
        probability: Math.min(
          ...POWER_FACTORS.map((f) => chiSquareSumPower(k * largestQ.length, f, CHECK_FALSE_ALARM / 2 / topP.length)),
        ),
      },
    }],
  };
}

/** The covariance factors of the power's alternative (the issue's "a limit 5% off"). */
const POWER_FACTORS = [1.05, 0.95];
/** Holm's family rejects at α exactly when its first step does: the adjusted p-value min(1, m·min p) (NaN as 0). */
function holmFirstStep(pValues: number[]): number {
  return Math.min(1, pValues.length * Math.min(...pValues.map((p) => (Number.isNaN(p) ? 0 : p))));
}

/** The KS distance of yᵀC⁻¹y from χ²_k per width, read from the aggregate's rows. */
function ksPlot(aggregate: AggregateCheck | undefined): PlotSpec {
  const values = (aggregate?.rows ?? []).map(([key, v]) => ({
    D: key.split(",")[0],
    n: Number(key.split("n=")[1]),
    ks: Number(v.split("= ")[1].split(",")[0]),
  }));
  return logLogLines("ks", "prop-11.28: KS distance of yᵀC⁻¹y from χ²_k against width", values, {
    x: "n",
    xBase: 2,
    y: "ks",
    color: "D",
  });
}

const scenarios: Scenario[] = [{
  name: "width-one",
  breaks: String
    .raw`the limit $n \to \infty$: every draw at width $n = 1$, where $\Phi_1(x_i, w_0) = \tilde v_1\sigma(\tilde u_1^\top x_i)$ is a product, not a Gaussian`,
  params: { n: 1 },
  decidedBy: "aggregate",
  instances: 400,
}];

/**
 * `prop-11.28`: network outputs at k distinct points converge to N(0, (c(xᵢ, xⱼ))). Checked per
 * width: the empirical covariance against c (which is the exact covariance at every n), and
 * Gaussianity by Kolmogorov–Smirnov tests (marginals and the quadratic form yᵀC⁻¹y ~ χ²_k). The
 * covariance is a parameter (mutation tests).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { outputsGaussianLimit } from "./outputs_gaussian_limit.ts";
 * assert.equal(outputsGaussianLimit().kind, "limit");
 * ```
 */
export function outputsGaussianLimit(cov: Covariance = (x, z, spec) => lecunKernel(x, z, spec).value): Claim {
  // Per law: the covariance c under test, and E[σ(uᵀxₐ)²σ(uᵀx_b)²] for the exact variance of the products
  // Φ(xₐ)Φ(x_b) (always the true law).
  const moments = oncePerLaw((dist: Distribution, act: Activation) => lawMoments(cov, dist, act));
  return defineClaim<OutputsInstance, OutputsData>({
    id: "prop-11.28",
    title: "Outputs at initialisation tend to a Gaussian N(0, (c(xᵢ, xⱼ)))",
    kind: "limit",
    source: { document: SOURCE, where: "Chapter 11, §11.5.5, Proposition 11.28" },
    statement: String
      .raw`For networks (11.5.1) with (11.5.3) and $c(x,z) := \mathbb E[\sigma(u^\top x)\sigma(u^\top z)]$,
$u_i \sim \mathcal D(0,1/d)$: for distinct $x_1,\dots,x_k$, $(\Phi_n(x_1,w_0),\dots,\Phi_n(x_k,w_0)) \to \mathrm N(0, (c(x_i,x_j))_{i,j})$
weakly as $n\to\infty$.`,
    tightness:
      "largest covariance evidence log(2/p)/log(2/ℓ₁) (≥ 1: rejected at Holm's first level ℓ₁); KS statistics reported per width",
    instances: {
      test: sweepCount.test + LAWS.length * EXTRA_LARGEST.test,
      report: sweepCount.report + LAWS.length * EXTRA_LARGEST.report,
    },
    falseAlarm: CHECK_FALSE_ALARM,
    generate({ rng, index, budget, params = {} }) {
      // Past the sweep: the extra draws at the largest width, the laws alternating.
      const { law: [dist, activation], n } = index < sweepCount[budget] ? sweepCell(SWEEP, index, budget, params) : {
        law: LAWS[params.law ?? index % LAWS.length],
        n: params.n ?? WIDTHS[budget][WIDTHS[budget].length - 1],
      };
      // Rademacher weights ±1/√2 (no biases): 4 pre-activations per input, so σ is remembered at them (same numbers).
      const sigma = dist === rademacher ? rememberingValues(activation) : activation;
      const net = TwoLayerNetwork.initialise(rng, { d: 2, n, parametrisation: "lecun", activation: sigma }, {
        distribution: dist,
      });
      return { dist, activation, n, outputs: Array.from(net.forwardBatch(INPUTS)) };
    },
    describe: (i) => `n = ${i.n}, D = ${i.dist.name}, σ = ${i.activation.name}, k = 3 points in d = 2`,
    hypotheses: [distinctPointsHypothesis],
    conclusion: {
      failure: (c) => `each draw's outputs must be finite to enter the Gaussian tests; observed ${c.detail}`,
      statement: String
        .raw`Per (D, n): the empirical covariance matches $c(x_i,x_j)$ (Catoni's exponential-moment test of the mean of products
with their exact variance under $c$, valid for any law, Holm over all entries and cells, family-wise $\alpha/2$; $c$ is the exact covariance for every $n$ because $\mathbb E\tilde v^2 = 1$);
at the largest width, Kolmogorov–Smirnov tests of the standardised marginals against N(0,1) and of $y^\top C^{-1}y$ against
$\chi^2_k$, and the sum of $y^\top C^{-1}y$ over the largest width's draws of both laws against $\chi^2_{kN}$ (two-sided), do not reject (Holm, family-wise $\alpha/2$); the KS distance shrinks from the smallest to the largest width.`,
      check: keepOutputs,
    },
    aggregate: (records) => covarianceAndGaussianity(records, moments),
    widthsRefusal:
      "its χ² sum's power against a covariance 5% off is planned at its largest width (1600 draws per (law, width) cell plus 1000 extra per law at n = 1024 at the test budget; 2000 + 2800 at 2048 in the report), and other widths would spread those draws over cells it was not sized for",
    plots: (_records, aggregate) => [ksPlot(aggregate)],
    parameters: {
      n: SWEEP_WIDTH_PARAMETER,
      law: namedChoice(
        "0: Gaussian D, arctan; 1: Rademacher D, softplus",
        LAWS.map(([d, a]) => `${d.name}-${a.name.toLowerCase()}`),
      ),
    },
    scenarios,
    nearMiss: {
      mutant: "the covariance 1.15·K^LC(xᵢ, xⱼ) (a limit covariance 15% too large)",
      caughtBy:
        '`outputs_gaussian_limit_test.ts`, "prop-11.28 catches a covariance 15% too large, by its covariance tests as well as its KS tests"; falsified on seeds 1–10 at the test budget (10/10)',
    },
    slips: [
      {
        where: "Proposition 11.28",
        printed: String.raw`"depth-n networks $\Phi_n$ as in (11.5.1)"`,
        fix: String.raw`the networks (11.5.1) have depth one and width $n$`,
      },
    ],
  });
}
