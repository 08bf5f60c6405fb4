/**
 * `lemma-10.2` (Chapter 10, §10.3, Definition 10.1, Lemma 10.2, (10.48)–(10.59)): the descent lemma. For a
 * β-smooth loss and η < 2/β, one GD step decreases the loss, and L(w′) ≤ L(w) + (−1 + βη/2)η‖∇L(w)‖² (10.54).
 *
 * @module
 */
import { defineClaim, namedChoice } from "../../engine/claim.ts";
import { flag } from "../../engine/flag.ts";
import { change, num, predicted } from "../../engine/words.ts";
import type { Claim } from "../../engine/claim.ts";
import { chart, nominal, quantitative } from "../../engine/plots/chart.ts";
import { withData } from "../../engine/records.ts";
import { linearRegressionLoss, logisticLoss, quadraticLoss, type SmoothLoss } from "../../models/smooth_losses.ts";
import { EPS, gaussianMatrix, matrixWithSingularValues } from "../../numerics/linalg.ts";
import type { Rng } from "../../numerics/random.ts";

/** One GD step of Lemma 10.2: a loss, a point and a step size. */
export interface DescentInstance {
  /** The β-smooth loss (β certified). */
  loss: SmoothLoss;
  /** The point w. */
  w: Float64Array;
  /** The step size η. */
  eta: number;
  /** Whether w was put on the top eigenvector (where (10.54) is attained). */
  onTopEigenvector: boolean;
}

/** What each instance keeps for the aggregate and the plot. */
export interface DescentData {
  /** η·β. */
  etaBeta: number;
  /** Guaranteed over observed decrease (the conclusion's tightness). */
  tightness: number;
  /** The loss family. */
  family: string;
  /** 1 when w is on the top eigenvector, else 0. */
  onTop: number;
}

/** A loss from one of three families, by index: quadratic, linear regression (10.56), logistic. */
export function smoothLossInstance(
  rng: Rng,
  index: number,
  params: Readonly<Record<string, number>> = {},
): { loss: SmoothLoss; top?: Float64Array } {
  const drawnD = rng.int(1, 6);
  const d = params.d ?? drawnD;
  switch (params.family ?? index % 3) {
    case 0: {
      const s = Array.from({ length: d }, () => Math.sqrt(rng.uniform(0, 3)));
      const b = matrixWithSingularValues(rng, d, d, s);
      const q = quadraticLoss(b.transpose().mmul(b));
      return { loss: q, top: q.top };
    }
    case 1: {
      const n = rng.int(1, 8);
      const y = Float64Array.from({ length: n }, () => rng.normal());
      return { loss: linearRegressionLoss(gaussianMatrix(rng, n, d), y) };
    }
    default: {
      const n = rng.int(1, 8);
      const y = Float64Array.from({ length: n }, () => (rng.double() < 0.5 ? -1 : 1));
      return { loss: logisticLoss(gaussianMatrix(rng, n, d), y) };
    }
  }
}

/** One GD step with every quantity of (10.54). */
export interface StepMeasure {
  /** L(w). */
  before: number;
  /** L(w′) with w′ = w − η∇L(w). */
  after: number;
  /** ‖∇L(w)‖². */
  gradNormSq: number;
  /** Rounding-error bound on L(w) − L(w′): 16·(d + 8)·ε·(magnitudes). */
  slack: number;
}

/** Takes the GD step of Lemma 10.2 and measures it. */
export function measureStep(loss: SmoothLoss, w: Float64Array, eta: number): StepMeasure {
  const g = loss.gradient(w);
  const w2 = w.map((v, i) => v - eta * g[i]);
  const before = loss.loss(w), after = loss.loss(w2);
  let gradNormSq = 0;
  for (const v of g) gradNormSq += v * v;
  const slack = 16 * (loss.dim + 8) * EPS * (loss.magnitude(w) + loss.magnitude(w2) + eta * gradNormSq);
  return { before, after, gradNormSq, slack };
}

/**
 * `lemma-10.2`: for β-smooth L and η < 2/β, one GD step decreases L, and quantitatively
 * L(w′) ≤ L(w) + (−1 + c·βη)·η‖∇L(w)‖² with c = ½ as printed in (10.54). `c` is a parameter so
 * that a wrong constant can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { descentLemma } from "./descent_lemma.ts";
 * assert.equal(descentLemma().id, "lemma-10.2");
 * ```
 */
export function descentLemma(c = 0.5): Claim {
  return defineClaim<DescentInstance, DescentData>({
    id: "lemma-10.2",
    title: "Descent lemma: one GD step on a β-smooth loss",
    kind: "exact",
    source: {
      document: "001_77e89cd23d3b82cd.txt",
      where: "Chapter 10, §10.3, Definition 10.1, Lemma 10.2, (10.48)–(10.59)",
    },
    statement: String
      .raw`**Lemma 10.2.** Let $\mathcal{L}: \mathbb{R}^d \to \mathbb{R}$ be $\beta$-smooth, and let $\eta < 2/\beta$
be a learning rate. Then one step of gradient descent decreases $\mathcal{L}$: $w' = w - \eta\nabla\mathcal{L}(w)$,
$\mathcal{L}(w') < \mathcal{L}(w)$. From the proof:
$\mathcal{L}(w') \le \mathcal{L}(w) + \left(-1 + \frac{\beta\eta}{2}\right)\eta\|\nabla\mathcal{L}(w)\|^2$ (10.54).
Linear regression: $\nabla^2\mathcal{L}(w) = X^\top X$ (10.59), so $\beta = \lambda_{\max}(X^\top X)$.`,
    tightness:
      "(10.54) is a lower bound on the decrease, so tightness is the bound over the observed: guaranteed decrease (1 − βη/2)η‖∇L‖² over observed decrease L(w) − L(w′) (`observed` is the observed decrease, `bound` the guaranteed one); 1 means (10.54) holds with equality (quadratics along the top eigenvector), above 1 that the step decreased L by less than guaranteed; ∞ a step that did not decrease L at all, 0 one with nothing to decrease (∇L ≈ 0)",
    instances: { test: 90, report: 900 },
    generate({ rng, index, params = {} }) {
      const { loss, top } = smoothLossInstance(rng, index, params);
      const drawnTop = rng.double() < 0.5;
      const onTop = top !== undefined && (params.onTop !== undefined ? params.onTop === 1 : drawnTop);
      const scale = rng.uniform(0.1, 3);
      const gaussian = Float64Array.from({ length: loss.dim }, () => rng.normal());
      const w = onTop ? top.map((v) => scale * v) : gaussian;
      // η up to 2.1/β, so that some instances break the hypothesis and are set aside.
      const etaBeta = rng.uniform(0.01, 2.1);
      const eta = (params.etaBeta ?? etaBeta) / Math.max(loss.beta, 1e-12);
      return { loss, w, eta, onTopEigenvector: onTop };
    },
    describe: (i) =>
      `${i.loss.family}, d = ${i.loss.dim}, β = ${i.loss.beta.toPrecision(4)}, η·β = ${
        (i.eta * i.loss.beta).toFixed(3)
      }${i.onTopEigenvector ? ", w on the top eigenvector" : ""}`,
    hypotheses: [
      {
        statement: String.raw`$\mathcal{L}$ is $\beta$-smooth (Definition 10.1)`,
        certainty: "certified",
        method:
          "β is an upper bound proven for each family (quadratic: λ_max(A); linear regression: λ_max(XᵀX) by (10.59); logistic: ¼‖X‖₂²), computed by a backward-stable float64 solver, inflated by 64·n·ε relative and raised, if need be, to the upper end of a rigorous eigenvalue enclosure (numerics/eigen_enclosure.ts)",
        check: (i) => ({
          holds: Number.isFinite(i.loss.beta) && i.loss.beta > 0,
          value: `β = ${i.loss.beta.toPrecision(6)} (${i.loss.betaMethod})`,
        }),
      },
      {
        statement: String.raw`$\eta < 2/\beta$`,
        certainty: "certified",
        method: "exact comparison of η·β with 2",
        check: (i) => ({ holds: i.eta * i.loss.beta < 2, value: `η·β = ${(i.eta * i.loss.beta).toFixed(4)}` }),
      },
    ],
    conclusion: {
      statement: String
        .raw`$\mathcal{L}(w) - \mathcal{L}(w') \ge (1 - \beta\eta/2)\eta\|\nabla\mathcal{L}(w)\|^2$ (10.54) up to a
stated rounding bound, and $\mathcal{L}(w') < \mathcal{L}(w)$ whenever that guaranteed decrease exceeds the rounding
bound (below it, strictness is not decidable in float64 and only $\mathcal{L}(w') \le \mathcal{L}(w)$ + rounding is checked).`,
      check(i) {
        const m = measureStep(i.loss, i.w, i.eta);
        const guaranteed = (1 - c * i.loss.beta * i.eta) * i.eta * m.gradNormSq;
        const observed = m.before - m.after;
        const bound = observed >= guaranteed - m.slack;
        const strictDecidable = guaranteed > m.slack;
        const strict = strictDecidable ? m.after < m.before : m.after <= m.before + m.slack;
        const allFinite = [m.before, m.after, m.gradNormSq].every(Number.isFinite);
        const holds = allFinite && bound && strict;
        // (10.54) is a lower bound on the decrease: guaranteed over observed, 1 attained, above 1 violated. A step
        // that did not decrease L: 0 when allowed (guarantee below rounding), ∞ when it breaks the conclusion.
        const tightness = observed > 0 ? guaranteed / observed : holds ? 0 : Infinity;
        const e = (x: number) => x.toExponential(4);
        const numbers = `decrease ${e(observed)} ${bound ? "≥" : "<"} guaranteed ${e(guaranteed)} (rounding ${
          m.slack.toExponential(1)
        })`;
        let detail: string;
        if (holds) {
          detail = numbers +
            (strictDecidable
              ? ""
              : guaranteed > 0
              ? ", strictness below float64 resolution"
              : ", (10.54) guarantees no decrease here");
        } else if (!allFinite) {
          detail =
            `the step produced a non-finite value: L(w) = ${m.before}, L(w′) = ${m.after}, ‖∇L(w)‖² = ${m.gradNormSq}`;
        } else if (!strict) {
          detail = `the loss ${m.after > m.before ? "rose" : "stayed"} from ${e(m.before)} to ${
            e(m.after)
          }, though one step must decrease it; ${numbers}`;
        } else {
          detail = `the loss fell from ${e(m.before)} to ${e(m.after)}, by less than (10.54) guarantees: ${numbers}`;
        }
        const failure = !allFinite
          ? `Lemma 10.2 predicts a finite, smaller loss; ${detail}`
          : !strict
          ? `Lemma 10.2 predicts L(w′) < L(w) for η·β < 2; at η·β = ${num(i.eta * i.loss.beta)} ${
            change("the loss", m.before, m.after)
          }`
          : `${predicted("≥", guaranteed, observed, "(10.54)'s guaranteed decrease is not reached")}: ${
            change("the loss", m.before, m.after)
          }`;
        return {
          holds,
          ...(!holds && { failure }),
          observed,
          bound: guaranteed,
          tightness,
          detail,
          data: { etaBeta: i.eta * i.loss.beta, tightness, family: i.loss.family, onTop: i.onTopEigenvector ? 1 : 0 },
        };
      },
    },
    aggregate(records) {
      const checked = withData(records);
      // (10.51) is an equality when ∇L(w + τh) − ∇L(w) = βτh, i.e. for a quadratic along its top eigenvector.
      const top = checked.filter(({ data }) => data.onTop === 1);
      if (top.length === 0) return { holds: "inconclusive", summary: "no instance on a top eigenvector" };
      const dev = Math.max(...top.map(({ data }) => Math.abs(data.tightness - 1)));
      const families = [...new Set(checked.map(({ data }) => data.family).filter((f) => f))];
      return {
        holds: dev <= 1e-6,
        summary:
          `on the ${top.length} quadratic instances along the top eigenvector, (10.54) is attained: max |tightness − 1| = ${
            dev.toExponential(1)
          } (accepted ≤ 1e-6, rounding level)`,
        rows: families.map((f) => {
          const t = checked.filter(({ data }) => data.family === f).map(({ data }) => data.tightness);
          return [`worst tightness, ${f}`, Math.max(...t).toPrecision(4)] as [string, string];
        }),
      };
    },
    plots(records) {
      const values = withData(records).filter(({ data }) => Number.isFinite(data.tightness)).map(({ data }) => ({
        etaBeta: data.etaBeta,
        tightness: data.tightness,
        family: data.family,
      }));
      return [chart({
        name: "tightness",
        title: "Guaranteed over observed decrease against η·β (1 = (10.54) attained)",
        values,
        mark: { type: "point", filled: true, opacity: 0.6 },
        encoding: {
          x: quantitative("etaBeta", { title: "η·β" }),
          y: quantitative("tightness", { title: "guaranteed / observed decrease" }),
          color: nominal("family"),
        },
      })];
    },
    parameters: {
      d: { type: "integer", min: 1, max: 12, help: "dimension of w" },
      family: namedChoice("0 quadratic, 1 linear regression (10.56), 2 logistic regression", [
        "quadratic",
        "linear-regression",
        "logistic-regression",
      ]),
      etaBeta: {
        type: "number",
        min: 0.01,
        max: 4,
        help: "step size times the certified β (the hypothesis is η·β < 2)",
      },
      onTop: flag("1: put w on the top eigenvector (quadratics only)"),
    },
    scenarios: [{
      name: "eta-above-2-over-beta",
      breaks: "$\\eta < 2/\\beta$: a step with $\\eta\\beta = 2.05$",
      params: { etaBeta: 2.05 },
    }],
    nearMiss: {
      mutant: "the guarantee (1 − βη/4)η‖∇L(w)‖² in place of (1 − βη/2)η‖∇L(w)‖² (the constant ½ off by 2)",
      caughtBy: '`descent_lemma_test.ts`, "lemma-10.2 catches a wrong constant: (−1 + βη/4) in place of (−1 + βη/2)"',
    },
    sourceGaps: [
      {
        hypothesis: String.raw`$\nabla\mathcal L(w) \ne 0$ for the strict decrease`,
        why: String
          .raw`at a stationary point $w' = w$, so $\mathcal L(w') = \mathcal L(w)$: (10.54) gives only $\le$ there.`,
      },
    ],
  });
}
