/**
 * Chapter 11, §11.4, the remark after Assumption 11.12: the kernel matrix (11.4.1) of the empirical
 * tangent kernel, G = (⟨∇_wΦ(xᵢ, w₀), ∇_wΦ(xⱼ, w₀)⟩)ᵢⱼ = JJᵀ, is regular exactly when the m × n Jacobian
 * J = (∇_wΦ(xᵢ, w₀)ᵀ)ᵢ has full rank m ≤ n, and then some w has Φ^lin(xᵢ, w) = yᵢ for all i ((11.3.1)).
 *
 * Both directions are checked, in exact rational arithmetic on the float64 Jacobian of a LeCun tanh
 * network (so Φ ∈ C¹, as Assumption 11.12 asks): det G ≠ 0 against rank J = m, and G ≻ 0 (Sylvester, so
 * its eigenvalues lie in some [λ_min, λ_max] with λ_min > 0) when regular. Rank-deficient Jacobians are
 * made on purpose (models/jacobian_instances.ts): a duplicated input, a zeroed output layer, fewer
 * parameters than data. When G is regular, w = w₀ + JᵀG⁻¹(y − Φ(X, w₀)) interpolates exactly; when it is
 * not, a z ≠ 0 with Jᵀz = 0 gives targets y = Φ(X, w₀) + z that no w interpolates (the condition is also
 * necessary for interpolating every y: more than the text says, shown as a check of its own).
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { ExactChecks } from "../../engine/verdicts/exact_checks.ts";
import { describeJacobianInstance, type JacobianInstance } from "../../models/jacobian_instances.ts";
import { JACOBIAN_FAMILY_PARAMETER, jacobianInstance } from "../../models/jacobian_instances.ts";
import { Q0, qAdd, qCmp, qDet, qDot, qEq, qFromNumber, qInverse, qMatMul } from "../../numerics/rational_linalg.ts";
import { qMatrix, qMatVec, qNullspace, qPositiveDefinite, qRank, qSub } from "../../numerics/rational_linalg.ts";
import { qTranspose, qVector } from "../../numerics/rational_linalg.ts";

const SOURCE = "004_9692536818598e94.txt";

/** The right-hand side of the equivalence, from rank J, m and the parameter count n. */
export type FullRankCondition = (rank: number, m: number, n: number) => boolean;

/** As printed: J has full rank m, and m ≤ n. */
export const printedCondition: FullRankCondition = (rank, m, n) => rank === m && m <= n;

/**
 * `asm-11.12`: (11.4.1) is regular ⟺ the Jacobian has full rank m ≤ n, and then Φ^lin interpolates the
 * data. The right-hand condition is a parameter, so that a wrong one can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tangentKernelRegularity } from "./tangent_kernel_regularity.ts";
 * assert.equal(tangentKernelRegularity().id, "asm-11.12");
 * ```
 */
export function tangentKernelRegularity(condition: FullRankCondition = printedCondition): Claim {
  return defineClaim<JacobianInstance>({
    id: "asm-11.12",
    title: "The tangent kernel matrix is regular iff the Jacobian has full rank m ≤ n; then Φ^lin interpolates",
    kind: "exact",
    source: {
      document: SOURCE,
      where: "Chapter 11, §11.4, Assumption 11.12 (a), (11.4.1), and the paragraph after it",
    },
    statement: String
      .raw`The regularity of the kernel matrix in Assumption 11.12 (a), $(\hat K_n(x_i, x_j))_{i,j=1}^m =
(\langle\nabla_w\Phi(x_i, w_0), \nabla_w\Phi(x_j, w_0)\rangle)_{i,j=1}^m$ (11.4.1), is equivalent to
$(\nabla_w\Phi(x_i, w_0)^\top)_{i=1}^m \in \mathbb R^{m\times n}$ having full rank $m \le n$ (in particular we have at least as
many parameters $n$ as training data $m$). […] This condition guarantees that there exists $w$ such that
$\Phi^{\rm lin}(x_i, w) = y_i$ for all $i = 1, \dots, m$.`,
    tightness:
      "exact checks (rank, determinant, Sylvester minors, interpolation, in rational arithmetic): 0 when all hold, ∞ when one fails",
    instances: { test: 24, report: 240 },
    generate: ({ rng, index, params }) => jacobianInstance(rng, index, params),
    describe: describeJacobianInstance,
    hypotheses: [{
      statement: String.raw`$\Phi \in C^1(\mathbb R^d \times \mathbb R^n)$, $w_0 \in \mathbb R^n$ (Assumption 11.12)`,
      certainty: "certified",
      method: "Φ is the two-layer network (11.5.1) with σ = tanh (smooth); w₀ and the data are finite doubles",
      check: (i) => ({
        holds: i.net.activation.kinks.length === 0 && i.net.params.every(Number.isFinite) &&
          i.xs.every((x) => x.every(Number.isFinite)) && i.y.every(Number.isFinite),
        value: `σ = ${i.net.activation.name}, n = ${i.net.parameterCount} parameters`,
      }),
    }],
    conclusion: {
      failure: (c) =>
        `K̂ is regular iff the Jacobian has full rank m ≤ n, and Φ^lin then interpolates; ${c.failure ?? c.detail}`,
      statement: String
        .raw`With $J$ the float64 Jacobian read exactly and $G = JJ^\top$: $\det G \ne 0 \iff$ ($\operatorname{rank} J = m$ and $m \le n$);
if regular, $G \succ 0$ (all leading minors $> 0$) and $w = w_0 + J^\top G^{-1}(y - \Phi(X, w_0))$ has $\Phi^{\rm lin}(x_i, w) = y_i$
exactly for all $i$; if singular, some $z \ne 0$ has $J^\top z = 0$, and then $y' = \Phi(X, w_0) + z$ has no interpolant
($z^\top(\Phi^{\rm lin}(X, w) - \Phi(X, w_0)) = 0 \ne z^\top z$ for every $w$).`,
      check(i) {
        const m = i.xs.length, n = i.net.parameterCount;
        const j = qMatrix(i.net.jacobian(i.xs));
        const jt = qTranspose(j, n);
        const g = qMatMul(j, jt);
        const rank = qRank(j, n);
        const regular = !qEq(qDet(g), Q0);
        const c = new ExactChecks();
        c.add("det G ≠ 0 ⟺ rank J = m ≤ n", regular === condition(rank, m, n));
        const phi0 = qVector(i.net.forwardBatch(i.xs));
        if (regular) {
          c.add("G ≻ 0 (leading minors > 0)", qPositiveDefinite(g));
          const inv = qInverse(g);
          c.add("G⁻¹ exists", inv !== null);
          if (inv) {
            const step = qMatVec(jt, qMatVec(inv, qVector(i.y).map((v, k) => qSub(v, phi0[k]))));
            // Φ^lin(xᵢ, w) = Φ(xᵢ, w₀) + ∇Φ(xᵢ, w₀)ᵀ(w − w₀), with w − w₀ = step.
            const lin = qMatVec(j, step).map((v, k) => qAdd(phi0[k], v));
            c.add("Φ^lin(xᵢ, w) = yᵢ for all i", lin.every((v, k) => qEq(v, qFromNumber(i.y[k]))));
          }
        } else {
          const left = qNullspace(jt, m);
          c.add("some z ≠ 0 has Jᵀz = 0", left.length > 0);
          if (left.length > 0) {
            const z = left[0];
            c.add(
              "Jᵀz = 0 and zᵀz > 0 (y = Φ(X, w₀) + z has no interpolant)",
              qMatVec(jt, z).every((v) => qEq(v, Q0)) && qCmp(qDot(z, z), Q0) > 0,
            );
          }
        }
        return c.result(`rank J = ${rank} (m = ${m}, n = ${n}), G ${regular ? "regular" : "singular"}: `);
      },
    },
    parameters: {
      family: JACOBIAN_FAMILY_PARAMETER,
      m: { type: "integer", min: 1, max: 12, help: "number of data points" },
      d: { type: "integer", min: 1, max: 4, help: "input dimension" },
      width: { type: "integer", min: 1, max: 4, help: "hidden width (n = width·(d + 2) + 1 parameters)" },
    },
    unbreakable:
      "the equivalence is linear algebra and holds for every Jacobian; the hypothesis Φ ∈ C¹ only makes the Jacobian exist. Both sides are sampled: regular (generic data with n ≥ m) and singular (duplicated inputs, a zeroed output layer with m = width + 2 ≤ n, and n < m).",
    nearMiss: {
      mutant: "'regular iff m ≤ n' (counting parameters against data, the rank condition dropped)",
      caughtBy: '`tangent_kernel_regularity_test.ts`, "asm-11.12 catches the near miss: regular iff m ≤ n"',
    },
  });
}
