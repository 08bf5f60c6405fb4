/**
 * Chapter 11, §11.2.2, Example 11.10 (with Definition 11.8): the polynomial kernel (c ≥ 0, r ∈ ℕ),
 * the RBF kernel and the Laplace kernel (c > 0) are kernels, i.e. give symmetric PSD kernel matrices
 * on any point set.
 *
 * @module
 */
import { defineClaim, namedChoice } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { type PsdData, psdUpToRounding } from "../../engine/verdicts/psd_up_to_rounding.ts";
import { distanceFunction, type Kernel, kernelMatrix, laplaceKernel, polynomialKernel } from "../../models/kernels.ts";
import { rbfKernel } from "../../models/kernels.ts";
import { POINT_KIND_PARAMETER, POINT_KINDS, pointSet } from "../../models/psd_point_sets.ts";
import { createRng, type Rng } from "../../numerics/random.ts";

const SOURCE = "004_9692536818598e94.txt";

/** A kernel drawn with its parameters and whether they satisfy Example 11.10's conditions. */
export interface DrawnKernel {
  /** The kernel. */
  kernel: Kernel;
  /** Whether its parameters satisfy the printed conditions, with the numbers. */
  parameters: { holds: boolean; value: string };
}

/** A kernel family: draws a kernel (with parameters) from a stream. */
export type KernelFamily = (rng: Rng, params?: Readonly<Record<string, number>>) => DrawnKernel;

/** A kernel-matrix instance: a kernel and points. */
export interface KernelMatrixInstance {
  /** The kernel (with its parameter check). */
  drawn: DrawnKernel;
  /** The points x₁, …, x_m. */
  points: Float64Array[];
  /** How the points were drawn. */
  pointKind: string;
}

/**
 * The three families of Example 11.10 with the printed parameter ranges.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../../numerics/random.ts";
 * import { STANDARD_KERNEL_FAMILIES } from "./standard_kernels_psd.ts";
 * assert.ok(STANDARD_KERNEL_FAMILIES.every((f) => f(createRng(2)).parameters.holds));
 * ```
 */
export const STANDARD_KERNEL_FAMILIES: KernelFamily[] = [
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

/**
 * `ex-11.10`: polynomial (c ≥ 0, r ∈ ℕ), RBF and Laplace (c > 0) kernels give symmetric PSD kernel
 * matrices on any point set. The families are a parameter so that a function that is not a
 * kernel can be shown to fail.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { standardKernelsPsd } from "./standard_kernels_psd.ts";
 * assert.equal(standardKernelsPsd().id, "ex-11.10");
 * ```
 */
export function standardKernelsPsd(families: KernelFamily[] = STANDARD_KERNEL_FAMILIES): Claim {
  return defineClaim<KernelMatrixInstance, PsdData>({
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
      failure: (c) => `a kernel's Gram matrix must be PSD; ${c.failure ?? c.detail}`,
      statement: String
        .raw`$G$ is exactly symmetric and $\lambda_{\min}(\hat G) \ge -(\|E\|_F + r)$, where $|\hat G_{ij} - G_{ij}| \le E_{ij}$ is the
bound on the rounding error of each kernel evaluation (Weyl) and $r$ the radius of a rigorous enclosure of $\hat G$'s eigenvalues
(Weyl with the residual of the computed eigenpairs, numerics/eigen_enclosure.ts).`,
      check: (i) => psdUpToRounding(kernelMatrix(i.drawn.kernel, i.points)),
    },
    aggregate(records) {
      // Teaching, and a check that the PSD test can fail: the same test on functions that are not
      // kernels, on the points of the first spread instance.
      const spread = records.find((r) => r.description.includes("spread"));
      const points = pointSet(createRng(`teaching/${spread?.index ?? 0}`), 8, 2, 0);
      const rows: [string, string][] = [];
      let allRejected = true;
      for (const k of [distanceFunction, polynomialKernel(-1, 1)]) {
        const c = psdUpToRounding(kernelMatrix(k, points));
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
    parameters: {
      family: namedChoice("0 polynomial, 1 RBF, 2 Laplace", ["polynomial", "rbf", "laplace"]),
      c: {
        type: "number",
        min: -2,
        max: 5,
        help: "the kernel's c (the hypothesis: ≥ 0 polynomial, > 0 RBF and Laplace)",
      },
      r: { type: "integer", min: 1, max: 8, help: "the polynomial kernel's degree r" },
      points: POINT_KIND_PARAMETER,
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
    nearMiss: {
      mutant: "exp(−c‖x − x′‖³) as a kernel (the RBF kernel with the distance cubed, not squared)",
      caughtBy:
        '`standard_kernels_psd_test.ts`, "ex-11.10 catches the near miss exp(−c‖x − x′‖³): the RBF kernel with the distance cubed, not squared"',
    },
  });
}
