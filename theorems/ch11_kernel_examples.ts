/**
 * Chapter 11, §11.2: kernels and feature maps. Definition 11.8 (a feature-map kernel gives
 * symmetric PSD kernel matrices), Example 11.10 (polynomial, RBF and Laplace kernels are kernels),
 * Example 11.5 (the feature map (11.2.6) separates a radially labelled data set) and Exercise 11.33
 * (a feature map into ℝᵐ separating every labelling of m points).
 *
 * @module
 */
import { defineClaim } from "../engine/claim.ts";
import type { Claim, ConclusionCheck } from "../engine/claim.ts";
import {
  distanceFunction,
  featureKernel,
  type FeatureMap,
  type Kernel,
  kernelFeatureMap,
  kernelMatrix,
  laplaceKernel,
  polynomial2Features,
  polynomialKernel,
  quadraticFeatures,
  randomFourierFeatures,
  rbfKernel,
  reluFeatures,
} from "../models/kernels.ts";
import { certifySeparation, fitHyperplane } from "../models/separation.ts";
import { inTriangle } from "../numerics/geometry.ts";
import { psdWithFormationError } from "../numerics/psd.ts";
import { createRng, type Rng } from "../numerics/random.ts";

const SOURCE = "004_9692536818598e94.txt";

/**
 * Point sets that stress PSD tests, by `kind` mod 4: spread, clustered (near-singular G), with
 * duplicates (singular G), rescaled.
 *
 * @example
 * ```ts
 * import { createRng } from "../numerics/random.ts";
 * import { pointSet } from "./ch11_kernel_examples.ts";
 * const pts = pointSet(createRng(1), 6, 2, 2);
 * console.assert(pts.length === 6 && pts[0].every((v, k) => v === pts[3][k]));
 * ```
 */
export function pointSet(rng: Rng, m: number, d: number, kind: number): Float64Array[] {
  const gauss = () => Float64Array.from({ length: d }, () => rng.normal());
  switch (kind % 4) {
    case 0:
      return Array.from({ length: m }, gauss);
    case 1: {
      const centre = gauss();
      return Array.from({ length: m }, () => centre.map((v) => v + 1e-4 * rng.normal()));
    }
    case 2: {
      const base = Array.from({ length: Math.max(1, m >> 1) }, gauss);
      return Array.from({ length: m }, (_, i) => Float64Array.from(base[i % base.length]));
    }
    default: {
      const s = 10 ** rng.uniform(-2, 1);
      return Array.from({ length: m }, () => gauss().map((v) => s * v));
    }
  }
}

const POINT_KINDS = ["spread", "clustered (spread 1e-4)", "with duplicates", "rescaled"];

/** A kernel drawn with its parameters and whether they satisfy Example 11.10's conditions. */
export interface DrawnKernel {
  /** The kernel. */
  kernel: Kernel;
  /** Whether its parameters satisfy the printed conditions, with the numbers. */
  parameters: { holds: boolean; value: string };
}

/** A kernel family: draws a kernel (with parameters) from a stream. */
export type KernelFamily = (rng: Rng, params?: Readonly<Record<string, number>>) => DrawnKernel;

/**
 * The three families of Example 11.10 with the printed parameter ranges.
 *
 * @example
 * ```ts
 * import { createRng } from "../numerics/random.ts";
 * import { EXAMPLE_11_10 } from "./ch11_kernel_examples.ts";
 * console.assert(EXAMPLE_11_10.every((f) => f(createRng(2)).parameters.holds));
 * ```
 */
export const EXAMPLE_11_10: KernelFamily[] = [
  (rng, params = {}) => {
    const drawnC = rng.double() < 0.3 ? 0 : rng.uniform(0, 2), drawnR = rng.int(1, 6);
    const c = params.c ?? drawnC, r = params.r ?? drawnR;
    return {
      kernel: polynomialKernel(c, r),
      parameters: { holds: c >= 0 && Number.isInteger(r) && r >= 1, value: `c = ${c.toFixed(3)} ≥ 0, r = ${r} ∈ ℕ` },
    };
  },
  (rng, params = {}) => {
    const c = params.c ?? 10 ** rng.uniform(-1.5, 1);
    return { kernel: rbfKernel(c), parameters: { holds: c > 0, value: `c = ${c.toFixed(4)} > 0` } };
  },
  (rng, params = {}) => {
    const c = params.c ?? 10 ** rng.uniform(-1.5, 1);
    return { kernel: laplaceKernel(c), parameters: { holds: c > 0, value: `c = ${c.toFixed(4)} > 0` } };
  },
];

/** A kernel-matrix instance: a kernel and points. */
export interface KernelMatrixInstance {
  /** The kernel (with its parameter check). */
  drawn: DrawnKernel;
  /** The points x₁, …, x_m. */
  points: Float64Array[];
  /** How the points were drawn. */
  pointKind: string;
}

/** The PSD check shared by def-11.8 and ex-11.10. */
function psdCheck(kernel: Kernel, points: Float64Array[]): ConclusionCheck {
  const { g, error } = kernelMatrix(kernel, points);
  const t = psdWithFormationError(g, error);
  const observed = Math.max(0, -t.minEigenvalue);
  return {
    holds: t.psd,
    observed,
    bound: t.tolerance,
    tightness: observed / t.tolerance,
    detail: `G ${g.rows}×${g.rows} ${t.symmetric ? "symmetric" : "NOT symmetric"}, λ_min = ${
      t.minEigenvalue.toExponential(3)
    }, tolerance ${t.tolerance.toExponential(2)} (formation bound ${error.toExponential(2)} + eigensolver 10·m·ε·‖G‖)`,
    data: { minEigenvalue: t.minEigenvalue, tolerance: t.tolerance },
  };
}

/**
 * `ex-11.10`: polynomial (c ≥ 0, r ∈ ℕ), RBF and Laplace (c > 0) kernels give symmetric PSD kernel
 * matrices on any point set. The families are a parameter so that a function that is not a
 * kernel can be shown to fail.
 *
 * @example
 * ```ts
 * import { ex1110 } from "./ch11_kernel_examples.ts";
 * console.assert(ex1110().id === "ex-11.10");
 * ```
 */
export function ex1110(families: KernelFamily[] = EXAMPLE_11_10): Claim {
  return defineClaim<KernelMatrixInstance>({
    id: "ex-11.10",
    title: "Polynomial, RBF and Laplace kernels are kernels",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 11, §11.2.2, Example 11.10 (with Definition 11.8)" },
    statement: String.raw`**Example 11.10.** Common examples of kernels include the polynomial kernel
$K(x, x') = (x^\top x' + c)^r$, $c \ge 0$, $r \in \mathbb N$, the radial basis function (RBF) kernel
$K(x, x') = \exp(-c\|x - x'\|^2)$, $c > 0$, and the Laplace kernel $K(x, x') = \exp(-c\|x - x'\|)$, $c > 0$.
(Kernel: for any $x_1, \dots, x_m$ the kernel matrix $G = (K(x_i, x_j))_{i,j}$ is symmetric positive semidefinite, Definition 11.8.)`,
    tightness:
      "max(0, −λ_min(Ĝ)) over the tolerance ‖E‖_F + 10·m·ε·‖Ĝ‖₂, E the entrywise rounding-error bound of Ĝ (0: no negative eigenvalue at all)",
    instances: { test: 36, report: 360 },
    generate({ rng, index, params = {} }) {
      const drawn = families[(params.family ?? index) % families.length](rng, params);
      const kind = params.points ?? Math.floor(index / families.length) % POINT_KINDS.length;
      const drawnM = rng.int(2, 25), drawnD = rng.int(1, 5);
      const points = pointSet(rng, params.m ?? drawnM, params.d ?? drawnD, kind);
      return { drawn, points, pointKind: POINT_KINDS[kind] };
    },
    parameters: {
      family: { type: "integer", min: 0, max: 2, help: "0 polynomial, 1 RBF, 2 Laplace" },
      c: {
        type: "number",
        min: -2,
        max: 5,
        help: "the kernel's c (the hypothesis: ≥ 0 polynomial, > 0 RBF and Laplace)",
      },
      r: { type: "integer", min: 1, max: 8, help: "the polynomial kernel's degree r" },
      points: { type: "integer", min: 0, max: 3, help: "0 spread, 1 clustered, 2 with duplicates, 3 rescaled" },
      m: { type: "integer", min: 1, max: 40, help: "number of points" },
      d: { type: "integer", min: 1, max: 6, help: "dimension" },
    },
    scenarios: [
      {
        name: "polynomial-c-negative",
        breaks: "$c \\ge 0$ for the polynomial kernel: $c = -1$, $(x^\\top x' - 1)^r$",
        params: { family: 0, c: -1, points: 0 },
      },
      {
        name: "laplace-c-negative",
        breaks: "$c > 0$ for the Laplace kernel: $c = -1$, $\\exp(+\\|x - x'\\|)$",
        params: { family: 2, c: -1, points: 0 },
      },
    ],
    describe: (i) => `${i.drawn.kernel.name}, ${i.points.length} ${i.pointKind} points in ℝ^${i.points[0].length}`,
    hypotheses: [{
      statement: String.raw`$c \ge 0$, $r \in \mathbb N$ (polynomial); $c > 0$ (RBF, Laplace); any finite points`,
      certainty: "certified",
      method: "parameters compared exactly; points checked finite",
      check: (i) => ({
        holds: i.drawn.parameters.holds && i.points.every((p) => p.every(Number.isFinite)),
        value: i.drawn.parameters.value,
      }),
    }],
    conclusion: {
      statement: String
        .raw`$G$ is exactly symmetric and $\lambda_{\min}(\hat G) \ge -(\|E\|_F + 10 m\varepsilon\|\hat G\|_2)$, where $|\hat G_{ij} - G_{ij}| \le E_{ij}$ is the
bound on the rounding error of each kernel evaluation (Weyl) and $10m\varepsilon\|\hat G\|_2$ the eigensolver's backward error.`,
      check: (i) => psdCheck(i.drawn.kernel, i.points),
    },
    aggregate(records) {
      // Teaching, and a check that the PSD test can fail: the same test on functions that are not
      // kernels, on the points of the first spread instance.
      const spread = records.find((r) => r.description.includes("spread"));
      const points = pointSet(createRng(`teaching/${spread?.index ?? 0}`), 8, 2, 0);
      const rows: [string, string][] = [];
      let allRejected = true;
      for (const k of [distanceFunction, polynomialKernel(-1, 1)]) {
        const c = psdCheck(k, points);
        allRejected &&= !c.holds;
        rows.push([
          `teaching: ${k.name} on 8 spread points`,
          `${c.holds ? "accepted (BUG)" : "rejected"}: ${c.detail}`,
        ]);
      }
      return {
        holds: allRejected,
        summary:
          `the same PSD test rejects functions that are not kernels (the distance ‖x − x′‖; the polynomial with c = −1 < 0): ${
            allRejected ? "both rejected" : "NOT rejected: the test is too lax"
          }`,
        rows,
      };
    },
  });
}

/** A feature-map instance: a feature map and points. */
export interface FeatureMapInstance {
  /** φ. */
  phi: FeatureMap;
  /** x₁, …, x_m. */
  points: Float64Array[];
  /** How the points were drawn. */
  pointKind: string;
}

/** Feature maps of §11.2 and random features, drawn by index. */
function drawFeatureMap(rng: Rng, index: number): FeatureMap {
  switch (index % 4) {
    case 0:
      return quadraticFeatures;
    case 1:
      return polynomial2Features(rng.int(1, 4));
    case 2:
      return randomFourierFeatures(rng, rng.int(1, 4), rng.int(3, 40), 10 ** rng.uniform(-1, 0.5));
    default:
      return reluFeatures(rng, rng.int(1, 4), rng.int(3, 40));
  }
}

/** The kernel built from a feature map: ⟨φ(x), φ(x′)⟩ by default. */
export type KernelOfFeatureMap = (phi: FeatureMap) => Kernel;

/**
 * `def-11.8`: K(x, x′) = ⟨φ(x), φ(x′)⟩ is a kernel: its kernel matrices are symmetric PSD, also
 * when m exceeds the number of features (singular G). The construction K(φ) is a parameter so
 * that a non-inner-product can be shown to be caught.
 *
 * @example
 * ```ts
 * import { def118 } from "./ch11_kernel_examples.ts";
 * console.assert(def118().id === "def-11.8");
 * ```
 */
export function def118(kernelOf: KernelOfFeatureMap = featureKernel): Claim {
  return defineClaim<FeatureMapInstance>({
    id: "def-11.8",
    title: "A feature map defines a kernel",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 11, §11.2.2, Definition 11.8 and the display after it" },
    statement: String
      .raw`**Definition 11.8.** A symmetric function $K: \mathbb R^d \times \mathbb R^d \to \mathbb R$ is called a kernel
if for any $x_1, \dots, x_m \in \mathbb R^d$ the kernel matrix $G = (K(x_i, x_j))_{i,j=1}^m$ is symmetric positive
semidefinite. Given a feature map $\phi: \mathbb R^d \to H$, it is easy to check that
$K(x, x') := \langle \phi(x), \phi(x')\rangle_H$ defines a kernel.`,
    tightness:
      "max(0, −λ_min(Ĝ)) over the tolerance ‖E‖_F + 10·m·ε·‖Ĝ‖₂ (E from the features' rounding bounds); near 1 only when G is singular",
    instances: { test: 32, report: 320 },
    generate({ rng, index, params = {} }) {
      const phi = drawFeatureMap(rng, params.family ?? index);
      const kind = params.points ?? Math.floor(index / 4) % POINT_KINDS.length;
      const drawnM = rng.int(2, 30);
      const points = pointSet(rng, params.m ?? drawnM, phi.inputDim, kind);
      return { phi, points, pointKind: POINT_KINDS[kind] };
    },
    parameters: {
      family: {
        type: "integer",
        min: 0,
        max: 3,
        help: "0 (11.2.6), 1 features of (1 + xᵀx′)², 2 random Fourier, 3 random ReLU",
      },
      points: { type: "integer", min: 0, max: 3, help: "0 spread, 1 clustered, 2 with duplicates, 3 rescaled" },
      m: { type: "integer", min: 1, max: 60, help: "number of points (m > n makes G singular)" },
    },
    unbreakable:
      "The statement has no hypothesis: any feature map into a Hilbert space gives a kernel. Singular G (m above the number of features, duplicated points) is sampled.",
    describe: (i) => `φ = ${i.phi.name}, ${i.points.length} ${i.pointKind} points`,
    hypotheses: [{
      statement: String
        .raw`$\phi: \mathbb R^d \to H = \mathbb R^n$ a feature map (any), $x_1, \dots, x_m \in \mathbb R^d$`,
      certainty: "certified",
      method: "φ(xᵢ) computed and checked finite",
      check: (i) => ({
        holds: i.points.every((p) => i.phi.map(p).every(Number.isFinite)),
        value: `n = ${i.phi.dim} features, m = ${i.points.length} points${
          i.points.length > i.phi.dim ? " (G singular: m > n)" : ""
        }`,
      }),
    }],
    conclusion: {
      statement: String
        .raw`$G = (\langle\phi(x_i), \phi(x_j)\rangle)$ is exactly symmetric and $\lambda_{\min}(\hat G) \ge -(\|E\|_F + 10m\varepsilon\|\hat G\|_2)$.`,
      check: (i) => psdCheck(kernelOf(i.phi), i.points),
    },
  });
}

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
 * import { ex115 } from "./ch11_kernel_examples.ts";
 * console.assert(ex115().id === "ex-11.5");
 * ```
 */
export function ex115(phi: FeatureMap = quadraticFeatures): Claim {
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
    describe: (i) =>
      `${i.labels.filter((y) => y > 0).length} points inside r₁ = ${i.radii[0].toFixed(3)}, ${
        i.labels.filter((y) => y < 0).length
      } outside r₂ = ${i.radii[1].toFixed(3)}`,
    hypotheses: [{
      statement:
        "$x_i \\in \\mathbb R^2$, $y_i \\in \\{-1, 1\\}$: +1 inside a disc, −1 outside a larger concentric circle",
      certainty: "certified",
      method:
        "each label compared with the side of the circles its point lies on (float64 distances, relative slack 1e-12)",
      check: (i) => {
        const ok = i.points.every((p, k) => {
          const r = Math.hypot(p[0] - i.centre[0], p[1] - i.centre[1]);
          return i.labels[k] > 0 ? r <= i.radii[0] * (1 + 1e-12) : r >= i.radii[1] * (1 - 1e-12);
        });
        return { holds: ok, value: `r₂/r₁ = ${(i.radii[1] / i.radii[0]).toFixed(3)}` };
      },
    }],
    conclusion: {
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
  });
}

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
 * import { laplaceFeaturesFor } from "./ch11_kernel_examples.ts";
 * const phi = laplaceFeaturesFor([Float64Array.of(0), Float64Array.of(1)]);
 * console.assert(phi.dim === 2 && phi.map([0])[0] === 1);
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
function labellings(i: LabellingInstance, makeMap: FeatureMapFor) {
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
 * `ex-11.33`: for x₁, …, x_m ∈ ℝᵈ some feature map φ: ℝᵈ → ℝᵐ makes every labelling linearly
 * separable. As printed (no distinctness) it fails when a point is repeated with opposite labels:
 * shown as an erratum. The construction of φ is a parameter so that a weak one can be caught.
 *
 * @example
 * ```ts
 * import { ex1133 } from "./ch11_kernel_examples.ts";
 * console.assert(ex1133().erratum !== undefined);
 * ```
 */
export function ex1133(makeMap: FeatureMapFor = laplaceFeaturesFor): Claim {
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
    parameters: {
      m: { type: "integer", min: 2, max: 8, help: "number of points (all 2^m labellings are enumerated)" },
      d: { type: "integer", min: 1, max: 4, help: "dimension" },
      repeat: {
        type: "integer",
        min: 0,
        max: 1,
        help: "1: x_b is set equal to some x_a (the case the printed form misses)",
      },
    },
    unbreakable:
      "The printed exercise has no hypothesis beyond xᵢ ∈ ℝᵈ; the case its proof needs but does not state (pairwise distinct points) is sampled in every third instance, which is the erratum.",
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
      statement: String
        .raw`For $\phi(x) = (K(x, x_j))_j$ (Laplace kernel, the exercise's map may depend on the data) and every one of
the $2^m$ labellings, $w$ = the least-squares fit of $\langle w, \phi(x_i)\rangle = y_i$ gives certified signs $\operatorname{sign}\langle w, \phi(x_i)\rangle = y_i$.
When $x_a = x_b$ and $y_a \ne y_b$ no $\phi$ whatsoever can do this ($\phi(x_a) = \phi(x_b)$ lies on both sides): the printed claim fails.`,
      check(i) {
        const r = labellings(i, makeMap);
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
      printed:
        "Let $x_i \\in \\mathbb R^d$, $i = 1, \\dots, m$. Show that there exists a feature map … for any configuration of labels …",
      corrected:
        "Let $x_1, \\dots, x_m \\in \\mathbb R^d$ be **pairwise distinct** (or: labels agree on repeated points). Then some $\\phi: \\mathbb R^d \\to \\mathbb R^m$ separates every labelling",
      reasoning:
        "A feature map is a function of x, so a repeated point x_a = x_b has one image φ(x_a) = φ(x_b); a strict separating hyperplane would need ⟨w, φ(x_a)⟩ + b > 0 and < 0 at once. The printed exercise omits distinctness (the catalogue row already assumes it). With distinct points, φ(x) = (K(x, xⱼ))ⱼ for a strictly positive definite kernel has an invertible G, and w = G⁻¹y interpolates any labels.",
      check(i) {
        const r = labellings(i, makeMap);
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
    },
  });
}
