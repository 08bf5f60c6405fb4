/**
 * `gd-drori-teboulle`, the running example of docs/writing-a-claim.md: gradient descent with step 1/L on
 * an L-smooth convex function, f(x_N) − f* ≤ L‖x₀ − x*‖²/(4N + 2), a bound attained by a Huber function
 * (Drori and Teboulle 2014, Theorem 3.1; PEPit's example `gradient_descent`). A claims module: run it
 * with `deno task report --claims examples/gradient_descent.ts --only gd-drori-teboulle`.
 *
 * A claim file outside the repository imports the same API by path or URL
 * (`import { defineClaim } from "/path/to/gd-check/mod.ts"`); no `deno.json` is needed.
 *
 * @module
 */
import {
  chart,
  type Claim,
  defineClaim,
  nominal,
  quantitative,
  ratio,
  type Rng,
  UNIT_ROUNDOFF,
  withData,
} from "../mod.ts";

// ── 1. The instance: what the generator draws and the checks read ─────────────────────────────────────

/** The one-dimensional building blocks: each convex, 1-smooth (0 ≤ φ″ ≤ 1), with φ(0) = 0 its minimum. */
export type Family = "quadratic" | "huber" | "logcosh";

/** One coordinate's term c·φ(xᵢ) of the separable f(x) = Σᵢ cᵢ φᵢ(xᵢ). */
export interface Term {
  /** Which φ. */
  family: Family;
  /** Its curvature scale c (f is L-smooth when every c ≤ L). */
  c: number;
  /** Threshold on the positive side (Huber: where the linear part starts; log-cosh: its scale). */
  tauPlus: number;
  /** Threshold on the negative side (Huber only; log-cosh uses tauPlus). */
  tauMinus: number;
}

/** N steps of gradient descent with step 1/L from x₀ on f = Σᵢ cᵢ φᵢ(xᵢ), whose minimiser is x* = 0, f* = 0. */
export interface GdInstance {
  /** The smoothness constant the step uses. */
  L: number;
  /** Number of steps. */
  N: number;
  /** Starting point. */
  x0: Float64Array;
  /** One term per coordinate. */
  terms: Term[];
}

/** What each checked instance keeps for the plot. */
export interface GdData {
  /** Steps. */
  N: number;
  /** The conclusion's tightness. */
  tightness: number;
  /** The families of the terms, e.g. "huber" or "huber+quadratic". */
  families: string;
}

// ── 2. The function and the method ────────────────────────────────────────────────────────────────────

/** φ(t). */
export function phi(term: Term, t: number): number {
  if (term.family === "quadratic") return t * t / 2;
  if (term.family === "huber") {
    const tau = t >= 0 ? term.tauPlus : term.tauMinus;
    return Math.abs(t) <= tau ? t * t / 2 : tau * Math.abs(t) - tau * tau / 2;
  }
  const s = Math.abs(t) / term.tauPlus; // τ² log cosh(t/τ), without overflow for large |t|/τ
  return term.tauPlus * term.tauPlus * (s < 1 ? Math.log(Math.cosh(s)) : s + Math.log1p(Math.exp(-2 * s)) - Math.LN2);
}

/** φ′(t): |φ′(t)| ≤ |t| for every family. */
export function phiPrime(term: Term, t: number): number {
  if (term.family === "quadratic") return t;
  if (term.family === "huber") return Math.min(term.tauPlus, Math.max(-term.tauMinus, t));
  return term.tauPlus * Math.tanh(t / term.tauPlus);
}

/**
 * Runs the N steps in float64 and bounds, per step, how far a computed step lands from the exact GD map
 * T(x) = x − ∇f(x)/L applied to the computed point: |δᵢ| ≤ 8u(|x̂ᵢ| + |ŝᵢ| + |x̂′ᵢ|), u = 2⁻⁵³ (the clamp is
 * exact; a product, a quotient and a difference are one rounding each; tanh is within one ulp). T is
 * nonexpansive (f convex, L-smooth, step 1/L), so the computed x̂_N is within Σ‖δ_k‖ of the exact x_N.
 */
export function descend(i: GdInstance): { xN: Float64Array; drift: number } {
  const x = Float64Array.from(i.x0);
  let drift = 0;
  for (let k = 0; k < i.N; k++) {
    let step = 0;
    for (let j = 0; j < x.length; j++) {
      const s = i.terms[j].c * phiPrime(i.terms[j], x[j]) / i.L;
      const next = x[j] - s;
      step += (8 * UNIT_ROUNDOFF * (Math.abs(x[j]) + Math.abs(s) + Math.abs(next))) ** 2;
      x[j] = next;
    }
    drift += Math.sqrt(step);
  }
  return { xN: x, drift };
}

/** A bound on |φ̂(t) − φ(t)| over u, the float evaluation's error (log cosh: log, cosh, exp within an ulp). */
function phiMagnitude(term: Term, t: number): number {
  if (term.family === "quadratic") return t * t / 2;
  const tau = term.family === "huber" && t < 0 ? term.tauMinus : term.tauPlus;
  return term.family === "huber" ? tau * Math.abs(t) + tau * tau / 2 : tau * tau * (1 + Math.abs(t) / tau);
}

// ── 3. The generator ──────────────────────────────────────────────────────────────────────────────────

/** Coordinates drawn for every instance (the first d are used), so that changing d changes nothing else. */
const MAX_D = 4;
const FAMILIES: Family[] = ["quadratic", "huber", "logcosh"];

function logUniform(rng: Rng, lo: number, hi: number): number {
  return Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));
}

/** Draws an instance; every draw is made whatever the overrides, so an override changes only its own value. */
function generate(rng: Rng, params: Readonly<Record<string, number>>): GdInstance {
  const drawn = {
    N: rng.int(1, 20),
    d: rng.int(1, MAX_D),
    family: rng.int(0, 3), // 3: each coordinate its own family
    kappa: rng.double() < 0.5 ? 1 : rng.uniform(0.2, 1),
  };
  const L = logUniform(rng, 0.1, 10), scale = logUniform(rng, 0.1, 10);
  const coordinates = Array.from({ length: MAX_D }, () => ({
    x: rng.normal() * scale,
    family: rng.int(0, 2),
    c: rng.uniform(0.1, 1),
    tauExp: rng.uniform(-2, 0),
    asymmetry: logUniform(rng, 0.5, 2),
  }));
  const N = params.N ?? drawn.N, d = params.d ?? drawn.d, kappa = params.kappa ?? drawn.kappa;
  const family = params.family ?? drawn.family;
  const x0 = Float64Array.from(coordinates.slice(0, d), (c) => c.x);
  const terms = coordinates.slice(0, d).map((c, j): Term => {
    // The threshold on x₀'s side is 10^tauExp·|x₀ⱼ|; the other side's differs by the asymmetry.
    const near = 10 ** (params.tauExp ?? c.tauExp) * Math.max(Math.abs(c.x), 1e-300);
    const far = near * c.asymmetry;
    return {
      family: FAMILIES[family === 3 ? c.family : family],
      // Drawn: the first curvature is κL, the others below it; κ set: all are κL (the worst case needs cᵢ = L).
      c: (j === 0 || params.kappa !== undefined ? kappa : c.c * kappa) * L,
      tauPlus: c.x >= 0 ? near : far,
      tauMinus: c.x >= 0 ? far : near,
    };
  });
  return { L, N, x0, terms };
}

// ── 4. The claim ──────────────────────────────────────────────────────────────────────────────────────

/** The options of the claim: the bound's denominator, to build near-miss mutants (the theorem: 4N + 2). */
export interface GdOptions {
  /** The denominator of L‖x₀ − x*‖²/(…) as a function of N. */
  denominator?: (N: number) => number;
}

/**
 * `gd-drori-teboulle`: f(x_N) − f* ≤ L‖x₀ − x*‖²/(4N + 2) for N steps of GD with step 1/L on an L-smooth
 * convex f (`denominator` replaces 4N + 2, for the near-miss test).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runClaim } from "../mod.ts";
 * import { gradientDescentBound } from "./gradient_descent.ts";
 * const { result } = await runClaim(gradientDescentBound(), { seed: 1, budget: "test" });
 * assert.equal(result.status, "verified");
 * ```
 */
export function gradientDescentBound(options: GdOptions = {}): Claim {
  const denominator = options.denominator ?? ((N: number) => 4 * N + 2);
  return defineClaim<GdInstance, GdData>({
    id: "gd-drori-teboulle",
    title: "Gradient descent with step 1/L on L-smooth convex f: f(x_N) − f* ≤ L‖x₀ − x*‖²/(4N + 2), attained",
    kind: "exact",
    source: {
      document: "Drori and Teboulle (2014), Math. Program. 145:451–482",
      where: "Theorem 3.1 (h = 1), attained by a Huber function; PEPit example gradient_descent",
    },
    statement: String.raw`Let $f:\mathbb{R}^d\to\mathbb{R}$ be convex and $L$-smooth with a minimiser $x^*$, and
$x_{k+1} = x_k - \frac{1}{L}\nabla f(x_k)$. Then $f(x_N) - f(x^*) \le \frac{L\|x_0 - x^*\|^2}{4N + 2}$, and the bound
is attained by $f(x) = L\tau|x| - L\tau^2/2$ for $|x| \ge \tau$, $Lx^2/2$ inside, with $\tau = |x_0|/(2N + 1)$.`,
    tightness:
      "f(x_N) − f* over L‖x₀ − x*‖²/(4N + 2): 1 means the bound is attained (the Huber function with τ = |x₀|/(2N + 1)), above 1 that it is violated",
    instances: { test: 1000, report: 10000 },
    generate: ({ rng, params = {} }) => generate(rng, params),
    describe: (i) =>
      `N = ${i.N}, d = ${i.x0.length}, L = ${i.L.toPrecision(4)}, terms ${
        i.terms.map((t) => `${t.family} c/L = ${(t.c / i.L).toPrecision(3)}`).join(", ")
      }`,
    hypotheses: [
      {
        statement: String.raw`$f$ is convex and $L$-smooth: $0 \preceq \nabla^2 f \preceq L I$`,
        certainty: "certified",
        method:
          "f = Σᵢ cᵢφᵢ(xᵢ) with each φ convex and 1-smooth (quadratic, Huber, τ² log cosh(t/τ): 0 ≤ φ″ ≤ 1, proven), so ∇²f is diagonal with entries in [0, cᵢ]; cᵢ ≤ L is an exact float comparison",
        check: (i) => {
          const worst = Math.max(...i.terms.map((t) => t.c));
          return {
            holds: i.terms.every((t) => t.c > 0 && Number.isFinite(t.c)) && worst <= i.L,
            value: `max cᵢ/L = ${(worst / i.L).toPrecision(6)}`,
          };
        },
      },
      {
        statement: String.raw`$x^* = 0$ minimises $f$, $f^* = 0$`,
        certainty: "certified",
        method: "each φ ≥ 0 = φ(0) with positive thresholds (exact comparisons); hence ‖x₀ − x*‖ = ‖x₀‖",
        check: (i) => ({
          holds: i.terms.every((t) => t.family === "quadratic" || (t.tauPlus > 0 && t.tauMinus > 0)),
          value: `thresholds ${
            i.terms.map((t) => t.family === "quadratic" ? "—" : t.tauPlus.toPrecision(3)).join(", ")
          }`,
        }),
      },
    ],
    conclusion: {
      statement: String.raw`$f(x_N) - f^* \le L\|x_0 - x^*\|^2/(4N + 2)$, the computed $f(\hat x_N)$ held to the
bound plus a stated rounding budget (float iterates, evaluation of $f$, of $\|x_0\|^2$ and of the bound)`,
      check(i) {
        const { xN, drift } = descend(i);
        const u = UNIT_ROUNDOFF, d = i.x0.length;
        let f = 0, magnitude = 0, r2 = 0, xNorm2 = 0;
        for (let j = 0; j < d; j++) {
          f += i.terms[j].c * phi(i.terms[j], xN[j]);
          magnitude += i.terms[j].c * phiMagnitude(i.terms[j], xN[j]);
          r2 += i.x0[j] * i.x0[j];
          xNorm2 += xN[j] * xN[j];
        }
        const bound = i.L * r2 / denominator(i.N);
        // |f(x_N) − f(x̂_N)| ≤ ‖∇f(x̂_N)‖e + Le²/2 with ‖∇f‖ ≤ max cᵢ‖x̂_N‖ (|φ′(t)| ≤ |t|) and e the drift;
        // then f's evaluation and the bound's; doubled for the rounding of the budget itself.
        const cMax = Math.max(...i.terms.map((t) => t.c));
        const budget = 2 *
          (cMax * Math.sqrt(xNorm2) * drift + cMax * drift * drift / 2 + (8 + 2 * d) * u * magnitude +
            (d + 3) * u * bound);
        const finite = [f, bound, budget].every(Number.isFinite);
        const holds = finite && f <= bound + budget;
        const tightness = ratio(f, bound);
        const e = (x: number) => x.toExponential(6);
        return {
          holds,
          observed: f,
          bound,
          tightness,
          detail: `f(x_N) − f* = ${e(f)} ${holds ? "≤" : ">"} L‖x₀‖²/${denominator(i.N)} = ${e(bound)} (rounding ${
            budget.toExponential(1)
          })`,
          data: { N: i.N, tightness, families: [...new Set(i.terms.map((t) => t.family))].sort().join("+") },
        };
      },
    },
    plots(records) {
      const values = withData(records).filter(({ data }) => Number.isFinite(data.tightness))
        .map(({ data: { N, tightness, families } }) => ({ N, tightness, families }));
      return [chart({
        name: "tightness",
        title: "f(x_N) − f* over L‖x₀ − x*‖²/(4N + 2) against N (1 = attained)",
        values,
        mark: { type: "point", filled: true, opacity: 0.5 },
        encoding: {
          x: quantitative("N", { title: "steps N" }),
          y: quantitative("tightness", { title: "tightness" }),
          color: nominal("families"),
        },
      })];
    },
    parameters: {
      N: { type: "integer", min: 1, max: 20, help: "number of GD steps" },
      d: { type: "integer", min: 1, max: MAX_D, help: "dimension" },
      family: { type: "integer", min: 0, max: 3, help: "0 quadratic, 1 Huber, 2 log-cosh, 3 one per coordinate" },
      kappa: { type: "number", min: 0.1, max: 3, help: "cᵢ/L, the terms' curvature over L (above 1: not L-smooth)" },
      tauExp: { type: "number", min: -2.5, max: 0, help: "log₁₀ of the thresholds over |x₀ᵢ|" },
    },
    searchBudget: {
      evaluations: 1000,
      why:
        "an instance is at most 20 steps in at most 4 dimensions (microseconds): the climb over five parameters needs far more than 40 evaluations to reach the Huber worst case, and 1000 take about a second",
    },
    scenarios: [{
      name: "curvature-above-L",
      breaks:
        "$L$-smoothness: a quadratic of curvature $2.5L$, stepped with $1/L$ (each step overshoots by $1.5\\times$)",
      params: { kappa: 2.5, family: 0 },
    }],
    nearMiss: {
      mutant: "the bound L‖x₀ − x*‖²/(4N + 4) in place of L‖x₀ − x*‖²/(4N + 2)",
      caughtBy: '`examples/gradient_descent_test.ts`, "gd-drori-teboulle catches 4N + 4 in place of 4N + 2"',
    },
  });
}

/** The claims of this module, for `--claims examples/gradient_descent.ts`. */
export const claims: Claim[] = [gradientDescentBound()];
