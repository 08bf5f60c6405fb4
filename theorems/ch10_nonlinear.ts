/**
 * Chapter 10, §10.2: gradient flow of a nonlinear model (10.25)–(10.28) and the inverse relative
 * scale κ (10.42)–(10.45) of Chapter 10's two-layer network (10.46).
 *
 * @module
 */
import { defineClaim } from "../engine/claim.ts";
import { CHECK_FALSE_ALARM, successRateVerdict } from "../engine/false_alarm.ts";
import type { Claim, InstanceRecord } from "../engine/claim.ts";
import {
  antisymmetricInit,
  iidInit,
  kappa,
  relu,
  rowsSpectralNorm,
  ScaledTwoLayer,
  sumErrorBound,
  tanhActivation,
} from "../models/scaled_two_layer.ts";
import { atMost, distance, norm, ratio } from "../numerics/compare.ts";
import { EPS, matVec, symmetricEigen } from "../numerics/linalg.ts";
import { integrate } from "../numerics/ode.ts";
import type { Rng } from "../numerics/random.ts";
import { linearFit, median } from "../numerics/stats.ts";
import { sphereInputs } from "../models/datasets.ts";
import { meanKappa } from "../models/kappa_sweep.ts";

const SOURCE = "001_77e89cd23d3b82cd.txt";

/** Inputs on the unit sphere of ℝᵈ. */
/** An instance of (10.28): a tanh network (10.46) with α = 1/√d_hid, data and w₀. */
export interface FlowInstance {
  /** The model. */
  net: ScaledTwoLayer;
  /** Targets y. */
  y: Float64Array;
  /** Initial weights. */
  w0: Float64Array;
}

/** The right-hand side under test: d/dt (y − f(w)) as a function of the state. */
export type ErrorDerivative = (net: ScaledTwoLayer, w: Float64Array, u: Float64Array) => Float64Array;

/**
 * (10.28): d/dt (y − f(w)) = −Df·Dfᵀ·(y − f(w)).
 *
 * @example
 * ```ts
 * const { printedErrorDerivative } = await import("./ch10_nonlinear.ts");
 * const { ScaledTwoLayer, relu } = await import("../models/scaled_two_layer.ts");
 * const net = new ScaledTwoLayer([Float64Array.of(1)], 1, 1, relu);
 * console.assert(printedErrorDerivative(net, Float64Array.of(1, 1), Float64Array.of(1))[0] === -2);
 * ```
 */
export const printedErrorDerivative: ErrorDerivative = (net, w, u) => matVec(net.tangentKernel(w), u).map((v) => -v);

/** One GD step (10.5) on L(w) = ½‖y − f(w)‖²: w ↦ w + η·Dfᵀ(y − f(w)) (a parameter: tests replace it). */
export type GradientStep = (net: ScaledTwoLayer, y: Float64Array, w: Float64Array, eta: number) => Float64Array;

/**
 * GD (10.5) as printed: w + η·Df(w)ᵀ(y − f(w)).
 *
 * @example
 * ```ts
 * const { gradientStep } = await import("./ch10_nonlinear.ts");
 * const { ScaledTwoLayer, relu } = await import("../models/scaled_two_layer.ts");
 * const net = new ScaledTwoLayer([Float64Array.of(1)], 1, 1, relu);
 * console.assert(gradientStep(net, Float64Array.of(1), Float64Array.of(1, 1), 0.5).length === 2);
 * ```
 */
export const gradientStep: GradientStep = (net, y, w, eta) => {
  const { g } = flowField(net, y)(w);
  return w.map((v, m) => v + eta * g[m]);
};

/** The GD–flow gap's observed order in η must lie in this band for O(η) (pre-registered with the claim). */
const ORDER_BAND = { lo: 0.8, hi: 1.2 };
/**
 * H0 of the aggregate: each instance's two observed orders lie in ORDER_BAND with probability ≥ this.
 * GD is a first-order method, so the orders tend to 1 as η → 0 on every instance; 0.9 leaves room for
 * pre-asymptotic instances (none of 1800 drawn at the test budget left the band: orders within 0.96–1.04).
 */
const ORDER_P0 = 0.9;
/** The aggregate's declared false-alarm probability (27 statistical checks: half a share, see engine/false_alarm.ts). */
const ORDER_ALPHA = CHECK_FALSE_ALARM / 2;

function flowField(net: ScaledTwoLayer, y: Float64Array) {
  // (10.26): dw/dt = Dfᵀ (y − f(w)).
  return (w: Float64Array) => {
    const f = net.outputs(w), u = y.map((v, i) => v - f[i]);
    const jac = net.jacobian(w), g = new Float64Array(w.length);
    jac.forEach((row, i) => {
      for (let k = 0; k < row.length; k++) g[k] += row[k] * u[i];
    });
    return { g, u };
  };
}

/**
 * `eq-10.28`: along the gradient flow (10.25)–(10.26), the error y − f(w) moves by
 * −Df·Dfᵀ·(y − f(w)). Checked in integral form: the flow is integrated together with
 * q′ = (the printed right-hand side), and y − f(w(t)) − (y − f(w₀)) − q(t) must vanish to the
 * integrator's error budget. GD with small steps is compared with the flow (gap O(η)).
 *
 * @example
 * ```ts
 * import { eq1028 } from "./ch10_nonlinear.ts";
 * console.assert(eq1028().id === "eq-10.28");
 * ```
 */
export function eq1028(
  derivative: ErrorDerivative = printedErrorDerivative,
  step: GradientStep = gradientStep,
): Claim {
  return defineClaim<FlowInstance>({
    id: "eq-10.28",
    title: "Error dynamics of a nonlinear model under gradient flow: the NTK drives it",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 10, §10.2.1, (10.22)–(10.28)" },
    statement: String.raw`For $\mathcal{L}(\mathbf{w}) = \frac12\|\mathbf{y} - \mathbf{f}(\mathbf{w})\|^2$ and the flow
$\frac{d\mathbf{w}}{dt} = D\mathbf{f}^\top(\mathbf{y} - \mathbf{f}(\mathbf{w}))$ (10.26),
$\frac{d}{dt}(\mathbf{y} - \mathbf{f}(\mathbf{w})) = -D\mathbf{f}\,D\mathbf{f}^\top(\mathbf{y} - \mathbf{f}(\mathbf{w}))$ (10.28).`,
    tightness:
      "worst over output times of ‖(y − f(w(t))) − (y − f(w₀)) − ∫₀ᵗ(10.28)‖ over the integrator's error budget",
    instances: { test: 6, report: 40 },
    falseAlarm: ORDER_ALPHA,
    generate({ rng, params = {} }) {
      const drawnN = rng.int(2, 5), drawnD = rng.int(1, 4), drawnWidth = 2 * rng.int(4, 12);
      const n = params.n ?? drawnN, d = params.d ?? drawnD, width = params.width ?? drawnWidth;
      const net = new ScaledTwoLayer(sphereInputs(rng, n, d), width, 1 / Math.sqrt(width), tanhActivation);
      const y = Float64Array.from({ length: n }, () => rng.normal());
      return { net, y, w0: iidInit(rng, d, width) };
    },
    parameters: {
      n: { type: "integer", min: 1, max: 6, help: "number of data points N" },
      d: { type: "integer", min: 1, max: 5, help: "input dimension d" },
      width: { type: "integer", min: 1, max: 32, help: "hidden width d_hid (α = 1/√d_hid)" },
    },
    unbreakable:
      "the hypotheses are differentiability of f and finite data. Finite data are forced by the generator, and a non-differentiable network (ReLU) cannot be evaluated: the adaptive integrator stalls at the kinks of the flow (measured: 35–107 s per instance, then 'ODE integrator failed'), and on the instances where it finishes the gap exceeds an error budget that assumes a smooth field, so the comparison measures the integrator, not (10.28). (10.28) is the chain rule and holds for every differentiable f, which every instance is",
    describe: (i) =>
      `N = ${i.y.length}, d = ${i.net.dim}, d_hid = ${i.net.width}, ${i.net.activation.name}, α = 1/√d_hid`,
    hypotheses: [{
      statement: "$f$ differentiable in $\\mathbf{w}$ (tanh network (10.46)), data finite",
      certainty: "certified",
      method:
        "tanh is C^∞ (a ReLU network is not differentiable everywhere); finiteness of data and w₀ checked exactly",
      check: (i) => ({
        holds: i.net.activation.name === "tanh" && i.y.every(Number.isFinite) && i.w0.every(Number.isFinite),
        value: `p = ${i.net.paramCount}, σ = ${i.net.activation.name}`,
      }),
    }],
    conclusion: {
      statement: String
        .raw`(a) $\|(\mathbf{y}-\mathbf{f}(\mathbf{w}(t))) - (\mathbf{y}-\mathbf{f}(\mathbf{w}_0)) - \int_0^t \text{(10.28)}\,ds\|$
is within the integrator's error budget at $t \in \{T/4, T/2, T\}$, $T = 3/\lambda_{\max}(D\mathbf{f}D\mathbf{f}^\top(\mathbf{w}_0))$;
(b) GD (10.5) with $\eta = T/K$ reaches $\mathbf{w}(T)$ with a gap $O(\eta)$: over all instances (aggregate), the gap's
observed order in $\eta$ over $K = 25 \to 50 \to 100$ lies in $(${ORDER_BAND.lo}, ${ORDER_BAND.hi})$ at both halvings on each
instance with probability $\ge ${ORDER_P0}$ (exact binomial test at level ${ORDER_ALPHA}).`,
      check(i) {
        const { net, y, w0 } = i;
        const p = net.paramCount, n = y.length;
        const field = flowField(net, y);
        const lmax = symmetricEigen(net.tangentKernel(w0)).values[0];
        // A vanishing kernel (possible for a ReLU network whose neurons are all inactive) leaves w fixed: use T = 1.
        const T = lmax > 0 ? 3 / lmax : 1;
        const u0 = field(w0).u;
        const times = [T / 4, T / 2, T];
        let jmax = 0;
        const sol = integrate(
          (_t, s) => {
            const w = s.subarray(0, p);
            const { g, u } = field(w);
            const q = derivative(net, w, u);
            const out = new Float64Array(p + n);
            out.set(g, 0);
            out.set(q, p);
            return out;
          },
          0,
          new Float64Array([...w0, ...new Float64Array(n)]),
          times,
        );
        let holds = true, worst = 0, detail = "";
        const smax = Math.max(...sol.states.map(norm), norm(w0));
        sol.states.forEach((s, k) => {
          const w = s.subarray(0, p), q = s.subarray(p);
          jmax = Math.max(jmax, rowsSpectralNorm(net.jacobian(w)));
          const u = field(w).u;
          const gap = distance(u.map((v, m) => v - u0[m]), q);
          // Budget: sum of local tolerances over the accepted steps, mapped to the error through ‖Df‖ (for w) and 1 (for q).
          const budget = (sol.steps + 1) * (sol.atol * Math.sqrt(p + n) + sol.rtol * smax) * (jmax + 1) +
            100 * (n + p) * EPS * (norm(u0) + smax);
          const c = atMost(gap, budget);
          holds &&= c.ok;
          worst = Math.max(worst, ratio(c.observed, c.bound));
          if (k === times.length - 1) {
            detail = `‖Δu − ∫(10.28)‖ = ${gap.toExponential(2)} ≤ ${budget.toExponential(2)} at t = T (‖Δu‖ = ${
              distance(u, u0).toExponential(2)
            })`;
          }
        });
        // (b) GD with η = T/K against the integrated flow at T.
        const wT = sol.states[times.length - 1].subarray(0, p);
        const gaps: number[] = [];
        for (const K of [25, 50, 100]) {
          const eta = T / K;
          let w: Float64Array = Float64Array.from(w0);
          for (let k = 0; k < K; k++) w = step(net, y, w, eta);
          gaps.push(distance(w, wT));
        }
        const orders = [Math.log2(gaps[0] / gaps[1]), Math.log2(gaps[1] / gaps[2])];
        detail += `; GD–flow gap at T for K = 25, 50, 100: ${gaps.map((g) => g.toExponential(2)).join(", ")}`;
        return { holds, observed: worst, bound: 1, tightness: worst, detail, data: { orders, gaps } };
      },
    },
    aggregate(records) {
      // Unit: an instance meeting the hypotheses; it succeeds when both halvings show order 1 (in ORDER_BAND).
      const met = records.filter((r) => r.met);
      const inBand = (r: InstanceRecord) => {
        const o = r.conclusion?.data?.orders as number[] | undefined;
        return o !== undefined && o.every((v) => v > ORDER_BAND.lo && v < ORDER_BAND.hi);
      };
      const orders = met.flatMap((r) => (r.conclusion?.data?.orders as number[] | undefined) ?? []);
      const v = successRateVerdict({
        successes: met.filter(inBand).length,
        trials: met.length,
        p0: ORDER_P0,
        alpha: ORDER_ALPHA,
        units:
          `instances whose GD–flow gap at T has order in η within (${ORDER_BAND.lo}, ${ORDER_BAND.hi}) at both halvings`,
      });
      const med = median(orders);
      return {
        ...v,
        // The claim's tightness stays the per-instance one (the integral form of (10.28)).
        tightness: undefined,
        summary: `${v.summary}. Median observed order ${med.toFixed(3)} over ${orders.length} halvings (O(η) means 1).`,
        rows: [...v.rows, ["median order of the GD–flow gap in η", med.toFixed(3)]],
      };
    },
  });
}

/** An instance of (10.45): a ReLU network with f(·, w₀) = 0, targets, and the scales α tried. */
export interface ScaleInstance {
  /** The unscaled model (α = 1). */
  net: ScaledTwoLayer;
  /** Targets y. */
  y: Float64Array;
  /** w₀ with the second half of the neurons the negative of the first. */
  w0: Float64Array;
  /** Scales α. */
  alphas: number[];
  /** False when w₀ was drawn iid (a scenario breaking f(w₀) = 0); absent means antisymmetric. */
  antisymmetric?: boolean;
}

/** The formula under test: κ_{αf}(w₀) from y, ‖D²f(w₀)‖, ‖Df(w₀)‖ and α. */
export type ScaledKappaFormula = (yNorm: number, hessianNorm: number, jacobianNorm: number, alpha: number) => number;

/**
 * (10.45): κ_{αf}(w₀) = ‖y‖·‖D²f(w₀)‖/(α‖Df(w₀)‖²).
 *
 * @example
 * ```ts
 * const { printedScaledKappa } = await import("./ch10_nonlinear.ts");
 * console.assert(printedScaledKappa(2, 3, 1, 6) === 1);
 * ```
 */
export const printedScaledKappa: ScaledKappaFormula = (y, h, j, a) => y * h / (a * j * j);

/**
 * `eq-10.45`: κ of the scaled model αf, computed from its definition (10.42) on αf with every
 * operator norm computed exactly, equals (10.45) to float64 precision, hence κ ∝ 1/α.
 *
 * @example
 * ```ts
 * import { eq1045 } from "./ch10_nonlinear.ts";
 * console.assert(eq1045().id === "eq-10.45");
 * ```
 */
export function eq1045(formula: ScaledKappaFormula = printedScaledKappa): Claim {
  return defineClaim<ScaleInstance>({
    id: "eq-10.45",
    title: "κ of the scaled model αf decays like 1/α when f(w₀) = 0",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 10, §10.2.2, (10.42)–(10.45)" },
    statement: String
      .raw`$\kappa_f(\mathbf{w}_0) = \frac{\|\mathbf{y} - \mathbf{f}(\mathbf{w}_0)\|\,\|D^2\mathbf{f}(\mathbf{w}_0)\|}{\|D\mathbf{f}(\mathbf{w}_0)\|^2}$ (10.42–10.43).
Assume $f(\mathbf{x}, \mathbf{w}_0) = 0$ (half of the network the negative of the other half). Then
$\kappa_{\alpha f}(\mathbf{w}_0) = \|\mathbf{y}\|\frac{\|D^2\mathbf{f}(\mathbf{w}_0)\|}{\alpha\|D\mathbf{f}(\mathbf{w}_0)\|^2}$ (10.45),
with $\|\cdot\|$ the operator 2-norm and $D^2\mathbf{f}(\mathbf{w}_0): \mathbb{R}^p \to \mathbb{R}^{N\times p}$.`,
    tightness: "worst relative deviation |κ_def − κ_(10.45)|/κ_def over the float64 tolerance, over α",
    instances: { test: 12, report: 100 },
    generate({ rng, params = {} }) {
      const drawnN = rng.int(1, 6), drawnD = rng.int(1, 5), drawnHalf = rng.int(1, 20);
      const n = params.n ?? drawnN, d = params.d ?? drawnD, width = 2 * (params.halfWidth ?? drawnHalf);
      const net = new ScaledTwoLayer(sphereInputs(rng, n, d), width, 1, relu);
      const y = Float64Array.from({ length: n }, () => rng.normal());
      const w0 = params.antisymmetric === 0 ? iidInit(rng, d, width) : antisymmetricInit(rng, d, width);
      return { net, y, w0, alphas: [1e-2, 0.5, 1, 3, 100, 1e4], antisymmetric: params.antisymmetric !== 0 };
    },
    parameters: {
      n: { type: "integer", min: 1, max: 6, help: "number of data points N" },
      d: { type: "integer", min: 1, max: 5, help: "input dimension d" },
      halfWidth: { type: "integer", min: 1, max: 40, help: "d_hid / 2 (d_hid is even: two mirrored halves)" },
      antisymmetric: {
        type: "integer",
        min: 0,
        max: 1,
        help: "1: second half of the neurons the negative of the first (f(w₀) = 0); 0: iid w₀",
      },
    },
    scenarios: [{
      name: "iid-init-f-nonzero",
      breaks: "$f(\\mathbf{x}, \\mathbf{w}_0) = 0$: an iid initialisation, so $\\mathbf{f}(\\mathbf{w}_0) \\ne 0$",
      params: { antisymmetric: 0 },
    }],
    describe: (i) =>
      `N = ${i.y.length}, d = ${i.net.dim}, d_hid = ${i.net.width}, ReLU, ${
        i.antisymmetric === false ? "iid" : "antisymmetric"
      } w₀`,
    hypotheses: [{
      statement: "$f(\\mathbf{x}_i, \\mathbf{w}_0) = 0$ for every data point",
      certainty: "certified",
      method:
        "|f(xᵢ, w₀)| is at most the rounding bound γ_{d_hid}·Σₖ|vₖσ(uₖ·xᵢ)| of the computed sum (exact zero in real arithmetic)",
      check(i) {
        const f = i.net.outputs(i.w0);
        const p = i.net.width * i.net.dim;
        let ok = true, worst = 0;
        i.net.xs.forEach((x, m) => {
          let abs = 0;
          for (let k = 0; k < i.net.width; k++) {
            let z = 0;
            for (let j = 0; j < i.net.dim; j++) z += i.w0[k * i.net.dim + j] * x[j];
            abs += Math.abs(i.w0[p + k] * relu.value(z));
          }
          const b = sumErrorBound(i.net.width, abs);
          ok &&= atMost(Math.abs(f[m]), b).ok;
          worst = Math.max(worst, Math.abs(f[m]));
        });
        return { holds: ok, value: `max |f(xᵢ, w₀)| = ${worst.toExponential(2)}` };
      },
    }, {
      statement: "$D\\mathbf{f}(\\mathbf{w}_0) \\ne 0$ (κ is defined)",
      certainty: "certified",
      method: "‖Df(w₀)‖ > 0 computed exactly",
      check(i) {
        const j = rowsSpectralNorm(i.net.jacobian(i.w0));
        return { holds: j > 0, value: `‖Df(w₀)‖ = ${j.toExponential(3)}` };
      },
    }],
    conclusion: {
      statement: String
        .raw`For $\alpha \in \{10^{-2}, 0.5, 1, 3, 100, 10^4\}$: $\kappa_{\alpha f}(\mathbf{w}_0)$ from the definition
(10.42) applied to $\alpha f$ equals (10.45) within a relative $64(N+p)\varepsilon$ (norm computations) plus $\alpha\|\mathbf{f}(\mathbf{w}_0)\|/\|\mathbf{y}\|$ (rounding of $f(\mathbf{w}_0) = 0$).`,
      check(i) {
        const base = kappa(i.net, i.w0, i.y);
        const yNorm = norm(i.y);
        const f0 = norm(i.net.outputs(i.w0));
        let holds = true, worst = 0, detail = "";
        const kappas: number[] = [];
        for (const a of i.alphas) {
          const direct = kappa(i.net.withScale(a), i.w0, i.y).kappa;
          const printed = formula(yNorm, base.hessianNorm, base.jacobianNorm, a);
          const tol = 64 * (i.y.length + i.net.paramCount) * EPS + a * f0 / yNorm;
          const rel = Math.abs(direct - printed) / Math.abs(direct);
          const c = atMost(rel, tol);
          holds &&= c.ok;
          worst = Math.max(worst, ratio(c.observed, c.bound));
          kappas.push(direct);
          if (!c.ok && !detail) {
            detail = `α = ${a}: κ(def) = ${direct.toExponential(6)}, (10.45) = ${printed.toExponential(6)}`;
          }
        }
        detail ||= `κ_{αf}·α constant: ${
          kappas.map((k, m) => (k * i.alphas[m]).toExponential(6)).slice(0, 3).join(", ")
        }…`;
        return { holds, observed: worst, bound: 1, tightness: worst, detail, data: { kappas, alphas: i.alphas } };
      },
    },
  });
}

/**
 * The families of (10.47): α(d_hid) = d_hid^{-β}.
 *
 * @example
 * ```ts
 * const { KAPPA_BETAS } = await import("./ch10_nonlinear.ts");
 * console.assert(KAPPA_BETAS.includes(0.5));
 * ```
 */
export const KAPPA_BETAS = [0.5, 0, 1];

/**
 * The widths of the (10.47) sweep.
 *
 * @example
 * ```ts
 * const { KAPPA_WIDTHS } = await import("./ch10_nonlinear.ts");
 * console.assert(KAPPA_WIDTHS.length === 5);
 * ```
 */
export const KAPPA_WIDTHS = [16, 64, 256, 1024, 4096];

/** The exponent bound under test: E[κ] ≲ d^{e(β)} for α = d^{-β}. */
export type KappaExponent = (beta: number) => number;

/**
 * (10.47): 1/√d + 1/(d·α(d)) = d^{-1/2} + d^{β−1}, exponent max(−1/2, β − 1).
 *
 * @example
 * ```ts
 * const { printedKappaExponent } = await import("./ch10_nonlinear.ts");
 * console.assert(printedKappaExponent(0.5) === -0.5 && printedKappaExponent(1) === 0);
 * ```
 */
export const printedKappaExponent: KappaExponent = (beta) => Math.max(-0.5, beta - 1);

/** One cell of the (10.47) sweep. */
export interface KappaCell {
  /** d_hid. */
  width: number;
  /** α = d_hid^{-β}. */
  beta: number;
  /** The instance's stream. */
  rng: Rng;
}

/**
 * `eq-10.47`: E[κ_f(w₀)] ≲ 1/√d_hid + 1/(d_hid·α(d_hid)) for the random two-layer ReLU network
 * (10.46): fitted exponent in d_hid for α = d_hid^{-β}, β ∈ {1/2, 0, 1}, each compared with the
 * bound's exponent max(−1/2, β − 1); for α = 1/√d_hid the decay d_hid^{-1/2} itself.
 *
 * @example
 * ```ts
 * import { eq1047 } from "./ch10_nonlinear.ts";
 * console.assert(eq1047().id === "eq-10.47");
 * ```
 */
export function eq1047(exponent: KappaExponent = printedKappaExponent): Claim {
  const reps = 6;
  return defineClaim<KappaCell>({
    id: "eq-10.47",
    title: "E[κ] of a random two-layer network decays like d_hid^{-1/2} when α = 1/√d_hid",
    kind: "rate",
    source: { document: SOURCE, where: "Chapter 10, §10.2.2, (10.46)–(10.47)" },
    statement: String
      .raw`$f(\mathbf x, \mathbf U, \mathbf v) = \alpha(d_{hid})\mathbf v\cdot\sigma(\mathbf U\mathbf x)$ (10.46), $\mathbf w_0$ random:
$E[\kappa_f(\mathbf w_0)] \lesssim \frac1{\sqrt{d_{hid}}} + \frac1{d_{hid}\alpha(d_{hid})}$ (10.47); with $\alpha(d_{hid}) = 1/\sqrt{d_{hid}}$, $\kappa$ is small for $d_{hid}$ big.`,
    tightness: "fitted exponents against the bound's exponents are in the aggregate",
    instances: { test: 15, report: 45 },
    falseAlarm: CHECK_FALSE_ALARM,
    generate: ({ rng, index, params = {} }) => ({
      width: params.width ?? KAPPA_WIDTHS[index % KAPPA_WIDTHS.length],
      beta: params.beta ?? KAPPA_BETAS[Math.floor(index / KAPPA_WIDTHS.length) % KAPPA_BETAS.length],
      rng,
    }),
    parameters: {
      width: { type: "integer", min: 2, max: 1024, help: "hidden width d_hid (the sweep uses 16…4096)" },
      beta: { type: "number", min: -0.5, max: 1.5, help: "scaling α = d_hid^{-β} (the sweep uses 1/2, 0, 1)" },
    },
    unbreakable:
      "(10.47) is stated for every scaling α(d_hid) and the only hypothesis is a random initialisation of (10.46), which every instance has by construction; β and d_hid are parameters to explore, none of them violates a hypothesis",
    describe: (c) =>
      `d_hid = ${c.width}, α = d_hid^-${c.beta}, ReLU, N = 4, d = 3, U ~ N(0, 1/d), v ~ N(0, 1), ${reps} draws`,
    hypotheses: [{
      statement: "random initialisation, ReLU (‖D²f‖ computed exactly)",
      certainty: "certified",
      method: "by construction",
      check: (c) => ({ holds: c.width > 0, value: `d_hid = ${c.width}` }),
    }],
    conclusion: {
      statement: "the sample mean of κ_f(w₀) over 6 draws is finite and positive (recorded for the fit)",
      check(c) {
        const ks = meanKappa(c.rng, c.width, c.beta, reps);
        const mean = ks.reduce((a, b) => a + b, 0) / ks.length;
        return {
          holds: Number.isFinite(mean) && mean > 0,
          observed: mean,
          bound: Infinity,
          tightness: 0,
          detail: `mean κ = ${mean.toExponential(3)}`,
          data: { width: c.width, beta: c.beta, kappa: mean, draws: ks },
        };
      },
    },
    aggregate(records) {
      const rows: [string, string][] = [];
      let holds: boolean | "inconclusive" = true;
      const parts: string[] = [];
      for (const beta of KAPPA_BETAS) {
        const pts = records.filter((r) => r.conclusion?.data?.beta === beta);
        if (pts.length < 4) {
          holds = "inconclusive";
          continue;
        }
        // Three fits: each at confidence 1 − CHECK_FALSE_ALARM/3 (Bonferroni), so the family's false-alarm
        // probability is ≤ CHECK_FALSE_ALARM.
        // Every draw is a point (log κ against log d_hid): the fit estimates the exponent of the typical κ, which
        // equals that of E[κ] when κ·d_hid^{-e} has a width-independent law.
        const xs: number[] = [], ys: number[] = [];
        for (const r of pts) {
          for (const k of r.conclusion!.data!.draws as number[]) {
            xs.push(Math.log(r.conclusion!.data!.width as number));
            ys.push(Math.log(k));
          }
        }
        const fit = linearFit(xs, ys, 1 - CHECK_FALSE_ALARM / 3);
        const { lo, hi } = fit.slopeInterval, e = exponent(beta);
        // "≲" is an upper bound: it fails only if the exponent is significantly above the bound's (lo > e). Whether
        // the bound is attained (e inside the CI) is tightness, reported, not judged: a significantly faster decay
        // (seed 56 of a sweep: −0.617 [−0.731, −0.503] against −1/2) does not contradict it.
        let ok = lo <= e;
        if (beta === 0.5) ok &&= hi < 0;
        if (!ok && holds === true) holds = false;
        parts.push(
          `α = d^-${beta}: exponent ${fit.slope.toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}] vs bound ${e} (${
            lo <= e && e <= hi ? "attained" : hi < e ? "decays faster than the bound" : "above the bound"
          })`,
        );
        rows.push([
          `fitted exponent of E[κ] in d_hid, α = d_hid^-${beta} (bound exponent ${e})`,
          `${fit.slope.toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}]`,
        ]);
      }
      return {
        holds,
        summary: `log κ (each draw) against log d_hid over d_hid ∈ {${KAPPA_WIDTHS.join(", ")}}: ${
          parts.join("; ")
        }. "≲" holds if each CI reaches the bound's exponent or below; for α = 1/√d_hid the CI must also lie below 0 (decay)`,
        alpha: CHECK_FALSE_ALARM,
        rows,
      };
    },
    plots(records) {
      const values = records.filter((r) => r.conclusion?.data).map((r) => ({
        d_hid: r.conclusion!.data!.width,
        kappa: r.conclusion!.data!.kappa,
        alpha: `α = d_hid^-${r.conclusion!.data!.beta}`,
      }));
      return [{
        name: "kappa-width",
        title: "mean κ_f(w₀) against d_hid (log–log) for three scalings α(d_hid)",
        spec: {
          data: { values },
          mark: { type: "line", point: true },
          encoding: {
            x: { field: "d_hid", type: "quantitative", scale: { type: "log" } },
            y: { field: "kappa", type: "quantitative", scale: { type: "log" } },
            color: { field: "alpha", type: "nominal" },
          },
        },
      }];
    },
  });
}
