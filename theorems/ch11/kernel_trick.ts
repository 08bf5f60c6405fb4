/**
 * Chapter 11, §11.2.2, Proposition 11.9 with the kernel trick (11.2.9)–(11.2.10): any minimiser α of
 * ‖Gα − y‖² (11.2.9) gives the minimum-norm solution w* = Σαⱼφ(xⱼ) of (11.2.2), and
 * Φ(x, w*) = ΣαⱼK(x, xⱼ) (11.2.10), including for singular G.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { NamedChecks } from "../../engine/verdicts/worst_of_checks.ts";
import { KernelLeastSquares, truncatedMinNorm } from "../../models/kernel_least_squares.ts";
import { analyseFeatures, KERNEL_LS_CLAIM_FIELDS, type KernelLsInstance } from "../../models/kernel_ls_instances.ts";
import { kernelTolerance } from "../../models/kernel_ls_instances.ts";
import { featureKernel } from "../../models/kernels.ts";
import { distance, norm } from "../../numerics/compare.ts";
import { dotProductFactor } from "../../numerics/rounding.ts";
import { type Matrix, symmetricEigen } from "../../numerics/linalg.ts";

const SOURCE = "004_9692536818598e94.txt";

/** Null vectors of Ĝ (eigenvalues ≤ 10⁻¹¹‖G‖) mixed with the instance's coefficients. */
function nullCombination(g: Matrix, mix: Float64Array): Float64Array {
  const { values, vectors } = symmetricEigen(g);
  const top = Math.max(Math.abs(values[0]), 1e-300);
  const out = new Float64Array(g.rows);
  values.forEach((lam, k) => {
    if (Math.abs(lam) > 1e-11 * top) return;
    for (let i = 0; i < g.rows; i++) out[i] += mix[k] * vectors.get(i, k);
  });
  return out;
}

/** The minimiser of ‖Gα − y‖ under test: G⁺y by default. */
export type AlphaSolver = (g: Matrix, y: Float64Array) => Float64Array;

/**
 * `prop-11.9`: any minimiser α of ‖Gα − y‖² (11.2.9) gives the minimum-norm solution
 * w* = Σαⱼφ(xⱼ), and Φ(x, w*) = ΣαⱼK(x, xⱼ) (11.2.10), including for singular G. The solver of
 * (11.2.9) is a parameter so that a wrong one can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kernelTrick } from "./kernel_trick.ts";
 * assert.equal(kernelTrick().id, "prop-11.9");
 * ```
 */
export function kernelTrick(solveAlpha: AlphaSolver = (g, y) => truncatedMinNorm(g, y, 1e-11).x): Claim {
  return defineClaim<KernelLsInstance>({
    id: "prop-11.9",
    title: "Kernel trick: any minimiser of ‖Gα − y‖ gives the minimum-norm solution",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 11, §11.2.2, (11.2.9), Proposition 11.9, (11.2.10)" },
    statement: String
      .raw`**Proposition 11.9.** Let $\alpha \in \mathbb R^m$ be any minimizer of $\|G\alpha - y\|^2$ (11.2.9). Then
$w_* = \sum_{j=1}^m \alpha_j\phi(x_j)$ is the unique minimum $H$-norm solution of (11.2.2), and
$\Phi(x, w_*) = \langle\phi(x), \sum_j \alpha_j\phi(x_j)\rangle_H = \sum_{j=1}^m \alpha_j K(x, x_j)$ (11.2.10).`,
    tightness:
      "worst distance over its float64 perturbation bound (feature route + kernel route), across α's and test points",
    instances: { test: 25, report: 250 },
    // The instances, their `family` parameter, their description and the hypothesis (rank of Φ resolved).
    ...KERNEL_LS_CLAIM_FIELDS,
    conclusion: {
      statement: String
        .raw`For $\alpha_0$ = the solver's minimiser and $\alpha_1 = \alpha_0 + v$, $v \in \ker G$ random (when $G$ is
singular): $\|\sum_j\alpha_j\phi(x_j) - w_*\| \le$ tol, $w_*$ computed in feature space by an SVD of $\Phi$, and at every test
point $|\sum_j \alpha_j K(x, x_j) - \langle\phi(x), w_*\rangle| \le \|\phi(x)\|\cdot$tol + the kernel's evaluation error.`,
      check(i) {
        const a = analyseFeatures(i);
        const kls = new KernelLeastSquares(i.kernel, i.points, i.y);
        const m = i.points.length, n = i.phi.dim, s1 = a.s[0];
        const { tol: tolKernel, etaG } = kernelTolerance(a, kls);
        const alpha0 = solveAlpha(kls.g, kls.y);
        const v = nullCombination(kls.g, i.nullMix);
        const singular = norm(v) > 0;
        const alphas = singular ? [alpha0, alpha0.map((x, j) => x + v[j])] : [alpha0];
        const c = new NamedChecks();
        const phis = i.points.map((x) => i.phi.map(x));
        alphas.forEach((alpha, which) => {
          // A null vector of Ĝ is only approximately in ker Φᵀ: its range component is ≲ η_Gκ²‖v‖.
          const nullTol = which === 1 ? 4 * etaG * a.kappa ** 2 * s1 * norm(v) : 0;
          const w = new Float64Array(n);
          let absSum = 0;
          phis.forEach((f, j) => {
            for (let k = 0; k < n; k++) {
              w[k] += alpha[j] * f[k];
              absSum += Math.abs(alpha[j] * f[k]);
            }
          });
          // Σαⱼφ(xⱼ) is m-term sums: rounding ≤ γ_m Σ|αⱼφ(xⱼ)|.
          const tol = a.tolFeature + tolKernel + nullTol + dotProductFactor(m) * absSum;
          c.add(`‖Σαⱼφ(xⱼ) − w*‖ (α${which})`, distance(w, a.w), tol);
          i.tests.forEach((x) => {
            const viaKernel = kls.predict(x, alpha), viaFeatures = a.model.predict(x, a.w);
            const fx = i.phi.map(x);
            const fk = featureKernel(i.phi);
            let evalErr = 0;
            i.points.forEach((xj, j) => {
              evalErr += Math.abs(alpha[j]) *
                (i.kernel.error(x, xj) + fk.error(x, xj) + dotProductFactor(m) * Math.abs(i.kernel.value(x, xj)));
            });
            evalErr += dotProductFactor(n) * fx.reduce((acc, f, k) => acc + Math.abs(f * a.w[k]), 0);
            c.add(
              `|ΣαⱼK(x, xⱼ) − ⟨φ(x), w*⟩| (α${which})`,
              Math.abs(viaKernel - viaFeatures),
              norm(fx) * tol + evalErr,
            );
          });
        });
        return c.result(`rank ${a.rank}, κ = ${a.kappa.toExponential(2)}, G ${singular ? "singular" : "invertible"}: `);
      },
    },
    unbreakable:
      "Proposition 11.9 has no hypothesis (any α minimising (11.2.9), singular G included: duplicated points and m > n are sampled). The only condition checked is numerical (rank of Φ resolved, κ ≤ 10³).",
    nearMiss: {
      mutant: "kernel ridge α = (G + λI)⁻¹y with λ = 10⁻⁶‖G‖_F in place of a minimiser of ‖Gα − y‖",
      caughtBy:
        '`kernel_trick_test.ts`, "prop-11.9 catches the near miss kernel ridge α = (G + λI)⁻¹y with λ = 10⁻⁶‖G‖_F"',
    },
  });
}
