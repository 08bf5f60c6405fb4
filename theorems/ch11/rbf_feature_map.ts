/**
 * Chapter 11, Exercise 11.34: the RBF kernel K(x, x′) = exp(−(x − x′)²) on ℝ is ⟨φ(x), φ(x′)⟩ in
 * H = ℓ²(ℕ₀) for the feature map φ_k(x) = e^{−x²}·√(2ᵏ/k!)·xᵏ, k = 0, 1, 2, … (the answer checked:
 * exp(−(x − x′)²) = e^{−x²}e^{−x′²}e^{2xx′} and the exponential series of e^{2xx′}).
 *
 * The sum is infinite, so the check is of its truncations φ_N = (φ₀, …, φ_{N−1}) with a rigorous bound:
 * with t = 2xx′, K − ⟨φ_N(x), φ_N(x′)⟩ = e^{−x²−x′²}·(eᵗ − Σ_{k<N} tᵏ/k!) = e^{−x²−x′²}·e^ξ·tᴺ/N! for some ξ
 * between 0 and t (Lagrange's remainder), so
 *
 *   |K(x, x′) − ⟨φ_N(x), φ_N(x′)⟩| ≤ B_N(x, x′) := e^{−x²−x′²+max(t, 0)}·|t|ᴺ/N!,
 *
 * which tends to 0 as N → ∞: the series converges to K at every (x, x′). On the diagonal t = 2x² ≥ 0
 * and 0 ≤ 1 − ‖φ_N(x)‖² ≤ B_N(x, x), so ‖φ(x)‖² = 1 and φ(x) ∈ ℓ². Both are checked in float64 with a
 * rounding budget (Higham's γ bounds, 2 ulps per Math.exp and Math.sqrt call) fixed in advance; for
 * t < 0 and N ≫ |t| the bound is nearly attained (the first omitted term dominates), so a bound one
 * term too small is caught.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim, ConclusionData } from "../../engine/claim.ts";
import { NamedChecks } from "../../engine/verdicts/worst_of_checks.ts";
import { rbfKernel } from "../../models/kernels.ts";
import type { Rng } from "../../numerics/random.ts";
import { highamGamma, UNIT_ROUNDOFF } from "../../numerics/rounding.ts";

const SOURCE = "004_9692536818598e94.txt";

/** Relative error allowed for one Math.exp or Math.sqrt call: 2 ulps (as in models/kernels.ts). */
const LIBM_RELATIVE = 4 * UNIT_ROUNDOFF;

/** The truncation lengths N tried on every pair. */
const LENGTHS = [1, 2, 3, 5, 8, 13, 21, 34];

/** A bound on the tail |K(x, x′) − ⟨φ_N(x), φ_N(x′)⟩|. */
export type TailBound = (x: number, z: number, n: number) => number;

/** B_N(x, x′) = e^{−x²−x′²+max(t, 0)}·|t|ᴺ/N!, t = 2xx′ (Lagrange's remainder of eᵗ). */
export const lagrangeTailBound: TailBound = (x, z, n) => {
  const t = 2 * x * z;
  let p = Math.exp(-x * x - z * z + Math.max(t, 0));
  for (let k = 1; k <= n; k++) p *= Math.abs(t) / k;
  return p;
};

/** The truncated feature vector φ_N(x) = (e^{−x²}√(2ᵏ/k!)xᵏ)_{k<N}, by φ_k = φ_{k−1}·x·√(2/k). */
export function rbfFeatures(x: number, n: number): Float64Array {
  const out = new Float64Array(n);
  let p = Math.exp(-x * x);
  for (let k = 0; k < n; k++) {
    if (k > 0) p *= x * Math.sqrt(2 / k);
    out[k] = p;
  }
  return out;
}

/** A bound on the relative rounding error of fl(φ_k(x)) for k < n: exp, x², and 4 roundings a step. */
function featureRelativeError(x: number, n: number): number {
  return 1.01 * ((4 * n + 2) * UNIT_ROUNDOFF + 2 * LIBM_RELATIVE * n + LIBM_RELATIVE + 2 * x * x * UNIT_ROUNDOFF);
}

/** An instance: pairs (x, x′) of reals. */
export interface RbfInstance {
  /** The scale the points were drawn at. */
  scale: number;
  /** Pairs (x, x′). */
  pairs: [number, number][];
  /** Truncation lengths N checked. */
  lengths: number[];
}

function generate(rng: Rng, index: number, params: Readonly<Record<string, number>> = {}): RbfInstance {
  const drawn = [0.3, 1, 2, 3][index % 4] * rng.uniform(0.5, 1);
  const scale = params.scale ?? drawn;
  const x = scale * rng.uniform(-1, 1), z = scale * rng.uniform(-1, 1);
  const pairs: [number, number][] = [[x, z], [x, x], [x, -x], [0, z]];
  return { scale, pairs, lengths: params.n !== undefined ? [params.n] : LENGTHS };
}

/**
 * `ex-11.34`: exp(−(x − x′)²) = Σ_k φ_k(x)φ_k(x′) in ℓ² with φ_k(x) = e^{−x²}√(2ᵏ/k!)xᵏ, checked through
 * the truncations with the tail bound; the bound is a parameter, so that a wrong one can be shown to
 * be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rbfFeatureMap, rbfFeatures } from "./rbf_feature_map.ts";
 * assert.equal(rbfFeatureMap().id, "ex-11.34");
 * const f = rbfFeatures(0.5, 40);
 * assert.ok(Math.abs(f.reduce((s, v) => s + v * v, 0) - 1) < 1e-15); // ‖φ(x)‖² = K(x, x) = 1
 * ```
 */
export function rbfFeatureMap(tailBound: TailBound = lagrangeTailBound): Claim {
  return defineClaim<RbfInstance>({
    id: "ex-11.34",
    title: "An explicit ℓ² feature map of the RBF kernel exp(−(x − x′)²)",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 11, Exercises, Exercise 11.34" },
    statement: String
      .raw`**Exercise 11.34.** Consider the RBF kernel $K: \mathbb R \times \mathbb R \to \mathbb R$, $K(x, x') := \exp(-(x - x')^2)$.
Find a Hilbert space $H$ and a feature map $\phi: \mathbb R \to H$ such that $K(x, x') = \langle\phi(x), \phi(x')\rangle_H$.
Answer checked: $H = \ell^2(\mathbb N_0)$, $\phi_k(x) = e^{-x^2}\sqrt{2^k/k!}\,x^k$, with the truncation bound
$|K(x, x') - \sum_{k<N}\phi_k(x)\phi_k(x')| \le B_N := e^{-x^2 - x'^2 + \max(t, 0)}|t|^N/N!$, $t = 2xx'$.`,
    tightness:
      "worst |fl K − fl⟨φ_N(x), φ_N(x′)⟩| (and 1 − ‖φ_N(x)‖² on the diagonal) over B_N + its rounding budget, across pairs and N",
    instances: { test: 20, report: 200 },
    generate: ({ rng, index, params }) => generate(rng, index, params),
    describe: (i) =>
      `|x| ≤ ${i.scale.toPrecision(3)}, x = ${i.pairs[0][0].toPrecision(4)}, x′ = ${i.pairs[0][1].toPrecision(4)}`,
    hypotheses: [{
      statement: String.raw`$x, x' \in \mathbb R$`,
      certainty: "certified",
      method: "Number.isFinite on every point",
      check: (i) => ({ holds: i.pairs.every((p) => p.every(Number.isFinite)), value: `${i.pairs.length} pairs` }),
    }],
    conclusion: {
      failure: (c) =>
        `the ℓ² feature map must reproduce exp(−(x − x′)²) within its truncation bound; ${c.failure ?? c.detail}`,
      statement: String
        .raw`For every pair (random $(x, x')$, $(x, x)$, $(x, -x)$, $(0, x')$) and $N \in \{1, 2, 3, 5, 8, 13, 21, 34\}$:
$|\mathrm{fl}K(x, x') - \mathrm{fl}\langle\phi_N(x), \phi_N(x')\rangle| \le B_N(x, x') + \rho$, $\rho$ = the kernel's rounding bound
+ $1.01(\gamma_N + e_N(x) + e_N(x') + u)\sum_k|\phi_k(x)\phi_k(x')|$ ($e_N$ the features' relative error bound) + $\gamma_{2N+8}B_N$;
on the diagonal also $-\rho \le 1 - \|\phi_N(x)\|^2 \le B_N(x, x) + \rho$ (so $\|\phi(x)\|_{\ell^2} = 1$). The bound itself
$\to 0$: $B_{34} \le 10^{-6}$ whenever $|t| \le 2$.`,
      check(i) {
        const c = new NamedChecks();
        const kernel = rbfKernel(1);
        for (const [x, z] of i.pairs) {
          for (const n of i.lengths) {
            const fx = rbfFeatures(x, n), fz = rbfFeatures(z, n);
            let inner = 0, abs = 0;
            fx.forEach((v, k) => {
              inner += v * fz[k];
              abs += Math.abs(v * fz[k]);
            });
            const b = tailBound(x, z, n);
            const rho = kernel.error([x], [z]) + highamGamma(2 * n + 8) * b +
              1.01 * (highamGamma(n) + featureRelativeError(x, n) + featureRelativeError(z, n) + UNIT_ROUNDOFF) * abs;
            const label = `x = ${x.toPrecision(3)}, x′ = ${z.toPrecision(3)}, N = ${n}`;
            c.add(`|K − ⟨φ_N(x), φ_N(x′)⟩|, ${label}`, Math.abs(kernel.value([x], [z]) - inner), b + rho);
            if (x === z) {
              // Σφ_k(x)² ≤ 1: the tail is a sum of nonnegative terms.
              c.add(`‖φ_N(x)‖² − 1, ${label}`, inner - 1, rho);
            }
            if (n === 34 && Math.abs(2 * x * z) <= 2) c.add(`B_34 at |t| ≤ 2, ${label}`, b, 1e-6);
          }
        }
        return c.result<ConclusionData>("", undefined, "B_N + rounding budget");
      },
    },
    parameters: {
      scale: { type: "number", min: 0.01, max: 6, help: "points drawn uniformly in [−scale, scale]" },
      n: { type: "integer", min: 1, max: 80, help: "one truncation length N in place of the list" },
    },
    unbreakable:
      "the identity holds for all x, x′ ∈ ℝ with no hypothesis; for large |xx′| the bound B_N is large until N ≫ 2|xx′| (the series converges for every t, only more slowly), which `--scale` explores.",
    nearMiss: {
      mutant:
        "the tail bound one term too far, e^{−x²−x′²+max(t,0)}|t|^{N+1}/(N+1)! (the first omitted term taken as k = N + 1)",
      caughtBy:
        '`rbf_feature_map_test.ts`, "ex-11.34 catches the near miss: the tail bound one term too far, |t|^(N+1)/(N+1)!"',
    },
  });
}
