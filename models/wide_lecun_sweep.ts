/**
 * The width sweeps of Chapter 11, §11.5.3–11.5.4: a fixed data set (m = 3 points in ℝ³), wide LeCun
 * networks (11.5.1) with arctan and w₀ drawn by (11.5.3), their step size, and gradient descent on the
 * full and on the linearised model (11.5.9) side by side.
 *
 * @module
 */
import type { AggregateCheck, Claim, ConclusionCheck, Hypothesis, InstanceContext } from "../engine/claim.ts";
import type { ParameterSpec, Scenario } from "../engine/claim.ts";
import { change, num } from "../engine/words.ts";
import { CHECK_FALSE_ALARM } from "../engine/false_alarm.ts";
import { inverseSqrtDecayVerdict, type WidthSample } from "../engine/verdicts/width_decay_rate.ts";
import { arctan } from "./activation.ts";
import { lecunKernel } from "./ntk_kernels.ts";
import { TwoLayerNetwork } from "./two_layer.ts";
import { distance, norm } from "../numerics/compare.ts";
import { Matrix, randomOrthogonal, svd, symmetricEigen } from "../numerics/linalg.ts";
import { createRng, gaussian, type Rng } from "../numerics/random.ts";

/** The fixed data set of the width sweeps: m = 3 points in ℝ³ of norm √3 (nearly orthogonal), targets in [−1, 1]. */
export interface WideData {
  /** Inputs xᵢ. */
  xs: Float64Array[];
  /** Targets yᵢ. */
  ys: Float64Array;
  /** Test points with ‖x‖ ≤ 1 (Proposition 11.26). */
  tests: Float64Array[];
  /** λ_min and λ_max of (K^LC(xᵢ, xⱼ)) (quadrature) and the quadrature's error bound. */
  lambdaMin: number;
  /** λ_max of K^LC. */
  lambdaMax: number;
  /** Largest quadrature error estimate over the entries. */
  kernelError: number;
}

let cachedData: WideData | undefined;

/**
 * The data set shared by all width-sweep instances (a constant: seeded by a fixed string, so that
 * the sweep varies only the width and the initialisation).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { wideData } from "./wide_lecun_sweep.ts";
 * assert.equal(wideData().xs.length, 3);
 * ```
 */
export function wideData(): WideData {
  if (cachedData) return cachedData;
  const rng = createRng("ch11-wide-data");
  const q = randomOrthogonal(rng, 3);
  const xs = [0, 1, 2].map((i) => {
    const x = Float64Array.from(q.getColumn(i), (v) => v + 0.15 * rng.normal());
    const r = norm(x);
    return x.map((v) => (v * Math.sqrt(3)) / r);
  });
  const ys = Float64Array.from([0.6, -0.8, 0.3]);
  const tests = Array.from({ length: 6 }, () => {
    const x = Float64Array.from({ length: 3 }, () => rng.normal());
    const r = norm(x);
    return x.map((v) => (v * rng.uniform(0.2, 1)) / r);
  });
  const spec = { parametrisation: "lecun" as const, activation: arctan, distribution: gaussian };
  const k = new Matrix(3, 3);
  let kernelError = 0;
  for (let i = 0; i < 3; i++) {
    for (let j = i; j < 3; j++) {
      const e = lecunKernel(xs[i], xs[j], spec);
      k.set(i, j, e.value);
      k.set(j, i, e.value);
      kernelError = Math.max(kernelError, e.error);
    }
  }
  const values = symmetricEigen(k).values;
  cachedData = { xs, ys, tests, lambdaMin: values[2], lambdaMax: values[0], kernelError };
  return cachedData;
}

/**
 * The widths of the sweep per budget.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { WIDE_WIDTHS } from "./wide_lecun_sweep.ts";
 * assert.equal(WIDE_WIDTHS.length, 5);
 * ```
 */
export const WIDE_WIDTHS = [128, 256, 512, 1024, 2048];

/**
 * The width of the sweep's instance `index` (the widths in turn).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sweepWidth } from "./wide_lecun_sweep.ts";
 * assert.equal(sweepWidth(6), 256);
 * ```
 */
export function sweepWidth(index: number): number {
  return WIDE_WIDTHS[index % WIDE_WIDTHS.length];
}

/** An instance: a LeCun network (11.5.1) of width n with w₀ drawn by (11.5.3), and its step size. */
export interface WideInstance {
  /** The network at w₀. */
  net: TwoLayerNetwork;
  /** h = 0.9 · 2/((λ_min^LC + 4λ_max^LC)n) (another factor than 0.9 in exploration scenarios). */
  h: number;
}

/**
 * A width-n instance: LeCun network (11.5.1), arctan, Gaussian D(0,1), w₀ by (11.5.3).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { wideInstance } from "./wide_lecun_sweep.ts";
 * import { createRng } from "../numerics/random.ts";
 * assert.equal(wideInstance(createRng(1), 32).net.n, 32);
 * ```
 */
export function wideInstance(rng: Rng, width: number, stepFactor = 0.9): WideInstance {
  const data = wideData();
  const net = TwoLayerNetwork.initialise(rng, { d: 3, n: width, parametrisation: "lecun", activation: arctan }, {
    distribution: gaussian,
  });
  return { net, h: (stepFactor * 2) / ((data.lambdaMin + 4 * data.lambdaMax) * width) };
}

/**
 * Assumption 11.18 on an instance: the kernel matrix K^LC is regular (λ_min well above the quadrature
 * error) and h < 2/((λ_min^LC + 4λ_max^LC)n); with the numbers behind it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { stepSizeCondition, wideInstance } from "./wide_lecun_sweep.ts";
 * import { createRng } from "../numerics/random.ts";
 * assert.equal(stepSizeCondition(wideInstance(createRng(1), 16)).holds, true);
 * assert.equal(stepSizeCondition(wideInstance(createRng(1), 16, 3)).holds, false);
 * ```
 */
export function stepSizeCondition(i: WideInstance): { holds: boolean; value: string } {
  const d = wideData();
  const ok = d.lambdaMin > 10 * d.kernelError && i.h < 2 / ((d.lambdaMin + 4 * d.lambdaMax) * i.net.n);
  return {
    holds: ok,
    value: `λ^LC ∈ [${d.lambdaMin.toFixed(4)}, ${d.lambdaMax.toFixed(4)}] (quadrature error ≤ ${
      d.kernelError.toExponential(1)
    }), h·n = ${(i.h * i.net.n).toFixed(4)}`,
  };
}

/** The sweep's instance `index` as a claim generator, with the overrides `width` and `stepFactor` (default 0.9). */
function wideSweepInstance({ rng, index, params = {} }: InstanceContext): WideInstance {
  return wideInstance(rng, params.width ?? sweepWidth(index), params.stepFactor ?? 0.9);
}

/** The parameters of the width-sweep claims: the width and the step factor. */
const WIDE_PARAMETERS: Record<string, ParameterSpec> = {
  width: { type: "integer", min: 4, max: 2048, help: "width n (the sweep uses 128…2048)" },
  stepFactor: {
    type: "number",
    min: 0.05,
    max: 8,
    help: "h·(λ_min^LC + 4λ_max^LC)n/2 (the hypothesis is < 1; the sweep uses 0.9)",
  },
};

/** The scenarios breaking the step-size condition of Assumption 11.18: 3 and 6 times the bound. */
const WIDE_STEP_SCENARIOS: Scenario[] = [{
  name: "step-above-theorem",
  breaks: String
    .raw`$h < \frac{2}{(\lambda^{LC}_{\min} + 4\lambda^{LC}_{\max})n}$: a step 3 times the theorem's bound, $h = 3\cdot\frac{2}{(\lambda^{LC}_{\min} + 4\lambda^{LC}_{\max})n}$`,
  params: { stepFactor: 3 },
  // The report's size (12 sampled, 24 searched), shrinking capped at 16: explore under 10 s (wide networks are costly).
  instances: 12,
  searchRuns: 24,
  shrinkRuns: 16,
}, {
  name: "step-beyond-stability",
  breaks: String
    .raw`$h < \frac{2}{(\lambda^{LC}_{\min} + 4\lambda^{LC}_{\max})n}$: a step 6 times the theorem's bound, above the stability limit $h \approx \frac{2}{\lambda^{LC}_{\max}n}$ of GD on the linearised model`,
  params: { stepFactor: 6 },
  instances: 12,
  searchRuns: 24,
  shrinkRuns: 16,
}];

/** Assumption 11.18 as the width-sweep claims' hypothesis, checked by `stepSizeCondition`. */
const ASSUMPTION_11_18: Hypothesis<WideInstance> = {
  statement: String
    .raw`Assumption 11.18: $|\sigma(0)|, \mathrm{Lip}(\sigma), \mathrm{Lip}(\sigma') \le R$; $\|x_i\|, |y_i| \le R$; $(K^{LC}(x_i, x_j))$ regular with eigenvalues in $[\lambda^{LC}_{\min}, \lambda^{LC}_{\max}]$; $h < \frac{2}{(\lambda^{LC}_{\min} + 4\lambda^{LC}_{\max})n}$`,
  certainty: "estimated",
  method:
    "σ = arctan: σ(0) = 0, Lip σ = 1, Lip σ′ = 3√3/8 (exact); R = √3 bounds ‖xᵢ‖ = √3 and |yᵢ| ≤ 1; K^LC by adaptive quadrature (error estimate, not a rigorous bound), its eigenvalues by the symmetric eigensolver; h = 0.9 of the bound",
  check: stepSizeCondition,
};

/**
 * The claim fields the width-sweep claims share: the sweep's generator (overrides `width`, `stepFactor`),
 * its parameters, the scenarios breaking the step size, and Assumption 11.18 as the one hypothesis.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { WIDE_SWEEP_FIELDS } from "./wide_lecun_sweep.ts";
 * import { createRng } from "../numerics/random.ts";
 * const i = await WIDE_SWEEP_FIELDS.generate({ rng: createRng(1), index: 1, count: 5, budget: "test" });
 * assert.equal(i.net.n, 256);
 * assert.equal(WIDE_SWEEP_FIELDS.hypotheses[0].check(i).holds, true);
 * assert.deepEqual(WIDE_SWEEP_FIELDS.scenarios?.map((s) => s.params.stepFactor), [3, 6]);
 * ```
 */
export const WIDE_SWEEP_FIELDS: Pick<
  Claim<WideInstance>,
  "generate" | "parameters" | "scenarios" | "hypotheses" | "sweepParameter"
> = {
  generate: wideSweepInstance,
  sweepParameter: "width",
  parameters: WIDE_PARAMETERS,
  scenarios: WIDE_STEP_SCENARIOS,
  hypotheses: [ASSUMPTION_11_18],
};

/**
 * The rate verdict of a width-sweep claim: the fitted exponent in n of one quantity per instance,
 * over the widths the samples have (`WIDE_WIDTHS` in a run of the claim; those `explore --sweep --widths` chose), at the false-alarm level `CHECK_FALSE_ALARM` the claims declare.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { WIDE_WIDTHS, wideDecayVerdict } from "./wide_lecun_sweep.ts";
 * const samples = WIDE_WIDTHS.map((width, k) => ({ width, value: (1 + 0.02 * (k % 2)) / Math.sqrt(width) }));
 * assert.equal(wideDecayVerdict(samples, "gap").holds, true);
 * const chosen = [16, 32, 64, 128, 256].map((width) => ({ width, value: 1 / Math.sqrt(width) }));
 * assert.match(wideDecayVerdict(chosen, "gap").summary, /n ∈ \{16, 32, 64, 128, 256\}/);
 * ```
 */
export function wideDecayVerdict(samples: readonly WidthSample[], label: string): AggregateCheck {
  // The summary names the widths fitted: the sweep's own, or those `explore --sweep --widths` chose (a subset of the
  // sweep's own included).
  const widths = [...new Set(samples.map((s) => s.width))].sort((a, b) => a - b);
  return inverseSqrtDecayVerdict(samples, label, widths, CHECK_FALSE_ALARM);
}

/** What a GD run on the full and on the linearised model records. */
export interface WideRun {
  /** Steps taken. */
  steps: number;
  /** f(w_k), k = 0..steps. */
  losses: number[];
  /** sup_k ‖w_k − w₀‖. */
  maxDistance: number;
  /** sup_k (1/n)‖∇Φ(X, w̃_k)∇Φ(X, w_k)ᵀ − ∇Φ(X, p₀)∇Φ(X, p₀)ᵀ‖, w̃_k the midpoint of w_k, w_{k+1}. */
  maxKernelGap: number;
  /** sup_k max over test points ‖x‖ ≤ 1 of |Φ(x, w_k) − Φ^lin(x, p_k)|. */
  maxPredictionGap: number;
}

/** The Jacobian perturbation under test in mutation tests (identity for the real claim). */
export type JacobianTransform = (rows: Float64Array[]) => Float64Array[];

const runs = new WeakMap<WideInstance, WideRun>();

/**
 * The unperturbed Jacobian (the default of `trainWide`; runs with it are cached per instance).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exactJacobian } from "./wide_lecun_sweep.ts";
 * const rows = [Float64Array.of(1, 2)];
 * assert.equal(exactJacobian(rows), rows);
 * ```
 */
export const exactJacobian: JacobianTransform = (r) => r;

/**
 * GD (11.4.5) on f(w) = Σ(Φ(xᵢ, w) − yᵢ)² and on f^lin (11.5.9) from p₀ = w₀, side by side.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainWide, wideInstance } from "./wide_lecun_sweep.ts";
 * import { createRng } from "../numerics/random.ts";
 * const run = trainWide(wideInstance(createRng(1), 16));
 * assert.ok(run.losses[run.steps] < run.losses[0]);
 * ```
 */
export function trainWide(i: WideInstance, linearJacobian: JacobianTransform = exactJacobian): WideRun {
  const cached = runs.get(i);
  if (cached && linearJacobian === exactJacobian) return cached;
  const { xs, ys, tests } = wideData();
  const net = i.net, w0 = net.params, P = w0.length, n = net.n;
  const j0 = linearJacobian(net.jacobian(xs, w0));
  const k0 = rowProducts(j0, j0);
  const phi0 = net.forwardBatch(xs, w0),
    t0 = net.forwardBatch(tests, w0),
    jt0 = linearJacobian(net.jacobian(tests, w0));
  // Buffers reused over the steps (per-step arrays of n(d+2)+1 doubles were a large share of the run's time); every
  // number is computed by the same operations in the same order as with fresh arrays.
  let w = Float64Array.from(w0), next = new Float64Array(P);
  const dp = new Float64Array(P), mid = new Float64Array(P);
  const jk = xs.map(() => new Float64Array(P)), jm = xs.map(() => new Float64Array(P));
  const e = new Float64Array(xs.length);
  const losses: number[] = [];
  let maxDistance = 0, maxKernelGap = 0, maxPredictionGap = 0, steps = 0;
  for (let k = 0; k <= 400; k++) {
    // Φ(X, w_k) and ∇Φ(X, w_k) together (σ evaluated once for both); ∇Φ is used below unless this is the last step.
    for (let a = 0; a < xs.length; a++) e[a] = net.valueAndGradient(xs[a], jk[a], w) - ys[a];
    const f = e.reduce((s, v) => s + v * v, 0);
    losses.push(f);
    maxDistance = Math.max(maxDistance, distance(w, w0));
    // Prediction gap at the test points: Φ(x, w_k) − Φ^lin(x, p_k), Φ^lin(x, p) = Φ(x, w₀) + ∇Φ(x, w₀)ᵀ(p − p₀).
    const full = net.forwardBatch(tests, w);
    jt0.forEach((row, a) => {
      let lin = t0[a];
      for (let q = 0; q < P; q++) lin += row[q] * dp[q];
      maxPredictionGap = Math.max(maxPredictionGap, Math.abs(full[a] - lin));
    });
    steps = k;
    if (k === 400 || f <= 1e-24 * losses[0]) break;
    // Full model: w_{k+1} = w_k − 2h∇Φ(X, w_k)ᵀE(w_k).
    next.set(w);
    jk.forEach((row, a) => {
      const c = 2 * i.h * e[a];
      for (let q = 0; q < P; q++) next[q] -= c * row[q];
    });
    for (let q = 0; q < P; q++) mid[q] = 0.5 * (w[q] + next[q]);
    for (let a = 0; a < xs.length; a++) net.gradient(xs[a], mid, jm[a]);
    const gap = rowProducts(jm, jk).sub(k0).mul(1 / n);
    maxKernelGap = Math.max(maxKernelGap, svd(gap).s[0]);
    const previous = w;
    w = next;
    next = previous;
    // Linearised model (11.5.9): p_{k+1} = p_k − 2h∇Φ(X, w₀)ᵀ(Φ^lin(X, p_k) − y).
    const lin = j0.map((row, a) => {
      let s = phi0[a];
      for (let q = 0; q < P; q++) s += row[q] * dp[q];
      return s - ys[a];
    });
    j0.forEach((row, a) => {
      const c = 2 * i.h * lin[a];
      for (let q = 0; q < P; q++) dp[q] -= c * row[q];
    });
  }
  const run = { steps, losses, maxDistance, maxKernelGap, maxPredictionGap };
  if (linearJacobian === exactJacobian) runs.set(i, run);
  return run;
}

/** What an instance of a gap-rate claim (Propositions 11.25, 11.26) keeps for the rate fit. */
export interface WidthGapData {
  /** Width n. */
  width: number;
  /** The gap, normalised by a power of f(w₀) (see the claim). */
  gap: number;
}

/** The gap a gap-rate claim reads from a run. */
export interface WideGap {
  /** Its name in the check's detail, e.g. "sup_k kernel gap". */
  label: string;
  /** The gap of the run. */
  of(run: WideRun): number;
  /** The gap normalised for the width fit (by a power of f(w₀) = run.losses[0]). */
  normalised(run: WideRun, gap: number): number;
}

/**
 * A gap-rate claim's check on one instance: GD on the full and on the linearised model, the gap finite
 * and the loss lowered (the rate itself is the aggregate's verdict); the normalised gap is kept.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exactJacobian, wideInstance, widthGapCheck } from "./wide_lecun_sweep.ts";
 * import { createRng } from "../numerics/random.ts";
 * const gap = { label: "sup_k kernel gap", of: (r: { maxKernelGap: number }) => r.maxKernelGap, normalised: () => 1 };
 * const check = widthGapCheck(wideInstance(createRng(1), 16), exactJacobian, gap);
 * assert.equal(check.holds, true);
 * assert.deepEqual(check.data, { width: 16, gap: 1 });
 * ```
 */
export function widthGapCheck(
  i: WideInstance,
  linearJacobian: JacobianTransform,
  gap: WideGap,
): ConclusionCheck<WidthGapData> {
  const r = trainWide(i, linearJacobian), observed = gap.of(r);
  const ok = Number.isFinite(observed) && r.losses[r.steps] < r.losses[0];
  return {
    holds: ok,
    observed,
    bound: Infinity,
    tightness: 0,
    detail: ok
      ? `n = ${i.net.n}: ${gap.label} = ${observed.toExponential(3)} over ${r.steps} steps`
      : Number.isFinite(observed)
      ? `n = ${i.net.n}: the loss did not decrease over ${r.steps} steps (from ${r.losses[0].toExponential(3)} to ${
        r.losses[r.steps].toExponential(3)
      })`
      : `n = ${i.net.n}: gradient descent diverged (${gap.label} = ${observed}, loss from ${
        r.losses[0].toExponential(3)
      } to ${r.losses[r.steps]}) over ${r.steps} steps`,
    data: { width: i.net.n, gap: gap.normalised(r, observed) },
    ...(!ok && {
      failure: `GD with the theorem's step must lower the loss and keep ${gap.label} finite; at n = ${i.net.n} ${
        change("the loss", r.losses[0], r.losses[r.steps])
      } over ${r.steps} steps (${gap.label} = ${num(observed)})`,
    }),
  };
}

/** The matrix (⟨aᵢ, bⱼ⟩)ᵢⱼ of the rows of a and b: A Bᵀ. */
function rowProducts(a: Float64Array[], b: Float64Array[]): Matrix {
  const out = new Matrix(a.length, b.length);
  a.forEach((ra, i) =>
    b.forEach((rb, j) => {
      let s = 0;
      // Hot loop: O(n(d+2)).
      for (let q = 0; q < ra.length; q++) s += ra[q] * rb[q];
      out.set(i, j, s);
    })
  );
  return out;
}
