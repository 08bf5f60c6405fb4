/**
 * Chapter 11, Exercise 11.33: for x₁, …, x_m ∈ ℝᵈ some feature map φ: ℝᵈ → ℝᵐ makes every labelling
 * linearly separable. As printed (no distinctness) it fails when a point is repeated with opposite
 * labels: shown as an erratum.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { flag } from "../../engine/flag.ts";
import type { Claim, ConclusionCheck } from "../../engine/claim.ts";
import { type FeatureMap, kernelFeatureMap, laplaceKernel } from "../../models/kernels.ts";
import { certifySeparation, fitHyperplane } from "../../models/separation.ts";
import type { Rng } from "../../numerics/random.ts";

const SOURCE = "004_9692536818598e94.txt";

/** Points for Exercise 11.33, sometimes with a repeated point. */
export interface LabellingInstance {
  /** x₁, …, x_m (pairwise distinct unless `repeated` is set). */
  points: Float64Array[];
  /** Indices (a, b) with x_a = x_b, or null. */
  repeated: [number, number] | null;
}

/** A feature-map construction from the data points (the exercise's φ may depend on them). */
export type FeatureMapFor = (points: Float64Array[]) => FeatureMap;

/**
 * The default construction: x ↦ (K(x, xⱼ))ⱼ with the Laplace kernel, c = 1/min distance (strictly
 * positive definite on distinct points, so G is invertible and any labels are interpolated).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { laplaceFeaturesFor } from "./feature_map_separates_labellings.ts";
 * const phi = laplaceFeaturesFor([Float64Array.of(0), Float64Array.of(1)]);
 * assert.ok(phi.dim === 2 && phi.map([0])[0] === 1);
 * ```
 */
export const laplaceFeaturesFor: FeatureMapFor = (points) => {
  let minDist = Infinity;
  for (let a = 0; a < points.length; a++) {
    for (let b = a + 1; b < points.length; b++) {
      const d = Math.hypot(...points[a].map((v, k) => v - points[b][k]));
      if (d > 0) minDist = Math.min(minDist, d);
    }
  }
  const distinct = points.filter((p, k) => points.findIndex((q) => q.every((v, j) => v === p[j])) === k);
  // With repeated points the centres are the distinct ones, padded to m by repeating the last.
  const centres = Array.from({ length: points.length }, (_, k) => distinct[Math.min(k, distinct.length - 1)]);
  return kernelFeatureMap(laplaceKernel(1 / (Number.isFinite(minDist) ? minDist : 1)), centres);
};

function labellingInstance(rng: Rng, index: number, params: Readonly<Record<string, number>> = {}): LabellingInstance {
  const drawnM = rng.int(2, 8), drawnD = rng.int(1, 4);
  const m = params.m ?? drawnM, d = params.d ?? drawnD;
  const points = Array.from({ length: m }, () => Float64Array.from({ length: d }, () => rng.normal()));
  let repeated: [number, number] | null = null;
  if ((params.repeat ?? (index % 3 === 2 ? 1 : 0)) === 1) {
    const a = rng.int(0, m - 2), b = rng.int(a + 1, m - 1);
    points[b] = Float64Array.from(points[a]);
    repeated = [a, b];
  }
  return { points, repeated };
}

function sameVector(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The first pair (a, b), a < b, with x_a = x_b exactly (bitwise), or null. */
function findRepeated(points: Float64Array[]): [number, number] | null {
  for (let b = 1; b < points.length; b++) {
    for (let a = 0; a < b; a++) if (sameVector(points[a], points[b])) return [a, b];
  }
  return null;
}

/** Runs every labelling: which ones the construction separates (certified). */
function checkAllLabellings(i: LabellingInstance, makeMap: FeatureMapFor) {
  const phi = makeMap(i.points), m = i.points.length;
  const repeated = findRepeated(i.points);
  let separated = 0, consistentFailures = 0, conflicting = 0, conflictingSeparated = 0, worst = Infinity;
  for (let mask = 0; mask < 2 ** m; mask++) {
    const y = Array.from({ length: m }, (_, k) => (mask & (1 << k) ? 1 : -1));
    const w = fitHyperplane(phi, i.points, y);
    const cert = certifySeparation(phi, w, i.points, y);
    const conflict = repeated !== null && y[repeated[0]] !== y[repeated[1]];
    if (cert.separated) separated++;
    if (conflict) {
      conflicting++;
      if (cert.separated) conflictingSeparated++;
    } else {
      if (!cert.separated) consistentFailures++;
      worst = Math.min(worst, cert.worstRatio);
    }
  }
  return { phi, repeated, total: 2 ** m, separated, consistentFailures, conflicting, conflictingSeparated, worst };
}

/**
 * The non-strict reading, decided exactly: φ ≡ 0 and the hyperplane ⟨e₁, z⟩ = 0 leave every image on the
 * hyperplane, so each labelling's two sets lie in opposite closed half-spaces (0 ≥ 0 and 0 ≤ 0, exact).
 */
function weakSeparation(i: LabellingInstance): ConclusionCheck {
  const m = i.points.length, phi = (_x: Float64Array) => new Float64Array(m), e1 = new Float64Array(m);
  e1[0] = 1;
  let separated = 0;
  for (let mask = 0; mask < 2 ** m; mask++) {
    const ok = i.points.every((x, k) => {
      const s = phi(x).reduce((acc, v, j) => acc + v * e1[j], 0);
      return mask & (1 << k) ? s >= 0 : s <= 0;
    });
    if (ok) separated++;
  }
  return {
    holds: separated === 2 ** m,
    observed: separated,
    bound: 2 ** m,
    tightness: separated / 2 ** m,
    detail: `φ ≡ 0 with ⟨e₁, z⟩ = 0: ${separated} of ${2 ** m} labellings in opposite closed half-spaces (exact)`,
  };
}

/**
 * `ex-11.33`: for x₁, …, x_m ∈ ℝᵈ some feature map φ: ℝᵈ → ℝᵐ makes every labelling linearly
 * separable. As printed (no distinctness) it fails when a point is repeated with opposite labels:
 * shown as an erratum. The construction of φ is a parameter so that a weak one can be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { featureMapSeparatesLabellings } from "./feature_map_separates_labellings.ts";
 * assert.ok(featureMapSeparatesLabellings().erratum !== undefined);
 * ```
 */
export function featureMapSeparatesLabellings(makeMap: FeatureMapFor = laplaceFeaturesFor): Claim {
  return defineClaim<LabellingInstance>({
    id: "ex-11.33",
    title: "A feature map into ℝᵐ separates every labelling of m points",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 11, Exercise 11.33" },
    statement: String
      .raw`**Exercise 11.33.** Let $x_i \in \mathbb R^d$, $i = 1, \dots, m$. Show that there exists a "feature map"
$\phi: \mathbb R^d \to \mathbb R^m$, such that for any configuration of labels $y_i \in \{-1, 1\}$, there always exists a hyperplane
in $\mathbb R^m$ separating the two sets $\{\phi(x_i) \mid y_i = 1\}$ and $\{\phi(x_i) \mid y_i = -1\}$.`,
    tightness:
      "1 / (smallest certified margin over its rounding bound) among the separable labellings: below 1 means every sign is certified",
    instances: { test: 18, report: 90 },
    generate: ({ rng, index, params }) => labellingInstance(rng, index, params),
    describe: (i) =>
      `m = ${i.points.length} points in ℝ^${i.points[0].length}${
        i.repeated ? `, x_${i.repeated[0] + 1} = x_${i.repeated[1] + 1} repeated` : ", pairwise distinct"
      }`,
    hypotheses: [
      {
        statement: "$x_i \\in \\mathbb R^d$, $i = 1, \\dots, m$ (as printed: not required to be distinct)",
        certainty: "certified",
        method: "coordinates checked finite",
        check: (i) => ({ holds: i.points.every((p) => p.every(Number.isFinite)), value: `m = ${i.points.length}` }),
      },
      {
        statement: "$m \\le 8$ (all $2^m$ labellings are enumerated; not a hypothesis of the exercise)",
        certainty: "certified",
        method: "m compared exactly",
        check: (i) => ({ holds: i.points.length <= 8, value: `2^m = ${2 ** i.points.length} labellings` }),
      },
    ],
    conclusion: {
      failure: (c) => `Exercise 11.33 predicts some φ into ℝᵐ separating every labelling of the m points; ${c.detail}`,
      statement: String
        .raw`For $\phi(x) = (K(x, x_j))_j$ (Laplace kernel, the exercise's map may depend on the data) and every one of
the $2^m$ labellings, $w$ = the least-squares fit of $\langle w, \phi(x_i)\rangle = y_i$ gives certified signs $\operatorname{sign}\langle w, \phi(x_i)\rangle = y_i$.
When $x_a = x_b$ and $y_a \ne y_b$ no $\phi$ whatsoever can do this ($\phi(x_a) = \phi(x_b)$ lies on both sides): the printed claim fails.`,
      check(i) {
        const r = checkAllLabellings(i, makeMap);
        // A repeated point (checked by exact equality) refutes the printed claim for every φ; otherwise
        // the construction must separate all 2^m labellings.
        const holds = r.repeated === null && r.separated === r.total;
        const tightness = 1 / r.worst;
        const [a, b] = r.repeated ?? [0, 0];
        return {
          holds,
          observed: tightness,
          bound: 1,
          tightness,
          detail: `${r.separated} of ${r.total} labellings separated (certified)${
            r.repeated
              ? `; x_${a + 1} = x_${b + 1} exactly: the ${r.conflicting} labellings with y_${a + 1} ≠ y_${
                b + 1
              } are not separable by any φ, since φ(x_${a + 1}) = φ(x_${
                b + 1
              }) would lie strictly on both sides of the hyperplane`
              : ""
          }`,
        };
      },
    },
    erratum: {
      failure: (c) =>
        `the corrected exercise predicts every labelling consistent on repeated points separated, none of the conflicting ones; ${c.detail}`,
      printed:
        "Let $x_i \\in \\mathbb R^d$, $i = 1, \\dots, m$. Show that there exists a feature map … for any configuration of labels …",
      corrected:
        "Let $x_1, \\dots, x_m \\in \\mathbb R^d$ be **pairwise distinct** (or: labels agree on repeated points). Then some $\\phi: \\mathbb R^d \\to \\mathbb R^m$ separates every labelling",
      reasoning:
        "A feature map is a function of x, so a repeated point x_a = x_b has one image φ(x_a) = φ(x_b); a strict separating hyperplane would need ⟨w, φ(x_a)⟩ + b > 0 and < 0 at once. The printed exercise omits distinctness (the catalogue row already assumes it). With distinct points, φ(x) = (K(x, xⱼ))ⱼ for a strictly positive definite kernel has an invertible G, and w = G⁻¹y interpolates any labels.",
      check(i) {
        const r = checkAllLabellings(i, makeMap);
        // Distinct points: every labelling separated. Repeated point: the labellings consistent on
        // it are all separated, the conflicting ones are not, and φ maps the repeated point to one image.
        const functionOfX = r.repeated === null ||
          sameVector(r.phi.map(i.points[r.repeated[0]]), r.phi.map(i.points[r.repeated[1]]));
        const holds = r.consistentFailures === 0 && r.conflictingSeparated === 0 && functionOfX;
        const tightness = 1 / r.worst;
        return {
          holds,
          observed: tightness,
          bound: 1,
          tightness,
          detail: `${r.total - r.conflicting - r.consistentFailures} of ${
            r.total - r.conflicting
          } labellings consistent on repeated points separated (certified); ${r.conflictingSeparated} of ${r.conflicting} conflicting ones separated (must be 0)`,
        };
      },
      scope: {
        statement:
          "for pairwise distinct points (every labelling strictly separated); it fails only under strict separation with a repeated point labelled both ways (see the readings)",
        contains: (i) => findRepeated(i.points) === null,
      },
      readings: [
        {
          reading: String
            .raw`strict separation ($\langle w, \phi(x_i)\rangle + b > 0$ if $y_i = 1$, $< 0$ if $y_i = -1$) of every labelling of the indices $i$ (as printed)`,
          decidedBy: "printed",
        },
        {
          reading:
            "strict separation of every labelling of the points as a set (labels agree on a repeated point, as the corrected statement)",
          decidedBy: "corrected",
        },
        {
          reading: String
            .raw`non-strict separation (the two sets in opposite closed half-spaces): vacuous, since $\phi \equiv 0$ puts every image on the hyperplane $\langle e_1, z\rangle = 0$`,
          decidedBy: weakSeparation,
        },
      ],
    },
    parameters: {
      m: { type: "integer", min: 2, max: 8, help: "number of points (all 2^m labellings are enumerated)" },
      d: { type: "integer", min: 1, max: 4, help: "dimension" },
      repeat: flag("1: x_b is set equal to some x_a (the case the printed form misses)"),
    },
    unbreakable:
      "The printed exercise has no hypothesis beyond xᵢ ∈ ℝᵈ; the case its proof needs but does not state (pairwise distinct points) is sampled in every third instance, which is the erratum.",
    nearMiss: {
      mutant:
        "φ: ℝᵈ → ℝ^{m−1}, the construction (K(x, xⱼ))_{j<m} with one feature short (m points in general position cannot be shattered by hyperplanes through 0 in ℝ^{m−1})",
      caughtBy:
        '`feature_map_separates_labellings_test.ts`, "ex-11.33 catches the near miss: (K(x, xⱼ))_{j<m}, one feature short"',
    },
    sourceGaps: [
      {
        hypothesis: String.raw`pairwise distinct points $x_1, \dots, x_m$`,
        why: String
          .raw`a feature map is a function of $x$, so a point repeated with two labels cannot be separated (the erratum above; the printed form holds for distinct points).`,
      },
    ],
  });
}
