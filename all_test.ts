/**
 * The whole test suite as one module: `deno test -A` runs this file only (`deno.json` `test.include`),
 * which imports every `*_test.ts` of the project. Deno starts a fresh isolate for each test module,
 * about 0.4 s apiece on a 2-core machine, so 58 modules cost more than 20 s before any test ran; one
 * module pays it once. Each `*_test.ts` still sits beside the file it tests and can be run alone
 * (`deno test -A numerics/linalg_test.ts`). The last test checks that no test file is left out.
 *
 * @module
 */
// First: the catalog's runs start on the workers (testing/catalog_runs.ts) while this thread runs the tests that
// need none; the tests that wait for the workers the longest are registered last.
import "./testing/hold_awaiting_tests.ts";
import "./testing/catalog_runs.ts";
import "./cli/claims_module_test.ts";
import "./cli/cli_test.ts";
import "./cli/explore_out_test.ts";
import "./cli/explore_sweep_test.ts";
import "./cli/explore_text_test.ts";
import "./cli/merge_reports_test.ts";
import "./cli/mutate_test.ts";
import "./cli/new_test.ts";
import "./cli/printed_commands_test.ts";
import "./cli/teaching_test.ts";
import "./theorems/failure_words_test.ts";
import "./theorems/poison_test.ts";
import "./engine/explore_test.ts";
import "./engine/false_alarm_test.ts";
import "./engine/instance_task_test.ts";
import "./engine/mutation_test.ts";
import "./engine/outcome_test.ts";
import "./engine/report_test.ts";
import "./engine/run_test.ts";
import "./engine/unicode_math_test.ts";
import "./engine/words_test.ts";
import "./examples/gradient_descent_test.ts";
import "./engine/verdicts/convergence_order_test.ts";
import "./engine/verdicts/exact_checks_test.ts";
import "./engine/verdicts/failure_frequency_test.ts";
import "./engine/verdicts/kernel_width_rate_test.ts";
import "./engine/verdicts/log_log_fit_test.ts";
import "./engine/verdicts/mean_slope_test.ts";
import "./engine/verdicts/psd_up_to_rounding_test.ts";
import "./engine/verdicts/width_decay_rate_test.ts";
import "./engine/verdicts/worst_of_checks_test.ts";
import "./layout_test.ts";
import "./models/activation_test.ts";
import "./models/curvature_profiles_test.ts";
import "./models/deep_relu_ntk_test.ts";
import "./models/gd_convergence_constants_test.ts";
import "./models/jacobian_instances_test.ts";
import "./models/kappa_sweep_test.ts";
import "./models/kernel_input_pairs_test.ts";
import "./models/kernel_least_squares_test.ts";
import "./models/kernel_ls_instances_test.ts";
import "./models/kernels_test.ts";
import "./models/law_width_cells_test.ts";
import "./models/lazy_instances_test.ts";
import "./models/lazy_relative_error_test.ts";
import "./models/lazy_teacher_student_test.ts";
import "./models/least_squares_instances_test.ts";
import "./models/least_squares_test.ts";
import "./models/lecture_gram_sweep_test.ts";
import "./models/lecture_movement_certificate_test.ts";
import "./models/lecture_network_test.ts";
import "./models/lecture_two_point_data_test.ts";
import "./models/linear_classifier_test.ts";
import "./models/mean_field_test.ts";
import "./models/ntk_kernels_test.ts";
import "./models/pde_network_test.ts";
import "./models/pde_rate_certificate_test.ts";
import "./models/psd_point_sets_test.ts";
import "./models/random_features_test.ts";
import "./models/rank_controlled_regression_test.ts";
import "./models/scaled_two_layer_test.ts";
import "./models/separation_test.ts";
import "./models/sharpness_trajectory_test.ts";
import "./models/sine_perturbed_linear_test.ts";
import "./models/smooth_losses_test.ts";
import "./models/soft_min_test.ts";
import "./models/subset_sum_instances_test.ts";
import "./models/subset_sum_test.ts";
import "./models/tangent_kernel_decomposition_test.ts";
import "./models/tangent_kernel_sweep_test.ts";
import "./models/teacher_student_test.ts";
import "./models/torus_lasso_test.ts";
import "./models/torus_transport_test.ts";
import "./models/trained_gp_test.ts";
import "./models/tv_max_margin_test.ts";
import "./models/two_layer_tanh_test.ts";
import "./models/two_layer_test.ts";
import "./models/wide_lecun_sweep_test.ts";
import "./numerics/adam_test.ts";
import "./numerics/catoni_test.ts";
import "./numerics/compare_test.ts";
import "./numerics/distributions_test.ts";
import "./numerics/dyadic_test.ts";
import "./numerics/eigen_enclosure_test.ts";
import "./numerics/geometry_test.ts";
import "./numerics/goodness_of_fit_test.ts";
import "./numerics/gram_spectral_norm_test.ts";
import "./numerics/hyperdual_test.ts";
import "./numerics/interval_power_test.ts";
import "./numerics/interval_test.ts";
import "./numerics/lanczos_test.ts";
import "./numerics/linalg_test.ts";
import "./numerics/logistic_test.ts";
import "./numerics/low_discrepancy_test.ts";
import "./numerics/lp_test.ts";
import "./numerics/max_flow_test.ts";
import "./numerics/ode_test.ts";
import "./numerics/optimize_test.ts";
import "./numerics/parallel_test.ts";
import "./numerics/power_test.ts";
import "./numerics/psd_test.ts";
import "./numerics/quadrature_test.ts";
import "./numerics/random_test.ts";
import "./numerics/rational_linalg_test.ts";
import "./numerics/rational_orthogonal_test.ts";
import "./numerics/rational_test.ts";
import "./numerics/rounding_test.ts";
import "./numerics/stats_test.ts";
import "./numerics/svm_test.ts";
import "./numerics/two_layer_kernels_test.ts";
import "./numerics/two_layer_kernels_wasm_test.ts";
import "./theorems/catalog_text_test.ts";
import "./theorems/ch10/descent_lemma_test.ts";
import "./theorems/ch10/edge_of_stability_test.ts";
import "./theorems/ch10/error_dynamics_ntk_test.ts";
import "./theorems/ch10/inverse_relative_scale_derivation_test.ts";
import "./theorems/ch10/kappa_width_decay_test.ts";
import "./theorems/ch10/linear_flow_eigenbasis_test.ts";
import "./theorems/ch10/linear_gd_reaches_optimum_test.ts";
import "./theorems/ch10/scaled_model_kappa_test.ts";
import "./theorems/ch10/smoothness_hessian_equivalence_test.ts";
import "./theorems/ch10/training_np_hard_test.ts";
import "./theorems/ch11/adam_groups_test.ts";
import "./theorems/ch11/feature_map_kernel_test.ts";
import "./theorems/ch11/feature_map_separates_labellings_test.ts";
import "./theorems/ch11/gd_feature_model_limit_test.ts";
import "./theorems/ch11/gd_least_squares_limit_test.ts";
import "./theorems/ch11/gd_linear_convergence_test.ts";
import "./theorems/ch11/gd_svd_formula_test.ts";
import "./theorems/ch11/gradient_lipschitz_ball_test.ts";
import "./theorems/ch11/gradient_magnitudes_test.ts";
import "./theorems/ch11/group_training_test.ts";
import "./theorems/ch11/initial_loss_bound_test.ts";
import "./theorems/ch11/kernel_gap_rate_test.ts";
import "./theorems/ch11/kernel_trick_test.ts";
import "./theorems/ch11/least_squares_minimiser_cases_test.ts";
import "./theorems/ch11/lecun_kernel_limit_test.ts";
import "./theorems/ch11/lecun_relu_closed_form_test.ts";
import "./theorems/ch11/linearised_loss_kernel_test.ts";
import "./theorems/ch11/linearised_predictions_test.ts";
import "./theorems/ch11/linearised_training_gap_test.ts";
import "./theorems/ch11/min_norm_least_squares_test.ts";
import "./theorems/ch11/ntk_kernel_limit_test.ts";
import "./theorems/ch11/ntk_lecun_equivalence_test.ts";
import "./theorems/ch11/ntk_relu_closed_form_test.ts";
import "./theorems/ch11/ntk_with_biases_test.ts";
import "./theorems/ch11/orthant_probability_test.ts";
import "./theorems/ch11/outputs_gaussian_limit_test.ts";
import "./theorems/ch11/polynomial_kernel_features_test.ts";
import "./theorems/ch11/radial_feature_map_test.ts";
import "./theorems/ch11/random_matrix_norm_test.ts";
import "./theorems/ch11/rbf_feature_map_test.ts";
import "./theorems/ch11/realisations_before_after_training_test.ts";
import "./theorems/ch11/representer_theorem_test.ts";
import "./theorems/ch11/standard_kernels_psd_test.ts";
import "./theorems/ch11/tangent_kernel_eigenvalues_test.ts";
import "./theorems/ch11/tangent_kernel_regularity_test.ts";
import "./theorems/ch11/trained_network_gp_test.ts";
import "./theorems/ch11/wide_network_gd_test.ts";
import "./theorems/chizat/conic_pgd_test.ts";
import "./theorems/chizat/global_convergence_test.ts";
import "./theorems/chizat/homogeneous_projection_test.ts";
import "./theorems/chizat/implicit_bias_test.ts";
import "./theorems/chizat/interaction_energy_test.ts";
import "./theorems/chizat/lazy_generalisation_test.ts";
import "./theorems/chizat/lazy_movement_test.ts";
import "./theorems/chizat/lazy_training_test.ts";
import "./theorems/chizat/mean_field_limit_test.ts";
import "./theorems/chizat/mirror_descent_rate_test.ts";
import "./theorems/chizat/normalized_flow_test.ts";
import "./theorems/chizat/ntk_limit_test.ts";
import "./theorems/chizat/random_features_ridge_test.ts";
import "./theorems/chizat/relative_error_test.ts";
import "./theorems/chizat/relative_scale_test.ts";
import "./theorems/chizat/relu_homogeneity_test.ts";
import "./theorems/chizat/small_step_limit_test.ts";
import "./theorems/chizat/soft_min_limit_test.ts";
import "./theorems/chizat/sparse_deconvolution_test.ts";
import "./theorems/chizat/tv_max_margin_test.ts";
import "./theorems/chizat/winf_rate_test.ts";
import "./theorems/lecture13/dnn_evolution_test.ts";
import "./theorems/lecture13/first_layer_gram_test.ts";
import "./theorems/lecture13/gram_matrices_test.ts";
import "./theorems/lecture13/initial_risk_test.ts";
import "./theorems/lecture13/lambda_min_test.ts";
import "./theorems/lecture13/linear_rate_test.ts";
import "./theorems/lecture13/linearised_flow_test.ts";
import "./theorems/lecture13/loss_bound_test.ts";
import "./theorems/lecture13/parameter_movement_test.ts";
import "./theorems/lecture13/pde_operator_test.ts";
import "./theorems/lecture13/pde_rate_test.ts";
import "./theorems/lecture13/risk_flow_test.ts";
import "./theorems/lecture13/tstar_infinite_test.ts";
import "./web/browser_test.ts";
import "./web/server_test.ts";
import "./web/site_test.ts";
import "./engine/parallel_run_test.ts";
import "./theorems/catalog_test.ts";
// Last: the tests that await the pool's runs, held until now (testing/last_pass.ts).
import "./testing/register_held_tests.ts";
import assert from "node:assert/strict";

/** Directories that hold no project tests. */
const SKIPPED = new Set([".git", "node_modules", "scratch", "report"]);

async function testFiles(dir: URL, prefix = ""): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isDirectory && !SKIPPED.has(entry.name) && !entry.name.startsWith(".")) {
      found.push(...await testFiles(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`));
    } else if (entry.isFile && entry.name.endsWith("_test.ts") && `${prefix}${entry.name}` !== "all_test.ts") {
      found.push(`${prefix}${entry.name}`);
    }
  }
  return found;
}

Deno.test("the suite imports every *_test.ts of the project", async () => {
  const source = await Deno.readTextFile(new URL(import.meta.url));
  const imported = [...source.matchAll(/^import "\.\/(.+_test\.ts)";$/gm)].map((m) => m[1]).sort();
  const onDisk = (await testFiles(new URL("./", import.meta.url))).sort();
  assert.deepEqual(imported, onDisk);
});
