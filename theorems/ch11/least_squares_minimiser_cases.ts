/**
 * Chapter 11, §11.1, the paragraph before (11.1.3): for f(w) = ‖Aw − y‖² (11.1.2), if A is invertible
 * then f has the unique minimiser A⁻¹y; if rank(A) = d then f is strongly convex with a unique
 * minimiser; if rank(A) < d then ker A ≠ {0} and f has infinitely many minimisers.
 *
 * Everything is decided in exact rational arithmetic (numerics/rational_linalg.ts): A = BC with B, C of
 * small dyadic entries, so that its rank is set on purpose and known exactly. The case of each instance
 * is read off the exact rank. Unique minimiser: a positive definite Hessian 2AᵀA certified by Sylvester's
 * criterion (and the rational strong-convexity modulus μ = det(AᵀA)/tr(AᵀA)^{d−1} ≤ λ_min(AᵀA),
 * certified the same way on AᵀA − (μ/2)I), the
 * normal equations solved exactly, and f(v) − f(w*) = ‖A(v − w*)‖² checked at probes. Infinitely many:
 * a kernel vector k ≠ 0 with Ak = 0, and f(w* + tk) = f(w*) for every t because both coefficients of
 * that quadratic in t vanish exactly; two distinct minimisers are exhibited.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { ExactChecks } from "../../engine/verdicts/exact_checks.ts";
import { Q0, qAdd, qCmp, qDet, qDiv, qDot, qEq, qFromNumber, qInverse } from "../../numerics/rational_linalg.ts";
import { qMatMul, type QMatrix, qMatVec, qMul, qNullspace, qPositiveDefinite } from "../../numerics/rational_linalg.ts";
import { qPow, qRank, qSolve, qSub, qTranspose, type QVector } from "../../numerics/rational_linalg.ts";
import { type Rational, ratToNumber } from "../../numerics/rational.ts";
import type { Rng } from "../../numerics/random.ts";

const SOURCE = "004_9692536818598e94.txt";

/** An instance: A = BC (exactly), y, probes. */
export interface CasesInstance {
  /** The shape family it was drawn from. */
  family: string;
  /** A ∈ ℚ^{m×d}. */
  a: QMatrix;
  /** Rows m and columns d. */
  m: number;
  /** Columns d. */
  d: number;
  /** y ∈ ℚ^m. */
  y: QVector;
  /** Probe points v ∈ ℚ^d. */
  probes: QVector[];
}

/** Which of the source's cases an A is in, and so how many minimisers the theory predicts. */
export type MinimiserTheory = (rank: number, m: number, d: number) => "unique" | "infinitely many";

/** The theory printed: a unique minimiser when rank(A) = d, infinitely many when rank(A) < d. */
export const printedTheory: MinimiserTheory = (rank, _m, d) => (rank === d ? "unique" : "infinitely many");

/** A double drawn from N(0, 1) rounded to a multiple of 1/8: exact and short in rational arithmetic. */
function eighth(rng: Rng): number {
  return Math.round(8 * rng.normal()) / 8;
}

const FAMILIES = ["invertible (m = d)", "full column rank (m > d)", "rank-deficient (m ≥ d)", "m < d"];

function generate(rng: Rng, index: number, params: Readonly<Record<string, number>> = {}): CasesInstance {
  const family = params.family ?? index % 4;
  let m: number, d: number, r: number;
  switch (family) {
    case 0:
      d = rng.int(1, 5), m = d, r = d;
      break;
    case 1:
      d = rng.int(1, 5), m = d + rng.int(1, 3), r = d;
      break;
    case 2:
      d = rng.int(2, 6), m = d + rng.int(0, 2), r = rng.int(1, d - 1);
      break;
    default:
      m = rng.int(1, 4), d = m + rng.int(1, 3), r = m;
  }
  m = params.m ?? m, d = params.d ?? d, r = Math.min(params.rank ?? r, m, d);
  const b = Array.from({ length: m }, () => Array.from({ length: r }, () => qFromNumber(eighth(rng))));
  const c = Array.from({ length: r }, () => Array.from({ length: d }, () => qFromNumber(eighth(rng))));
  const a = r === 0 ? Array.from({ length: m }, () => Array.from({ length: d }, () => Q0)) : qMatMul(b, c);
  const y = Array.from({ length: m }, () => qFromNumber(eighth(rng)));
  const probes = Array.from({ length: 3 }, () => Array.from({ length: d }, () => qFromNumber(eighth(rng))));
  return { family: FAMILIES[family] ?? `family ${family}`, a, m, d, y, probes };
}

/** f(w) = ‖Aw − y‖², exactly. */
function loss(i: CasesInstance, w: QVector): Rational {
  const r = qSub2(qMatVec(i.a, w), i.y);
  return qDot(r, r);
}

function qSub2(a: QVector, b: QVector): QVector {
  return a.map((v, k) => qSub(v, b[k]));
}

/**
 * `sec-11.1`: the three cases of §11.1 before (11.1.3): A invertible ⇒ unique minimiser A⁻¹y;
 * rank(A) = d ⇒ f strongly convex, unique minimiser; rank(A) < d ⇒ infinitely many minimisers. The
 * case rule is a parameter, so that a wrong one can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { leastSquaresMinimiserCases } from "./least_squares_minimiser_cases.ts";
 * assert.equal(leastSquaresMinimiserCases().id, "sec-11.1");
 * ```
 */
export function leastSquaresMinimiserCases(theory: MinimiserTheory = printedTheory): Claim {
  return defineClaim<CasesInstance>({
    id: "sec-11.1",
    title: "Least squares: one minimiser or infinitely many, by the rank of A",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 11, §11.1, after Remark 11.1, before (11.1.3)" },
    statement: String
      .raw`If $A$ is invertible, then $f$ has a unique minimizer given by $w_* = A^{-1}y$. If $\operatorname{rank}(A) = d$,
then $f$ is strongly convex by Exercise 10.34, and there still exists a unique minimizer. If however $\operatorname{rank}(A) < d$,
then $\ker(A) \neq \{0\}$ and there exist infinitely many minimizers of $f$. (Here $f(w) = \|Aw - y\|^2$ (11.1.2),
$A \in \mathbb R^{m\times d}$, $y \in \mathbb R^m$ (11.1.1).)`,
    tightness:
      "exact checks (identities and sign conditions in rational arithmetic): 0 when all hold, ∞ when one fails",
    instances: { test: 24, report: 240 },
    generate: ({ rng, index, params }) => generate(rng, index, params),
    describe: (i) => `A ${i.m}×${i.d}, ${i.family}, rank ${qRank(i.a, i.d)}`,
    hypotheses: [{
      statement: String.raw`$A \in \mathbb R^{m\times d}$, $y \in \mathbb R^m$ as in (11.1.1), any shape and rank`,
      certainty: "certified",
      method: "shapes checked; entries are exact rationals (the generator throws on a non-finite draw)",
      check: (i) => ({
        holds: i.a.length === i.m && i.a.every((row) => row.length === i.d) && i.y.length === i.m,
        value: `m = ${i.m}, d = ${i.d}`,
      }),
    }],
    conclusion: {
      statement: String
        .raw`By the exact rank of $A$: **invertible** ($m = d = \operatorname{rank} A$): $A^{-1}$ exists, $AA^{-1}y = y$,
so $f(A^{-1}y) = 0 = \min f$, and it is the only minimiser (below). **Unique** (the rule's prediction; printed: $\operatorname{rank} A = d$):
$\nabla^2 f = 2A^\top A$ is positive definite (Sylvester), $A^\top A - \tfrac\mu2 I \succ 0$ for the rational
$\mu = \det(A^\top A)/\operatorname{tr}(A^\top A)^{d-1} > 0$ (so $f$ is $\mu$-strongly convex, exactly), $w_*$ solves $A^\top A w_* = A^\top y$, and at each probe
$f(v) - f(w_*) = \|A(v - w_*)\|^2 > 0$. **Infinitely many** (printed: $\operatorname{rank} A < d$): a $k \ne 0$ with $Ak = 0$, $w_*$
solving the normal equations (so $f(v) - f(w_*) = \|A(v-w_*)\|^2 \ge 0$ at each probe), and
$f(w_* + tk) = f(w_*) + 2t\,k^\top A^\top(Aw_* - y) + t^2\|Ak\|^2$ with both coefficients $0$: every $w_* + tk$ is a
minimiser; $w_*$ and $w_* + k$ are two distinct ones with equal $f$.`,
      check(i) {
        const { a, y, d } = i;
        const rank = qRank(a, d);
        const at = qTranspose(a, d), ata = qMatMul(at, a), aty = qMatVec(at, y);
        const c = new ExactChecks();
        const wStar = qSolve(ata, aty, d);
        c.add("the normal equations AᵀAw = Aᵀy are consistent", wStar !== null);
        if (wStar === null) return c.result(`rank ${rank}: `);
        const fStar = loss(i, wStar);
        // Global minimality of w*: f(v) − f(w*) = ‖A(v − w*)‖² ≥ 0 (exact at each probe).
        i.probes.forEach((v, p) => {
          const az = qMatVec(a, qSub2(v, wStar));
          c.add(`f(v${p}) − f(w*) = ‖A(v${p} − w*)‖²`, qEq(qSub(loss(i, v), fStar), qDot(az, az)));
        });
        if (i.m === d && rank === d) {
          const inv = qInverse(a);
          c.add("A⁻¹ exists", inv !== null);
          if (inv) {
            const w = qMatVec(inv, y);
            c.add("A(A⁻¹y) = y", qMatVec(a, w).every((v, k) => qEq(v, y[k])));
            c.add("A⁻¹y is the minimiser w* of the normal equations", w.every((v, k) => qEq(v, wStar[k])));
          }
        }
        const predicted = theory(rank, i.m, d);
        const kernel = qNullspace(a, d);
        let modulus = "";
        if (predicted === "unique") {
          c.add("∇²f = 2AᵀA positive definite (all leading minors > 0)", qPositiveDefinite(ata));
          // A rational strong-convexity modulus, exactly: λ_min(S) ≥ det S / tr(S)^{d−1} =: μ for S = AᵀA ≻ 0
          // (λ_max ≤ tr S), and S − (μ/2)I ≻ 0 is certified by Sylvester, so ∇²f = 2S ⪰ μI.
          const trace = ata.reduce((acc, row, r) => qAdd(acc, row[r]), Q0);
          const mu = qCmp(trace, Q0) > 0 ? qDiv(qDet(ata), qPow(trace, d - 1)) : Q0;
          const half = qDiv(mu, qFromNumber(2));
          const shifted = ata.map((row, r) => row.map((v, s) => (r === s ? qSub(v, half) : v)));
          const certified = qCmp(half, Q0) > 0 && qPositiveDefinite(shifted);
          c.add("AᵀA − (μ/2)I ≻ 0 for μ = det(AᵀA)/tr(AᵀA)^{d−1} > 0 (f is μ-strongly convex)", certified);
          modulus = certified ? `, μ = ${ratToNumber(mu).toPrecision(3)}` : "";
          c.add("ker A = {0}", kernel.length === 0);
          i.probes.forEach((v, p) => {
            if (v.every((x, k) => qEq(x, wStar[k]))) return;
            const az = qMatVec(a, qSub2(v, wStar));
            c.add(`f(v${p}) > f(w*)`, qCmp(qDot(az, az), Q0) > 0);
          });
        } else {
          c.add("ker A ≠ {0}", kernel.length > 0);
          if (kernel.length > 0) {
            const k = kernel[0], ak = qMatVec(a, k);
            const linear = qMul(qFromNumber(2), qDot(ak, qSub2(qMatVec(a, wStar), y)));
            c.add("Ak = 0, k ≠ 0", ak.every((v) => qEq(v, Q0)) && k.some((v) => !qEq(v, Q0)));
            c.add("2kᵀAᵀ(Aw* − y) = 0 (linear coefficient)", qEq(linear, Q0));
            c.add("‖Ak‖² = 0 (quadratic coefficient)", qEq(qDot(ak, ak), Q0));
            const w2 = wStar.map((v, j) => qAdd(v, k[j]));
            c.add(
              "w* + k ≠ w* and f(w* + k) = f(w*)",
              !w2.every((v, j) => qEq(v, wStar[j])) && qEq(loss(i, w2), fStar),
            );
          }
        }
        return c.result(
          `rank ${rank}, predicted ${predicted}, dim ker A = ${kernel.length}, min f = ${
            ratToNumber(fStar).toPrecision(4)
          }${modulus}: `,
        );
      },
    },
    parameters: {
      family: { type: "integer", min: 0, max: 3, help: FAMILIES.map((f, k) => `${k}: ${f}`).join(", ") },
      m: { type: "integer", min: 1, max: 12, help: "rows of A (data points)" },
      d: { type: "integer", min: 1, max: 12, help: "columns of A (dimension)" },
      rank: { type: "integer", min: 0, max: 12, help: "inner size of A = BC (an upper bound on its rank)" },
    },
    unbreakable:
      "the three statements need no hypothesis beyond A ∈ ℝ^{m×d}, y ∈ ℝ^m and together cover every shape and rank (each case is sampled: invertible, full column rank with m > d, rank-deficient with m ≥ d, and m < d); `--rank 0` gives A = 0.",
    nearMiss: {
      mutant:
        "the case rule 'unique minimiser iff A has full rank, rank(A) = min(m, d)' (full row rank taken for full column rank)",
      caughtBy:
        '`least_squares_minimiser_cases_test.ts`, "sec-11.1 catches the near miss: unique iff rank(A) = min(m, d)"',
    },
  });
}
