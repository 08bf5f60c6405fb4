/**
 * Deliberately wrong claims that only a whole run can catch (a fitted exponent, a binomial or frequency
 * test, an aggregate p-value, or a one-instance claim): each export builds one, with no arguments, so a
 * worker can rebuild it (`engine/parallel_run.ts` `importClaim`) and `testing/mutants_test.ts` can run
 * them all at once on a pool. Each doc line says what is wrong and what should catch it. This module
 * must stay importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../engine/claim.ts";
import { withParams } from "../engine/mutation.ts";
import { lecunKernel } from "../models/ntk_kernels.ts";
import { kernelA } from "../models/lecture_network.ts";
import type { ScaledTwoLayer } from "../models/scaled_two_layer.ts";
import { eos103 } from "../theorems/ch10_edge_of_stability.ts";
import { eq1021 } from "../theorems/ch10_linear.ts";
import { eq1028, eq1047 } from "../theorems/ch10_nonlinear.ts";
import { lemma1119, lemma1120, lemma1122, prop1128 } from "../theorems/ch11_probabilistic.ts";
import { thm1116, thm1130 } from "../theorems/ch11_tangent_kernel.ts";
import { fig113, gdTrainer, prop1125, prop1126 } from "../theorems/ch11_wide.ts";
import { yangGram } from "../theorems/lecture13.ts";
import { printedMovementRadius, yangLinearRate, yangMovement, yangTstar } from "../theorems/lecture13_lemmas.ts";

/** Row-wise 1.05·∇Φ: a linearised model built on a perturbed Jacobian. */
const perturbed = (rows: Float64Array[]) => rows.map((r) => r.map((v) => 1.05 * v));

/**
 * yang-linear-rate with a rate claimed 4 times faster, exp(−4Nλ_S t/n): its one test instance fails.
 *
 * @example
 * ```ts
 * import { yangLinearRateFourTimesFaster } from "./mutants.ts";
 * console.assert(yangLinearRateFourTimesFaster().id === "yang-linear-rate");
 * ```
 */
export function yangLinearRateFourTimesFaster(): Claim {
  return yangLinearRate(() => 4);
}

/**
 * yang-movement with a radius q 100 times too small: its one test instance moves farther.
 *
 * @example
 * ```ts
 * import { yangMovementRadiusHundredfoldSmall } from "./mutants.ts";
 * console.assert(yangMovementRadiusHundredfoldSmall().id === "yang-movement");
 * ```
 */
export function yangMovementRadiusHundredfoldSmall(): Claim {
  return yangMovement((d, n, r0, N, l, delta) => printedMovementRadius(d, n, r0, N, l, delta) / 100);
}

/**
 * prop-11.25 with a linearised model built on 1.05·∇Φ(X, w₀): the kernel gap stops decaying with the
 * width, which the fitted exponent catches.
 *
 * @example
 * ```ts
 * import { prop1125PerturbedJacobian } from "./mutants.ts";
 * console.assert(prop1125PerturbedJacobian().id === "prop-11.25");
 * ```
 */
export function prop1125PerturbedJacobian(): Claim {
  return prop1125(perturbed);
}

/**
 * prop-11.26 with a linearised model built on 1.05·∇Φ(·, w₀): caught by the fitted exponent.
 *
 * @example
 * ```ts
 * import { prop1126PerturbedJacobian } from "./mutants.ts";
 * console.assert(prop1126PerturbedJacobian().id === "prop-11.26");
 * ```
 */
export function prop1126PerturbedJacobian(): Claim {
  return prop1126(perturbed);
}

/**
 * fig-11.3 with 3 GD steps instead of 1000 as the corrected trainer: the loss goes down but the variance
 * at the data does not collapse, which the aggregate's test rejects (the printed h = 1/n still diverges).
 *
 * @example
 * ```ts
 * import { fig113ThreeSteps } from "./mutants.ts";
 * console.assert(fig113ThreeSteps().id === "fig-11.3");
 * ```
 */
export function fig113ThreeSteps(): Claim {
  const short = gdTrainer(0.5);
  return fig113(gdTrainer(1), (net) => short(net, 3));
}

/**
 * thm-11.16 with a limit kernel 10% off (1.1·K^LC): the empirical kernels' convergence test rejects.
 *
 * @example
 * ```ts
 * import { thm1116TenPercentOff } from "./mutants.ts";
 * console.assert(thm1116TenPercentOff().id === "thm-11.16");
 * ```
 */
export function thm1116TenPercentOff(): Claim {
  return thm1116((x, z, s) => 1.1 * lecunKernel(x, z, s).value);
}

/**
 * thm-11.30 with K^NTK without its σ′ term (the LeCun limit plus 1): the convergence test rejects.
 *
 * @example
 * ```ts
 * import { thm1130WithoutDerivativeTerm } from "./mutants.ts";
 * console.assert(thm1130WithoutDerivativeTerm().id === "thm-11.30");
 * ```
 */
export function thm1130WithoutDerivativeTerm(): Claim {
  return thm1130((x, z, s) => lecunKernel(x, z, s).value + 1);
}

/**
 * lemma-11.20 with a failure bound 100 times too small: the frequency test rejects.
 *
 * @example
 * ```ts
 * import { lemma1120HundredfoldSmallBound } from "./mutants.ts";
 * console.assert(lemma1120HundredfoldSmallBound().id === "lemma-11.20");
 * ```
 */
export function lemma1120HundredfoldSmallBound(): Claim {
  return lemma1120((n, d, mu4) => d * mu4 / n / 100);
}

/**
 * lemma-11.22 with R₀ = mCδ: the frequency test rejects.
 *
 * @example
 * ```ts
 * import { lemma1122RadiusMCDelta } from "./mutants.ts";
 * console.assert(lemma1122RadiusMCDelta().id === "lemma-11.22");
 * ```
 */
export function lemma1122RadiusMCDelta(): Claim {
  return lemma1122((m, C, delta) => m * C * delta);
}

/**
 * lemma-11.19 with a band built from 3·K^LC: the frequency test rejects.
 *
 * @example
 * ```ts
 * import { lemma1119ThreefoldKernel } from "./mutants.ts";
 * console.assert(lemma1119ThreefoldKernel().id === "lemma-11.19");
 * ```
 */
export function lemma1119ThreefoldKernel(): Claim {
  return lemma1119((x, z, s) => {
    const k = lecunKernel(x, z, s);
    return { value: 3 * k.value, error: 3 * k.error };
  });
}

/**
 * prop-11.28 with a covariance 15% too large: the goodness-of-fit test rejects.
 *
 * @example
 * ```ts
 * import { prop1128CovarianceTooLarge } from "./mutants.ts";
 * console.assert(prop1128CovarianceTooLarge().id === "prop-11.28");
 * ```
 */
export function prop1128CovarianceTooLarge(): Claim {
  return prop1128((x, z, s) => 1.15 * lecunKernel(x, z, s).value);
}

/**
 * eq-10.47 with a bound exponent of −3/2 (κ ≲ d_hid^{-3/2}): the fitted exponent catches it.
 *
 * @example
 * ```ts
 * import { eq1047ExponentThreeHalves } from "./mutants.ts";
 * console.assert(eq1047ExponentThreeHalves().id === "eq-10.47");
 * ```
 */
export function eq1047ExponentThreeHalves(): Claim {
  return eq1047(() => -1.5);
}

/**
 * yang-tstar with a claimed movement O(N^-2): the fitted exponent in N catches it.
 *
 * @example
 * ```ts
 * import { yangTstarExponentTwo } from "./mutants.ts";
 * console.assert(yangTstarExponentTwo().id === "yang-tstar");
 * ```
 */
export function yangTstarExponentTwo(): Claim {
  return yangTstar(() => -2);
}

/**
 * yang-gram with a limit kernel off by a factor 1.2: the error stops decaying with the width.
 *
 * @example
 * ```ts
 * import { yangGramKernelOff } from "./mutants.ts";
 * console.assert(yangGramKernelOff().id === "yang-gram");
 * ```
 */
export function yangGramKernelOff(): Claim {
  return yangGram((x, y) => 1.2 * kernelA(x, y));
}

/**
 * eos-10.3 with a wrong Hessian-vector product (half the true one): the measured sharpness is half the
 * true one at every step, and the binomial test rejects on the test budget's 12 runs (it needs ≥ 10
 * meeting the hypothesis), of 1000 steps instead of 3000 to save time.
 *
 * @example
 * ```ts
 * import { eos103HalfHessian } from "./mutants.ts";
 * console.assert(eos103HalfHessian().id === "eos-10.3");
 * ```
 */
export function eos103HalfHessian(): Claim {
  const wrong = eos103((net, theta, data, delta, out) => {
    net.hessianVector(theta, data, delta, out);
    for (let q = 0; q < out.length; q++) out[q] *= 0.5;
  });
  return withParams(wrong, { steps: 1000 });
}

/**
 * eq-10.21 with a second-order method (Heun) posing as GD: the gap to the flow is O(η²), which the
 * order test (fitted exponent, aggregate p-value) catches.
 *
 * @example
 * ```ts
 * import { eq1021Heun } from "./mutants.ts";
 * console.assert(eq1021Heun().id === "eq-10.21");
 * ```
 */
export function eq1021Heun(): Claim {
  return eq1021(undefined, (ls, w, eta) => {
    const half = ls.gdStep(w, eta), g0 = ls.gradient(w), g1 = ls.gradient(half);
    return w.map((v, k) => v - (eta / 2) * (g0[k] + g1[k]));
  });
}

/**
 * eq-10.28 with GD on the linearised model (Df frozen at w₀): the gap to the flow stops being O(η),
 * which the order test (aggregate p-value) catches.
 *
 * @example
 * ```ts
 * import { eq1028LinearisedGd } from "./mutants.ts";
 * console.assert(eq1028LinearisedGd().id === "eq-10.28");
 * ```
 */
export function eq1028LinearisedGd(): Claim {
  const frozen = new WeakMap<ScaledTwoLayer, Float64Array[]>();
  return eq1028(undefined, (net, y, w, eta) => {
    const jac = frozen.get(net) ?? net.jacobian(w); // first call is at w₀
    frozen.set(net, jac);
    const f = net.outputs(w), g = new Float64Array(w.length);
    jac.forEach((row, i) => {
      for (let k = 0; k < row.length; k++) g[k] += row[k] * (y[i] - f[i]);
    });
    return w.map((v, m) => v + eta * g[m]);
  });
}
