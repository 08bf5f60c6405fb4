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
  featureKernel,
  type FeatureMap,
  type Kernel,
  kernelMatrix,
  laplaceKernel,
  polynomial2Features,
  polynomialKernel,
  quadraticFeatures,
  randomFourierFeatures,
  rbfKernel,
  reluFeatures,
} from "../models/kernels.ts";
import { psdWithFormationError } from "../numerics/psd.ts";
import type { Rng } from "../numerics/random.ts";

const SOURCE = "004_9692536818598e94.txt";

/** Point sets that stress PSD tests: spread, clustered (near-singular G), with duplicates (singular G), scaled. */
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
export type KernelFamily = (rng: Rng) => DrawnKernel;

/** The three families of Example 11.10 with the printed parameter ranges. */
export const EXAMPLE_11_10: KernelFamily[] = [
  (rng) => {
    const c = rng.double() < 0.3 ? 0 : rng.uniform(0, 2), r = rng.int(1, 6);
    return {
      kernel: polynomialKernel(c, r),
      parameters: { holds: c >= 0 && Number.isInteger(r) && r >= 1, value: `c = ${c.toFixed(3)} ≥ 0, r = ${r} ∈ ℕ` },
    };
  },
  (rng) => {
    const c = 10 ** rng.uniform(-1.5, 1);
    return { kernel: rbfKernel(c), parameters: { holds: c > 0, value: `c = ${c.toFixed(4)} > 0` } };
  },
  (rng) => {
    const c = 10 ** rng.uniform(-1.5, 1);
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
    generate({ rng, index }) {
      const drawn = families[index % families.length](rng);
      const kind = Math.floor(index / families.length) % POINT_KINDS.length;
      const points = pointSet(rng, rng.int(2, 25), rng.int(1, 5), kind);
      return { drawn, points, pointKind: POINT_KINDS[kind] };
    },
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
    generate({ rng, index }) {
      const phi = drawFeatureMap(rng, index);
      const kind = Math.floor(index / 4) % POINT_KINDS.length;
      const points = pointSet(rng, rng.int(2, 30), phi.inputDim, kind);
      return { phi, points, pointKind: POINT_KINDS[kind] };
    },
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
