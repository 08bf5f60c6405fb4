/**
 * Every claim the project checks, in the order of the catalog (docs/claims.md): a list of modules and
 * the export that builds each claim. The tests, the report and the CLI all read this registry; workers
 * rebuild a claim from its entry.
 *
 * @module
 */
import { loadRegistry, type Registry } from "../engine/registry.ts";
import type { Claim } from "../engine/claim.ts";

/**
 * The registry of all claims.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { catalog } from "./catalog.ts";
 * assert.equal(catalog.byId("eq-10.21")?.kind, "exact");
 * ```
 */
export const catalog: Registry = await loadRegistry(import.meta.url, [
  // Chapter 10
  ["./ch10/linear_flow_eigenbasis.ts", "linearFlowEigenbasis"],
  ["./ch10/linear_gd_reaches_optimum.ts", "linearGdReachesOptimum"],
  ["./ch10/error_dynamics_ntk.ts", "errorDynamicsNtk"],
  ["./ch10/scaled_model_kappa.ts", "scaledModelKappa"],
  ["./ch10/kappa_width_decay.ts", "kappaWidthDecay"],
  ["./ch10/descent_lemma.ts", "descentLemma"],
  ["./ch10/training_np_hard.ts", "trainingNpHard"],
  ["./ch10/edge_of_stability.ts", "edgeOfStability"],
  // Part 2
  ["./ch10/smoothness_hessian_equivalence.ts", "smoothnessHessianEquivalence"],
  ["./ch10/inverse_relative_scale_derivation.ts", "inverseRelativeScaleDerivation"],
  // Chapter 11
  ["./ch11/min_norm_least_squares.ts", "minNormLeastSquares"],
  ["./ch11/gd_least_squares_limit.ts", "gdLeastSquaresLimit"],
  ["./ch11/gd_feature_model_limit.ts", "gdFeatureModelLimit"],
  ["./ch11/radial_feature_map.ts", "radialFeatureMap"],
  ["./ch11/representer_theorem.ts", "representerTheorem"],
  ["./ch11/feature_map_kernel.ts", "featureMapKernel"],
  ["./ch11/kernel_trick.ts", "kernelTrick"],
  ["./ch11/standard_kernels_psd.ts", "standardKernelsPsd"],
  ["./ch11/feature_map_separates_labellings.ts", "featureMapSeparatesLabellings"],
  ["./ch11/gd_linear_convergence.ts", "gdLinearConvergence"],
  ["./ch11/lecun_kernel_limit.ts", "lecunKernelLimit"],
  ["./ch11/lecun_relu_closed_form.ts", "lecunReluClosedForm"],
  ["./ch11/tangent_kernel_eigenvalues.ts", "tangentKernelEigenvalues"],
  ["./ch11/random_matrix_norm.ts", "randomMatrixNorm"],
  ["./ch11/gradient_lipschitz_ball.ts", "gradientLipschitzBall"],
  ["./ch11/initial_loss_bound.ts", "initialLossBound"],
  ["./ch11/wide_network_gd.ts", "wideNetworkGd"],
  ["./ch11/linearised_predictions.ts", "linearisedPredictions"],
  ["./ch11/kernel_gap_rate.ts", "kernelGapRate"],
  ["./ch11/linearised_training_gap.ts", "linearisedTrainingGap"],
  ["./ch11/outputs_gaussian_limit.ts", "outputsGaussianLimit"],
  ["./ch11/realisations_before_after_training.ts", "realisationsBeforeAfterTraining"],
  ["./ch11/gradient_magnitudes.ts", "gradientMagnitudes"],
  ["./ch11/ntk_kernel_limit.ts", "ntkKernelLimit"],
  ["./ch11/ntk_relu_closed_form.ts", "ntkReluClosedForm"],
  ["./ch11/orthant_probability.ts", "orthantProbability"],
  ["./ch11/ntk_with_biases.ts", "ntkWithBiases"],
  // Part 2
  ["./ch11/least_squares_minimiser_cases.ts", "leastSquaresMinimiserCases"],
  ["./ch11/polynomial_kernel_features.ts", "polynomialKernelFeatures"],
  ["./ch11/rbf_feature_map.ts", "rbfFeatureMap"],
  ["./ch11/tangent_kernel_regularity.ts", "tangentKernelRegularity"],
  ["./ch11/gd_svd_formula.ts", "gdSvdFormula"],
  ["./ch11/linearised_loss_kernel.ts", "linearisedLossKernel"],
  ["./ch11/trained_network_gp.ts", "trainedNetworkGp"],
  ["./ch11/ntk_lecun_equivalence.ts", "ntkLecunEquivalence"],
  ["./ch11/group_training.ts", "groupTraining"],
  ["./ch11/adam_groups.ts", "adamGroups"],
  // Lecture 13
  ["./lecture13/gram_matrices.ts", "gramMatrices"],
  ["./lecture13/risk_flow.ts", "riskFlow"],
  ["./lecture13/linearised_flow.ts", "linearisedFlow"],
  ["./lecture13/initial_risk.ts", "initialRisk"],
  ["./lecture13/lambda_min.ts", "lambdaMin"],
  ["./lecture13/parameter_movement.ts", "parameterMovement"],
  ["./lecture13/linear_rate.ts", "linearRate"],
  ["./lecture13/tstar_infinite.ts", "tstarInfinite"],
  // Part 2
  ["./lecture13/dnn_evolution.ts", "dnnEvolution"],
  ["./lecture13/pde_operator.ts", "pdeOperator"],
  ["./lecture13/first_layer_gram.ts", "firstLayerGram"],
  ["./lecture13/loss_bound.ts", "lossBound"],
  ["./lecture13/pde_rate.ts", "pdeRate"],
  // Chizat's slides
  ["./chizat/relu_homogeneity.ts", "reluHomogeneity"],
  ["./chizat/random_features_ridge.ts", "randomFeaturesRidge"],
  ["./chizat/mean_field_limit.ts", "meanFieldLimit"],
  ["./chizat/global_convergence.ts", "globalConvergence"],
  ["./chizat/lazy_training.ts", "lazyTraining"],
  ["./chizat/relative_scale.ts", "relativeScale"],
  ["./chizat/implicit_bias.ts", "implicitBias"],
  // Part 2
  ["./chizat/small_step_limit.ts", "smallStepLimit"],
  ["./chizat/interaction_energy.ts", "interactionEnergy"],
  ["./chizat/homogeneous_projection.ts", "homogeneousProjection"],
  ["./chizat/soft_min_limit.ts", "softMinLimit"],
  ["./chizat/normalized_flow.ts", "normalizedFlow"],
  ["./chizat/winf_rate.ts", "winfRate"],
  ["./chizat/conic_pgd.ts", "conicPgd"],
  ["./chizat/sparse_deconvolution.ts", "sparseDeconvolution"],
  ["./chizat/mirror_descent_rate.ts", "mirrorDescentRate"],
  ["./chizat/ntk_limit.ts", "ntkLimit"],
  ["./chizat/lazy_movement.ts", "lazyMovement"],
  ["./chizat/relative_error.ts", "relativeError"],
  ["./chizat/tv_max_margin.ts", "tvMaxMargin"],
  ["./chizat/lazy_generalisation.ts", "lazyGeneralisation"],
]);

/** All claims, in catalog order. */
export const claims: readonly Claim[] = catalog.claims;

/**
 * The claim with this id, or undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimById } from "./catalog.ts";
 * assert.equal(claimById("eq-10.21")?.kind, "exact");
 * ```
 */
export function claimById(id: string): Claim | undefined {
  return catalog.byId(id);
}
