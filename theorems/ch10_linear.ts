/**
 * Chapter 10, Section 10.1: gradient flow and gradient descent on linear regression.
 *
 * @module
 */
import { defineClaim } from "../engine/claim.ts";
import type { Claim } from "../engine/claim.ts";
import { CHECK_FALSE_ALARM, successRateVerdict } from "../engine/false_alarm.ts";
import { LeastSquares } from "../models/least_squares.ts";
import { atMost, distance, norm, ratio } from "../numerics/compare.ts";
import { EPS, matrixWithSingularValues, symmetricEigen, transposeMatVec } from "../numerics/linalg.ts";
import { integrate } from "../numerics/ode.ts";
import type { Rng } from "../numerics/random.ts";
import { median } from "../numerics/stats.ts";
import { trajectoryPlot } from "../engine/plots/trajectory.ts";

const SOURCE = "001_77e89cd23d3b82cd.txt";

/** The band an instance's observed orders of the GD–flow gap in η must lie in (O(η) means order 1). */
const ORDER_BAND = { lo: 0.8, hi: 1.2 };
/**
 * H0 of the aggregate: each measured instance's orders all lie in ORDER_BAND with probability ≥ this. Measured
 * before choosing it, at the test budget over master seeds 1000–1149: 0 of 3090 measured instances left the band
 * (orders within 1.006–1.195; 510 of 3600 instances had their gaps at rounding level, so no order).
 */
const ORDER_P0 = 0.9;
/** The aggregate's declared false-alarm probability: half a share (engine/false_alarm.ts). */
const ORDER_ALPHA = CHECK_FALSE_ALARM / 2;

/** A linear regression instance of Section 10.1 (L = ½‖y − Xw‖²). */
export interface LinearFlowInstance {
  /** The model. */
  ls: LeastSquares;
  /** Initial weights. */
  w0: Float64Array;
  /** Rank of X. */
  rank: number;
}

/** Random X with controlled singular values; every third instance rank-deficient (N > rank). */
function linearInstance(rng: Rng, index: number, params: Readonly<Record<string, number>> = {}): LinearFlowInstance {
  const drawnN = rng.int(2, 7), drawnD = rng.int(1, 7);
  const n = params.N ?? drawnN, d = params.d ?? drawnD;
  const full = Math.min(n, d);
  const deficient = rng.int(0, Math.max(full - 1, 0));
  const rank = index % 3 === 2 ? deficient : full;
  const s = Array.from({ length: rank }, () => rng.uniform(0.3, 2));
  const x = matrixWithSingularValues(rng, n, d, s);
  const y = Float64Array.from({ length: n }, () => rng.normal());
  const w0 = Float64Array.from({ length: d }, () => rng.normal());
  return { ls: new LeastSquares(x, y, 0.5), w0, rank };
}

function describe(i: LinearFlowInstance): string {
  return `X ${i.ls.x.rows}×${i.ls.x.columns}, rank ${i.rank}`;
}

/** The closed form under test: the error u(t) of the flow, given u(0). */
export type ErrorClosedForm = (ls: LeastSquares, u0: Float64Array, times: number[]) => Float64Array[];

/** One step of the discrete method compared with the flow: GD, w − η∇L(w), as printed. */
export type DiscreteStep = (ls: LeastSquares, w: Float64Array, eta: number) => Float64Array;

/**
 * `eq-10.21`: the eigenbasis closed form of the error under gradient flow, against the
 * integrated flow and against GD with small η. The closed form and the discrete step are parameters
 * so that deliberately wrong ones can be shown to be caught.
 *
 * @example
 * ```ts
 * import { eq1021 } from "./ch10_linear.ts";
 * console.assert(eq1021().id === "eq-10.21");
 * ```
 */
export function eq1021(
  closedForm: ErrorClosedForm = (ls, u0, t) => ls.errorFlowClosedForm(u0, t),
  discreteStep: DiscreteStep = (ls, w, eta) => ls.gdStep(w, eta),
): Claim {
  return defineClaim<LinearFlowInstance>({
    id: "eq-10.21",
    falseAlarm: ORDER_ALPHA,
    title: "Gradient flow on linear regression in the eigenbasis",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 10, §10.1, (10.9)–(10.21)" },
    statement: String.raw`With $\Lambda = QXX^\top Q^\top$ diagonal and $u' = Q(y - Xw)$,
the flow $\frac{dw}{dt} = X^\top(y - Xw)$ (10.8) gives $\frac{du'}{dt} = -\Lambda u'$ (10.20), so
"$u'[i] = \exp(-\Lambda[i,i]t)\,u'[i]$" (10.21, printed without time arguments: read
$u'[i](t) = e^{-\Lambda[i,i]t}u'[i](0)$). If $\Lambda[i,i] = 0$, $u'[i]$ does not change over time.`,
    tightness:
      "worst of: closed form vs integrated flow, distance over the integrator's error budget; GD vs flow at t = kη, gap over the rigorous first-order bound η·‖(λᵢ²t/2)e^{−λᵢ(t−η)}u′ᵢ(0)‖",
    instances: { test: 24, report: 240 },
    generate: ({ rng, index, params }) => linearInstance(rng, index, params),
    describe,
    parameters: {
      N: { type: "integer", min: 1, max: 40, help: "number of examples (rows of X)" },
      d: { type: "integer", min: 1, max: 40, help: "input dimension (columns of X)" },
    },
    unbreakable:
      "(10.21) is an identity for every real X and y: its one assumption, that XXᵀ is orthogonally diagonalisable, holds for every real X. Rank-deficient X (zero eigenvalues) are among the instances.",
    hypotheses: [{
      statement: "$X \\in \\mathbb{R}^{N\\times d}$, $y \\in \\mathbb{R}^N$, any rank (no further hypothesis)",
      certainty: "certified",
      method: "shapes and finiteness checked exactly",
      check: (i) => ({
        holds: i.ls.y.every(Number.isFinite) && i.w0.every(Number.isFinite),
        value: describe(i),
      }),
    }],
    conclusion: {
      statement: String
        .raw`(a) the closed form equals the integrated flow at $t \in \{0.25, 1, 4\}/\lambda_{\max}$ within the
integrator's error budget; (b) components with $\Lambda[i,i]=0$ of the integrated flow stay constant; (c) GD with
$\eta = 2^{-j}/\lambda_{\max}$, $j = 1..4$, at $t = k\eta$ stays within the rigorous $O(\eta)$ bound of the flow.`,
      check(i) {
        const { ls, w0 } = i;
        const { values, vectors } = symmetricEigen(ls.x.mmul(ls.x.transpose()));
        const lmax = Math.max(values[0], 1e-300);
        const u0 = ls.residual(w0);
        const times = [0.25, 1, 4].map((t) => t / lmax);
        const closed = closedForm(ls, u0, times);
        // (a) integrated flow (10.8) for w, mapped to errors.
        const sol = integrate((_t, w) => ls.gradient(w).map((g) => -g), 0, w0, times);
        const scale = Math.max(norm(u0), 1);
        const budget = (sol.steps + 1) * (sol.atol * Math.sqrt(ls.x.columns) + sol.rtol * scale) *
            Math.sqrt(lmax) + 100 * EPS * scale;
        let worst = 0, detail = "";
        let holds = true;
        times.forEach((_t, k) => {
          const flowU = ls.residual(sol.states[k]);
          const c = atMost(distance(closed[k], flowU), budget);
          holds &&= c.ok;
          worst = Math.max(worst, ratio(c.observed, c.bound));
          if (k === times.length - 1) {
            detail += `‖closed − ode‖ = ${c.observed.toExponential(2)} ≤ ${budget.toExponential(2)}`;
          }
          // (b) zero modes of the integrated flow do not move.
          const up = transposeMatVec(vectors, flowU), up0 = transposeMatVec(vectors, u0);
          values.forEach((lam, m) => {
            if (Math.abs(lam) <= values.length * EPS * lmax * 10) {
              const z = atMost(Math.abs(up[m] - up0[m]), budget);
              holds &&= z.ok;
              worst = Math.max(worst, ratio(z.observed, z.bound));
            }
          });
        });
        // (c) GD at t = kη vs the flow: |(1−x)^k − e^{−xk}| ≤ k·x²/2·e^{−x(k−1)} for x = ηλ ∈ [0, 1].
        const T = 1 / lmax;
        const up0 = transposeMatVec(vectors, u0);
        const orders: number[] = [];
        let prevGap = NaN;
        for (let j = 1; j <= 4; j++) {
          const eta = 2 ** -j / lmax, steps = Math.round(T / eta);
          let w = w0;
          for (let k = 0; k < steps; k++) w = discreteStep(ls, w, eta);
          const [flowU] = closedForm(ls, u0, [steps * eta]);
          const gap = distance(ls.residual(w), flowU);
          const t = steps * eta;
          const terms = Array.from(values, (lam, m) => {
            const l = Math.max(lam, 0);
            return (l * l * t / 2) * Math.exp(-l * (t - eta)) * up0[m];
          });
          const bound = eta * norm(terms) + 100 * steps * EPS * scale;
          const c = atMost(gap, bound);
          holds &&= c.ok;
          worst = Math.max(worst, ratio(c.observed, c.bound));
          if (j > 1 && gap > 1e3 * EPS * scale) orders.push(Math.log2(prevGap / gap));
          prevGap = gap;
        }
        detail += `; GD gap order in η ≈ ${
          orders.map((o) => o.toFixed(2)).join(", ") || "n/a (gap at rounding level)"
        }`;
        return { holds, observed: worst, bound: 1, tightness: worst, detail, data: { orders } };
      },
    },
    aggregate(records) {
      // Instances whose GD gaps stay above rounding at two halvings or more have measurable orders.
      const measured = records.filter((r) =>
        r.met && ((r.conclusion?.data?.orders as number[] | undefined) ?? []).length
      );
      const orders = measured.flatMap((r) => r.conclusion!.data!.orders as number[]);
      const inBand = (r: (typeof records)[number]) =>
        (r.conclusion!.data!.orders as number[]).every((o) => o > ORDER_BAND.lo && o < ORDER_BAND.hi);
      const v = successRateVerdict({
        successes: measured.filter(inBand).length,
        trials: measured.length,
        p0: ORDER_P0,
        alpha: ORDER_ALPHA,
        units:
          `instances whose GD–flow gap has order in η within (${ORDER_BAND.lo}, ${ORDER_BAND.hi}) at every halving`,
      });
      const med = orders.length ? median(orders) : NaN;
      return {
        ...v,
        // The claim's tightness stays the per-instance one (the rigorous first-order bound).
        tightness: undefined,
        summary: `${v.summary}. Median observed order ${med.toFixed(3)} over ${orders.length} halvings (O(η) means 1).`,
        rows: [...v.rows, ["median order of the GD–flow gap in η", med.toFixed(3)]],
      };
    },
    plots(records) {
      const values = records.flatMap((r) =>
        ((r.conclusion?.data?.orders as number[] | undefined) ?? []).map((o, j) => ({
          instance: r.index,
          halving: `η/${2 ** (j + 1)} → η/${2 ** (j + 2)}`,
          order: o,
        }))
      );
      return [{
        name: "gd-order",
        title: "Observed order of the GD–flow gap in η (1 means gap ∝ η)",
        spec: {
          data: { values },
          mark: { type: "tick" },
          encoding: {
            x: { field: "order", type: "quantitative", scale: { domain: [0, 2] } },
            y: { field: "halving", type: "nominal" },
          },
        },
      }];
    },
  });
}

/** A GD run on linear regression: instance plus step size. */
export interface LinearGdInstance extends LinearFlowInstance {
  /** Step size η. */
  eta: number;
  /** β = λ_max(XᵀX) by (10.59). */
  beta: number;
}

/** The global optimum under test: ½‖(I − P)y‖² by default. */
export type OptimalLoss = (ls: LeastSquares) => number;

/**
 * `sec-10.1`: GD (η < 2/β) and gradient flow on linear regression converge to the global optimum
 * ½‖(I − P)y‖², for any rank of X. The optimum formula is a parameter so that a wrong one can be
 * shown to be caught.
 *
 * @example
 * ```ts
 * import { sec101 } from "./ch10_linear.ts";
 * console.assert(sec101().kind === "limit");
 * ```
 */
export function sec101(optimum: OptimalLoss = (ls) => ls.optimalLoss()): Claim {
  return defineClaim<LinearGdInstance>({
    id: "sec-10.1",
    title: "GD on linear regression reaches the global optimum",
    kind: "limit",
    source: { document: SOURCE, where: "Chapter 10, §10.1, (10.1)–(10.21) and the conclusion after (10.21)" },
    statement: String
      .raw`"If we train a linear regression model by gradient descent, it converges to the global optimum."
... "We can conclude that as $t \to \infty$, the loss converges to its global minimum." The global minimum of
$\mathcal{L}(w) = \frac12\|y - Xw\|^2$ is $\frac12\|(I - P)y\|^2$, $P$ the projector onto the column space of $X$.`,
    tightness:
      "worst over checkpoints k of (L(w_k) − L*) / (ρ^{2k}(L(w_0) − L*)), ρ = max over nonzero λ of |1 − ηλ|: 1 means the predicted linear rate is attained",
    instances: { test: 24, report: 300 },
    generate({ rng, index, params = {} }) {
      const base = linearInstance(rng, index, params);
      const beta = base.ls.smoothness();
      // η drawn up to 2.1/β so that the hypothesis η < 2/β is genuinely checked.
      const etaBeta = rng.uniform(0.05, 2.1);
      return { ...base, beta, eta: (params.etaBeta ?? etaBeta) / Math.max(beta, 1e-300) };
    },
    parameters: {
      N: { type: "integer", min: 1, max: 40, help: "number of examples (rows of X)" },
      d: { type: "integer", min: 1, max: 40, help: "input dimension (columns of X)" },
      etaBeta: { type: "number", min: 0.01, max: 4, help: "step size times β (the hypothesis is η·β < 2)" },
    },
    scenarios: [{
      name: "eta-above-2-over-beta",
      breaks: "$\\eta < 2/\\beta$: GD with $\\eta\\beta = 2.2$",
      params: { etaBeta: 2.2 },
    }],
    describe: (i) => `${describe(i)}, η·β = ${(i.eta * i.beta).toFixed(3)}`,
    hypotheses: [{
      statement: String.raw`$\eta < 2/\beta$ with $\beta = \lambda_{\max}(X^\top X)$ (10.59)`,
      certainty: "certified",
      method: "β from a float64 SVD (relative error ≲ 1e-15); instances with η·β within 1e-9 of 2 are rejected",
      check: (i) => ({
        holds: i.beta === 0 || i.eta * i.beta < 2 - 1e-9,
        value: `η·β = ${(i.eta * i.beta).toFixed(4)}`,
      }),
    }],
    conclusion: {
      statement: String
        .raw`$\mathcal{L}(w_k) \to \frac12\|(I-P)y\|^2$: the gap is non-increasing, contracts at least like
$\rho^{2k}$, and is below $10^{-10}\max(1, \mathcal{L}(w_0))$ after the predicted number of steps; the integrated
flow's loss at $t = 40/\lambda_{\min}^{+}$ is within the same tolerance.`,
      check(i) {
        const { ls, w0, eta } = i;
        const lStar = optimum(ls);
        const { values } = symmetricEigen(ls.x.mmul(ls.x.transpose()));
        const pos = Array.from(values).filter((l) => l > values.length * 10 * EPS * Math.max(values[0], 0));
        const l0 = ls.loss(w0);
        const tol = 1e-10 * Math.max(1, l0);
        const slack = 64 * EPS * Math.max(1, l0) * ls.x.rows;
        if (pos.length === 0) {
          const gap = Math.abs(l0 - lStar);
          return { holds: gap <= slack, observed: gap, bound: slack, tightness: ratio(gap, slack), detail: "X = 0" };
        }
        const rho = Math.max(...pos.map((l) => Math.abs(1 - eta * l)));
        // Steps for the predicted gap ρ^{2k}·gap₀ to fall below tol (500 when ρ ≥ 1: no convergence predicted).
        const steps = rho < 1
          ? Math.min(200_000, Math.ceil(Math.log(tol / Math.max(l0, 1e-300)) / (2 * Math.log(rho))) + 1)
          : 500;
        let w = w0, prev = l0 - lStar, holds = true, worst = 0, monotone = true;
        const ks: number[] = [0], gaps: number[] = [prev];
        for (let k = 1; k <= steps; k++) {
          w = ls.gdStep(w, eta);
          const gap = ls.loss(w) - lStar;
          if (k === steps || k % Math.ceil(steps / 40) === 0) ks.push(k), gaps.push(gap);
          if (gap > prev + slack) monotone = false;
          const predicted = rho ** (2 * k) * (l0 - lStar);
          if (predicted > 1e3 * slack) worst = Math.max(worst, gap / predicted);
          if (!(gap <= predicted + slack)) holds = false;
          prev = gap;
        }
        const final = atMost(prev, tol);
        // Gradient flow: integrate to t = 40/λ⁺_min, where the predicted gap is e^{-80}·gap₀.
        const tEnd = 40 / Math.min(...pos);
        const sol = integrate((_t, v) => ls.gradient(v).map((g) => -g), 0, w0, [tEnd]);
        const flowGap = atMost(Math.abs(ls.loss(sol.states[0]) - lStar), tol);
        holds &&= monotone && final.ok && flowGap.ok;
        return {
          holds,
          observed: worst,
          bound: 1,
          tightness: worst,
          detail: `L* = ${lStar.toExponential(3)}, ${steps} GD steps: gap ${prev.toExponential(2)} (target ≤ ${
            tol.toExponential(1)
          }), flow gap ${flowGap.observed.toExponential(2)}${monotone ? "" : ", gap increased"}`,
          data: { lStar, gdGap: prev, flowGap: flowGap.observed, rank: i.rank, steps, ks, gaps },
        };
      },
    },
    plots: (records) => [trajectoryPlot(records, "ks", "gaps", "L(w_k) − L*")],
  });
}
