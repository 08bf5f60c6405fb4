/**
 * `chizat-normalized-flow` (Chizat's slides, "An intuition behind the result"): along w′(t) = ∇F₁(w(t))
 * (models/soft_min.ts), w̄(t) = w(t)/‖w(t)‖ satisfies d/dt w̄(t) = (1/‖w(t)‖)∇F_{‖w(t)‖}(w̄(t)) − α_t w̄(t) "for some
 * α_t > 0 that constrains w̄(t) to the sphere". Checked step by step on separable data from three kinds of start
 * (random, aligned with a separator u, opposite to it): (1) ∇F₁(w) = ∇F_{‖w‖}(w̄) (the margins scale: the softmax
 * weights of w at temperature 1 are those of w̄ at temperature ‖w‖), to rounding; (2) the printed ODE for w̄, with
 * the only α that keeps ‖w̄‖ = 1, α_t = ⟨w̄, ∇F_{‖w‖}(w̄)⟩/‖w‖, integrated jointly with r′ = ⟨w̄, ∇F_r(w̄)⟩ (the chain
 * rule for r = ‖w‖), reproduces w(t)/‖w(t)‖ of the integrated flow, and keeps ‖w̄‖ = 1, to the integrators' budgets;
 * (3) the sign of α_t at t = 0 … 1000. α_t is the softmax-weighted mean margin of w̄ over ‖w‖: it is negative while
 * w̄(t) misclassifies enough of the data (a start opposite to u), positive once w̄(t) separates them. The printed
 * "α_t > 0" is kept as printed (for all t) and fails there; the reading "eventually" holds.
 *
 * @module
 */
import { defineClaim, namedChoice } from "../../engine/claim.ts";
import type { Claim, ConclusionCheck, InstanceContext } from "../../engine/claim.ts";
import { NamedChecks } from "../../engine/verdicts/worst_of_checks.ts";
import type { LabelledData } from "../../models/linear_classifier.ts";
import { margins, separableData, softMinFlow, softMinGradient, softMinGradientInto } from "../../models/soft_min.ts";
import { distance, norm } from "../../numerics/compare.ts";
import { EPS } from "../../numerics/linalg.ts";
import { integrate, type OdeSolution } from "../../numerics/ode.ts";

const SOURCE = "003_ad774dfe7ed191b8.txt";
const TIMES = [0, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
const STARTS = ["random", "aligned", "opposite"] as const;

/** Separable data and a start w₀. */
export interface NormalizedFlowInstance {
  data: LabelledData;
  u: Float64Array;
  w0: Float64Array;
  start: typeof STARTS[number];
}

/** What the conclusion keeps: α_t and the minimal margin of w̄(t) at TIMES. */
export interface NormalizedFlowData {
  alpha: number[];
  minMargin: number[];
}

function generate({ rng, index, params = {} }: InstanceContext): NormalizedFlowInstance {
  const d = params.d ?? rng.int(2, 4), n = params.n ?? rng.int(3, 10);
  const { data, u } = separableData(rng, n, d, rng.uniform(0.2, 1));
  const start = STARTS[params.start ?? index % 3];
  const s = 10 ** rng.uniform(-1, 0.5);
  const noise = Float64Array.from({ length: d }, () => 0.3 * rng.normal());
  const w0 = start === "random"
    ? Float64Array.from({ length: d }, () => s * rng.normal())
    : u.map((v, k) => s * ((start === "aligned" ? 1 : -1) * v + noise[k]));
  return { data, u, w0, start };
}

/**
 * The right-hand side as printed: (1/r)∇F_{β}(w̄) − α w̄ with the temperature β = `temperature(r)` (r = ‖w‖ as
 * printed), α = ⟨w̄, ∇F_β(w̄)⟩/r, and r′ = ⟨w̄, ∇F_β(w̄)⟩.
 */
function printedField(data: LabelledData, temperature: (r: number) => number, prefactor: (r: number) => number) {
  const d = data.d;
  // This field runs at every integrator stage: w̄ = y[0 .. d) read in place (softMinGradient reads v[0 .. d) only),
  // and one buffer for ∇F_β(w̄) and one for the derivative at every evaluation (integrate copies it at once).
  const g = new Float64Array(d), out = new Float64Array(d + 1);
  return (_t: number, y: Float64Array) => {
    const r = y[d];
    softMinGradientInto(temperature(r), data, y, g);
    let dot = 0;
    for (let k = 0; k < d; k++) dot = dot + g[k] * y[k];
    for (let k = 0; k < d; k++) out[k] = prefactor(r) * g[k] - (dot / r) * y[k];
    out[d] = dot;
    return out;
  };
}

/** The two integrations of an instance, shared by the printed and the corrected check (one cache per claim). */
type Trajectories = WeakMap<NormalizedFlowInstance, { flow: OdeSolution; joint: OdeSolution }>;

function trajectories(cache: Trajectories, i: NormalizedFlowInstance, joint: () => OdeSolution) {
  let hit = cache.get(i);
  if (!hit) cache.set(i, hit = { flow: softMinFlow(i.data, i.w0, TIMES), joint: joint() });
  return hit;
}

function run(
  i: NormalizedFlowInstance,
  temperature: (r: number) => number,
  prefactor: (r: number) => number,
  eventually: boolean,
  cache: Trajectories,
): ConclusionCheck<NormalizedFlowData> {
  const c = new NamedChecks();
  const { data } = i, d = data.d, n = data.y.length;
  const R = Math.max(...Array.from({ length: n }, (_, q) => norm(data.x.subarray(q * d, (q + 1) * d))));
  const r0 = norm(i.w0);
  const { flow, joint } = trajectories(
    cache,
    i,
    () => integrate(printedField(data, temperature, prefactor), 0, [...i.w0.map((v) => v / r0), r0], TIMES),
  );
  const alpha: number[] = [], minMargin: number[] = [];
  TIMES.forEach((t, q) => {
    const w = flow.states[q], r = norm(w), wbar = w.map((v) => v / r);
    // (1) ∇F₁(w) = ∇F_{‖w‖}(w̄): the exponents −zᵢ(w) and −‖w‖zᵢ(w̄) differ by rounding ~ (d + 4)ε·‖w‖R.
    const g1 = softMinGradient(1, data, w), gr = softMinGradient(r, data, wbar);
    const expErr = 4 * (d + 4) * EPS * (1 + r * R);
    c.add(`(1) ∇F₁(w) = ∇F_‖w‖(w̄) at t = ${t}`, distance(g1, gr), 4 * expErr * R + 4 * n * EPS * R);
    // (2) the printed ODE's w̄ and r against the flow's.
    const scaleW = r0 + R * t;
    const b1 = (flow.steps + 1) * (flow.atol * Math.sqrt(d) + flow.rtol * scaleW);
    const b2 = (joint.steps + 1) * (joint.atol * Math.sqrt(d + 1) + joint.rtol * (1 + scaleW));
    const y = joint.states[q], jbar = y.subarray(0, d);
    if (t > 0) {
      c.add(`(2) w̄ of the printed ODE = w(t)/‖w(t)‖ at t = ${t}`, distance(jbar, wbar), 2 * b1 / r + b2);
      c.add(`(2) r of the printed ODE = ‖w(t)‖ at t = ${t}`, Math.abs(y[d] - r), b1 + b2);
      c.add(`(2) ‖w̄‖ = 1 along the printed ODE at t = ${t}`, Math.abs(norm(jbar) - 1), b2 + 4 * d * EPS);
    }
    // (3) α_t = ⟨w̄, ∇F_r(w̄)⟩/r, the only value keeping ‖w̄‖ = 1 (d/dt‖w̄‖² = 2⟨w̄, w̄′⟩ = 0).
    const a = gr.reduce((s, v, k) => s + v * wbar[k], 0) / r;
    alpha.push(a);
    minMargin.push(Math.min(...margins(data, wbar)));
  });
  const signs = `α_t: ${
    [0, 2, 5, 8, 11].map((q, k) => `t = ${[0, 1, 10, 100, 1000][k]}: ${alpha[q].toExponential(2)}`).join(", ")
  }; min margin of w̄(1000) ${minMargin.at(-1)!.toFixed(3)}; `;
  // Printed: α_t > 0 at every t. Eventually: α_t > 0 wherever w̄(t) separates the data, and w̄(1000) does.
  const judged = TIMES.map((_t, q) => q).filter((q) => !eventually || minMargin[q] > 0);
  const nonPositive = judged.filter((q) => !(alpha[q] > 0));
  const first = nonPositive.length ? ` (first at t = ${TIMES[nonPositive[0]]})` : "";
  c.add(`(3) α_t ≤ 0 at ${nonPositive.length} of ${judged.length} times${first}`, nonPositive.length, 0);
  if (eventually) c.add("(3) w̄(1000) misclassifies a point", minMargin.at(-1)! > 0 ? 0 : 1, 0);
  const out = c.result(signs, { alpha, minMargin });
  return out;
}

/**
 * `chizat-normalized-flow`. `temperature(r)` is the β of ∇F_β in the printed identity (r = ‖w‖ as printed) and
 * `prefactor(r)` the factor in front of it (1/r as printed), so that wrong ones can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalizedFlow } from "./normalized_flow.ts";
 * assert.equal(normalizedFlow().id, "chizat-normalized-flow");
 * ```
 */
export function normalizedFlow(
  temperature: (r: number) => number = (r) => r,
  prefactor: (r: number) => number = (r) => 1 / r,
): Claim {
  const cache: Trajectories = new WeakMap();
  return defineClaim<NormalizedFlowInstance, NormalizedFlowData>({
    id: "chizat-normalized-flow",
    title: "The normalised ascent flow w̄ = w/‖w‖ of the soft-min loss, and the sign of α_t",
    kind: "exact",
    source: { document: SOURCE, where: "slides, 'An intuition behind the result'" },
    statement: String
      .raw`Along $w'(t) = \nabla F_1(w(t))$, denoting $\bar w(t) = w(t)/\|w(t)\|_2$, it holds
$\frac{d}{dt}\bar w(t) = \frac{1}{\|w(t)\|}\nabla F_{\|w(t)\|}(\bar w(t)) - \alpha_t\bar w(t)$ for some $\alpha_t > 0$ that constraints $\bar w(t)$ to the sphere.`,
    tightness:
      "worst of: gradient identity and ODE agreement over their rounding and integration budgets; −α_t over 0 (any positive value fails the sign)",
    instances: { test: 9, report: 90 },
    generate,
    describe: (i) => `n = ${i.data.y.length}, d = ${i.data.d}, start ${i.start}, ‖w₀‖ = ${norm(i.w0).toFixed(3)}`,
    hypotheses: [{
      statement: "separable data (the setting of the slide), $w(0) \\neq 0$",
      certainty: "certified",
      method: "the generator's unit u has minᵢ yᵢuᵀxᵢ ≥ γ₀ ≥ 0.2, checked above rounding; ‖w₀‖ > 0",
      check: (i) => {
        const g = Math.min(...margins(i.data, i.u));
        return { holds: g > 1e-6 && norm(i.w0) > 0, value: `margin of u ${g.toFixed(3)}` };
      },
    }],
    conclusion: {
      failure: (c) => `the printed normalised flow and the sign of α_t must hold; ${c.failure ?? c.detail}`,
      statement: String
        .raw`At $t \in \{0, 0.5, 1, 2, 5, \dots, 1000\}$: (1) $\nabla F_1(w) = \nabla F_{\|w\|}(\bar w)$ to rounding; (2) the printed ODE with
$\alpha_t = \langle\bar w, \nabla F_{\|w\|}(\bar w)\rangle/\|w\|$ (the only value keeping $\|\bar w\| = 1$), integrated with $r' = \langle\bar w, \nabla F_r(\bar w)\rangle$ from
$(w_0/\|w_0\|, \|w_0\|)$, gives $w(t)/\|w(t)\|$ and $\|w(t)\|$ of the integrated flow and stays on the sphere, to the integrators' budgets;
(3) $\alpha_t > 0$ at every sampled $t$.`,
      check: (i) => run(i, temperature, prefactor, false, cache),
    },
    erratum: {
      failure: (c) => `the corrected normalised flow and the sign of α_t must hold; ${c.failure ?? c.detail}`,
      printed: String
        .raw`$\frac{d}{dt}\bar w = \frac{1}{\|w\|}\nabla F_{\|w\|}(\bar w) - \alpha_t\bar w$ for some $\alpha_t > 0$`,
      corrected: String
        .raw`the identity holds with $\alpha_t = \langle\bar w(t), \nabla F_{\|w(t)\|}(\bar w(t))\rangle/\|w(t)\| = \frac{1}{\|w(t)\|}\sum_ip_iy_i\bar w(t)^\top x_i$
($p$ the softmax weights of $-\|w\|z(\bar w)$); $\alpha_t > 0$ whenever $\bar w(t)$ separates the data, hence for all large $t$, but $\alpha_t < 0$ is possible before (e.g. $w(0)$ opposite to a separator)`,
      reasoning: String
        .raw`Differentiating $\|\bar w\|^2 = 1$ forces $\alpha_t = \langle\bar w, \nabla F_{\|w\|}(\bar w)\rangle/\|w\|$: there is no freedom in "some $\alpha_t$", so its sign is that of
the softmax-weighted mean margin $\sum_ip_iy_i\bar w^\top x_i$. If $w(0) = -s u$ for a separator $u$ of margin $\gamma$, every margin of $\bar w(0)$ is $\le -\gamma < 0$, so
$\alpha_0 < 0$: algebra, independent of the code; the runs show $\alpha_t < 0$ on such starts at $t = 0$ and positive once $\bar w(t)$ separates.
The slide's intuition is asymptotic ($\|w(t)\| \to \infty$, online projected ascent), where the corrected statement agrees with it.`,
      check: (i) => run(i, temperature, prefactor, true, cache),
      readings: [
        { reading: "$\\alpha_t > 0$ for every $t \\ge 0$ (as printed)", decidedBy: "printed" },
        {
          reading: "$\\alpha_t > 0$ eventually (wherever $\\bar w(t)$ separates the data, and it does by $t = 1000$)",
          decidedBy: "corrected",
        },
      ],
    },
    parameters: {
      n: { type: "integer", min: 2, max: 30, help: "number of points" },
      d: { type: "integer", min: 1, max: 6, help: "dimension" },
      start: namedChoice("0 random w₀, 1 aligned with a separator, 2 opposite to it", [
        "random",
        "aligned",
        "opposite",
      ]),
    },
    unbreakable:
      "the identity is calculus for every w ≠ 0 and any data (the flow never reaches w = 0 on separable data: ⟨u, w(t)⟩ grows); separability only matters for the sign of α_t, whose failure the 'opposite' starts already show",
    nearMiss: {
      mutant: "∇F₁(w̄) in place of ∇F_{‖w‖}(w̄) (the soft-min at temperature 1 instead of ‖w‖)",
      caughtBy: '`normalized_flow_test.ts`, "chizat-normalized-flow catches the near miss ∇F₁(w̄) for ∇F_‖w‖(w̄)"',
    },
  });
}
