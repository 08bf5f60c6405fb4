/**
 * `thm-11.23` — Chapter 11, §11.5.3, Theorem 11.23 and its proof via Theorem 11.13
 * (004_9692536818598e94.txt): GD with h < 2/((λ_min^LC + 4λ_max^LC)n) on a wide LeCun network (11.5.1)
 * stays within C/√n of w₀ and its loss decays geometrically. The printed rate 1 − hn/(2λ_min^LC) is a
 * typo for 1 − hnλ_min^LC/2 (erratum).
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { change, num, predicted } from "../../engine/words.ts";
import type { Claim } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM } from "../../engine/false_alarm.ts";
import { widthScatterPlot } from "../../engine/plots/width_scatter.ts";
import { widthSamples } from "../../engine/verdicts/width_decay_rate.ts";
import type { WideInstance } from "../../models/wide_lecun_sweep.ts";
import { trainWide, WIDE_SWEEP_FIELDS, wideData, wideDecayVerdict } from "../../models/wide_lecun_sweep.ts";
import { atMost } from "../../numerics/compare.ts";
import { EPS } from "../../numerics/linalg.ts";

/** What an instance keeps for the width fit of ‖w_k − w₀‖. */
export interface LazyDistanceData {
  /** Width n. */
  width: number;
  /** sup_k ‖w_k − w₀‖ / √f(w₀). */
  distance: number;
}

/** The loss rate of Theorem 11.23 under test: ρ such that f(w_k) ≤ C·ρ^{2k}. */
export type WideRate = (hn: number, lambdaMin: number) => number;

/**
 * As printed: 1 − hn/(2λ_min^LC).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { printedWideRate } from "./wide_network_gd.ts";
 * assert.equal(printedWideRate(0.5, 0.5), 0.5);
 * ```
 */
export const printedWideRate: WideRate = (hn, l) => 1 - hn / (2 * l);

/**
 * Corrected (Theorem 11.13 with λ_min = nλ_min^LC/2): 1 − hnλ_min^LC/2.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { correctedWideRate } from "./wide_network_gd.ts";
 * assert.equal(correctedWideRate(0.5, 0.5), 0.875);
 * ```
 */
export const correctedWideRate: WideRate = (hn, l) => 1 - (hn * l) / 2;

/** f(w_k) ≤ C·f(w₀)·ρ^{2k} at every step of GD, ρ = |rate(hn, λ_min^LC)|, C = `constant`. */
function checkLossRate(i: WideInstance, rate: WideRate, constant: number) {
  const d = wideData(), r = trainWide(i);
  const rho = Math.abs(rate(i.h * i.net.n, d.lambdaMin));
  const f0 = r.losses[0];
  let holds = true, worst = 0, detail = "", failure = "";
  r.losses.forEach((f, k) => {
    // Rounding floor of f: ‖E‖ computed to about 16(P + 2)ε·(|Φ| + |y|) per entry.
    const floor = (16 * (i.net.parameterCount + 2) * EPS * 3) ** 2;
    const bound = constant * f0 * rho ** (2 * k);
    const c = atMost(f, bound + floor);
    if (!c.ok && holds) {
      failure = `${predicted("≤", bound, f)} at step k = ${k}: ${
        f > f0 ? change("the loss", f0, f) : `the loss fell from ${num(f0)} only to ${num(f)}`
      }${rho >= 1 ? ": GD diverged" : ""} (the bound C·ρ²ᵏ with ρ = ${num(rho)}, C = ${num(constant)}·f(w₀))`;
      detail = `the loss ${f > f0 ? "rose" : "fell"} from f(w₀) = ${f0.toExponential(3)} ${
        f > f0 ? "" : "only "
      }to f = ${f.toExponential(3)} by step k = ${k}, above C·ρ^{2k} = ${bound.toExponential(3)} (ρ = ${
        rho.toFixed(4)
      })`;
    }
    holds &&= c.ok;
    // k = 0 is f(w₀) ≤ C·f(w₀), attained by definition when C = 1: it does not count towards the tightness. A
    // violation counts wherever it happens (its ratio is above 1).
    if (k > 0 && bound > 100 * floor) worst = Math.max(worst, f / bound);
    if (!c.ok) worst = Math.max(worst, Number.isNaN(f) ? Infinity : f / (bound + floor));
  });
  detail ||= `f(w_k) ≤ C·ρ^{2k} for all ${r.steps} steps, ρ = ${rho.toFixed(4)}, worst ratio ${
    worst.toExponential(2)
  }; sup‖w_k − w₀‖·√n = ${(r.maxDistance * Math.sqrt(i.net.n)).toFixed(4)}`;
  // Normalised by √f(w₀): the proof's r = 2√m·U·√f(w₀)/λ_min (11.4.3) is proportional to it, and it removes the
  // initial-error noise from the width fit.
  return {
    holds,
    observed: worst,
    bound: 1,
    tightness: worst,
    detail,
    ...(holds ? {} : { failure }),
    data: { width: i.net.n, distance: r.maxDistance / Math.sqrt(f0) },
  };
}

/**
 * `thm-11.23`: wide LeCun network, GD stays within C/√n of w₀ (fitted exponent over a width
 * sweep) and the loss decays geometrically. The printed rate (1 − hn/(2λ_min^LC)) is a typo for
 * (1 − hnλ_min^LC/2), the rate Theorem 11.13 gives with λ_min = nλ_min^LC/2 (erratum).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { wideNetworkGd } from "./wide_network_gd.ts";
 * assert.equal(wideNetworkGd().id, "thm-11.23");
 * ```
 */
export function wideNetworkGd(printed: WideRate = printedWideRate, corrected: WideRate = correctedWideRate): Claim {
  return defineClaim<WideInstance, LazyDistanceData>({
    id: "thm-11.23",
    title: "GD on a wide LeCun network: lazy parameters and geometric loss decay",
    kind: "exact",
    source: {
      document: "004_9692536818598e94.txt",
      where: "Chapter 11, §11.5.3, Theorem 11.23 (and its proof via Theorem 11.13)",
    },
    statement: String
      .raw`Fix $h < \frac{2}{\lambda^{LC}_{\min} + 4\lambda^{LC}_{\max}}\frac1n$ and $w_{k+1} = w_k - h\nabla f(w_k)$. Then for every $\delta > 0$
there exist $C > 0$, $n_0$ such that for all $n \ge n_0$ w.p. $\ge 1 - \delta$, for all $k$:
$\|w_k - w_0\| \le \frac{C}{\sqrt n}$ and $f(w_k) \le C\left(1 - \frac{hn}{2\lambda^{LC}_{\min}}\right)^{2k}$.`,
    tightness:
      "max over k ≥ 1 of f(w_k)/(C·ρ^{2k}) with the form's ρ and C (printed: C = 10¹²·f(w₀); corrected: C = f(w₀)); k = 0 is left out (f(w₀) ≤ C·f(w₀) holds by definition); above 1 where the bound is violated",
    instances: { test: 15, report: 30 },
    falseAlarm: CHECK_FALSE_ALARM,
    // The width sweep, its parameters, the step-size scenarios and the hypothesis, Assumption 11.18.
    ...WIDE_SWEEP_FIELDS,
    describe: (i) => `LeCun network, arctan, n = ${i.net.n}, m = 3, d = 3, h·n = ${(i.h * i.net.n).toFixed(4)}`,
    conclusion: {
      statement: String
        .raw`At every step until $f$ fell by 24 orders of magnitude: $f(w_k) \le C(1 - \frac{hn}{2\lambda^{LC}_{\min}})^{2k}$
with the generous $C = 10^{12} f(w_0)$ (the proof gives $C = f(w_0)$ on the event of Lemma 11.22); and over the width sweep
$\sup_k\|w_k - w_0\|/\sqrt{f(w_0)}$ decays at least like $n^{-1/2}$ (aggregate: fitted exponent, 99.96% CI reaching −1/2 or below).`,
      check: (i) => checkLossRate(i, printed, 1e12),
    },
    erratum: {
      printed: String.raw`$f(w_k) \le C\left(1 - \frac{hn}{2\lambda^{LC}_{\min}}\right)^{2k}$`,
      corrected: String
        .raw`$f(w_k) \le C\left(1 - \frac{hn\lambda^{LC}_{\min}}{2}\right)^{2k}$ (checked with $C = f(w_0)$)`,
      reasoning: String
        .raw`The proof applies Theorem 11.13 with $\lambda_{\min} = n\lambda^{LC}_{\min}/2$, whose conclusion (11.4.6b) reads
$f(w_k) \le (1 - h\lambda_{\min})^{2k}f(w_0) = (1 - hn\lambda^{LC}_{\min}/2)^{2k}f(w_0)$. The printed $\frac{hn}{2\lambda^{LC}_{\min}}$ has
$\lambda^{LC}_{\min}$ in the denominator: for $\lambda^{LC}_{\min} < 1/2$ it claims a faster decay than GD achieves along the
eigenvector of the smallest eigenvalue of the tangent kernel (about $1 - 2hn\lambda^{LC}_{\min}$ per step in $\|E\|$), so no constant $C$ can hold for all $k$.`,
      check: (i) => checkLossRate(i, corrected, 1),
    },
    aggregate: (records) => wideDecayVerdict(widthSamples(records, (d) => d.distance), "sup_k ‖w_k − w₀‖/√f(w₀)"),
    plots: (records) => [
      widthScatterPlot(
        widthSamples(records, (d) => d.distance),
        "distance",
        "sup over k of ‖w_k − w₀‖/√f(w₀) against n (slope −1/2 expected)",
      ),
    ],
    nearMiss: {
      mutant:
        "the corrected rate 1 − 2hnλ_min^LC (the linear rate of the limit kernel: nλ_min^LC in place of the band's nλ_min^LC/2, and the 2 of ∇f = 2∇EᵀE)",
      caughtBy:
        '`wide_network_gd_test.ts`, "thm-11.23 catches the near miss: the corrected rate 1 − 2hnλ_min"; caught on seeds 1–10 at the test budget (1 to 7 of 15 instances per seed; 10 of 30 at the report budget, seed 1), where λ_min(K̂ₙ)/n falls below λ_min^LC. The rate 1 − hnλ_min^LC (the printed constant ½ off by 2) is not caught: worst corrected tightness 0.59 at the report budget (0.75 for 1 − 1.5hnλ_min^LC, caught on 1 of 10 seeds at the test budget)',
    },
  });
}
