/**
 * Chapter 11, §11.2.2, Definition 11.8 and the display after it: for a feature map φ: ℝᵈ → H,
 * K(x, x′) = ⟨φ(x), φ(x′)⟩_H is a kernel (its kernel matrices are symmetric PSD), also when m
 * exceeds the number of features (singular G).
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { type PsdData, psdUpToRounding } from "../../engine/verdicts/psd_up_to_rounding.ts";
import { featureKernel, type FeatureMap, type Kernel, kernelMatrix } from "../../models/kernels.ts";
import { polynomial2Features, quadraticFeatures, randomFourierFeatures } from "../../models/kernels.ts";
import { randomReluFeatureMap } from "../../models/kernels.ts";
import { POINT_KIND_PARAMETER, POINT_KINDS, pointSet } from "../../models/psd_point_sets.ts";
import type { Rng } from "../../numerics/random.ts";

const SOURCE = "004_9692536818598e94.txt";

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
      return randomReluFeatureMap(rng, rng.int(1, 4), rng.int(3, 40));
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
 * import assert from "node:assert/strict";
 * import { featureMapKernel } from "./feature_map_kernel.ts";
 * assert.equal(featureMapKernel().id, "def-11.8");
 * ```
 */
export function featureMapKernel(kernelOf: KernelOfFeatureMap = featureKernel): Claim {
  return defineClaim<FeatureMapInstance, PsdData>({
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
      failure: (c) =>
        `Definition 11.8: a feature map defines a kernel, so its Gram matrix is PSD; ${c.failure ?? c.detail}`,
      statement: String
        .raw`$G = (\langle\phi(x_i), \phi(x_j)\rangle)$ is exactly symmetric and $\lambda_{\min}(\hat G) \ge -(\|E\|_F + r)$, $r$ the radius of a rigorous enclosure of $\hat G$'s eigenvalues.`,
      check: (i) => psdUpToRounding(kernelMatrix(kernelOf(i.phi), i.points)),
    },
    parameters: {
      family: {
        type: "integer",
        min: 0,
        max: 3,
        help: "0 (11.2.6), 1 features of (1 + xᵀx′)², 2 random Fourier, 3 random ReLU",
      },
      points: POINT_KIND_PARAMETER,
      m: { type: "integer", min: 1, max: 60, help: "number of points (m > n makes G singular)" },
    },
    unbreakable:
      "The statement has no hypothesis: any feature map into a Hilbert space gives a kernel. Singular G (m above the number of features, duplicated points) is sampled.",
    nearMiss: {
      mutant:
        "⟨φ(x), Dφ(x′)⟩ with D = diag(−1, 1, …, 1) (one sign of the inner product flipped) in place of ⟨φ(x), φ(x′)⟩",
      caughtBy:
        '`feature_map_kernel_test.ts`, "def-11.8 catches the near miss ⟨φ(x), Dφ(x′)⟩, D = diag(−1, 1, …, 1): one sign of the inner product flipped"',
    },
  });
}
