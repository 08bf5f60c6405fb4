/**
 * Chapter 10, Section 10.3: Lemma 10.2, the descent lemma for β-smooth losses.
 *
 * @module
 */
import { defineClaim } from "../engine/claim.ts";
import type { Claim } from "../engine/claim.ts";
import { linearRegressionLoss, logisticLoss, quadraticLoss, type SmoothLoss } from "../models/smooth_losses.ts";
import { EPS, gaussianMatrix, matrixWithSingularValues } from "../numerics/linalg.ts";
import type { Rng } from "../numerics/random.ts";

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

/** A loss from one of three families, by index: quadratic, linear regression (10.56), logistic. */
export function smoothLossInstance(rng: Rng, index: number): { loss: SmoothLoss; top?: Float64Array } {
  const d = rng.int(1, 6);
  switch (index % 3) {
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
 * import { lemma102 } from "./ch10_descent.ts";
 * console.assert(lemma102().id === "lemma-10.2");
 * ```
 */
export function lemma102(c = 0.5): Claim {
  return defineClaim<DescentInstance>({
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
      "guaranteed decrease (1 − βη/2)η‖∇L‖² over observed decrease L(w) − L(w′): 1 means (10.54) holds with equality (quadratics along the top eigenvector)",
    instances: { test: 90, report: 900 },
    generate({ rng, index }) {
      const { loss, top } = smoothLossInstance(rng, index);
      const onTop = top !== undefined && rng.double() < 0.5;
      const scale = rng.uniform(0.1, 3);
      const w = onTop ? top.map((v) => scale * v) : Float64Array.from({ length: loss.dim }, () => rng.normal());
      // η up to 2.1/β, so that some instances break the hypothesis and are set aside.
      const eta = rng.uniform(0.01, 2.1) / Math.max(loss.beta, 1e-12);
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
          "β is an upper bound proven for each family (quadratic: λ_max(A); linear regression: λ_max(XᵀX) by (10.59); logistic: ¼‖X‖₂²), computed by a backward-stable float64 solver and inflated by its error bound",
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
        const tightness = observed > 0 ? guaranteed / observed : guaranteed <= m.slack ? 0 : Infinity;
        return {
          holds: allFinite && bound && strict,
          observed: guaranteed,
          bound: observed,
          tightness,
          detail: `decrease ${observed.toExponential(4)} ≥ guaranteed ${guaranteed.toExponential(4)} (rounding ${
            m.slack.toExponential(1)
          })${strictDecidable ? "" : ", strictness below float64 resolution"}`,
          data: { etaBeta: i.eta * i.loss.beta, tightness, family: i.loss.family, onTop: i.onTopEigenvector ? 1 : 0 },
        };
      },
    },
    aggregate(records) {
      // (10.51) is an equality when ∇L(w + τh) − ∇L(w) = βτh, i.e. for a quadratic along its top eigenvector.
      const top = records.filter((r) => r.conclusion?.data?.onTop === 1);
      if (top.length === 0) return { holds: "inconclusive", summary: "no instance on a top eigenvector" };
      const dev = Math.max(...top.map((r) => Math.abs(r.conclusion!.tightness - 1)));
      const families = [...new Set(records.map((r) => r.conclusion?.data?.family).filter((f) => f))];
      return {
        holds: dev <= 1e-6,
        summary:
          `on the ${top.length} quadratic instances along the top eigenvector, (10.54) is attained: max |tightness − 1| = ${
            dev.toExponential(1)
          } (accepted ≤ 1e-6, rounding level)`,
        rows: families.map((f) => {
          const t = records.filter((r) => r.conclusion?.data?.family === f).map((r) => r.conclusion!.tightness);
          return [`worst tightness, ${f}`, Math.max(...t).toPrecision(4)] as [string, string];
        }),
      };
    },
    plots(records) {
      const values = records.filter((r) => r.conclusion && Number.isFinite(r.conclusion.tightness)).map((r) => ({
        etaBeta: r.conclusion!.data!.etaBeta,
        tightness: r.conclusion!.tightness,
        family: r.conclusion!.data!.family,
      }));
      return [{
        name: "tightness",
        title: "Guaranteed over observed decrease against η·β (1 = (10.54) attained)",
        spec: {
          data: { values },
          mark: { type: "point", filled: true, opacity: 0.6 },
          encoding: {
            x: { field: "etaBeta", type: "quantitative", title: "η·β" },
            y: { field: "tightness", type: "quantitative", title: "guaranteed / observed decrease" },
            color: { field: "family", type: "nominal" },
          },
        },
      }];
    },
  });
}
