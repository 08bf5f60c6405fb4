/**
 * Chapter 11, §11.2.1, Example 11.5 (11.2.5)–(11.2.6): a radially labelled data set (a disc inside a
 * ring) is not separable by an affine hyperplane of ℝ², and the feature map
 * φ(x) = (1, x₁, x₂, x₁x₂, x₁², x₂²) (11.2.6) makes it linearly separable.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { type FeatureMap, quadraticFeatures } from "../../models/kernels.ts";
import { certifySeparation, fitHyperplane } from "../../models/separation.ts";
import { inTriangle } from "../../numerics/geometry.ts";
import type { Rng } from "../../numerics/random.ts";

const SOURCE = "004_9692536818598e94.txt";

/** A radially labelled data set of Example 11.5 (the second data set): a disc inside a ring. */
export interface RadialInstance {
  /** Centre of the disc. */
  centre: [number, number];
  /** Inner radius r₁ (label +1 inside) and outer radius r₂ > r₁ (label −1 outside). */
  radii: [number, number];
  /** The points. */
  points: Float64Array[];
  /** Their labels ±1. */
  labels: number[];
  /** Probe points used to fit the hyperplane in feature space. */
  probes: Float64Array[];
}

function radialInstance(rng: Rng, params: Readonly<Record<string, number>> = {}): RadialInstance {
  const centre: [number, number] = [rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5)];
  const r1 = rng.uniform(0.3, 0.8), drawnGap = rng.uniform(0.1, 0.5);
  const r2 = r1 * (1 + (params.gap ?? drawnGap));
  const inner = rng.int(8, 30), outer = rng.int(8, 30);
  const points: Float64Array[] = [], labels: number[] = [];
  for (let k = 0; k < inner; k++) {
    const t = rng.uniform(0, 2 * Math.PI), r = r1 * Math.sqrt(rng.double());
    points.push(Float64Array.of(centre[0] + r * Math.cos(t), centre[1] + r * Math.sin(t)));
    labels.push(1);
  }
  for (let k = 0; k < outer; k++) {
    // Stratified angles: the ring surrounds the disc.
    const t = (2 * Math.PI * (k + rng.double())) / outer, r = r2 + rng.uniform(0, 1);
    points.push(Float64Array.of(centre[0] + r * Math.cos(t), centre[1] + r * Math.sin(t)));
    labels.push(-1);
  }
  const probes = Array.from({ length: 12 }, () => Float64Array.of(rng.uniform(-2, 2), rng.uniform(-2, 2)));
  // Exploration only: flip the labels of the first ⌈flip·m⌉ points (breaks the radial labelling).
  for (let k = 0; k < Math.ceil((params.flip ?? 0) * labels.length); k++) labels[k] = -labels[k];
  return { centre, radii: [r1, r2], points, labels, probes };
}

/** An exact certificate that no affine function of x separates: a +1 point inside a triangle of −1 points. */
function affineObstruction(i: RadialInstance): string | null {
  const pos = i.points.filter((_, k) => i.labels[k] > 0), neg = i.points.filter((_, k) => i.labels[k] < 0);
  const byDistance = [...pos].sort((p, q) =>
    Math.hypot(p[0] - i.centre[0], p[1] - i.centre[1]) - Math.hypot(q[0] - i.centre[0], q[1] - i.centre[1])
  );
  for (const p of byDistance.slice(0, 3)) {
    for (let a = 0; a < neg.length; a++) {
      for (let b = a + 1; b < neg.length; b++) {
        for (let c = b + 1; c < neg.length; c++) {
          if (inTriangle(neg[a], neg[b], neg[c], p)) {
            return `(${p[0].toFixed(3)}, ${p[1].toFixed(3)}) labelled +1 lies in the triangle of three −1 points`;
          }
        }
      }
    }
  }
  return null;
}

/**
 * `ex-11.5`: a radially labelled data set is not separable by an affine hyperplane of ℝ², and the
 * feature map (11.2.6) makes it linearly separable (a hyperplane through 0 in ℝ⁶ is exhibited and
 * its signs certified). The feature map is a parameter so that a map without the quadratic
 * features can be shown to fail.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { radialFeatureMap } from "./radial_feature_map.ts";
 * assert.equal(radialFeatureMap().id, "ex-11.5");
 * ```
 */
export function radialFeatureMap(phi: FeatureMap = quadraticFeatures): Claim {
  return defineClaim<RadialInstance>({
    id: "ex-11.5",
    title: "The feature map (11.2.6) separates a radially labelled data set",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 11, §11.2.1, Example 11.5, (11.2.5)–(11.2.6)" },
    statement: String
      .raw`**Example 11.5.** [For the second, radially labelled, data set] a linear model $x^\top w + b$ cannot classify
all points. Introduce $\phi(x) = (1, x_1, x_2, x_1x_2, x_1^2, x_2^2)^\top$ (11.2.6) … in the feature space $\mathbb R^6$ the datapoints
are again separated by such a hyperplane [through 0]. Thus, with the feature map in (11.2.6), the predictor
$\operatorname{sign}(\Phi(x, w))$ (11.2.5) can perfectly classify all points also for the second dataset.`,
    tightness:
      "1 / (smallest margin yᵢ⟨w, φ(xᵢ)⟩ over its rounding-error bound): below 1 means every sign is certified",
    instances: { test: 12, report: 60 },
    generate: ({ rng, params }) => radialInstance(rng, params),
    describe: (i) =>
      `${i.labels.filter((y) => y > 0).length} points inside r₁ = ${i.radii[0].toFixed(3)}, ${
        i.labels.filter((y) => y < 0).length
      } outside r₂ = ${i.radii[1].toFixed(3)}`,
    hypotheses: [{
      statement:
        "$x_i \\in \\mathbb R^2$, $y_i \\in \\{-1, 1\\}$: +1 inside a disc, −1 outside a larger concentric circle",
      certainty: "certified",
      method:
        "each label compared with the side of the circles its point lies on, for the disc of radius r₁(1 + 10⁻¹²) and the circle of radius r₂(1 − 10⁻¹²) (still r₁(1 + 10⁻¹²) < r₂(1 − 10⁻¹²)): Math.hypot's error, a few ulps, is far below that slack",
      check: (i) => {
        const ok = i.points.every((p, k) => {
          const r = Math.hypot(p[0] - i.centre[0], p[1] - i.centre[1]);
          return i.labels[k] > 0 ? r <= i.radii[0] * (1 + 1e-12) : r >= i.radii[1] * (1 - 1e-12);
        });
        return { holds: ok, value: `r₂/r₁ = ${(i.radii[1] / i.radii[0]).toFixed(3)}` };
      },
    }],
    conclusion: {
      failure: (c) => `the feature map (11.2.6) must separate the radial labels, every margin certified; ${c.detail}`,
      statement: String
        .raw`(a) no affine hyperplane of $\mathbb R^2$ separates the labels: exhibited by an exact point-in-triangle
certificate (a +1 point in the convex hull of three −1 points); (b) the $w \in \mathbb R^6$ fitted to $\rho^2 - \|x - c\|^2$,
$\rho = (r_1 + r_2)/2$, on probe points satisfies $\operatorname{sign}\langle w, \phi(x_i)\rangle = y_i$ for every $i$, each margin exceeding
its rounding-error bound.`,
      check(i) {
        const obstruction = affineObstruction(i);
        const rho = (i.radii[0] + i.radii[1]) / 2;
        const targets = i.probes.map((p) => rho * rho - (p[0] - i.centre[0]) ** 2 - (p[1] - i.centre[1]) ** 2);
        const w = fitHyperplane(phi, i.probes, targets);
        const cert = certifySeparation(phi, w, i.points, i.labels);
        const tightness = 1 / cert.worstRatio;
        return {
          holds: obstruction !== null && cert.separated,
          observed: tightness,
          bound: 1,
          tightness,
          detail: `(a) ${obstruction ?? "NO obstruction found"}; (b) w = [${
            Array.from(w, (v) => v.toFixed(3)).join(", ")
          }], ${cert.failures} points misclassified or uncertified, smallest margin ${
            cert.worstRatio.toExponential(2)
          }× its rounding bound`,
        };
      },
    },
    parameters: {
      gap: {
        type: "number",
        min: 0.001,
        max: 1,
        help: "r₂/r₁ − 1, the relative width of the empty ring between the classes",
      },
      flip: { type: "number", min: 0, max: 0.5, help: "fraction of labels flipped (0 keeps the radial labelling)" },
    },
    scenarios: [{
      name: "labels-not-radial",
      breaks: "radial labelling: the labels of 10% of the points are flipped",
      params: { flip: 0.1 },
    }],
    nearMiss: {
      mutant: "the feature map (1, x₁, x₂, x₁x₂, x₁²): (11.2.6) with the x₂² feature dropped",
      caughtBy:
        '`radial_feature_map_test.ts`, "ex-11.5 catches the near miss (1, x₁, x₂, x₁x₂, x₁²): (11.2.6) with the x₂² feature dropped"',
    },
  });
}
