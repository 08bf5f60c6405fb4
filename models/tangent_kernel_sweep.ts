/**
 * The width sweep of Theorems 11.16 (LeCun) and 11.30 (NTK): two-layer networks at widths 2⁴..2¹² (test budget)
 * or 2⁶..2¹⁸ (report budget) for three (D, σ) pairs, three fixed inputs, and per draw the empirical tangent kernel's deviations from
 * the limit under test, with the exact O(1/n) mean term and variance of the proof's decomposition.
 *
 * @module
 */
import { failedAs } from "../engine/words.ts";
import type { Claim, ConclusionCheck, Hypothesis } from "../engine/claim.ts";
import type { WidthRateData } from "../engine/verdicts/kernel_width_rate.ts";
import { activateInPlace, type Activation, arctan, relu, softplus } from "./activation.ts";
import { derivativeKernel, empiricalKernelVariance, type KernelSpec } from "./ntk_kernels.ts";
import { type HiddenUnits, proofDecomposition } from "./tangent_kernel_decomposition.ts";
import { type Parametrisation, TwoLayerNetwork } from "./two_layer.ts";
import { oncePerLaw, rademacherFromUniform as rademacher } from "../numerics/distributions.ts";
import { gramEntryRoundingBound } from "../numerics/rounding.ts";
import { type Distribution, gaussian, type Rng, uniformSqrt3 } from "../numerics/random.ts";

/** The limit kernel matrix under test, its O(1/n) mean term and the variance of the kernel entries. */
export interface SweepKernels {
  /** The limit kernel matrix under test at the inputs (symmetric: each entry below the diagonal mirrors the one above). */
  limit: number[][];
  /**
   * n·(E[s_n K̂ₙ] − limit): the exact O(1/n) term of the proof's decomposition, β = (1 + xᵀz)E[σ′σ′] + 1
   * for LeCun (E vᵢ² = 1/n, (11.5.3)), 0 for NTK (its decomposition has no 1/n term).
   */
  bias: number[][];
  /** Per entry, n·Var[s_n K̂ₙ] = constant + perWidth/n + perWidthSquared/n² (exact, from the proof's decomposition). */
  variance: { constant: number; perWidth: number; perWidthSquared: number }[][];
}

/** One network draw of a width sweep. */
export interface SweepInstance extends SweepKernels {
  /** D(0,1). */
  dist: Distribution;
  /** σ used with this D. */
  activation: Activation;
  /** Width n. */
  n: number;
  /** Seed number within its (D, n) cell. */
  seed: number;
  /** The drawn network. */
  net: TwoLayerNetwork;
  /** The fixed inputs. */
  points: number[][];
}

/** The fixed inputs of the sweeps (d = 2, norms ≤ R = 3). */
export const SWEEP_POINTS = [[2, 0.5], [-1, 2.5], [1.5, -1.5]];
/** D with the activation used with it: each D gets a different σ, so three (D, σ) pairs are covered. */
export const SWEEP_LAWS: [Distribution, Activation][] = [[gaussian, relu], [rademacher, arctan], [
  uniformSqrt3,
  softplus,
]];

/** The widths of a sweep and the seeds per (D, n) cell. */
export interface SweepDesign {
  /** Widths n. */
  widths: number[];
  /** Draws per (D, n) cell. */
  seeds: number;
}

/**
 * The sweep per budget. The report's widths reach 2¹⁸ (issue 24; 2¹⁶ before) with the same 24 draws per cell: two more
 * widths only lengthen the fit's lever arm (the t test's level does not depend on the widths; its power against a
 * limit kernel off by a factor grows with the largest width, where that offset dominates the n^{-1/2} fluctuation).
 */
export const SWEEP_DESIGN: Record<"test" | "report", SweepDesign> = {
  test: { widths: [4, 5, 6, 7, 8, 9, 10, 11, 12].map((k) => 2 ** k), seeds: 40 },
  report: { widths: [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18].map((k) => 2 ** k), seeds: 24 },
};

/** A limit kernel under test, given the inputs and the law. */
export type LimitKernel = (x: number[], z: number[], spec: KernelSpec) => number;

/** The (D, σ, n, seed) cell of instance `index`: laws vary fastest, then widths. */
function sweepCell(index: number, design: SweepDesign) {
  const nd = SWEEP_LAWS.length, nw = design.widths.length;
  const [dist, activation] = SWEEP_LAWS[index % nd];
  const rest = Math.floor(index / nd);
  return { dist, activation, n: design.widths[rest % nw], seed: Math.floor(rest / nw) };
}

/**
 * A sweep generator for one parametrisation and one limit under test. The kernel matrices are computed
 * once per law (quadrature) and shared by the instances.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SWEEP_DESIGN, widthSweep } from "./tangent_kernel_sweep.ts";
 * import { ntkKernel } from "./ntk_kernels.ts";
 * import { createRng } from "../numerics/random.ts";
 * const draw = widthSweep("ntk", (x, z, spec) => ntkKernel(x, z, spec).value);
 * const i = draw(createRng(1), 4, SWEEP_DESIGN.test);
 * assert.equal(i.n, 32);
 * assert.equal(i.bias[0][0], 0);
 * ```
 */
export function widthSweep(
  parametrisation: Parametrisation,
  limitUnderTest: LimitKernel,
): (rng: Rng, index: number, design: SweepDesign, params?: Readonly<Record<string, number>>) => SweepInstance {
  const lecun = parametrisation === "lecun";
  // Per law: the limit under test and the O(1/n) mean term β of the proof's decomposition (0 for NTK).
  const kernelsOf = oncePerLaw((dist: Distribution, activation: Activation): SweepKernels => {
    const spec: KernelSpec = { parametrisation, activation, distribution: dist };
    // Symmetric in (x, z): each quantity is computed at a ≤ b (the entries the check reads) and mirrored to b < a, a
    // third of the quadratures saved.
    const at = <T>(f: (x: number[], z: number[]) => T): T[][] => {
      const m = SWEEP_POINTS.length, rows: T[][] = SWEEP_POINTS.map(() => new Array<T>(m));
      for (let a = 0; a < m; a++) {
        for (let b = a; b < m; b++) rows[a][b] = rows[b][a] = f(SWEEP_POINTS[a], SWEEP_POINTS[b]);
      }
      return rows;
    };
    return {
      limit: at((x, z) => limitUnderTest(x, z, spec)),
      bias: at((x, z) => lecun ? (1 + x[0] * z[0] + x[1] * z[1]) * derivativeKernel(x, z, spec).value + 1 : 0),
      variance: at((x, z) => empiricalKernelVariance(x, z, spec)),
    };
  });
  return (rng, index, design, params = {}) => {
    const drawn = sweepCell(index, design);
    const [dist, activation] = params.law === undefined ? [drawn.dist, drawn.activation] : SWEEP_LAWS[params.law];
    const n = params.n ?? drawn.n, seed = drawn.seed;
    const net = TwoLayerNetwork.initialise(rng, { d: 2, n, parametrisation, activation }, { distribution: dist });
    return {
      dist,
      activation,
      n,
      seed,
      net,
      points: SWEEP_POINTS,
      ...kernelsOf(dist, activation),
    };
  };
}

/** The sweep's hypotheses: σ, σ′ of linear growth with inputs in the ball of radius R; D(0,1) (Assumption 11.14). */
export const SWEEP_HYPOTHESES: Hypothesis<SweepInstance>[] = [{
  statement: String.raw`$|\sigma(x)|, |\sigma'(x)| \le R(1+|x|)$ and $\|x\|,\|z\| \le R$`,
  certainty: "certified",
  method: "R is the activation's proven growth constant (max with the largest input norm), checked exactly",
  check: (i) => {
    const maxNorm = Math.max(...i.points.map((p) => Math.hypot(...p)));
    const R = Math.max(i.activation.growthR, maxNorm);
    return {
      holds: Number.isFinite(R),
      value: `R = ${R.toFixed(3)} (σ growth ${i.activation.growthR.toFixed(3)})`,
    };
  },
}, {
  statement: String.raw`$\mathcal D(0,1)$: mean 0, variance 1, finite moments up to order eight (Assumption 11.14)`,
  certainty: "certified",
  method: "the distributions are Gaussian, uniform on [−√3, √3], Rademacher: all moments finite",
  check: (i) => ({ holds: i.dist.mean === 0 && i.dist.variance === 1, value: i.dist.name }),
}];

/**
 * The Jacobian rows ∇_wΦ(xₐ, w₀) (exactly `TwoLayerNetwork.jacobian`'s numbers) and the hidden units σ, σ′ at each
 * input (exactly `hiddenUnits`'), from one pass over the pre-activations: σ and σ′ are evaluated once per neuron and
 * input instead of three times (the kernel matrix, the Jacobian and the units each computed them).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { jacobianWithUnits } from "./tangent_kernel_sweep.ts";
 * import { hiddenUnits } from "./tangent_kernel_decomposition.ts";
 * import { TwoLayerNetwork } from "./two_layer.ts";
 * import { softplus } from "./activation.ts";
 * import { createRng, gaussian } from "../numerics/random.ts";
 * const net = TwoLayerNetwork.initialise(createRng(2), { d: 2, n: 50, parametrisation: "ntk", activation: softplus },
 *   { distribution: gaussian, biasVariance: 1 });
 * const xs = [[1, 2], [-0.5, 0.3]];
 * const { J, units } = jacobianWithUnits(net, xs);
 * assert.deepEqual(J, net.jacobian(xs));
 * assert.deepEqual(units, xs.map((x) => hiddenUnits(net, x)));
 * ```
 */
export function jacobianWithUnits(net: TwoLayerNetwork, xs: number[][]): { J: Float64Array[]; units: HiddenUnits[] } {
  const { n, d } = net, w = net.params;
  const si = net.inputScale, so = net.outputScale;
  const J: Float64Array[] = [], units: HiddenUnits[] = [];
  for (const x of xs) {
    if (x.length !== d) throw new RangeError(`input has length ${x.length}, expected ${d}`);
    const fx = new Float64Array(n), dfx = new Float64Array(n), g = new Float64Array(n * (d + 2) + 1);
    // Hot loop: O(nd). The same expressions, in the same order, as preactivation and gradient. fx holds the
    // pre-activations until activateInPlace overwrites them with σ.
    for (let i = 0; i < n; i++) {
      let a = 0;
      for (let j = 0; j < d; j++) a += w[i * d + j] * x[j];
      fx[i] = si * a + w[n * d + i];
    }
    activateInPlace(net.activation, fx, dfx); // the hot kernel: one loop per activation, direct calls
    for (let i = 0; i < n; i++) {
      const gb = so * w[n * (d + 1) + i] * dfx[i];
      for (let j = 0; j < d; j++) g[i * d + j] = gb * si * x[j];
      g[n * d + i] = gb;
      g[n * (d + 1) + i] = so * fx[i];
    }
    g[n * (d + 2)] = 1;
    J.push(g);
    units.push({ f: fx, df: dfx });
  }
  return { J, units };
}

/**
 * One draw's check: the Jacobian Gram K̂ₙ equals the proof's decomposition within its rounding bound
 * (tightness: the worst gap over its bound), and the errors of s_n K̂ₙ (s_n = 1/n LeCun, 1 NTK) about the
 * limit and about the finite-n mean, kept as data for the rate fit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SWEEP_DESIGN, sweepDrawCheck, widthSweep } from "./tangent_kernel_sweep.ts";
 * import { lecunKernel } from "./ntk_kernels.ts";
 * import { createRng } from "../numerics/random.ts";
 * const i = widthSweep("lecun", (x, z, spec) => lecunKernel(x, z, spec).value)(createRng(1), 0, SWEEP_DESIGN.test);
 * const check = sweepDrawCheck(i);
 * assert.equal(check.holds, true);
 * assert.equal(check.data.n, 16);
 * ```
 */
export function sweepDrawCheck(i: SweepInstance): ConclusionCheck<WidthRateData> & { data: WidthRateData } {
  const { J, units } = jacobianWithUnits(i.net, i.points);
  const s = i.net.parametrisation === "lecun" ? 1 / i.n : 1, m = i.points.length, P = i.net.parameterCount;
  let error = 0, fluctuation = 0, squares = 0, expectedSquare = 0, worstDecomp = 0, holds = true;
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      const dec = proofDecomposition(i.net, i.points[a], i.points[b], units[a], units[b]);
      // K̂ₙ(xₐ, x_b) = ⟨J_a, J_b⟩ summed in parameter order (as TwoLayerNetwork.tangentKernel does), and beside it
      // Σ|J_a J_b| for the rounding bound, in one pass.
      const Ja = J[a], Jb = J[b];
      let dot = 0, abs = 0;
      for (let k = 0; k < P; k++) {
        const t = Ja[k] * Jb[k];
        dot += t;
        abs += Math.abs(t);
      }
      const bound = gramEntryRoundingBound(P, abs);
      const gap = Math.abs(dot - dec);
      holds &&= gap <= bound;
      worstDecomp = Math.max(worstDecomp, gap / bound);
      error = Math.max(error, Math.abs(s * dot - i.limit[a][b]));
      const f = s * dot - i.limit[a][b] - i.bias[a][b] / i.n, v = i.variance[a][b];
      fluctuation = Math.max(fluctuation, Math.abs(f));
      squares += f * f;
      expectedSquare += (v.constant + v.perWidth / i.n + v.perWidthSquared / i.n ** 2) / i.n;
    }
  }
  const frobenius = Math.sqrt(squares);
  holds &&= Number.isFinite(error) && Number.isFinite(frobenius);
  return {
    holds,
    observed: worstDecomp,
    bound: 1,
    tightness: worstDecomp,
    detail: `max error ${error.toExponential(3)}, about the finite-n mean ${
      fluctuation.toExponential(3)
    } (root sum of squares ${frobenius.toExponential(3)}, exact RMS ${
      Math.sqrt(expectedSquare).toExponential(3)
    }); decomposition gap/rounding bound ${worstDecomp.toFixed(3)}`,
    data: { dist: i.dist.name, n: i.n, error, fluctuation, frobenius, expectedSquare },
  };
}

/**
 * The claim fields the two width-sweep limit claims (Theorems 11.16, 11.30) share: the sweep of
 * `parametrisation` against `limitUnderTest` as generator, its size per budget, parameters and
 * description, the hypotheses, why none can be broken, and the per-draw conclusion (the rate is the
 * claim's aggregate).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SWEEP_DESIGN, SWEEP_LAWS, widthSweepClaimFields } from "./tangent_kernel_sweep.ts";
 * import { ntkKernel } from "./ntk_kernels.ts";
 * const fields = widthSweepClaimFields("ntk", (x, z, spec) => ntkKernel(x, z, spec).value);
 * assert.equal(fields.instances.test, SWEEP_LAWS.length * SWEEP_DESIGN.test.widths.length * SWEEP_DESIGN.test.seeds);
 * assert.equal(fields.hypotheses.length, 2);
 * ```
 */
export function widthSweepClaimFields(
  parametrisation: Parametrisation,
  limitUnderTest: LimitKernel,
): Pick<
  Claim<SweepInstance, WidthRateData>,
  | "tightness"
  | "instances"
  | "parameters"
  | "sweepParameter"
  | "sweepStride"
  | "unbreakable"
  | "generate"
  | "describe"
  | "hypotheses"
  | "conclusion"
> {
  const draw = widthSweep(parametrisation, limitUnderTest);
  return {
    tightness:
      "per instance: |K̂ₙ (Jacobian Gram) − the proof's decomposition| over its rounding bound; aggregate: fitted exponent of the RMS error",
    instances: {
      test: SWEEP_LAWS.length * SWEEP_DESIGN.test.widths.length * SWEEP_DESIGN.test.seeds,
      report: SWEEP_LAWS.length * SWEEP_DESIGN.report.widths.length * SWEEP_DESIGN.report.seeds,
    },
    parameters: {
      law: {
        type: "integer",
        min: 0,
        max: SWEEP_LAWS.length - 1,
        help: "the (D, σ) pair of the sweep",
        names: SWEEP_LAWS.map(([d, a]) => `${d.name}-${a.name.toLowerCase()}`),
      },
      n: { type: "integer", min: 1, max: 2 ** 13, help: "width n" },
    },
    // --widths: laws vary fastest, then widths (sweepCell), so SWEEP_LAWS.length consecutive instances share a width.
    sweepParameter: "n",
    sweepStride: SWEEP_LAWS.length,
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
      failure: (c) =>
        failedAs(
          "the Jacobian's Gram matrix must equal the proof's decomposition of K̂ₙ to rounding, its error finite",
          c,
        ),
    },
  };
}
