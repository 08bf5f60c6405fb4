/**
 * Chapter 11, Exercise 11.35: the polynomial kernel K(x, x′) = (1 + xᵀx′)^r on ℝᵈ is ⟨φ(x), φ(x′)⟩ for
 * the multinomial feature map into H = ℝ^N, N = C(d + r, r): one feature per multi-index α ∈ ℕᵈ with
 * |α| ≤ r, φ_α(x) = √c_α·x^α with c_α = r!/((r − |α|)!·α₁!⋯α_d!) (the multinomial formula applied to
 * (1 + x₁x′₁ + ⋯ + x_dx′_d)^r, the hint of the exercise).
 *
 * Checked (i) exactly, in rational arithmetic at float64 points: Σ_α c_α x^α x′^α = (1 + xᵀx′)^r (the
 * square roots multiply out, √c_α² = c_α); (ii) the float64 feature vectors with their square roots:
 * |fl⟨φ(x), φ(x′)⟩ − fl K(x, x′)| within a rounding budget; (iii) the dimension: the multi-indices
 * enumerated number C(d + r, r), all with c_α > 0, and for N ≤ 35 the kernel matrix on the N points
 * α of the principal lattice (|α| ≤ r, unisolvent for polynomials of degree ≤ r) has exact rank N, so no
 * feature space of smaller dimension reproduces K.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { ExactChecks } from "../../engine/verdicts/exact_checks.ts";
import { polynomialKernel } from "../../models/kernels.ts";
import type { Rng } from "../../numerics/random.ts";
import type { Rational } from "../../numerics/rational.ts";
import { Q0, Q1, qAdd, qDot, qEq, qMul, qPow, qRank, qVector } from "../../numerics/rational_linalg.ts";
import { highamGamma, UNIT_ROUNDOFF } from "../../numerics/rounding.ts";

const SOURCE = "004_9692536818598e94.txt";

/** The coefficient c_α of the feature φ_α = √c_α·x^α, for the exponent r. */
export type FeatureCoefficient = (r: number, alpha: readonly number[]) => bigint;

function factorial(k: number): bigint {
  let f = 1n;
  for (let j = 2; j <= k; j++) f *= BigInt(j);
  return f;
}

/** The multinomial coefficient r!/((r − |α|)!·α₁!⋯α_d!) of the term x^α x′^α of (1 + xᵀx′)^r. */
export const multinomialCoefficient: FeatureCoefficient = (r, alpha) => {
  const total = alpha.reduce((s, a) => s + a, 0);
  return alpha.reduce((c, a) => c / factorial(a), factorial(r) / factorial(r - total));
};

/** All multi-indices α ∈ ℕᵈ with |α| ≤ r, in lexicographic order. */
export function multiIndices(d: number, r: number): number[][] {
  if (d === 0) return [[]];
  const out: number[][] = [];
  for (let a = 0; a <= r; a++) for (const rest of multiIndices(d - 1, r - a)) out.push([a, ...rest]);
  return out;
}

/** C(n, k). */
function binomial(n: number, k: number): bigint {
  let c = 1n;
  for (let j = 1; j <= k; j++) c = (c * BigInt(n - k + j)) / BigInt(j);
  return c;
}

/** An instance: dimension, degree and pairs of points. */
export interface PolyFeatureInstance {
  /** Input dimension d. */
  d: number;
  /** Degree r. */
  r: number;
  /** Pairs (x, x′) of float64 points. */
  pairs: [Float64Array, Float64Array][];
}

/** The rank check runs when N ≤ this. */
const RANK_CHECK_MAX = 35;

function generate(rng: Rng, index: number, params: Readonly<Record<string, number>> = {}): PolyFeatureInstance {
  const dDraw = 1 + (index % 4) + rng.int(0, 1), rDraw = 1 + (Math.floor(index / 4) % 4) + rng.int(0, 1);
  const d = params.d ?? dDraw, r = params.r ?? rDraw;
  const point = () => Float64Array.from({ length: d }, () => rng.normal());
  const x = point(), z = point();
  // A random pair, the diagonal, x against −x, and 0 against x (K = 1).
  const pairs: [Float64Array, Float64Array][] = [[x, z], [x, x], [z, z.map((v) => -v)], [new Float64Array(d), x]];
  return { d, r, pairs };
}

/** Σ_α c_α x^α x′^α, exactly. */
function featureInner(
  coefficient: FeatureCoefficient,
  r: number,
  alphas: number[][],
  x: Rational[],
  z: Rational[],
): Rational {
  let s = Q0;
  for (const alpha of alphas) {
    let term: Rational = { num: coefficient(r, alpha), den: 1n };
    alpha.forEach((a, k) => (term = qMul(term, qPow(qMul(x[k], z[k]), a))));
    s = qAdd(s, term);
  }
  return s;
}

/** The float64 feature vector φ(x) = (√c_α·x^α)_α. */
function featureVector(coefficient: FeatureCoefficient, r: number, alphas: number[][], x: Float64Array): Float64Array {
  return Float64Array.from(alphas, (alpha) => {
    let p = Math.sqrt(Number(coefficient(r, alpha)));
    alpha.forEach((a, k) => {
      for (let j = 0; j < a; j++) p *= x[k];
    });
    return p;
  });
}

/**
 * `ex-11.35`: (1 + xᵀx′)^r = ⟨φ(x), φ(x′)⟩ for the multinomial feature map into ℝ^{C(d+r, r)}; the
 * coefficient rule is a parameter, so that a wrong one can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { multiIndices, multinomialCoefficient, polynomialKernelFeatures } from "./polynomial_kernel_features.ts";
 * assert.equal(polynomialKernelFeatures().id, "ex-11.35");
 * assert.equal(multiIndices(2, 2).length, 6); // 1, x₂, x₂², x₁, x₁x₂, x₁²
 * assert.equal(multinomialCoefficient(2, [1, 1]), 2n);
 * ```
 */
export function polynomialKernelFeatures(coefficient: FeatureCoefficient = multinomialCoefficient): Claim {
  return defineClaim<PolyFeatureInstance>({
    id: "ex-11.35",
    title: "The polynomial kernel (1 + xᵀx′)^r has a multinomial feature map into ℝ^C(d+r, r)",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 11, Exercises, Exercise 11.35 and its hint" },
    statement: String
      .raw`**Exercise 11.35.** Let $n \in \mathbb N$ and consider the polynomial kernel $K: \mathbb R^d \times \mathbb R^d \to \mathbb R$,
$K(x, x') = (1 + x^\top x')^r$. Find a Hilbert space $H$ and a feature map $\phi: \mathbb R^d \to H$, such that
$K(x, x') = \langle\phi(x), \phi(x')\rangle_H$. *Hint: Use the multinomial formula.* Answer checked: $H = \mathbb R^N$,
$N = \binom{d+r}{r}$, $\phi_\alpha(x) = \sqrt{c_\alpha}\,x^\alpha$ for $\alpha \in \mathbb N^d$, $|\alpha| \le r$,
$c_\alpha = \frac{r!}{(r - |\alpha|)!\,\alpha_1!\cdots\alpha_d!}$.`,
    tightness:
      "worst display ratio: the float64 check's |fl⟨φ(x), φ(x′)⟩ − fl K| over its rounding budget; the exact identities count 0 when they hold, ∞ when one fails",
    instances: { test: 20, report: 200 },
    generate: ({ rng, index, params }) => generate(rng, index, params),
    describe: (i) => `d = ${i.d}, r = ${i.r}, N = ${binomial(i.d + i.r, i.r)}`,
    hypotheses: [{
      statement: String.raw`$d \ge 1$, $r \in \mathbb N$ (the exercise's $n$), $x, x' \in \mathbb R^d$`,
      certainty: "certified",
      method: "integers compared; points are finite doubles (exact rationals)",
      check: (i) => ({
        holds: i.d >= 1 && Number.isInteger(i.r) && i.r >= 1 &&
          i.pairs.every((p) => p.every((x) => x.every(Number.isFinite))),
        value: `d = ${i.d}, r = ${i.r}`,
      }),
    }],
    conclusion: {
      failure: (c) => `the multinomial feature map must reproduce (1 + xᵀx′)ʳ; ${c.failure ?? c.detail}`,
      statement: String
        .raw`(i) Exactly, for each pair: $\sum_\alpha c_\alpha x^\alpha x'^\alpha = (1 + x^\top x')^r$ (pairs: random, $(x, x)$,
$(z, -z)$, $(0, x)$). (ii) In float64 with the square roots: $|\mathrm{fl}\langle\phi(x), \phi(x')\rangle - \mathrm{fl}K(x, x')|
\le 1.01(\gamma_N + 2\gamma_{r+2})\sum_\alpha|\phi_\alpha(x)\phi_\alpha(x')|$ + the kernel's own rounding bound.
(iii) The enumeration has $\binom{d+r}{r}$ multi-indices, all with $c_\alpha > 0$, and when $N \le 35$ the kernel matrix
$(K(\alpha, \beta))_{|\alpha|, |\beta| \le r}$ on the principal lattice has exact rank $N$ (so $\dim H \ge N$ for any
feature map of $K$: the dimension is minimal).`,
      check(i) {
        const alphas = multiIndices(i.d, i.r);
        const n = binomial(i.d + i.r, i.r);
        const c = new ExactChecks();
        c.add(`#{α : |α| ≤ r} = C(d + r, r) = ${n}`, BigInt(alphas.length) === n);
        c.add("c_α > 0 for every α", alphas.every((a) => coefficient(i.r, a) > 0n));
        const kernel = polynomialKernel(1, i.r);
        i.pairs.forEach(([x, z], p) => {
          const qx = qVector(x), qz = qVector(z);
          const exact = qPow(qAdd(Q1, qDot(qx, qz)), i.r);
          c.add(`Σ c_α x^α x′^α = (1 + xᵀx′)^r, pair ${p}`, qEq(featureInner(coefficient, i.r, alphas, qx, qz), exact));
          const fx = featureVector(coefficient, i.r, alphas, x), fz = featureVector(coefficient, i.r, alphas, z);
          let inner = 0, abs = 0;
          fx.forEach((v, k) => {
            inner += v * fz[k];
            abs += Math.abs(v * fz[k]);
          });
          // Each feature: √c (correctly rounded) times r factors, so ≤ γ_{r+1}; the product of two adds u; the
          // N-term sum adds γ_N Σ|terms|.
          const budget = 1.01 * (highamGamma(alphas.length) + 2 * highamGamma(i.r + 2) + UNIT_ROUNDOFF) * abs +
            kernel.error(x, z);
          const gap = Math.abs(inner - kernel.value(x, z));
          c.add(`float64 |⟨φ(x), φ(x′)⟩ − K(x, x′)|, pair ${p}`, gap <= budget, gap / budget);
        });
        let rankNote = "";
        if (alphas.length <= RANK_CHECK_MAX) {
          // The principal lattice {α : |α| ≤ r} is unisolvent for polynomials of degree ≤ r, so the kernel
          // matrix on it has rank N exactly when the N features are linearly independent functions.
          const g = alphas.map((a) => alphas.map((b) => qPow(qAdd(Q1, qDot(qVector(a), qVector(b))), i.r)));
          const rank = qRank(g);
          c.add(`rank (K(gᵢ, gⱼ)) = N = ${n} on the principal lattice`, BigInt(rank) === n);
          rankNote = `, kernel matrix rank ${rank}`;
        }
        return c.result(`N = ${n}${rankNote}: `);
      },
    },
    parameters: {
      d: { type: "integer", min: 1, max: 8, help: "input dimension" },
      r: { type: "integer", min: 1, max: 8, help: "degree of the kernel" },
    },
    unbreakable:
      "the identity is the multinomial formula and holds for every d ≥ 1, r ∈ ℕ and all points; the only hypothesis, r a natural number, cannot be broken by an instance (a non-integer r has no finite multinomial expansion).",
    nearMiss: {
      mutant: "the coefficients c_α = |α|!/α! (the multinomial of each degree, the binomial C(r, |α|) dropped)",
      caughtBy:
        '`polynomial_kernel_features_test.ts`, "ex-11.35 catches the near miss c_α = |α|!/α! (binomial C(r, |α|) dropped)"',
    },
    slips: [{
      where: "Exercise 11.35",
      printed: String.raw`"Let $n \in \mathbb N$ and consider … $K(x, x') = (1 + x^\top x')^r$"`,
      fix: String.raw`"Let $r \in \mathbb N$": the exponent is $r$ (as in Example 11.10); $n$ does not occur`,
    }],
  });
}
