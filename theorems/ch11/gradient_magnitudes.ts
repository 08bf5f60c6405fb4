/**
 * Section 11.6 (Chapter 11, start of §11.6 and (11.6.3)): the gradient magnitudes per parameter group of
 * a two-layer network at initialisation. Printed: under LeCun ‖∇_UΦ‖, ‖∇_bΦ‖, ‖∇_cΦ‖ = O(1) and
 * ‖∇_vΦ‖ = O(n); under the NTK parametrisation every group O(1). Each is an upper bound, checked as one
 * (the fitted exponent's interval not wholly above it), with its sharpness measured: ‖∇_vΦ‖ grows like
 * n^{1/2}, so O(n) holds but is not sharp (verified, not an erratum).
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { flag } from "../../engine/flag.ts";
import { num } from "../../engine/words.ts";
import type { Claim, ConclusionCheck } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM, levelText } from "../../engine/false_alarm.ts";
import { bigOSharpness } from "../../engine/verdicts/log_log_fit.ts";
import { chart, nominal, quantitative } from "../../engine/plots/chart.ts";
import { withData } from "../../engine/records.ts";
import { softplus } from "../../models/activation.ts";
import { type Parametrisation, TwoLayerNetwork } from "../../models/two_layer.ts";
import { type Distribution, gaussian, uniformSqrt3 } from "../../numerics/random.ts";
import { linearFit } from "../../numerics/stats.ts";

const SOURCE = "004_9692536818598e94.txt";

/** The parameter groups of w = (U, b, v, c). */
const GROUPS = ["U", "b", "v", "c"] as const;

/** A parameter group. */
type Group = (typeof GROUPS)[number];

/** One seed of the Section 11.6 sweep: gradient norms per group at each width, both parametrisations. */
export interface GradientScalingInstance {
  /** Widths. */
  widths: number[];
  /** norms[param][group][k]: ‖∇_groupΦ(x, w₀)‖ at widths[k]. */
  norms: Record<Parametrisation, Record<Group, number[]>>;
  /** D. */
  dist: Distribution;
}

/** What a seed keeps for the aggregate and the plot. */
export interface GradientExponentData {
  /** The fitted exponent per "parametrisation.group" (e.g. "lecun.v"), in fit order. */
  exponents: Record<string, number>;
  /** Widths. */
  widths: number[];
  /** The gradient norms per parametrisation and group at each width. */
  norms: GradientScalingInstance["norms"];
}

/** Exponents p in E‖∇_gΦ‖ = O(n^p) per parametrisation and group. */
export type Exponents = Record<Parametrisation, Record<Group, number>>;

/** The exponents printed at the start of Section 11.6 (LeCun), and "normalised" (all O(1)) for NTK. */
export const PRINTED_EXPONENTS: Exponents = {
  lecun: { U: 0, b: 0, v: 1, c: 0 },
  ntk: { U: 0, b: 0, v: 0, c: 0 },
};

/** The sharp exponents: ‖∇_vΦ‖ = ‖σ(Ux + b)‖ grows like n^{1/2} (its square like n); the others as printed. */
export const SHARP_EXPONENTS: Exponents = {
  lecun: { U: 0, b: 0, v: 0.5, c: 0 },
  ntk: { U: 0, b: 0, v: 0, c: 0 },
};

/** Per (parametrisation, group), the log–log fit of the gradient norm against the width. */
function fitExponents(i: GradientScalingInstance, confidence: number) {
  const out: { param: Parametrisation; group: Group; slope: number; lo: number; hi: number }[] = [];
  for (const param of ["lecun", "ntk"] as const) {
    for (const group of GROUPS) {
      const ys = i.norms[param][group];
      if (group === "c") {
        // ∇_cΦ = 1 exactly: exponent 0 with zero width (a constant is not fitted).
        const ok = ys.every((y) => y === 1);
        out.push({ param, group, slope: ok ? 0 : NaN, lo: ok ? 0 : NaN, hi: ok ? 0 : NaN });
        continue;
      }
      const fit = linearFit(i.widths.map(Math.log), ys.map(Math.log), confidence);
      out.push({ param, group, slope: fit.slope, lo: fit.slopeInterval.lo, hi: fit.slopeInterval.hi });
    }
  }
  return out;
}

/**
 * `sec-11.6`: the scaling in n of ‖∇_UΦ‖, ‖∇_bΦ‖, ‖∇_vΦ‖, ‖∇_cΦ‖ at initialisation under LeCun (printed
 * O(1), O(1), O(n), O(1)) and NTK parametrisation, fitted per seed over a width sweep: each bound holds unless
 * its fitted exponent is significantly larger; the aggregate measures how sharp each is. The stated exponents
 * are a parameter (a mutant states a smaller one).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gradientMagnitudes } from "./gradient_magnitudes.ts";
 * assert.equal(gradientMagnitudes().erratum, undefined); // verified: O(n) holds, not sharp
 * ```
 */
export function gradientMagnitudes(printed: Exponents = PRINTED_EXPONENTS): Claim {
  const design = {
    test: { widths: [4, 5, 6, 7, 8, 9, 10, 11, 12].map((k) => 2 ** k), count: 6 },
    report: { widths: [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((k) => 2 ** k), count: 24 },
  };
  const x = [1.2, -0.7, 0.4];
  const nInstances = { test: design.test.count, report: design.report.count };
  const check = (i: GradientScalingInstance, exps: Exponents, count: number): ConclusionCheck<GradientExponentData> => {
    // Bonferroni over instances and the 6 fitted (param, group) pairs.
    const fits = fitExponents(i, 1 - CHECK_FALSE_ALARM / (count * 6));
    let holds = true, worst = -Infinity;
    const parts: string[] = [];
    for (const f of fits) {
      const want = exps[f.param][f.group];
      // An upper bound O(n^want): it fails only when the whole interval lies above want.
      const b = bigOSharpness(want, f);
      holds &&= b.holds;
      const half = Math.max((f.hi - f.lo) / 2, 1e-12);
      worst = Math.max(worst, Number.isFinite(f.slope) ? (f.slope - want) / half : Infinity);
      parts.push(`${f.param} ∇_${f.group}: ${b.text}`);
    }
    return {
      holds,
      observed: worst,
      bound: 1,
      tightness: worst,
      detail: parts.join("; "),
      ...(!holds && {
        failure:
          `each gradient norm must grow at most like its stated power of n; the worst fitted exponent exceeds its bound by ${
            num(worst)
          } half-widths of its confidence interval: ${parts.join("; ")}`,
      }),
      data: {
        exponents: Object.fromEntries(fits.map((f) => [`${f.param}.${f.group}`, f.slope])),
        widths: i.widths,
        norms: i.norms,
      },
    };
  };
  return defineClaim<GradientScalingInstance, GradientExponentData>({
    id: "sec-11.6",
    title: "Gradient magnitudes per parameter group under LeCun and NTK parametrisation",
    kind: "rate",
    source: { document: SOURCE, where: "Chapter 11, start of §11.6 and (11.6.3)" },
    statement: String
      .raw`With LeCun initialisation, "in terms of the width $n$": $\mathbb E\|\nabla_U\Phi(x,w_0)\| = O(1)$,
$\mathbb E\|\nabla_b\Phi\| = O(1)$, $\mathbb E\|\nabla_v\Phi\| = \mathbb E\|\sigma(Ux+b)\| = O(n)$, $\mathbb E\|\nabla_c\Phi\| = O(1)$, so GD with
step $O(n^{-1})$ primarily trains $v$. The NTK parametrisation (11.6.1)–(11.6.3) scales the three $O(n)$-sized gradients
by $n^{-1/2}$ "to also normalize the variance of the gradients" (read: every group $O(1)$).`,
    tightness:
      "worst (fitted exponent − stated exponent) over the half-width of its confidence interval: 1 at the edge of rejection, above 1 violated, negative when the bound is loose",
    instances: nInstances,
    falseAlarm: CHECK_FALSE_ALARM,
    widthsRefusal:
      "each seed's level is split (Bonferroni) over the budget's seeds, the budget read off the number of widths (over 9: the report's), so the level is tied to its own grids; --top K sets one instance's largest width 2^K",
    generate({ rng, index, budget, params = {} }) {
      const dist = (params.uniform ?? index % 2) === 0 ? gaussian : uniformSqrt3;
      const top = params.top;
      const widths = top === undefined ? design[budget].widths : design[budget].widths.filter((n) => n <= 2 ** top)
        .concat(
          Array.from(
            { length: Math.max(0, top - Math.log2(design[budget].widths.at(-1)!)) },
            (_, k) => design[budget].widths.at(-1)! * 2 ** (k + 1),
          ),
        );
      const norms = {} as GradientScalingInstance["norms"];
      for (const param of ["lecun", "ntk"] as const) {
        norms[param] = { U: [], b: [], v: [], c: [] };
        for (const n of widths) {
          const net = TwoLayerNetwork.initialise(rng, { d: 3, n, parametrisation: param, activation: softplus }, {
            distribution: dist,
          });
          const g = net.view(net.gradient(x));
          const euclideanNorm = (a: Float64Array) => Math.sqrt(a.reduce((s, t) => s + t * t, 0));
          norms[param].U.push(euclideanNorm(g.U));
          norms[param].b.push(euclideanNorm(g.b));
          norms[param].v.push(euclideanNorm(g.v));
          norms[param].c.push(Math.abs(g.c));
        }
      }
      return { widths, norms, dist };
    },
    describe: (i) => `D = ${i.dist.name}, σ = softplus, d = 3, widths ${i.widths[0]}..${i.widths[i.widths.length - 1]}`,
    hypotheses: [],
    conclusion: {
      statement: String
        .raw`Per seed, the log–log fit of each group's gradient norm against $n$ has a confidence interval
(Bonferroni, family-wise $4\cdot 10^{-4}$) not wholly above the stated exponent, i.e. each $O(n^p)$ bound holds: LeCun (0, 0, 1, 0),
NTK (0, 0, 0, 0). The aggregate measures each bound's sharpness (fitted exponent of the mean norm, with its interval).`,
      check: (i) => check(i, printed, i.widths.length > 9 ? nInstances.report : nInstances.test),
    },
    aggregate(records) {
      // E‖∇_gΦ‖ per width: mean over seeds, then one log–log fit per (parametrisation, group).
      const data = withData(records).map((r) => r.data);
      if (data.length < 2) return { holds: "inconclusive", summary: "too few seeds" };
      const widths = data[0].widths;
      const conf = 1 - CHECK_FALSE_ALARM / 6;
      const rows: [string, string][] = [], loose: string[] = [];
      let holds = true;
      for (const p of ["lecun", "ntk"] as const) {
        for (const g of GROUPS) {
          if (g === "c") continue;
          const means = widths.map((_, k) => data.reduce((s, d) => s + d.norms[p][g][k], 0) / data.length);
          const lx = widths.map(Math.log), ly = means.map(Math.log);
          const fit = linearFit(lx, ly, conf), fit95 = linearFit(lx, ly, 0.95);
          const b = bigOSharpness(printed[p][g], { slope: fit.slope, ...fit.slopeInterval });
          holds &&= b.holds;
          if (!b.sharp) loose.push(`${p} ∇_${g}Φ: ${b.text}`);
          rows.push([
            `E‖∇_${g}Φ‖, ${p}: printed bound, ${(conf * 100).toFixed(3)}% CI`,
            `${b.text} (95% CI [${fit95.slopeInterval.lo.toFixed(3)}, ${fit95.slopeInterval.hi.toFixed(3)}])`,
          ]);
        }
      }
      rows.push(["E‖∇_cΦ‖ (both)", "exactly 1 at every width (exponent 0)"]);
      return {
        holds,
        summary:
          `Mean gradient norm over ${data.length} seeds per width, log–log fit per group (decision: each printed O(n^p)
holds unless its ${(conf * 100).toFixed(3)}% interval lies wholly above p, family-wise false alarm ≤ ${
            levelText(CHECK_FALSE_ALARM)
          }). ${holds ? "Every printed bound holds" : "Some printed bound fails"}; ${
            loose.length ? `not sharp: ${loose.join("; ")}` : "every one is sharp"
          }. Under LeCun ‖∇_vΦ‖/‖∇_UΦ‖ grows like n^{1/2}: v dominates, as the text concludes; under NTK all groups are O(1).`,
        alpha: CHECK_FALSE_ALARM,
        rows,
      };
    },
    plots(records) {
      const values = records.flatMap((r) =>
        Object.entries(r.conclusion?.data?.exponents ?? {}).map(([group, exponent]) => ({ group, exponent }))
      );
      return [chart({
        name: "exponents",
        title: "sec-11.6: fitted exponent of ‖∇_gΦ(x, w₀)‖ in n, per seed (LeCun v: printed 1, observed ≈ 1/2)",
        values,
        mark: { type: "tick" },
        encoding: { x: quantitative("exponent", { domain: [-0.25, 1.1] }), y: nominal("group") },
      })];
    },
    parameters: {
      uniform: flag("0 Gaussian D, 1 uniform on [−√3, √3]"),
      top: { type: "integer", min: 8, max: 13, help: "log₂ of the largest width of the sweep" },
    },
    unbreakable:
      "Section 11.6's scaling argument states no hypothesis beyond the network's definition (any D(0,1), any σ).",
    nearMiss: {
      mutant: "E‖∇_vΦ‖ = O(n^{1/4}) under LeCun (the measured exponent 1/2 off by 1/4)",
      caughtBy:
        '`gradient_magnitudes_test.ts`, "sec-11.6: the printed O(n) for ∇_v holds but is not sharp (verified, measured n^0.5); a too small exponent is caught"; falsified on seeds 1–10 at the test budget (10/10). The printed O(n) itself is 1/2 above the measured exponent (0.500, 99.994% CI [0.496, 0.504] at the report budget): the check cannot tell it from O(n^{0.51})',
    },
  });
}
