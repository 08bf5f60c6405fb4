/**
 * `gp-11.5.5`, Chapter 11, §11.5.5, after Proposition 11.28 (004_9692536818598e94.txt): "Using the explicit
 * dynamics of the linearized network outlined in Remark 11.24, one can show that the linearized network after
 * training also corresponds to a Gaussian process [...] wide networks post-training resemble draws from a
 * Gaussian process." The mean μ_k and covariance Σ_k after k GD steps are derived in models/trained_gp.ts (the
 * book's loss (11.0.1b), step h = η/n, LeCun network (11.5.1) with (11.5.3), arctan, Gaussian D). Checked on many
 * independently initialised wide networks trained for k steps: per network, Remark 11.24's closed form at test
 * points against GD on the linearised model (rounding budget); across networks, the derived mean and covariance
 * against the infinite-width map applied to each network's own initial function (Catoni tests, exact at every
 * width), and the distance of the trained networks from that map shrinking with the width.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { change, predicted } from "../../engine/words.ts";
import type { AggregateCheck, Claim, ConclusionCheck, InstanceRecord, PlotSpec } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM, levelText } from "../../engine/false_alarm.ts";
import { logLogLines } from "../../engine/plots/log_log.ts";
import { withData } from "../../engine/records.ts";
import { exponentTest } from "../../engine/verdicts/log_log_fit.ts";
import { lecunKernel } from "../../models/ntk_kernels.ts";
import { arctan } from "../../models/activation.ts";
import { stepGain, type TrainedGp, trainedGp, type TrainedGpKernels } from "../../models/trained_gp.ts";
import { stepSizeCondition, wideData, type WideInstance, wideInstance } from "../../models/wide_lecun_sweep.ts";
import { catoniMeanTest } from "../../numerics/catoni.ts";
import { catoniPower } from "../../numerics/interval_power.ts";
import { EPS } from "../../numerics/linalg.ts";
import { gaussian } from "../../numerics/random.ts";
import { holm, linearFit } from "../../numerics/stats.ts";
import type { BudgetName } from "../../engine/claim.ts";

const SOURCE = "004_9692536818598e94.txt";

/** The derivation under test: μ_k, Σ_k from the kernels, y, η = hn and k (a parameter: mutation tests). */
export type GpDerivation = (kernels: TrainedGpKernels, y: readonly number[], eta: number, k: number) => TrainedGp;

/** An instance: one wide LeCun network (wideInstance: arctan, Gaussian D, h from Theorem 11.23) and k. */
export interface GpInstance extends WideInstance {
  /** GD steps k. */
  steps: number;
}

/** What a network keeps: width, η = hn, k, Φ(T, w_k) and its initial function f₀ = (Φ(T, w₀), Φ(X, w₀)). */
export interface GpData {
  width: number;
  eta: number;
  steps: number;
  phi: number[];
  f0: number[];
}

/** GD steps (mid-training: at k = 3 the variance at the training point x₁ has dropped from 0.45 to 0.009). */
const STEPS = 3;
// Widths from 64: below it the distance decays more slowly than n^{-1/2} (pre-asymptotic; measured on seed 1 at
// 1000 draws per width: RMS distance 0.106, 0.087, 0.064 at n = 16, 32, 64, segment exponents −0.29, −0.43, then
// −0.46, −0.50, −0.44, −0.59 up to n = 1024). Chosen after that run, which used 16…1024.
// Even from 64 the fitted exponent sits slightly above −1/2 (report budget, seeds 1–4: −0.517, −0.477, −0.473,
// −0.472; CI lower ends ≈ −0.53): fine at these budgets, but a budget several times larger would resolve the
// pre-asymptotic gap and reject; then the sweep must start at a larger width.
const WIDTHS: Record<BudgetName, number[]> = { test: [64, 128, 256, 512], report: [64, 128, 256, 512, 1024] };
const DRAWS: Record<BudgetName, number> = { test: 100, report: 500 };
/** The claim's false-alarm share, half to the moment tests, half to the width trend. */
const FALSE_ALARM = CHECK_FALSE_ALARM / 4;
/** sup|arctan| = π/2: bounds a(u) = Σ_s L_s σ(uᵀz_s) by (π/2)Σ|L_s| (the covariance tests' variance bound). */
const SIGMA_SUP = Math.PI / 2;

/** Test points T: the training point x₁, the midpoint of x₁ and x₂, and a point of norm 1.5 off the data. */
function testPoints(): Float64Array[] {
  const { xs, tests } = wideData();
  const t = tests[0], r = Math.hypot(...t);
  return [xs[0], xs[0].map((v, j) => (v + xs[1][j]) / 2), t.map((v) => (1.5 * v) / r)];
}

let kernelCache: { kernels: TrainedGpKernels; error: number } | undefined;
/** K^LC = c = E[σ(uᵀx)σ(uᵀz)] (Theorem 11.16 and Proposition 11.28 give the same expectation for (11.5.3)). */
function limitKernels(): { kernels: TrainedGpKernels; error: number } {
  if (kernelCache) return kernelCache;
  const spec = { parametrisation: "lecun" as const, activation: arctan, distribution: gaussian };
  let error = 0;
  const memo = new Map<string, number>();
  // Each unordered pair once (x₁ is both a test and a training point): 15 quadratures for the 5 distinct points.
  const entry = (a: Float64Array, b: Float64Array) => {
    const [p, q] = [a.join(), b.join()].sort(), key = `${p}|${q}`;
    let v = memo.get(key);
    if (v === undefined) {
      const e = lecunKernel(a, b, spec);
      error = Math.max(error, e.error);
      memo.set(key, v = e.value);
    }
    return v;
  };
  const k = (A: Float64Array[], B: Float64Array[]) => A.map((a) => B.map((b) => entry(a, b)));
  const T = testPoints(), X = wideData().xs;
  const kTX = k(T, X), kXX = k(X, X);
  kernelCache = { kernels: { kTX, kXX, cTT: k(T, T), cTX: kTX, cXX: kXX }, error };
  return kernelCache;
}

/** Rows·v. */
function apply(rows: ArrayLike<number>[], v: ArrayLike<number>): number[] {
  return Array.from(rows, (row) => {
    let s = 0;
    for (let j = 0; j < v.length; j++) s += row[j] * v[j];
    return s;
  });
}

/**
 * One network: k GD steps on the full model and on the linearised model (11.5.9); Remark 11.24's closed form at
 * the test points with the empirical kernel, Φ^lin(T, p_k) = Φ(T, w₀) + 2hK̂ₙ(T, X)Σ_{j<k}B̂ʲ(y − Φ(X, w₀)), against
 * the simulated linearised GD within a rounding budget; the loss must go down.
 */
/** A failed network in words: the closed form's gap against its budget, or the loss that did not fall. */
function gpFailure(gap: number, tol: number, l0: number, lk: number): string {
  return gap <= tol
    ? `linearised GD must lower the loss; ${change("f(w)", l0, lk)}`
    : `Remark 11.24's closed form must match linearised GD to rounding; ${predicted("≤", tol, gap)}`;
}

function trainOne(i: GpInstance): ConclusionCheck<GpData> {
  const { xs: X, ys } = wideData(), T = testPoints(), y = Array.from(ys);
  const net = i.net, n = net.n, w0 = net.params, P = w0.length, m = X.length;
  const f0T = Array.from(net.forwardBatch(T, w0)), f0X = Array.from(net.forwardBatch(X, w0));
  const jX = net.jacobian(X, w0), jT = net.jacobian(T, w0);
  const w = Float64Array.from(w0), dp = new Float64Array(P), rows = X.map(() => new Float64Array(P));
  for (let s = 0; s < i.steps; s++) {
    // Outputs and Jacobian rows from one pass (the bits of forwardBatch and jacobian).
    const { outputs: out, rows: jac } = net.outputsAndJacobian(X, w, rows);
    jac.forEach((row, a) => {
      const c = 2 * i.h * (out[a] - y[a]);
      for (let q = 0; q < P; q++) w[q] -= c * row[q];
    });
    const lin = apply(jX, dp).map((v, a) => f0X[a] + v - y[a]);
    jX.forEach((row, a) => {
      const c = 2 * i.h * lin[a];
      for (let q = 0; q < P; q++) dp[q] -= c * row[q];
    });
  }
  const phi = Array.from(net.forwardBatch(T, w));
  const simulated = apply(jT, dp).map((v, a) => f0T[a] + v);
  const kXX = jX.map((r) => apply(jX, r).map((v) => v / n)), kTX = jT.map((r) => apply(jX, r).map((v) => v / n));
  const gain = stepGain(kXX, i.h * n, i.steps);
  const closed = apply(kTX, apply(gain, f0X.map((v, a) => y[a] - v))).map((v, a) => f0T[a] + v);
  const gap = Math.max(...closed.map((v, a) => Math.abs(v - simulated[a])));
  // Rounding budget, fixed in advance: each step forms P-term dot products and P-term updates (error ≤ P·EPS times
  // the sum of absolute terms, the γ_P bound), k steps, each amplified by at most 1 + 2h‖K̂ₙ‖_∞ (row sums).
  const rowSum = (rows: number[][]) => Math.max(...rows.map((r) => r.reduce((s, v) => s + Math.abs(v), 0)));
  const amp = 1 + 2 * i.h * n * Math.max(rowSum(kXX), rowSum(kTX));
  const scale = Math.max(...f0T.map(Math.abs), ...f0X.map(Math.abs), ...y.map(Math.abs));
  const tol = 16 * (P + m) * (i.steps + 1) ** 2 * EPS * scale * amp ** (i.steps + 1);
  const loss = (v: ArrayLike<number>) => Array.from(v).reduce((s, o, a) => s + (o - y[a]) ** 2, 0);
  const l0 = loss(f0X), lk = loss(net.forwardBatch(X, w));
  const ok = gap <= tol && lk < l0 && phi.every(Number.isFinite);
  return {
    holds: ok,
    observed: gap,
    bound: tol,
    tightness: gap / tol,
    detail: `n = ${n}: Remark 11.24 at the test points misses linearised GD by ${gap.toExponential(2)} (budget ${
      tol.toExponential(2)
    }); f(w) ${l0.toExponential(3)} → ${lk.toExponential(3)} in ${i.steps} steps`,
    ...(!ok && { failure: gpFailure(gap, tol, l0, lk) }),
    data: { width: n, eta: i.h * n, steps: i.steps, phi, f0: [...f0T, ...f0X] },
  };
}

/** |T|: the number of test points (the gain's first block). */
function t0(gp: TrainedGp): number {
  return gp.mean.length;
}

/** The infinite-width map of a network's own initial function: g = μ_k + L f₀ (models/trained_gp.ts). */
function limitMap(gp: TrainedGp, f0: number[]): number[] {
  return gp.gain.map((row, a) => gp.mean[a] + row.reduce((s, v, j) => s + v * f0[j], 0));
}

/** The verdict over all networks (module doc): Catoni tests of the moments of g, the trend of |Φ_k − g| in n. */
function momentsAndTrend(records: InstanceRecord<GpData>[], derive: GpDerivation): AggregateCheck {
  const all = withData(records).map(({ data }) => data);
  if (all.length < 10) return { holds: "inconclusive", summary: "too few networks" };
  if (all.some((d) => d.eta !== all[0].eta || d.steps !== all[0].steps)) {
    return { holds: "inconclusive", summary: "networks with different steps h·n or k: one process per run" };
  }
  const { kernels } = limitKernels(), y = Array.from(wideData().ys), { eta, steps } = all[0];
  const gp = derive(kernels, y, eta, steps);
  // The moment tests' alternative: a covariance formula without its cross terms −K M c(X, T) − c(T, X)MᵀKᵀ.
  const km = gp.gain.map((row) => row.slice(t0(gp)).map((v) => -v));
  const kmc = km.map((row) => kernels.cTX.map((c) => row.reduce((s, v, j) => s + v * c[j], 0)));
  const gs = all.map((d) => limitMap(gp, d.f0)), t = gp.mean.length, N = all.length;
  const nMin = Math.min(...all.map((d) => d.width));
  // Fourth moment of g_a − μ_a = n^{-1/2}Σᵢṽᵢa(uᵢ): 3Σ_aa²(n−1)/n + E ṽ⁴E a⁴/n ≤ Σ_aa(3Σ_aa + 3‖a‖²_∞/n).
  const m4 = gp.covariance.map((row, a) => {
    const sup = SIGMA_SUP * gp.gain[a].reduce((s, v) => s + Math.abs(v), 0);
    return row[a] * (3 * row[a] + (gaussian.fourthMoment * sup * sup) / nMin);
  });
  const pairs: [number, number][] = [];
  for (let a = 0; a < t; a++) pairs.push([a, -1]);
  for (let a = 0; a < t; a++) for (let b = a; b < t; b++) pairs.push([a, b]);
  const alphaA = FALSE_ALARM / 2, level = alphaA / pairs.length;
  const pValues: number[] = [], labels: string[] = [];
  let bestPower = 0;
  for (const [a, b] of pairs) {
    const isMean = b < 0;
    const target = isMean ? gp.mean[a] : gp.covariance[a][b];
    const alt = isMean ? target : target + kmc[a][b] + kmc[b][a];
    const v = isMean ? gp.covariance[a][a] : Math.sqrt(m4[a] * m4[b]) - target ** 2;
    const sample = gs.map((g) => (isMean ? g[a] : (g[a] - gp.mean[a]) * (g[b] - gp.mean[b])));
    if (!(v > 0)) {
      pValues.push(0);
      labels.push(`${isMean ? `μ(t${a + 1})` : `Σ(t${a + 1}, t${b + 1})`}: no positive variance (${v})`);
      continue;
    }
    const test = catoniMeanTest(sample, target, v, level);
    bestPower = Math.max(bestPower, catoniPower(sample.map((s) => s - target + alt), target, v, test.scale, level));
    const emp = sample.reduce((s, x) => s + x, 0) / N;
    pValues.push(test.pValue);
    labels.push(
      `${isMean ? `μ(t${a + 1})` : `Σ(t${a + 1}, t${b + 1})`} of g: ${emp.toFixed(5)} vs derived ${
        target.toFixed(5)
      } (z = ${test.z.toFixed(2)}, Catoni p ≤ ${test.pValue.toExponential(1)})`,
    );
  }
  const rejected = holm(pValues, alphaA), momentsOk = rejected.every((r) => !r);
  const firstStep = Math.min(1, pValues.length * Math.min(...pValues.map((p) => (Number.isNaN(p) ? 0 : p))));
  // Width trend of the distance of each trained network from the limit map of its own f₀.
  const gaps = all.map((d, r) => Math.sqrt(d.phi.reduce((s, p, a) => s + (p - gs[r][a]) ** 2, 0) / t));
  const alphaB = FALSE_ALARM / 2;
  const fit = linearFit(all.map((d) => Math.log(d.width)), gaps.map(Math.log), 1 - 2 * alphaB);
  const { lo, hi } = fit.slopeInterval,
    trend = exponentTest(fit, {
      name: "exponent of the distance |Φ(T, w_k) − g(T)| in n (fails if above −1/2)",
      rate: -0.5,
      sides: "upper",
      alpha: alphaB,
    });
  const trendRejects = trend.pValue <= alphaB;
  // Descriptive: the trained networks' own moments against the derived ones, per width.
  const widths = [...new Set(all.map((d) => d.width))].sort((p, q) => p - q);
  const perWidth = widths.map((n) => {
    const idx = all.flatMap((d, r) => (d.width === n ? [r] : []));
    const mean = (f: (r: number) => number) => idx.reduce((s, r) => s + f(r), 0) / idx.length;
    const mu = gp.mean.map((_, a) => mean((r) => all[r].phi[a]));
    const bias = Math.max(...mu.map((v, a) => Math.abs(v - gp.mean[a]) / Math.sqrt(gp.covariance[a][a] / idx.length)));
    const ratio = gp.mean.map((_, a) => mean((r) => (all[r].phi[a] - mu[a]) ** 2) / gp.covariance[a][a]);
    return { n, draws: idx.length, bias, ratio, rms: Math.sqrt(mean((r) => gaps[r] ** 2)) };
  });
  const holds = !momentsOk || trendRejects ? false : hi < 0 ? true : "inconclusive";
  const bad = labels.filter((_, j) => rejected[j]);
  const largest = perWidth[perWidth.length - 1];
  return {
    holds,
    summary: `Derived process at k = ${steps}, h·n = ${eta.toFixed(4)}: ${
      momentsOk ? "all" : "not all"
    } ${pValues.length} moments (3 means, 6 covariance entries) of the limit map g of the networks' own initial functions match (Catoni, Holm at ${
      levelText(alphaA)
    }${bad.length ? `; rejected: ${bad.slice(0, 3).join("; ")}` : ""}). Trained networks against g: RMS distance ${
      perWidth.map((w) => `${w.rms.toExponential(2)} (n=${w.n})`).join(" → ")
    }, fitted exponent ${fit.slope.toFixed(3)}, ${(100 * (1 - 2 * alphaB)).toFixed(4)}% CI [${lo.toFixed(3)}, ${
      hi.toFixed(3)
    }] (fails if significantly above −1/2, the rate of Proposition 11.26 and Theorem 11.16; inconclusive unless below 0). At n = ${largest.n} the trained networks' mean is within ${
      largest.bias.toFixed(2)
    } standard errors of μ_k and their variances are ${
      largest.ratio.map((r) => r.toFixed(3)).join(", ")
    } × Σ_k (W₂ to the limit law ≤ the RMS distance plus the CLT error of f₀).`,
    alpha: FALSE_ALARM,
    tightness: Math.max(...pValues.map((p) => Math.log(2 / p) / Math.log(2 / level))),
    rows: [
      ...labels.map((l): [string, string] => [l.split(":")[0], l.slice(l.indexOf(":") + 2)]),
      ...perWidth.map((w): [string, string] => [
        `trained networks, n = ${w.n} (${w.draws} draws)`,
        `mean of Φ(T, w_k) within ${w.bias.toFixed(2)} s.e. of μ_k; variance / Σ_k = ${
          w.ratio.map((r) => r.toFixed(3)).join(", ")
        }; RMS |Φ − g| = ${w.rms.toExponential(3)}`,
      ]),
    ],
    tests: [{
      name: "moments of the limit map g (Catoni, Holm over 3 means and 6 covariance entries)",
      statistic: `smallest Catoni p-value ${Math.min(...pValues).toExponential(2)} of ${pValues.length}`,
      pValue: firstStep,
      alpha: alphaA,
      power: {
        alternative:
          "the covariance formula without its cross terms (the map right), best single test (normal model of Catoni's statistic on the sample shifted to that moment; a lower bound)",
        probability: bestPower,
      },
    }, trend],
  };
}

/** The RMS distance of the trained networks from g and their mean's bias against the width, from the rows. */
function gapPlot(aggregate: AggregateCheck | undefined): PlotSpec {
  const values = (aggregate?.rows ?? []).flatMap(([key, v]) => {
    const n = /n = (\d+)/.exec(key), rms = /RMS \|Φ − g\| = ([0-9.e+-]+)/.exec(v);
    return n && rms ? [{ n: Number(n[1]), value: Number(rms[1]), quantity: "RMS |Φ(T, w_k) − g(T)|" }] : [];
  });
  return logLogLines(
    "gap",
    "gp-11.5.5: distance of trained networks from the infinite-width linearised map, against width",
    values,
    { x: "n", xBase: 2, y: "value", color: "quantity" },
  );
}

/**
 * `gp-11.5.5`: wide LeCun networks after k GD steps against the derived Gaussian process GP(μ_k, Σ_k).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainedNetworkGp } from "./trained_network_gp.ts";
 * assert.equal(trainedNetworkGp().id, "gp-11.5.5");
 * ```
 */
export function trainedNetworkGp(derive: GpDerivation = trainedGp): Claim {
  return defineClaim<GpInstance, GpData>({
    id: "gp-11.5.5",
    title: "Wide networks after k GD steps resemble draws from a derived Gaussian process",
    kind: "limit",
    source: { document: SOURCE, where: "Chapter 11, §11.5.5, after Proposition 11.28 (with Remark 11.24)" },
    statement: String
      .raw`"Using the explicit dynamics of the linearized network outlined in Remark 11.24, one can show that the linearized network
after training also corresponds to a Gaussian process (for some mean and covariance function depending on the data, the
architecture, and the initialization). As the full and linearized models converge in the infinite width limit, we can infer
that wide networks post-training resemble draws from a Gaussian process." Derived here (book's loss (11.0.1b), $h = \eta/n$):
$f_k(x) = f_0(x) + K(x,X)M_k(y - f_0(X))$, $M_k = 2\eta\sum_{j<k}(I - 2\eta K(X,X))^j$, $f_0 \sim \mathrm{GP}(0, c)$, so
$\mu_k(x) = K(x,X)M_k y$ and $\Sigma_k(x,z) = c(x,z) - K(x,X)M_kc(X,z) - c(x,X)M_k^\top K(X,z) + K(x,X)M_kc(X,X)M_k^\top K(X,z)$,
with $K = K^{LC}$ and $c$ of Proposition 11.28 (equal for (11.5.3)).`,
    tightness:
      "per network: the closed form's gap to linearised GD over its rounding budget; aggregate: largest moment evidence log(2/p)/log(2/ℓ₁) (≥ 1: rejected at Holm's first level ℓ₁)",
    instances: { test: WIDTHS.test.length * DRAWS.test, report: WIDTHS.report.length * DRAWS.report },
    falseAlarm: FALSE_ALARM,
    sweepParameter: "width",
    generate({ rng, index, budget, params = {} }) {
      const widths = WIDTHS[budget];
      const width = params.width ?? widths[index % widths.length];
      return { ...wideInstance(rng, width, params.stepFactor ?? 0.9), steps: params.steps ?? STEPS };
    },
    describe: (i) =>
      `n = ${i.net.n}, arctan, Gaussian D, d = 3, m = 3, h·n = ${(i.h * i.net.n).toFixed(4)}, k = ${i.steps}`,
    hypotheses: [{
      statement: String
        .raw`Assumption 11.18 and the step of Theorem 11.23, $h < \frac{2}{(\lambda^{LC}_{\min} + 4\lambda^{LC}_{\max})n}$`,
      certainty: "estimated",
      method:
        "σ = arctan (σ(0) = 0, Lip σ = 1, Lip σ′ = 3√3/8); K^LC by adaptive quadrature (error estimate), its eigenvalues by the symmetric eigensolver",
      check: stepSizeCondition,
    }, {
      statement: "initialisation (11.5.3) with $\\mathcal D$ standard normal (Example 11.15, Assumption 11.14)",
      certainty: "certified",
      method: "by construction (wideInstance: TwoLayerNetwork.initialise, LeCun, Gaussian D, zero biases)",
      check: (i) => ({ holds: i.net.activation.name === "arctan", value: i.net.activation.name }),
    }],
    conclusion: {
      statement: String
        .raw`Per network: $k$ GD steps on (11.0.1b) lower the loss, and Remark 11.24's closed form at the test points with the empirical kernel
matches GD on the linearised model (11.5.9) within a rounding budget. Across networks (aggregate, family-wise ${
        levelText(FALSE_ALARM)
      }): the means and covariance entries at 3 test points of $g = f_0(T) + K(T,X)M_k(y - f_0(X))$ (the infinite-width map applied to each
network's own initial function, whose law has exactly mean $\mu_k$ and covariance $\Sigma_k$ at every width because $f_0$ has mean 0 and covariance $c$) match the derived ones
(Catoni's test with the exact variance, or a rigorous bound from $|\sigma| \le \pi/2$ for the covariance products; Holm), and the RMS distance of the
trained networks $\Phi(T, w_k)$ from $g$ decreases with $n$ (the fitted exponent of $n$ is below 0, and not significantly above $-1/2$, the rate of Proposition 11.26 for $\Phi - \Phi^{lin}$ and of Theorem 11.16's law of large numbers for $\hat K_n/n - K$; under the near miss the distance does not vanish).`,
      check: trainOne,
    },
    aggregate: (records) => momentsAndTrend(records, derive),
    plots: (_records, aggregate) => [gapPlot(aggregate)],
    parameters: {
      width: { type: "integer", min: 2, max: 2048, help: "width n (the sweep uses 64…512, 64…1024 in the report)" },
      stepFactor: { type: "number", min: 0.05, max: 8, help: "h·(λ_min^LC + 4λ_max^LC)n/2 (< 1 in Theorem 11.23)" },
      steps: { type: "integer", min: 1, max: 50, help: "GD steps k (3)" },
    },
    scenarios: [{
      name: "step-beyond-stability",
      breaks: String
        .raw`$h < \frac{2}{(\lambda^{LC}_{\min} + 4\lambda^{LC}_{\max})n}$: a step 6 times the bound, where $I - 2\eta K$ has an eigenvalue below $-1$ and GD diverges`,
      params: { stepFactor: 6 },
    }],
    nearMiss: {
      mutant: "the process of k + 1 steps (M_{k+1} in place of M_k: the step count off by one)",
      caughtBy:
        '`trained_network_gp_test.ts`, "gp-11.5.5 catches the near miss: the process of k + 1 steps"; falsified on seeds 1–10 at the test budget (10/10, fitted exponents −0.13 to +0.05) by the width trend (its map is self-consistent, so the moment tests of g cannot see it; the trained networks stay at RMS distance ≈ 0.05 from it, exponent ≈ 0). "gp-11.5.5 catches a covariance without its cross terms, by the moment tests" covers those',
    },
    sourceGaps: [{
      hypothesis: String
        .raw`"the linearized network after training also corresponds to a Gaussian process" holds only at infinite width: at finite $n$ the linearised model uses the random kernel $\hat K_n/n$, correlated with $f_0$, so its outputs are not Gaussian; the process is that of $f_0 + K(\cdot,X)M_k(y - f_0(X))$ with the limit kernel`,
      why:
        "at n = 256 the trained networks' variances at the test points are still about 10–20% below Σ_k (rows per width); the check is of the limit: the map with the limit kernel, and the trained networks' distance from it shrinking with n",
    }],
    slips: [{
      where: "Remark 11.24",
      printed: String.raw`$\sum_{i=0}^{k-1}B^kAy$ and $\sum_{j=0}^\infty B^k = A^{-1}$`,
      fix: String
        .raw`$\sum_{j=0}^{k-1}B^jAy$ and $\sum_{j=0}^\infty B^j = A^{-1}$ (the derivation here uses the corrected sum; see rem-11.24)`,
    }],
  });
}
