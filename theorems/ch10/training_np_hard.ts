/**
 * `thm-10.3` (Chapter 10, §10.4, Theorem 10.3 and its proof): optimisation is NP-hard, through the reduction from
 * SUBSET-SUM. YES instances: an exact zero of L; NO instances: a proven, exactly evaluated lower
 * bound min L ≥ ε > 0 that local optimisers never undercut.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim, ConclusionCheck, InstanceRecord } from "../../engine/claim.ts";
import { chart, nominal, ordinal, quantitative } from "../../engine/plots/chart.ts";
import { withData } from "../../engine/records.ts";
import { branchAndBound, gapLowerBound, indicator, type LowerBound, ORACLE_MAX_N } from "../../models/subset_sum.ts";
import { solveSubsetSum, type SubsetSum, SubsetSumLoss } from "../../models/subset_sum.ts";
import { type ReductionInstance, reductionInstance } from "../../models/subset_sum_instances.ts";
import { localMinimize } from "../../numerics/optimize.ts";
import { median } from "../../numerics/stats.ts";
import { nextUp } from "../../numerics/interval.ts";
import { commonDyadic, ratAtLeast, type Rational, ratToNumber } from "../../numerics/rational.ts";

const SOURCE = "001_77e89cd23d3b82cd.txt";

/** What every instance keeps: its size and the cost of the oracle and the first certificate. */
interface OracleData {
  /** Number of aᵢ. */
  n: number;
  /** Wall-clock time of the oracle and the certificate (YES: exact L(𝟙_C); NO: g²/(1 + 4‖a‖²)). */
  certificateMs: number;
  /** Subsets the oracle enumerated. */
  enumerated: number;
}

/** What a YES instance keeps. */
export interface YesData extends OracleData {
  /** The oracle's answer. */
  answer: "YES";
}

/** What a NO instance keeps: both certificates, the lowest loss found and the branch and bound's cost. */
export interface NoData extends OracleData {
  /** The oracle's answer. */
  answer: "NO";
  /** The analytic certificate ε = g²/(1 + 4‖a‖²). */
  eps: number;
  /** The interval branch and bound's certified lower bound (0 when not run). */
  bb: number;
  /** Boxes the branch and bound split (0 when not run). */
  boxes: number;
  /** U: the lowest exactly evaluated L the local optimisers found. */
  best: number;
  /** Wall-clock time of the branch and bound. */
  bbMs: number;
}

/** What each instance keeps for the aggregate and the plot. */
export type ReductionData = YesData | NoData;

/**
 * Largest n for which the interval branch and bound runs (it starts from 2ⁿ boxes).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { BRANCH_AND_BOUND_MAX_N } from "./training_np_hard.ts";
 * assert.equal(BRANCH_AND_BOUND_MAX_N, 6);
 * ```
 */
export const BRANCH_AND_BOUND_MAX_N = 6;

function describe(i: ReductionInstance): string {
  const { a, t } = i.problem;
  const shown = a.length <= 6 ? `a = [${a.join(", ")}]` : `a = [${a.slice(0, 4).join(", ")}, …] (n = ${a.length})`;
  return `${i.family}: ${shown}, t = ${t}`;
}

/** A bound for the detail line: 0, or three significant digits in exponent form. */
function formatBound(x: number): string {
  return x === 0 ? "0" : x.toExponential(3);
}

/**
 * `thm-10.3`: SUBSET-SUM reduces to deciding min L = 0. The lower bound used for NO instances is
 * a parameter, so that a bound that is not a bound can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingNpHard } from "./training_np_hard.ts";
 * assert.equal(trainingNpHard().id, "thm-10.3");
 * ```
 */
export function trainingNpHard(
  lowerBound: LowerBound = gapLowerBound,
  makeLoss = (p: SubsetSum) => new SubsetSumLoss(p),
  intervalBound: typeof branchAndBound = branchAndBound,
): Claim {
  return defineClaim<ReductionInstance, ReductionData>({
    id: "thm-10.3",
    title: "Optimisation is NP-hard: the SUBSET-SUM reduction",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 10, §10.4, Theorem 10.3 and its proof" },
    statement: String
      .raw`**Theorem 10.3.** Given a function $\mathcal L: \mathbb R^d \to \mathbb R$ and $\ell \in \mathbb R$, it is
NP-hard to decide whether $\ell = \min_w \mathcal L(w)$. *Proof.* Given $(\{a_0, \dots, a_{n-1}\}, t)$ with
$a_i, t \in \mathbb N$, $\mathcal L: \mathbb R^n \to \mathbb R$,
$\mathcal L(w) = \left(\sum_{i \in [d]} w[i]a_i - t\right)^2 + \sum_{i \in [d]} (w[i](1 - w[i]))^2$, $\ell = 0$. If some
$C \subseteq [n]$ has $\sum_{i\in C} a_i = t$ then $\mathcal L(\mathbb I[0\in C], \dots, \mathbb I[n-1\in C]) = 0$. Otherwise
$\mathcal L(w) > 0$ for all $w$. (Read $[d]$ as $[n] = \{0, \dots, n-1\}$: $\mathcal L$ is defined on $\mathbb R^n$.)`,
    tightness:
      "NO instances: the stronger certified lower bound (analytic or branch and bound) over U, the lowest exactly evaluated L found by the local optimisers (an upper bound on min L), so min L ∈ [tightness·U, U]; YES instances: L(𝟙_C) = 0 exactly (tightness 0)",
    instances: { test: 25, report: 70 },
    generate: ({ rng, index, budget, params }) => reductionInstance(rng, index, budget, params),
    describe,
    hypotheses: [
      {
        statement: String.raw`$a_0, \dots, a_{n-1}, t \in \mathbb N$`,
        certainty: "certified",
        method: "Number.isSafeInteger and ≥ 0 on every aᵢ and t, and Σaᵢ < 2^53 so that the oracle's sums are exact",
        check: ({ problem: { a, t } }) => {
          const total = a.reduce((x, y) => x + y, 0);
          const ok = a.every((v) => Number.isSafeInteger(v) && v >= 0) && Number.isSafeInteger(t) && t >= 0 &&
            Number.isSafeInteger(total);
          return { holds: ok, value: `n = ${a.length}, Σa = ${total}, t = ${t}` };
        },
      },
      {
        statement: "the optimisers' starting points are finite (part of the generated instance)",
        certainty: "certified",
        method: "Number.isFinite on every coordinate",
        check: (i) => ({
          holds: i.starts.every((w) => w.every(Number.isFinite)),
          value: `${i.starts.length} starts`,
        }),
      },
      {
        statement: `$n \\le ${ORACLE_MAX_N}$ (the brute-force oracle's range; not a hypothesis of the theorem)`,
        certainty: "certified",
        method: "n compared exactly",
        check: ({ problem: { a } }) => ({ holds: a.length <= ORACLE_MAX_N, value: `n = ${a.length}` }),
      },
    ],
    conclusion: {
      statement: String
        .raw`The brute-force oracle (all $2^n$ subsets) decides the instance. YES: $\mathcal L(\mathbb 1_C) = 0$
in exact rational arithmetic, so $\min \mathcal L = 0$ ($\mathcal L \ge 0$). NO: with $g = \min_C |\sum_{i\in C} a_i - t| \ge 1$,
the proven bound $\min \mathcal L \ge \varepsilon = g^2/(1 + 4\|a\|^2) > 0$ (proof in \`models/subset_sum.ts\`); for $n \le 6$ also an
interval branch and bound with outward rounding over the $2^n$ boxes that must contain every minimiser gives a certified
bound $0 < \varepsilon_{BB} \le U$; and Levenberg–Marquardt runs from the closest vertex $\mathbb 1_C$ and from random starts
never reach a point below either certificate, $\mathcal L$ evaluated exactly at the float64 points they return.`,
      check(i): ConclusionCheck<ReductionData> {
        const loss = makeLoss(i.problem);
        const start = performance.now();
        const answer = solveSubsetSum(i.problem);
        const n = i.problem.a.length;
        if (answer.subset !== null) {
          const value = loss.exact(indicator(n, answer.subset));
          const zero = value.num === 0n;
          return {
            holds: zero && answer.gap === 0,
            observed: ratToNumber(value),
            bound: 0,
            tightness: 0,
            detail: `YES: C = {${answer.subset.join(", ")}}, L(𝟙_C) = ${value.num}/${value.den} exactly`,
            data: { answer: "YES", n, certificateMs: performance.now() - start, enumerated: answer.enumerated },
          };
        }
        const eps: Rational = lowerBound(i.problem, answer.gap);
        const certificateMs = performance.now() - start;
        // Local optimisers: from the vertex of the closest subset and from random starts.
        const closest = indicator(n, answer.closest);
        const values: Rational[] = [];
        let best: Rational | null = null, bestW: Float64Array | null = null;
        for (const w0 of [closest, ...i.starts]) {
          const { w } = localMinimize(loss, w0, 80);
          const value = loss.exact(w);
          values.push(value);
          if (best === null || !ratAtLeast(value, best)) [best, bestW] = [value, w];
        }
        const bestNum = ratToNumber(best!);
        // Second certificate: interval branch and bound over the region that must contain every
        // minimiser (from the upper bound U = L(best point), rounded up), target U/2.
        let boxes = 0, bb = 0, bbMs = 0, bbReached = true;
        if (n <= BRANCH_AND_BOUND_MAX_N) {
          const t0 = performance.now();
          const upper = nextUp(nextUp(bestNum));
          const r = intervalBound(i.problem, upper, upper / 2, i.boxBudget);
          [boxes, bb, bbReached, bbMs] = [r.boxes, r.lowerBound, r.reachedTarget, performance.now() - t0];
        }
        const bbRational: Rational = bb > 0
          ? (({ nums: [p], shift }) => ({ num: p, den: 1n << BigInt(shift) }))(commonDyadic([bb]))
          : { num: 0n, den: 1n };
        const strongest = ratAtLeast(bbRational, eps) ? bbRational : eps;
        const undercut = values.filter((v) => !ratAtLeast(v, strongest)).length;
        const epsNum = ratToNumber(eps), strongestNum = ratToNumber(strongest);
        const positive = eps.num > 0n && eps.den > 0n;
        const bbOk = n > BRANCH_AND_BOUND_MAX_N || (bb > 0 && bb <= nextUp(nextUp(bestNum)));
        return {
          holds: positive && undercut === 0 && answer.gap >= 1 && bbOk,
          observed: strongestNum,
          bound: bestNum,
          tightness: strongestNum / bestNum,
          detail: `NO: gap g = ${answer.gap}, analytic certificate ε = ${formatBound(epsNum)} (${eps.num}/${eps.den})${
            n <= BRANCH_AND_BOUND_MAX_N
              ? `, interval branch and bound ${formatBound(bb)} (${boxes} boxes${
                bbReached ? ", target U/2 reached" : ", box budget exhausted"
              })`
              : ""
          }; lowest L found by ${i.starts.length + 1} local runs U = ${formatBound(bestNum)} at w = [${
            Array.from(bestW!.slice(0, 4), (v) => v.toPrecision(6)).join(", ")
          }${n > 4 ? ", …" : ""}]; ${undercut} runs below the certificates`,
          data: {
            answer: "NO",
            n,
            eps: epsNum,
            bb,
            boxes,
            best: bestNum,
            certificateMs,
            bbMs,
            enumerated: answer.enumerated,
          },
        };
      },
    },
    aggregate(records) {
      const done = withData(records).filter(({ record }) => record.met);
      const yes = done.flatMap(({ record, data }) => (data.answer === "YES" ? [{ record, data }] : []));
      const no = done.flatMap(({ record, data }) => (data.answer === "NO" ? [{ record, data }] : []));
      const detail = (r: InstanceRecord<ReductionData>) => r.conclusion?.detail ?? "";
      const rows: [string, string][] = [[
        "the reduction",
        "(a, t) ↦ L(w) = (Σᵢ w[i]aᵢ − t)² + Σᵢ (w[i](1 − w[i]))², ℓ = 0. L ≥ 0 as a sum of squares, and L(w) = 0 iff every w[i] ∈ {0, 1} and Σ w[i]aᵢ = t, i.e. iff w is the indicator of a solution C. Deciding min L = 0 therefore decides SUBSET-SUM, and L has n variables and coefficients of the size of the input.",
      ], [
        "gap in the printed proof",
        "“Otherwise L(w) > 0 for all w” does not by itself give min L ≠ 0 (an infimum need not be attained). It is closed here quantitatively: min L ≥ g²/(1 + 4‖a‖²) ≥ 1/(1 + 4‖a‖²) for integer NO instances (and L is coercive, so the minimum exists). For a = [M, 3], t = 2 the minimum is below (M + 1)²/M⁴ ≈ 1/M² (w = (−1/M, 1)): a local optimiser's small value proves nothing, the certificate does.",
      ]];
      if (yes[0]) {
        const { record } = yes[0];
        rows.push([`worked YES (instance ${record.index}: ${record.description})`, detail(record)]);
      }
      // The hardest near miss: the smallest certificate among the a = [M, 3], t = 2 instances.
      const nearMiss = no.filter(({ record }) => record.description.startsWith("near miss"))
        .sort((p, q) => p.data.eps - q.data.eps);
      const workedNo = (nearMiss[0] ?? no[0])?.record;
      if (workedNo) {
        rows.push([`worked NO (instance ${workedNo.index}: ${workedNo.description})`, detail(workedNo)]);
      }
      const maxN = Math.max(0, ...no.map(({ data }) => data.n));
      const withBoxes = no.filter(({ data }) => data.boxes > 0).map(({ data }) => data.boxes).sort((x, y) => x - y);
      rows.push([
        "certificate size",
        `analytic: one closed form g²/(1 + 4‖a‖²) in exact integers (O(n) BigInt operations) after the oracle's 2^n subset sums (n ≤ ${maxN} among NO instances, at most ${
          2 ** maxN
        } sums, one addition each in Gray-code order); interval branch and bound (n ≤ ${BRANCH_AND_BOUND_MAX_N}, target U/2): ${withBoxes.length} runs, median ${
          withBoxes[withBoxes.length >> 1] ?? 0
        } boxes, max ${withBoxes[withBoxes.length - 1] ?? 0} boxes`,
      ]);
      const bothSides = yes.length > 0 && no.length > 0;
      // Wall-clock times of the certificates (the oracle's enumeration included in the analytic one).
      const times = (ms: number[]) => ms.filter((t) => t > 0).sort((x, y) => x - y);
      const timingsMs: Record<string, number> = {};
      for (
        const [label, ts] of [
          ["YES certificate (oracle + exact L(𝟙_C))", times(yes.map(({ data }) => data.certificateMs))],
          ["NO analytic certificate (oracle + g²/(1 + 4‖a‖²))", times(no.map(({ data }) => data.certificateMs))],
          ["NO interval branch and bound", times(no.map(({ data }) => data.bbMs))],
        ] as const
      ) {
        if (ts.length === 0) continue;
        timingsMs[`${label}, median over ${ts.length}`] = median(ts);
        timingsMs[`${label}, max`] = ts[ts.length - 1];
      }
      return {
        holds: bothSides ? true : "inconclusive",
        summary:
          `${yes.length} YES instances (exact zero at the indicator vector) and ${no.length} NO instances (certified ε > 0, checked against local optimisers); both directions of the equivalence need at least one instance each`,
        rows,
        timingsMs,
      };
    },
    plots(records) {
      const values = withData(records).flatMap(({ record, data }) => {
        if (data.answer !== "NO") return [];
        const family = record.description.split(":")[0];
        return [
          { instance: record.index, family, which: "analytic certificate g²/(1 + 4‖a‖²)", value: data.eps },
          ...(data.boxes > 0
            ? [{ instance: record.index, family, which: "interval branch and bound", value: data.bb }]
            : []),
          { instance: record.index, family, which: "lowest L found (upper bound on min L)", value: data.best },
        ];
      });
      return [chart({
        name: "certificates",
        title:
          "NO instances: certified lower bounds on min L (analytic; branch and bound for n ≤ 6) against the lowest loss the local optimisers reached (log scale)",
        values,
        mark: { type: "point" },
        encoding: {
          x: ordinal("instance"),
          y: quantitative("value", { log: true }),
          color: nominal("which"),
          shape: nominal("family"),
        },
      })];
    },
    parameters: {
      family: {
        type: "integer",
        min: 0,
        max: 4,
        help:
          "0 random YES, 1 random target, 2 near miss [M, 3], t = 2, 3 even a with odd t, 4 large a with t = sum ± 1",
      },
      n: { type: "integer", min: 2, max: ORACLE_MAX_N, help: "number of aᵢ (families 0, 1, 3, 4)" },
      logM: { type: "integer", min: 1, max: 7, help: "M = 10^logM in the near miss a = [M, 3], t = 2 (family 2)" },
    },
    unbreakable:
      "The only hypothesis, aᵢ, t ∈ ℕ, defines SUBSET-SUM; it cannot be dropped without leaving the problem (the oracle refuses non-integers). The certificate uses it only through g ≥ 1: the bound min L ≥ g²/(1 + 4‖a‖²) holds for real data too, but g can then be arbitrarily small.",
    nearMiss: {
      mutant: "the certificate g²/(1 + ‖a‖²), the proof's constant 4 dropped",
      caughtBy:
        '`training_np_hard_test.ts`, "thm-10.3 catches the near miss g²/(1 + ‖a‖²): the certificate with the proof\'s constant 4 dropped"',
    },
    slips: [
      {
        where: "the proof of Theorem 10.3",
        printed: String.raw`a sum over $[d]$ for $\mathcal L$ on $\mathbb R^n$`,
        fix: String.raw`the sum runs over $[n]$`,
      },
      {
        where: "the proof of Theorem 10.3",
        printed: String.raw`$\mathcal L(w) > 0$ for all $w$ (for a NO instance)`,
        fix: String
          .raw`positivity everywhere does not by itself give $\min\mathcal L > 0$ (for $a = [M, 3]$, $t = 2$ the infimum is at most $(M+1)^2/M^4$, at $w = (-1/M, 1)$); the claim certifies the minimum instead`,
      },
    ],
  });
}
