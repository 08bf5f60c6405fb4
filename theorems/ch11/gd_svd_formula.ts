/**
 * Chapter 11, Exercise 11.32 (prove Theorem 11.3) and its hint: for f(w) = ‖Aw − y‖² and
 * w_k = w_{k−1} − h∇f(w_{k−1}) (11.1.5), with A = UΣVᵀ (singular values s₁ ≥ … ≥ s_r > 0, columns uⱼ, vⱼ),
 *
 *   w_k = Σ_{j≤r} [xⱼᵏ·vⱼᵀw₀ + (1 − xⱼᵏ)·uⱼᵀy/sⱼ] vⱼ + Σ_{j>r} (vⱼᵀw₀) vⱼ,   xⱼ = 1 − 2hsⱼ²,
 *
 * because 2hsⱼΣ_{i<k}xⱼⁱ = (1 − xⱼᵏ)/sⱼ; for h ∈ (0, 1/(2s_max²)) each xⱼ ∈ (0, 1), so 1/(1 − x) = Σxⁱ
 * gives w_k → A†y + ŵ₀ with ŵ₀ = Σ_{j>r}(vⱼᵀw₀)vⱼ the component of w₀ in ker A (0 when w₀ ∈ H̃).
 *
 * Everything is exact: A is built with a rational SVD (Cayley-transform U, V: numerics/rational_orthogonal.ts),
 * h, y and w₀ are rational, and the GD iterates are computed in rational arithmetic, so the formula is
 * compared with the iterates for equality, not to a tolerance. The limit is checked against A† by the
 * four Penrose conditions and ŵ₀ against a kernel basis found by elimination (independent of the SVD),
 * and the approach by ‖w_k − w_∞‖² ≤ q^{2k}‖w₀ − w_∞‖² with q = maxⱼ|xⱼ| < 1.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { ExactChecks } from "../../engine/verdicts/exact_checks.ts";
import type { Rng } from "../../numerics/random.ts";
import { type Rational, ratToNumber } from "../../numerics/rational.ts";
import { q, Q0, Q1, qAdd, qCmp, qDiv, qDot, qEq, qFromNumber, qMatMul } from "../../numerics/rational_linalg.ts";
import { type QMatrix, qMatVec, qMul, qNeg, qNullspace, qPow, qSub } from "../../numerics/rational_linalg.ts";
import { qTranspose, type QVector } from "../../numerics/rational_linalg.ts";
import { matrixWithRationalSvd, type RationalSvd } from "../../numerics/rational_orthogonal.ts";

const SOURCE = "004_9692536818598e94.txt";

/** The per-direction contraction factor of the formula: xⱼ = 1 − 2hsⱼ² as derived. */
export type ContractionFactor = (h: Rational, s: Rational) => Rational;

/** xⱼ = 1 − 2hsⱼ² (∇f = 2Aᵀ(Aw − y)). */
export const derivedFactor: ContractionFactor = (h, s) => qSub(Q1, qMul(q(2n), qMul(h, qMul(s, s))));

/** An instance: A with its exact SVD, y, two starts, the step h = θ/(2s_max²), and the horizon. */
export interface SvdGdInstance {
  /** A = UΣVᵀ. */
  svd: RationalSvd;
  /** m, d. */
  m: number;
  /** Columns. */
  d: number;
  /** y. */
  y: QVector;
  /** Starts: w₀ ∈ H̃ (a combination of the rows of A), then a general w₀. */
  starts: QVector[];
  /** θ = 2h·s_max². */
  theta: Rational;
  /** The step h. */
  h: Rational;
  /** Iterations compared with the formula: k = 0, …, K. */
  horizon: number;
}

const eighth = (rng: Rng) => qFromNumber(Math.round(8 * rng.normal()) / 8);

function generate(rng: Rng, index: number, params: Readonly<Record<string, number>> = {}): SvdGdInstance {
  let m = rng.int(1, 4), d = rng.int(1, 4);
  m = params.m ?? m, d = params.d ?? d;
  const full = index % 2 === 0;
  const rank = Math.min(params.rank ?? (full ? Math.min(m, d) : rng.int(0, Math.min(m, d) - 1)), m, d);
  // Singular values: multiples of 1/4 in [1/4, 2], decreasing (ties allowed).
  const s = Array.from(
    { length: rank },
    () => q(BigInt(Math.max(1, Math.round(4 * (1 + 0.5 * Math.abs(rng.normal()))))), 4n),
  )
    .sort((a, b) => qCmp(b, a));
  const svd = matrixWithRationalSvd(rng, m, d, s);
  const y = Array.from({ length: m }, () => eighth(rng));
  const z = Array.from({ length: m }, () => eighth(rng));
  const inRowSpace = qMatVec(qTranspose(svd.a, d), z);
  const general = Array.from({ length: d }, () => eighth(rng));
  const thetaDraw = Math.round(16 * rng.uniform(0.1, 0.95)) / 16;
  const theta = qFromNumber(params.theta ?? thetaDraw);
  const smax2 = s.length ? qMul(s[0], s[0]) : Q1;
  const h = qDiv(theta, qMul(q(2n), smax2));
  return { svd, m, d, y, starts: [inRowSpace, general], theta, h, horizon: params.horizon ?? 8 };
}

const column = (a: QMatrix, j: number) => a.map((row) => row[j]);
const axpy = (x: QVector, c: Rational, v: QVector) => x.map((xi, i) => qAdd(xi, qMul(c, v[i])));
const minus = (x: QVector, y: QVector) => x.map((xi, i) => qSub(xi, y[i]));
const sameVector = (x: QVector, y: QVector) => x.every((xi, i) => qEq(xi, y[i]));

/**
 * `ex-11.32`: the SVD formula for the GD iterates of Theorem 11.3, equal to the iterates exactly, and
 * their limit A†y + ŵ₀ through the geometric series. The contraction factor of the formula is a
 * parameter, so that a wrong one can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gdSvdFormula } from "./gd_svd_formula.ts";
 * assert.equal(gdSvdFormula().id, "ex-11.32");
 * ```
 */
export function gdSvdFormula(factor: ContractionFactor = derivedFactor): Claim {
  return defineClaim<SvdGdInstance>({
    id: "ex-11.32",
    title: "The SVD formula for the GD iterates of Theorem 11.3 and their limit A†y + ŵ₀",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 11, Exercises, Exercise 11.32 and its hint; Theorem 11.3, (11.1.5)" },
    statement: String
      .raw`**Exercise 11.32.** Prove Theorem 11.3. *Hint: Assume first that $w_0 \in \ker(A)^\perp$ (i.e. $w_0 \in \tilde H$). For
$\operatorname{rank}(A) < d$, using $w_k = w_{k-1} - h\nabla f(w_{k-1})$ and the singular value decomposition of $A$, write down an
explicit formula for $w_k$. Observe that due to $1/(1 - x) = \sum_{k\in\mathbb N_0} x^k$ for all $x \in (0, 1)$ it holds
$w_k \to A^\dagger y$ as $k \to \infty$.* Formula checked ($A = U\Sigma V^\top$, $x_j = 1 - 2hs_j^2$):
$w_k = \sum_{j\le r}[x_j^k v_j^\top w_0 + (1 - x_j^k)u_j^\top y/s_j]v_j + \sum_{j>r}(v_j^\top w_0)v_j$, and Theorem 11.3's limit
$w_* + \hat w_0 = A^\dagger y + \hat w_0$ for $h \in (0, 1/(2s_{\max}(A)^2))$.`,
    tightness:
      "worst ‖w_k − w_∞‖² over q^{2k}‖w₀ − w_∞‖² for k ≥ 1 (q = maxⱼ|xⱼ|; 1 when the error lies along the slowest direction), display only; the identities are exact (0 when they hold, ∞ when one fails)",
    instances: { test: 16, report: 160 },
    generate: ({ rng, index, params }) => generate(rng, index, params),
    describe: (i) =>
      `A ${i.m}×${i.d}, rank ${i.svd.s.length}, θ = 2h·s_max² = ${ratToNumber(i.theta)}, k ≤ ${i.horizon}`,
    hypotheses: [{
      statement: String.raw`$h \in (0, 1/(2s_{\max}(A)^2))$`,
      certainty: "certified",
      method: "h and s_max are rational: 0 < 2h·s_max² < 1 compared exactly",
      check: (i) => {
        const smax2 = i.svd.s.length ? qMul(i.svd.s[0], i.svd.s[0]) : Q0;
        const t = qMul(q(2n), qMul(i.h, smax2));
        return { holds: qCmp(i.h, Q0) > 0 && qCmp(t, Q1) < 0, value: `2h·s_max² = ${ratToNumber(t)}` };
      },
    }],
    conclusion: {
      statement: String
        .raw`For both starts ($w_0 \in \tilde H$, then a general $w_0$) and $k = 0, \dots, K$: the GD iterate $w_k$ (exact) equals the
formula; for each $j \le r$, $2hs_j\sum_{i<k}x_j^i = (1 - x_j^k)/s_j$. $A^\dagger := V\Sigma^+U^\top$ satisfies the four Penrose
conditions; $\hat w_0 = \sum_{j>r}(v_j^\top w_0)v_j$ has $A\hat w_0 = 0$ and $w_0 - \hat w_0 \perp \ker A$ (a kernel basis by
elimination), and $\hat w_0 = 0$ for $w_0 \in \tilde H$; $q = \max_j|x_j| < 1$ (the hint's $x_j \in (0, 1)$ is reported), and
$\|w_k - w_\infty\|^2 \le q^{2k}\|w_0 - w_\infty\|^2$ with $w_\infty = A^\dagger y + \hat w_0$: so $w_k \to A^\dagger y + \hat w_0$.`,
      check(i) {
        const { svd, d, y, h } = i, { a, u, v, s } = svd, r = s.length;
        const at = qTranspose(a, d);
        const c = new ExactChecks();
        const x = s.map((sj) => factor(h, sj));
        const uy = s.map((_, j) => qDot(column(u, j), y));
        // The hint's geometric series, direction by direction.
        s.forEach((sj, j) => {
          let partial = Q0;
          for (let k = 0; k <= i.horizon; k++) {
            const closed = qDiv(qSub(Q1, qPow(x[j], k)), sj);
            if (!qEq(qMul(qMul(q(2n), qMul(h, sj)), partial), closed)) {
              c.add(`2hsⱼΣ_{i<k}xⱼⁱ = (1 − xⱼᵏ)/sⱼ, j = ${j + 1}, k = ${k}`, false);
              return;
            }
            partial = qAdd(partial, qPow(x[j], k));
          }
          c.add(`2hsⱼΣ_{i<k}xⱼⁱ = (1 − xⱼᵏ)/sⱼ, j = ${j + 1}, k ≤ ${i.horizon}`, true);
        });
        // A† = VΣ⁺Uᵀ and the Penrose conditions.
        const vs = v.map((row) => s.map((sj, j) => qDiv(row[j], sj)));
        const ut = qTranspose(u, i.m).slice(0, r);
        const pinv = r === 0 ? Array.from({ length: d }, () => Array.from({ length: i.m }, () => Q0)) : qMatMul(vs, ut);
        const eq = (p: QMatrix, t: QMatrix) => p.every((row, k) => row.every((e, l) => qEq(e, t[k][l])));
        const apa = qMatMul(a, pinv), paa = qMatMul(pinv, a);
        c.add("AA†A = A", eq(qMatMul(apa, a), a));
        c.add("A†AA† = A†", eq(qMatMul(paa, pinv), pinv));
        c.add("(AA†)ᵀ = AA†", eq(qTranspose(apa, i.m), apa));
        c.add("(A†A)ᵀ = A†A", eq(qTranspose(paa, d), paa));
        const kernel = qNullspace(a, d);
        const q2 = x.reduce((best, xj) => (qCmp(qMul(xj, xj), best) > 0 ? qMul(xj, xj) : best), Q0);
        c.add("q = maxⱼ|xⱼ| < 1", qCmp(q2, Q1) < 0);
        let worst = 0;
        i.starts.forEach((w0, which) => {
          const name = which === 0 ? "w₀ ∈ H̃" : "general w₀";
          let hat: QVector = Array.from({ length: d }, () => Q0);
          for (let j = r; j < d; j++) hat = axpy(hat, qDot(column(v, j), w0), column(v, j));
          c.add(
            `Aŵ₀ = 0 and w₀ − ŵ₀ ⊥ ker A (${name})`,
            qMatVec(a, hat).every((e) => qEq(e, Q0)) &&
              kernel.every((k) => qEq(qDot(minus(w0, hat), k), Q0)),
          );
          if (which === 0) c.add("ŵ₀ = 0 for w₀ ∈ H̃", hat.every((e) => qEq(e, Q0)));
          const limit = qMatVec(pinv, y).map((e, l) => qAdd(e, hat[l]));
          const e0 = minus(w0, limit), e0sq = qDot(e0, e0);
          let w = w0, formulaHolds = true;
          for (let k = 0; k <= i.horizon; k++) {
            let formula = hat;
            for (let j = 0; j < r; j++) {
              const xk = qPow(x[j], k);
              const coef = qAdd(qMul(xk, qDot(column(v, j), w0)), qMul(qSub(Q1, xk), qDiv(uy[j], s[j])));
              formula = axpy(formula, coef, column(v, j));
            }
            if (!sameVector(w, formula)) formulaHolds = false;
            const ek = minus(w, limit), eksq = qDot(ek, ek), allowed = qMul(qPow(q2, k), e0sq);
            const within = qCmp(eksq, allowed) <= 0;
            if (k > 0 && !qEq(allowed, Q0)) worst = Math.max(worst, ratToNumber(eksq) / ratToNumber(allowed));
            if (!within) c.add(`‖w_k − w_∞‖² ≤ q^{2k}‖w₀ − w_∞‖², k = ${k} (${name})`, false);
            // The GD step (11.1.5): w ← w − h·2Aᵀ(Aw − y).
            const grad = qMatVec(at, minus(qMatVec(a, w), y)).map((e) => qMul(q(2n), e));
            w = axpy(w, qNeg(h), grad);
          }
          c.add(`GD iterates = the SVD formula, k = 0…${i.horizon} (${name})`, formulaHolds);
        });
        c.add("‖w_k − w_∞‖² ≤ q^{2k}‖w₀ − w_∞‖² for all k checked", true, worst);
        // The hint's x ∈ (0, 1): implied by the hypothesis, reported (not required: |x| < 1 is what converges).
        const inUnit = x.every((xj) => qCmp(xj, Q0) > 0 && qCmp(xj, Q1) < 0);
        return c.result(
          `rank ${r}, q² = ${ratToNumber(q2).toPrecision(3)}, all xⱼ ∈ (0, 1): ${inUnit ? "yes" : "no"}: `,
        );
      },
    },
    parameters: {
      m: { type: "integer", min: 1, max: 6, help: "rows of A" },
      d: { type: "integer", min: 1, max: 6, help: "columns of A" },
      rank: { type: "integer", min: 0, max: 6, help: "rank of A (number of nonzero singular values)" },
      theta: { type: "number", min: 0.0625, max: 3, help: "θ = 2h·s_max²; Theorem 11.3 asks for θ < 1" },
      horizon: { type: "integer", min: 1, max: 30, help: "iterations K compared with the formula" },
    },
    scenarios: [
      {
        name: "step-between-1-and-2-over-2smax2",
        breaks:
          "$h < 1/(2s_{\\max}^2)$, with $h = 1.5/(2s_{\\max}^2)$: the formula still holds, but the top $x_j = 1 - 2hs_j^2$ is negative, so the hint's $x \\in (0, 1)$ fails while $|x_j| < 1$ and the iterates still converge (the sharp condition is $h < 1/s_{\\max}^2$)",
        params: { theta: 1.5 },
      },
      {
        name: "step-above-1-over-smax2",
        breaks: "$h < 1/(2s_{\\max}^2)$, with $h = 2.5/(2s_{\\max}^2)$: $|x_1| > 1$, the iterates diverge along $v_1$",
        params: { theta: 2.5 },
      },
    ],
    nearMiss: {
      mutant:
        "the contraction factor 1 − hsⱼ² (the gradient of ½‖Aw − y‖², Chapter 10's convention (10.3)) in place of 1 − 2hsⱼ²",
      caughtBy: '`gd_svd_formula_test.ts`, "ex-11.32 catches the near miss: factor 1 − hs² (the ½ convention)"',
    },
  });
}
