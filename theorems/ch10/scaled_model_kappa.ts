/**
 * `eq-10.45` (Chapter 10, §10.2.2, (10.42)–(10.45)): the inverse relative scale κ of the scaled model αf,
 * when f(x, w₀) = 0 (half of the network the negative of the other half), is
 * κ_{αf}(w₀) = ‖y‖·‖D²f(w₀)‖/(α‖Df(w₀)‖²), so κ ∝ 1/α.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { flag } from "../../engine/flag.ts";
import { failedAs } from "../../engine/words.ts";
import type { Claim } from "../../engine/claim.ts";
import { sphereInputs } from "../../models/datasets.ts";
import { antisymmetricInit, iidInit, kappa, rowsSpectralNorm, ScaledTwoLayer } from "../../models/scaled_two_layer.ts";
import { sumErrorBound } from "../../models/scaled_two_layer.ts";
import { relu } from "../../models/activation.ts";
import { atMost, norm, ratio } from "../../numerics/compare.ts";
import { EPS } from "../../numerics/linalg.ts";

const SOURCE = "001_77e89cd23d3b82cd.txt";

/** An instance of (10.45): a ReLU network with f(·, w₀) = 0, targets, and the scales α tried. */
export interface ScaleInstance {
  /** The unscaled model (α = 1). */
  net: ScaledTwoLayer;
  /** Targets y. */
  y: Float64Array;
  /** w₀ with the second half of the neurons the negative of the first. */
  w0: Float64Array;
  /** Scales α. */
  alphas: number[];
  /** False when w₀ was drawn iid (a scenario breaking f(w₀) = 0); absent means antisymmetric. */
  antisymmetric?: boolean;
}

/** What each instance keeps: κ_{αf}(w₀) from the definition, at each α. */
export interface ScaleData {
  /** κ_{αf}(w₀) by (10.42), one per α. */
  kappas: number[];
  /** The scales α. */
  alphas: number[];
}

/** The formula under test: κ_{αf}(w₀) from y, ‖D²f(w₀)‖, ‖Df(w₀)‖ and α. */
export type ScaledKappaFormula = (yNorm: number, hessianNorm: number, jacobianNorm: number, alpha: number) => number;

/**
 * (10.45): κ_{αf}(w₀) = ‖y‖·‖D²f(w₀)‖/(α‖Df(w₀)‖²).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { printedScaledKappa } from "./scaled_model_kappa.ts";
 * assert.equal(printedScaledKappa(2, 3, 1, 6), 1);
 * ```
 */
export const printedScaledKappa: ScaledKappaFormula = (y, h, j, a) => y * h / (a * j * j);

/**
 * `eq-10.45`: κ of the scaled model αf, computed from its definition (10.42) on αf with every
 * operator norm computed exactly, equals (10.45) to float64 precision, hence κ ∝ 1/α.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scaledModelKappa } from "./scaled_model_kappa.ts";
 * assert.equal(scaledModelKappa().id, "eq-10.45");
 * ```
 */
export function scaledModelKappa(formula: ScaledKappaFormula = printedScaledKappa): Claim {
  return defineClaim<ScaleInstance, ScaleData>({
    id: "eq-10.45",
    title: "κ of the scaled model αf decays like 1/α when f(w₀) = 0",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 10, §10.2.2, (10.42)–(10.45)" },
    statement: String
      .raw`$\kappa_f(\mathbf{w}_0) = \frac{\|\mathbf{y} - \mathbf{f}(\mathbf{w}_0)\|\,\|D^2\mathbf{f}(\mathbf{w}_0)\|}{\|D\mathbf{f}(\mathbf{w}_0)\|^2}$ (10.42–10.43).
Assume $f(\mathbf{x}, \mathbf{w}_0) = 0$ (half of the network the negative of the other half). Then
$\kappa_{\alpha f}(\mathbf{w}_0) = \|\mathbf{y}\|\frac{\|D^2\mathbf{f}(\mathbf{w}_0)\|}{\alpha\|D\mathbf{f}(\mathbf{w}_0)\|^2}$ (10.45),
with $\|\cdot\|$ the operator 2-norm and $D^2\mathbf{f}(\mathbf{w}_0): \mathbb{R}^p \to \mathbb{R}^{N\times p}$.`,
    tightness: "worst relative deviation |κ_def − κ_(10.45)|/κ_def over the float64 tolerance, over α",
    instances: { test: 12, report: 100 },
    generate({ rng, params = {} }) {
      const drawnN = rng.int(1, 6), drawnD = rng.int(1, 5), drawnHalf = rng.int(1, 20);
      const n = params.n ?? drawnN, d = params.d ?? drawnD, width = 2 * (params.halfWidth ?? drawnHalf);
      const net = new ScaledTwoLayer(sphereInputs(rng, n, d), width, 1, relu);
      const y = Float64Array.from({ length: n }, () => rng.normal());
      const w0 = params.antisymmetric === 0 ? iidInit(rng, d, width) : antisymmetricInit(rng, d, width);
      return { net, y, w0, alphas: [1e-2, 0.5, 1, 3, 100, 1e4], antisymmetric: params.antisymmetric !== 0 };
    },
    describe: (i) =>
      `N = ${i.y.length}, d = ${i.net.dim}, d_hid = ${i.net.width}, ReLU, ${
        i.antisymmetric === false ? "iid" : "antisymmetric"
      } w₀`,
    hypotheses: [{
      statement: "$f(\\mathbf{x}_i, \\mathbf{w}_0) = 0$ for every data point",
      certainty: "certified",
      method:
        "|f(xᵢ, w₀)| is at most the rounding bound γ_{d_hid}·Σₖ|vₖσ(uₖ·xᵢ)| of the computed sum (exact zero in real arithmetic)",
      check(i) {
        const f = i.net.outputs(i.w0);
        const p = i.net.width * i.net.dim;
        let ok = true, worst = 0;
        i.net.xs.forEach((x, m) => {
          let abs = 0;
          for (let k = 0; k < i.net.width; k++) {
            let z = 0;
            for (let j = 0; j < i.net.dim; j++) z += i.w0[k * i.net.dim + j] * x[j];
            abs += Math.abs(i.w0[p + k] * relu.f(z));
          }
          const b = sumErrorBound(i.net.width, abs);
          ok &&= atMost(Math.abs(f[m]), b).ok;
          worst = Math.max(worst, Math.abs(f[m]));
        });
        return { holds: ok, value: `max |f(xᵢ, w₀)| = ${worst.toExponential(2)}` };
      },
    }, {
      statement: "$D\\mathbf{f}(\\mathbf{w}_0) \\ne 0$ (κ is defined)",
      certainty: "certified",
      method: "‖Df(w₀)‖ > 0 computed exactly",
      check(i) {
        const j = rowsSpectralNorm(i.net.jacobian(i.w0));
        return { holds: j > 0, value: `‖Df(w₀)‖ = ${j.toExponential(3)}` };
      },
    }],
    conclusion: {
      failure: (c) => failedAs("(10.45) predicts κ of the scaled model αf to be κ_f/α when f(w₀) = 0", c),
      statement: String
        .raw`For $\alpha \in \{10^{-2}, 0.5, 1, 3, 100, 10^4\}$: $\kappa_{\alpha f}(\mathbf{w}_0)$ from the definition
(10.42) applied to $\alpha f$ equals (10.45) within a relative $64(N+p)\varepsilon$ (norm computations) plus $\alpha\|\mathbf{f}(\mathbf{w}_0)\|/\|\mathbf{y}\|$ (rounding of $f(\mathbf{w}_0) = 0$).`,
      check(i) {
        const base = kappa(i.net, i.w0, i.y);
        const yNorm = norm(i.y);
        const f0 = norm(i.net.outputs(i.w0));
        let holds = true, worst = 0, detail = "";
        const kappas: number[] = [];
        for (const a of i.alphas) {
          const direct = kappa(i.net.withScale(a), i.w0, i.y).kappa;
          const printed = formula(yNorm, base.hessianNorm, base.jacobianNorm, a);
          const tol = 64 * (i.y.length + i.net.paramCount) * EPS + a * f0 / yNorm;
          const rel = Math.abs(direct - printed) / Math.abs(direct);
          const c = atMost(rel, tol);
          holds &&= c.ok;
          worst = Math.max(worst, ratio(c.observed, c.bound));
          kappas.push(direct);
          if (!c.ok && !detail) {
            detail = `at α = ${a} (10.45) gives κ = ${printed.toExponential(6)} where the definition gives ${
              direct.toExponential(6)
            } (relative gap ${rel.toExponential(2)} > tolerance ${tol.toExponential(2)})`;
          }
        }
        detail ||= `κ_{αf}·α constant: ${
          kappas.map((k, m) => `α = ${i.alphas[m]}: ${(k * i.alphas[m]).toExponential(6)}`).slice(0, 3).join(", ")
        }…`;
        return { holds, observed: worst, bound: 1, tightness: worst, detail, data: { kappas, alphas: i.alphas } };
      },
    },
    parameters: {
      n: { type: "integer", min: 1, max: 6, help: "number of data points N" },
      d: { type: "integer", min: 1, max: 5, help: "input dimension d" },
      halfWidth: { type: "integer", min: 1, max: 40, help: "d_hid / 2 (d_hid is even: two mirrored halves)" },
      antisymmetric: flag("1: second half of the neurons the negative of the first (f(w₀) = 0); 0: iid w₀"),
    },
    scenarios: [{
      name: "iid-init-f-nonzero",
      breaks: "$f(\\mathbf{x}, \\mathbf{w}_0) = 0$: an iid initialisation, so $\\mathbf{f}(\\mathbf{w}_0) \\ne 0$",
      params: { antisymmetric: 0 },
    }],
    nearMiss: {
      mutant: "κ_{αf} ∝ 1/α² in place of 1/α (‖D²(αf)‖ = α‖D²f‖ forgotten: a different scaling law)",
      caughtBy: '`scaled_model_kappa_test.ts`, "eq-10.45 catches κ ∝ 1/α² in place of 1/α"',
    },
  });
}
