/**
 * `chizat-lazy-generalisation` (Chizat's slides `003_…`, "Performance" and "Conclusion"; Chizat–Oyallon–Bach, "On
 * Lazy Training in Differentiable Programming"): a larger scale α makes training lazy, but the lazy model does not
 * perform as well. The slide's figure (VGG-11 on CIFAR-10) is out of reach here; the paper's two-layer
 * teacher–student experiment is reproduced instead, small: a 3-neuron ReLU teacher on S⁴ ⊂ ℝ⁵ (the slides'
 * "optimal predictor has m = 3 neurons"), n = 20 training points, a 32-neuron student h(w) = (1/m)Σbⱼrelu(aⱼ·x)
 * with h(w₀) = 0, trained by gradient descent on F_α(w) = R(αh(w))/α² at α = 1 (the mean-field scaling, active)
 * and α = 64 (lazy) until both reach the same training level R ≤ 10⁻³R(0), then compared on 1000 fresh test
 * points. Observed over independent draws: the fraction of draws where the lazy test loss is the larger, with an
 * exact binomial test and interval; the training losses, test losses and parameter movements are reported so that
 * "comparable training loss" and "lazy" can be seen. The report budget sweeps α ∈ {¼, 1, 4, 16, 64, 256} for the
 * plot of test loss against α.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { oncePer } from "../../engine/once_per.ts";
import { flag } from "../../engine/flag.ts";
import type { AggregateCheck, BudgetName, Claim, ConclusionCheck, InstanceContext } from "../../engine/claim.ts";
import type { InstanceRecord, PlotSpec } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM, confidencePercent, successRateVerdict } from "../../engine/false_alarm.ts";
import { logLogLines } from "../../engine/plots/log_log.ts";
import { withData } from "../../engine/records.ts";
import { drawLazyTeacherStudent, halfMeanSquare, type LazyRun } from "../../models/lazy_teacher_student.ts";
import { type LazyTeacherStudent, studentOutputs, tangentKernelTop } from "../../models/lazy_teacher_student.ts";
import { trainLazy } from "../../models/lazy_teacher_student.ts";
import { highamGamma } from "../../numerics/rounding.ts";
import { clopperPearson, median } from "../../numerics/stats.ts";

const SOURCE = "003_ad774dfe7ed191b8.txt";

/** Input dimension d, training points n, half the student width, test points (defaults; `params` override). */
const SETTING = { d: 5, n: 20, half: 16, test: 1000 };
/** The active (mean-field) and lazy scales compared on every draw. */
const ACTIVE_ALPHA = 1, LAZY_ALPHA = 64;
/** The α sweep per budget (the test budget runs only the two compared scales). */
const SWEEP: Record<BudgetName, number[]> = { test: [ACTIVE_ALPHA, LAZY_ALPHA], report: [0.25, 1, 4, 16, 64, 256] };
/**
 * GD step at scale α: η_α = min(α, 1/λ_max(K₀)) with K₀ = (m/n)Dh(w₀)Dh(w₀)ᵀ. The Hessian of m·F_α is (m/n)DhᵀDh plus a
 * curvature term (1/α)·m·D²h[∇R], so a step α is as stable in that term as the step 1 at α = 1, and 1/λ_max(K₀) is half
 * the stability limit of the linear part (the whole Hessian for large α).
 */
function stepSize(alpha: number, lambdaMax: number): number {
  return Math.min(alpha, 1 / lambdaMax);
}
/** "Comparable training loss": every run stops at the first step with R(αh(w)) ≤ LEVEL·R(0). */
const LEVEL = 1e-3;
/** Step cap per run. */
const MAX_STEPS = 20_000;
/** "Lazy" and "active" as regimes: the lazy run moves (relative to ‖w₀‖) at most this fraction of the active run. */
const LAZY_MOVEMENT = 0.1;
/** H0 of the aggregate (pre-registered): on a draw the lazy run's test loss is the larger with probability ≥ P0. */
const P0 = 0.75;
/** The claim's false-alarm probability (one binomial test). */
const ALPHA = CHECK_FALSE_ALARM / 4;

/** A draw and the scales it is trained at. */
export interface LazyGeneralisationInstance {
  task: LazyTeacherStudent;
  alphas: number[];
  /** The lazy scale of the comparison. */
  lazyAlpha: number;
}

/** What each draw keeps: per α of the sweep, the losses, steps and movement. */
export interface LazyGeneralisationData {
  alphas: number[];
  /** Test loss ½·mean (αh − f*)² on the test points, over that of the zero predictor. */
  test: number[];
  /** Training loss where the run stopped, over R(0). */
  train: number[];
  steps: number[];
  /** ‖w − w₀‖/‖w₀‖ where the run stopped. */
  movement: number[];
  /** The lazy scale of the comparison. */
  lazyAlpha: number;
  /** 1 when the lazy test loss exceeds the active one (the counted event). */
  lazyWorse: number;
}

/** The ordering counted on each draw: "the lazy test loss is the larger" (a parameter for the near-miss test). */
export type Ordering = (lazyTest: number, activeTest: number) => boolean;

/** The sweep's runs, trained once per instance (hypotheses and conclusion share them). */
const trained = oncePer((i: LazyGeneralisationInstance): LazyRun[] => {
  const r0 = halfMeanSquare(new Float64Array(i.task.y.length), i.task.y), top = tangentKernelTop(i.task);
  return i.alphas.map((a) => trainLazy(i.task, a, stepSize(a, top), LEVEL * r0, MAX_STEPS));
});

function generate({ rng, budget, params = {} }: InstanceContext): LazyGeneralisationInstance {
  const d = params.d ?? SETTING.d, n = params.n ?? SETTING.n, half = params.half ?? SETTING.half;
  const task = drawLazyTeacherStudent(rng, d, n, half, SETTING.test);
  if (params.antisymmetric === 0) {
    for (let j = half; j < 2 * half; j++) task.w0[d * 2 * half + j] = -task.w0[d * 2 * half + j];
  }
  const lazyAlpha = params.alphaLazy ?? LAZY_ALPHA;
  const alphas = [...new Set([...SWEEP[budget], ACTIVE_ALPHA, lazyAlpha])].sort((a, b) => a - b);
  return { task, alphas, lazyAlpha };
}

function measure(i: LazyGeneralisationInstance, ordering: Ordering): ConclusionCheck<LazyGeneralisationData> {
  const { task } = i, rs = trained(i);
  const zeroTest = halfMeanSquare(new Float64Array(task.yTest.length), task.yTest);
  const r0 = halfMeanSquare(new Float64Array(task.y.length), task.y);
  const test = rs.map((r) =>
    halfMeanSquare(studentOutputs(r.w, task.m, task.d, task.xTest, r.alpha), task.yTest) / zeroTest
  );
  const at = (a: number) => i.alphas.indexOf(a);
  const lazy = at(i.lazyAlpha), active = at(ACTIVE_ALPHA);
  const sound = test.every(Number.isFinite);
  const worse = ordering(test[lazy], test[active]);
  return {
    holds: sound,
    observed: test[active],
    bound: test[lazy],
    tightness: test[active] / test[lazy],
    detail: `${sound ? "" : "a test loss is not finite: "}test loss (relative to the zero predictor's) ${
      test[active].toExponential(3)
    } at α = ${ACTIVE_ALPHA} and ${test[lazy].toExponential(3)} at α = ${i.lazyAlpha} (${
      worse ? "lazy worse" : "lazy not worse"
    }); training losses ${(rs[active].trainLoss / r0).toExponential(2)} and ${
      (rs[lazy].trainLoss / r0).toExponential(2)
    } of R(0); movement ‖w − w₀‖/‖w₀‖ ${rs[active].movement.toFixed(3)} and ${rs[lazy].movement.toFixed(4)}`,
    data: {
      alphas: i.alphas,
      test,
      train: rs.map((r) => r.trainLoss / r0),
      steps: rs.map((r) => r.steps),
      movement: rs.map((r) => r.movement),
      lazyAlpha: i.lazyAlpha,
      lazyWorse: worse ? 1 : 0,
    },
  };
}

function aggregate(records: InstanceRecord<LazyGeneralisationData>[]): AggregateCheck {
  const pts = withData(records).map(({ data }) => data);
  const k = pts.filter((p) => p.lazyWorse === 1).length, n = pts.length;
  const v = successRateVerdict({
    successes: k,
    trials: n,
    p0: P0,
    alpha: ALPHA,
    units: `draws where the lazy run (α = ${pts[0]?.lazyAlpha ?? LAZY_ALPHA}) has the larger test loss`,
  });
  if (n === 0) return v;
  const ci = clopperPearson(k, n, 1 - ALPHA);
  type Key = "test" | "train" | "movement";
  /** The value at the active scale (lazy = false) or at the draw's lazy scale. */
  const col = (p: LazyGeneralisationData, key: Key, lazy: boolean) =>
    p[key][p.alphas.indexOf(lazy ? p.lazyAlpha : ACTIVE_ALPHA)];
  const med = (key: Key, lazy: boolean) => median(pts.map((p) => col(p, key, lazy)));
  const ratios = pts.map((p) => col(p, "test", true) / col(p, "test", false));
  const lazyAlpha = pts[0].lazyAlpha;
  return {
    ...v,
    summary: `${v.summary}. Fraction ${(k / n).toFixed(3)}, exact ${confidencePercent(ALPHA)} interval [${
      ci.lo.toFixed(3)
    }, ${ci.hi.toFixed(3)}]; median test loss (relative to the zero predictor) ${
      med("test", false).toExponential(3)
    } at α = ${ACTIVE_ALPHA} and ${med("test", true).toExponential(3)} at α = ${lazyAlpha}, at training losses ${
      med("train", false).toExponential(2)
    } and ${med("train", true).toExponential(2)} of R(0) (both stopped at ${LEVEL} R(0))`,
    rows: [
      ...v.rows,
      [
        `fraction of draws with lazy worse, exact ${confidencePercent(ALPHA)} interval`,
        `${(k / n).toFixed(3)} [${ci.lo.toFixed(3)}, ${ci.hi.toFixed(3)}]`,
      ],
      [
        "median lazy/active test-loss ratio (range)",
        `${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
      ],
      [
        "median relative movement ‖w − w₀‖/‖w₀‖, active / lazy",
        `${med("movement", false).toFixed(3)} / ${med("movement", true).toFixed(4)}`,
      ],
    ],
  };
}

function plots(records: InstanceRecord<LazyGeneralisationData>[]): PlotSpec[] {
  const values = withData(records).flatMap(({ record, data: d }) =>
    d.alphas.flatMap((alpha, k) => [
      { alpha, loss: d.test[k], series: "test loss", instance: `${record.index}` },
      { alpha, loss: d.train[k], series: "training loss", instance: `${record.index}` },
    ])
  );
  return [logLogLines(
    "test-loss",
    "chizat-lazy-generalisation: test and training loss (relative to the zero predictor's) against the scale α, log–log",
    values,
    { x: "alpha", y: "loss", color: "instance", dash: "series" },
  )];
}

/**
 * `chizat-lazy-generalisation`. `ordering` is the event counted on each draw (read: the lazy test loss is the
 * larger), so that the reversed theory can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lazyGeneralisation } from "./lazy_generalisation.ts";
 * assert.equal(lazyGeneralisation().id, "chizat-lazy-generalisation");
 * ```
 */
export function lazyGeneralisation(ordering: Ordering = (lazy, active) => lazy > active): Claim {
  return defineClaim<LazyGeneralisationInstance, LazyGeneralisationData>({
    id: "chizat-lazy-generalisation",
    title: "Lazy training (large α) generalises worse than the active regime at comparable training loss",
    kind: "observation",
    source: { document: SOURCE, where: "slides 'Performance' and 'Conclusion' (Chizat, Oyallon, Bach 2019)" },
    statement: String
      .raw`Performance. Perf. of ConvNets (VGG11) for image classification (CIFAR10) [figure: larger $\alpha$, lazier training, lower
test accuracy] — similar gaps observed for widened ConvNets & ResNets. Conclusion: generalization behavior depends on initialization,
loss, stopping time, signal scale, regularization…`,
    tightness:
      "the aggregate's: the fraction of draws where the lazy run was not worse over the tolerated 1 − P0 = 0.25 (> 1: more than tolerated); per draw (median): test loss at α = 1 over test loss at α = 64 (< 1: the lazy run generalised worse)",
    // 46 draws at the report budget: power 0.94 against a rate p₀/2 (40 gave 0.87, under the goal 0.9).
    instances: { test: 10, report: 46 },
    falseAlarm: ALPHA,
    generate,
    describe: (i) =>
      `ReLU teacher (3 neurons) and student (m = ${i.task.m}) on S^${
        i.task.d - 1
      }, n = ${i.task.y.length}, ${i.task.yTest.length} test points, α ∈ {${i.alphas.join(", ")}}`,
    hypotheses: [{
      statement: "$h(w_0) = 0$ (the lazy-training theorems' condition)",
      certainty: "certified",
      method:
        "antisymmetric pairs (a, b), (a, −b): the exact h(w₀) is 0 and each pair's computed terms are exact negatives, so the computed sum is within its rounding bound γ_{m+2}·(1/m)Σⱼ|bⱼ|relu(aⱼ·x) (Higham) at every training and test point",
      check(i) {
        const { task } = i, { m, d } = task, abs = Float64Array.from(task.w0, (v, q) => (q >= d * m ? Math.abs(v) : v));
        let worst = 0;
        for (const x of [task.x, task.xTest]) {
          const h = studentOutputs(task.w0, m, d, x, 1), scale = studentOutputs(abs, m, d, x, 1);
          h.forEach((
            v,
            k,
          ) => (worst = Math.max(
            worst,
            Math.abs(v) / (highamGamma(m + 2) * (1 + highamGamma(m + 2)) * scale[k] || 1),
          )));
        }
        return { holds: worst <= 1, value: `max |h(w₀)| over its rounding bound: ${worst.toExponential(2)}` };
      },
    }, {
      statement: `comparable training loss: every run reaches $R(\\alpha h(w)) \\le ${LEVEL}\\,R(0)$ and stops there`,
      certainty: "estimated",
      method:
        `GD with step min(α, 1/λ_max((m/n)Dh(w₀)Dh(w₀)ᵀ)), at most ${MAX_STEPS} steps; the computed training loss`,
      check(i) {
        const rs = trained(i);
        return {
          holds: rs.every((r) => r.reached),
          value: rs.map((r) => `α = ${r.alpha}: ${r.reached ? `${r.steps} steps` : "not reached"}`).join(", "),
        };
      },
    }, {
      statement: String
        .raw`regimes: the large-$\alpha$ run is lazy, the $\alpha = 1$ run is not (relative movement $\|w - w_0\|/\|w_0\|$ of the lazy run at most ${LAZY_MOVEMENT} of the active run's; the theory gives $O(1/\alpha)$)`,
      certainty: "estimated",
      method: "the computed movements where the runs stopped",
      check(i) {
        const rs = trained(i), lazy = rs[i.alphas.indexOf(i.lazyAlpha)], active = rs[i.alphas.indexOf(ACTIVE_ALPHA)];
        return {
          holds: lazy.movement <= LAZY_MOVEMENT * active.movement,
          value: `${active.movement.toFixed(3)} (α = ${ACTIVE_ALPHA}), ${
            lazy.movement.toFixed(4)
          } (α = ${i.lazyAlpha})`,
        };
      },
    }],
    conclusion: {
      failure: (c) => `both regimes' test losses must be finite to compare them; observed ${c.detail}`,
      statement: String
        .raw`Reading: on a small teacher–student task (the paper's two-layer experiment; the slide's CIFAR-10 figure is not reproduced), the
student trained at $\alpha = ${LAZY_ALPHA}$ (lazy) has a larger test loss than the one trained at $\alpha = ${ACTIVE_ALPHA}$ (mean field), both stopped at
training loss $${LEVEL}\,R(0)$. Per draw the measurement must be sound (finite losses); the observation is judged over the draws: the
number with the lazy test loss the larger, exact binomial test of H0 "probability ≥ ${P0}" (pre-registered) at level ${
        ALPHA.toExponential(2)
      },
with its exact interval, the median training and test losses and movements.`,
      check: (i) => measure(i, ordering),
    },
    aggregate,
    conclusionBy: "aggregate",
    plots,
    parameters: {
      d: { type: "integer", min: 2, max: 10, help: `input dimension (default ${SETTING.d})` },
      n: { type: "integer", min: 4, max: 60, help: `training points (default ${SETTING.n})` },
      half: { type: "integer", min: 2, max: 32, help: `half the student width (default ${SETTING.half})` },
      alphaLazy: { type: "number", min: 1, max: 1024, help: `the lazy scale α (default ${LAZY_ALPHA})` },
      antisymmetric: flag("1: antisymmetric w₀ (h(w₀) = 0); 0: copies, h(w₀) ≠ 0"),
    },
    scenarios: [{
      name: "no-lazy-regime",
      breaks: String
        .raw`the large-$\alpha$ run is lazy: "lazy" scale $\alpha = 1$, the same run as the active one (the test losses tie, so "lazy worse" is never seen); judged over 12 draws by the aggregate`,
      params: { alphaLazy: 1 },
      decidedBy: "aggregate",
      instances: 12,
    }],
    nearMiss: {
      mutant:
        "the lazy (kernel) regime generalises at least as well as the active one (its implicit bias is a good regulariser)",
      caughtBy: '`lazy_generalisation_test.ts`, "chizat-lazy-generalisation catches the reversed ordering"',
    },
    sourceGaps: [{
      hypothesis:
        "the task: the slide's evidence is VGG-11 on CIFAR-10; the claim as catalogued is about a teacher–student task, whose setting (d, n, widths, α, stopping) the slides do not print",
      why:
        "the gap depends on the task: on the circle (d = 2, the slides' 'training paths' setting) with 16 points a prototype saw no systematic gap (both regimes fit a 3-neuron teacher to ~10⁻³ relative test loss), in d = 5 and 10 a monotone rise of the test loss with α",
    }],
  });
}
