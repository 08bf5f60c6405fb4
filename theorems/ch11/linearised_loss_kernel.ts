/**
 * Chapter 11, §11.3, (11.3.1)–(11.3.4): with Φ^lin(x, w) = Φ(x, w₀) + ∇_wΦ(x, w₀)ᵀ(w − w₀) (11.3.1) and
 * δᵢ = Φ(xᵢ, w₀) − ∇_wΦ(xᵢ, w₀)ᵀw₀ − yᵢ (11.3.2), the linearised loss is
 * f^lin(w) = Σ(Φ^lin(xᵢ, w) − yᵢ)² = Σ(⟨∇_wΦ(xᵢ, w₀), w⟩ + δᵢ)² (11.3.3), so minimising it is kernel least
 * squares (11.2.2) with the feature map φ(x) = ∇_wΦ(x, w₀), targets −δᵢ and the empirical tangent kernel
 * K̂_n (11.3.4); its minimum-norm minimiser is then given by §11.2's kernel formula: w* = Σⱼαⱼφ(xⱼ) for any
 * minimiser α of ‖Gα + δ‖² (Proposition 11.9), with predictions by (11.2.10).
 *
 * All in exact rational arithmetic on the float64 values Φ(xᵢ, w₀), ∇_wΦ(xᵢ, w₀) of a LeCun tanh network
 * (models/jacobian_instances.ts; the tangent kernel matrix G is singular in three of the four families,
 * where two different α are tried). That the kernel route's w* is the minimum-norm minimiser is certified
 * by two exact conditions that characterise it (the proof of Proposition 11.2): Jᵀ(Jw* + δ) = 0, so the
 * minimisers are w* + ker J, and w* ⊥ ker J (a basis by elimination), so ‖w* + k‖² = ‖w*‖² + ‖k‖². The
 * model's float64 tangent kernel is compared with (11.3.4) within its dot-product rounding bound.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { ExactChecks } from "../../engine/verdicts/exact_checks.ts";
import { describeJacobianInstance, type JacobianInstance } from "../../models/jacobian_instances.ts";
import { JACOBIAN_FAMILY_PARAMETER, jacobianInstance } from "../../models/jacobian_instances.ts";
import { type Rational, ratToNumber } from "../../numerics/rational.ts";
import { Q0, qAdd, qCmp, qDot, qEq, qFromNumber, qMatMul, qMatrix, qMatVec } from "../../numerics/rational_linalg.ts";
import { qNeg, qNullspace, qSolve, qSub, qTranspose, type QVector, qVector } from "../../numerics/rational_linalg.ts";
import { dotProductFactor } from "../../numerics/rounding.ts";

const SOURCE = "004_9692536818598e94.txt";

/** δᵢ from Φ(xᵢ, w₀), ∇_wΦ(xᵢ, w₀)ᵀw₀ and yᵢ. */
export type DeltaRule = (phi0: Rational, gradDotW0: Rational, y: Rational) => Rational;

/** (11.3.2): δᵢ = Φ(xᵢ, w₀) − ∇_wΦ(xᵢ, w₀)ᵀw₀ − yᵢ. */
export const printedDelta: DeltaRule = (phi0, gw, y) => qSub(qSub(phi0, gw), y);

const minus = (x: QVector, y: QVector) => x.map((v, k) => qSub(v, y[k]));
const same = (x: QVector, y: QVector) => x.every((v, k) => qEq(v, y[k]));
const sumSquares = (x: QVector) => qDot(x, x);

/**
 * `eq-11.3.3`: (11.3.1)–(11.3.4), f^lin as printed and its minimum-norm minimiser by the kernel formula;
 * the rule for δᵢ is a parameter, so that a wrong one can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearisedLossKernel } from "./linearised_loss_kernel.ts";
 * assert.equal(linearisedLossKernel().id, "eq-11.3.3");
 * ```
 */
export function linearisedLossKernel(delta: DeltaRule = printedDelta): Claim {
  return defineClaim<JacobianInstance>({
    id: "eq-11.3.3",
    title: "The linearised loss (11.3.3) is kernel least squares with the tangent kernel (11.3.4)",
    kind: "exact",
    source: {
      document: SOURCE,
      where: "Chapter 11, §11.3, (11.3.1)–(11.3.4), with §11.2 (11.2.2), (11.2.9), (11.2.10)",
    },
    statement: String
      .raw`$\Phi^{\rm lin}(x, w) := \Phi(x, w_0) + \nabla_w\Phi(x, w_0)^\top(w - w_0)$ (11.3.1),
$\delta_i := \Phi(x_i, w_0) - \nabla_w\Phi(x_i, w_0)^\top w_0 - y_i$ (11.3.2),
$f^{\rm lin}(w) := \sum_{j=1}^m(\Phi^{\rm lin}(x_i, w) - y_i)^2 = \sum_{j=1}^m(\langle\nabla_w\Phi(x_i, w_0), w\rangle + \delta_i)^2$ (11.3.3).
Comparing with (11.2.2), minimizing $f^{\rm lin}$ corresponds to a kernel least squares regression with feature map
$\phi(x) = \nabla_w\Phi(x, w_0) \in \mathbb R^n$. The corresponding kernel is
$\hat K_n(x, x') = \langle\nabla_w\Phi(x, w_0), \nabla_w\Phi(x', w_0)\rangle$ (11.3.4).`,
    tightness:
      "worst |fl K̂_n − K̂_n| over its dot-product rounding bound (display); the identities are exact (0 when they hold, ∞ when one fails)",
    instances: { test: 16, report: 200 },
    generate: ({ rng, index, params }) => jacobianInstance(rng, index, params),
    describe: describeJacobianInstance,
    hypotheses: [{
      statement: String.raw`$w \mapsto \Phi(x, w)$ differentiable at $w_0$ (so that (11.3.1) is defined)`,
      certainty: "certified",
      method: "Φ is the two-layer network (11.5.1) with σ = tanh (smooth); w₀ and the data are finite doubles",
      check: (i) => ({
        holds: i.net.activation.kinks.length === 0 && i.net.params.every(Number.isFinite) &&
          i.xs.every((x) => x.every(Number.isFinite)) && i.y.every(Number.isFinite),
        value: `σ = ${i.net.activation.name}, n = ${i.net.parameterCount}`,
      }),
    }],
    conclusion: {
      failure: (c) =>
        `(11.3.3) must be kernel least squares with the tangent kernel (11.3.4); ${c.failure ?? c.detail}`,
      statement: String
        .raw`Exactly, with $J = (\nabla_w\Phi(x_i, w_0)^\top)_i$ and $\Phi(x_i, w_0)$ as computed: (11.3.3)'s two sums agree at $w_0$
and at two probes $w$; $f^{\rm lin}(w) = \sum_i(\langle\phi(x_i), w\rangle - \tilde y_i)^2$ ((11.2.2)) with $\tilde y = -\delta$; the model's
float64 tangent kernel matrix is within $\gamma_n\sum_k|J_{ik}J_{jk}|$ of $G = JJ^\top$ (11.3.4). For a minimiser $\alpha$ of
$\|G\alpha - \tilde y\|^2$ (normal equations $G^2\alpha = G\tilde y$; when $G$ is singular also $\alpha + v$, $v \in \ker G$):
$w_* = J^\top\alpha$ is the same for both, solves $J^\top(Jw_* + \delta) = 0$ (a minimiser of $f^{\rm lin}$), is orthogonal
to $\ker J$ (so it has minimum norm among the minimisers $w_* + \ker J$), and at test points
$\Phi^{\rm lin}(x, w_*) = \Phi(x, w_0) - \nabla_w\Phi(x, w_0)^\top w_0 + \sum_j\alpha_j\hat K_n(x, x_j)$ (11.2.10).`,
      check(i) {
        const { net } = i, m = i.xs.length, n = net.parameterCount;
        const jf = net.jacobian(i.xs);
        const j = qMatrix(jf), jt = qTranspose(j, n), w0 = qVector(net.params);
        const phi0 = qVector(net.forwardBatch(i.xs)), y = qVector(i.y);
        const jw0 = qMatVec(j, w0);
        const d = phi0.map((p, k) => delta(p, jw0[k], y[k]));
        const c = new ExactChecks();
        // (11.3.3) at w₀ and the probes: the first form from (11.3.1), the second with δ.
        [net.params, ...i.probes].forEach((wf, p) => {
          const w = qVector(wf), jw = qMatVec(j, w);
          const lin = phi0.map((v, k) => qAdd(v, qSub(jw[k], jw0[k])));
          const first = sumSquares(minus(lin, y));
          const second = sumSquares(jw.map((v, k) => qAdd(v, d[k])));
          const kls = sumSquares(jw.map((v, k) => qSub(v, qNeg(d[k]))));
          const at = p === 0 ? "w₀" : `probe ${p}`;
          c.add(`Σ(Φ^lin(xᵢ, w) − yᵢ)² = Σ(⟨∇Φ(xᵢ, w₀), w⟩ + δᵢ)² at ${at}`, qEq(first, second));
          c.add(`= Σ(⟨φ(xᵢ), w⟩ − ỹᵢ)², ỹ = −δ (11.2.2) at ${at}`, qEq(first, kls));
        });
        // (11.3.4): G = JJᵀ, against the model's float64 tangent kernel.
        const g = qMatMul(j, jt), gf = net.tangentKernel(i.xs);
        let worst = 0, kernelOk = true;
        for (let a = 0; a < m; a++) {
          for (let b = 0; b < m; b++) {
            const abs = jf[a].reduce((s, v, k) => s + Math.abs(v * jf[b][k]), 0);
            const bound = qFromNumber(dotProductFactor(n) * abs);
            const gap = qSub(qFromNumber(gf.get(a, b)), g[a][b]);
            const absGap = qCmp(gap, Q0) < 0 ? qNeg(gap) : gap;
            if (qCmp(absGap, bound) > 0) kernelOk = false;
            if (abs > 0) worst = Math.max(worst, ratToNumber(absGap) / ratToNumber(bound));
          }
        }
        c.add("|fl K̂_n(xᵢ, xⱼ) − ⟨∇Φ(xᵢ, w₀), ∇Φ(xⱼ, w₀)⟩| ≤ γ_n Σ|JᵢₖJⱼₖ|", kernelOk, worst);
        // The kernel route: α minimising ‖Gα − ỹ‖², ỹ = −δ.
        const yt = d.map(qNeg);
        const kerG = qNullspace(g, m);
        // Regular G: α = G⁻¹ỹ; singular: a solution of the normal equations G²α = Gỹ.
        const alpha0 = kerG.length ? qSolve(qMatMul(g, g), qMatVec(g, yt), m) : qSolve(g, yt, m);
        c.add(kerG.length ? "G²α = Gỹ is consistent" : "Gα = ỹ is solvable", alpha0 !== null);
        if (alpha0 === null) return c.result("");
        const alphas = kerG.length ? [alpha0, alpha0.map((v, k) => qAdd(v, kerG[0][k]))] : [alpha0];
        const ws = alphas.map((alpha, which) => {
          const residual = minus(qMatVec(g, alpha), yt);
          c.add(`α${which} minimises ‖Gα − ỹ‖²: G(Gα − ỹ) = 0`, qMatVec(g, residual).every((v) => qEq(v, Q0)));
          return qMatVec(jt, alpha);
        });
        const wStar = ws[0];
        if (ws.length > 1) c.add("w* = Jᵀα is the same for α and α + v, v ∈ ker G", same(ws[0], ws[1]));
        const res = qMatVec(j, wStar).map((v, k) => qAdd(v, d[k]));
        c.add("Jᵀ(Jw* + δ) = 0: w* minimises f^lin", qMatVec(jt, res).every((v) => qEq(v, Q0)));
        const kerJ = qNullspace(j, n);
        c.add("w* ⊥ ker J: the minimum-norm minimiser", kerJ.every((k) => qEq(qDot(wStar, k), Q0)));
        // Predictions (11.2.10) at the test points.
        i.tests.forEach((x, t) => {
          const gx = qVector(net.gradient(x)), phiX = qFromNumber(net.forward(x));
          const lin = qAdd(phiX, qDot(gx, minus(wStar, w0)));
          const viaKernel = qAdd(qSub(phiX, qDot(gx, w0)), qDot(alpha0, j.map((row) => qDot(gx, row))));
          c.add(`Φ^lin(x, w*) = Φ(x, w₀) − ∇Φ(x, w₀)ᵀw₀ + ΣαⱼK̂_n(x, xⱼ), test point ${t}`, qEq(lin, viaKernel));
        });
        return c.result(
          `G ${
            kerG.length ? `singular (dim ker ${kerG.length})` : "regular"
          }, dim ker J = ${kerJ.length}, f^lin(w*) = ${ratToNumber(sumSquares(res)).toPrecision(3)}: `,
        );
      },
    },
    parameters: {
      family: JACOBIAN_FAMILY_PARAMETER,
      m: { type: "integer", min: 1, max: 10, help: "number of data points" },
      d: { type: "integer", min: 1, max: 3, help: "input dimension" },
      width: { type: "integer", min: 1, max: 3, help: "hidden width (n = width·(d + 2) + 1 parameters)" },
    },
    unbreakable:
      "(11.3.1)–(11.3.4) are identities for any model differentiable at w₀, and the kernel formula of §11.2 holds for any Gram matrix, singular included (duplicated inputs, a zeroed output layer and n < m are sampled); the only hypothesis, differentiability at w₀, cannot be broken without leaving (11.3.1) undefined.",
    nearMiss: {
      mutant: "δᵢ = Φ(xᵢ, w₀) + ∇_wΦ(xᵢ, w₀)ᵀw₀ − yᵢ (the sign of the w₀ term flipped in (11.3.2))",
      caughtBy: '`linearised_loss_kernel_test.ts`, "eq-11.3.3 catches the near miss δᵢ = Φ(xᵢ, w₀) + ∇Φᵀw₀ − yᵢ"',
    },
    slips: [{
      where: "(11.3.3)",
      printed: String
        .raw`$f^{\rm lin}(w) := \sum_{j=1}^m(\Phi^{\rm lin}(x_i, w) - y_i)^2 = \sum_{j=1}^m(\ldots x_i \ldots + \delta_i)^2$`,
      fix: String.raw`the summation index is $i$: $\sum_{i=1}^m$ (as in (11.0.1b))`,
    }],
  });
}
