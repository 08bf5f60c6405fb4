/**
 * Deliberately wrong `gp-11.5.5` claims, caught only by a whole run (testing/whole_run.ts). This module must
 * stay importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { trainedGp } from "../../models/trained_gp.ts";
import { trainedNetworkGp } from "./trained_network_gp.ts";

/**
 * gp-11.5.5 with the process of k + 1 steps (the step count off by one): its own map is self-consistent, so the
 * moment tests pass, but the trained networks stay away from it as n grows and the width trend rejects.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainedNetworkGpOneStepTooMany } from "./trained_network_gp_mutants.ts";
 * assert.equal(trainedNetworkGpOneStepTooMany().id, "gp-11.5.5");
 * ```
 */
export function trainedNetworkGpOneStepTooMany(): Claim {
  return trainedNetworkGp((kernels, y, eta, k) => trainedGp(kernels, y, eta, k + 1));
}

/**
 * gp-11.5.5 with the covariance's cross terms dropped (Σ_k = c(T, T) + K M c M K, the f₀(T)–f₀(X) correlation
 * forgotten) while the map is right: the moment tests reject.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainedNetworkGpNoCrossTerms } from "./trained_network_gp_mutants.ts";
 * assert.equal(trainedNetworkGpNoCrossTerms().id, "gp-11.5.5");
 * ```
 */
export function trainedNetworkGpNoCrossTerms(): Claim {
  return trainedNetworkGp((kernels, y, eta, k) => {
    const gp = trainedGp(kernels, y, eta, k);
    const km = gp.gain.map((row) => row.slice(kernels.cTT.length).map((v) => -v));
    const kmc = km.map((row) => kernels.cTX.map((c) => row.reduce((s, v, j) => s + v * c[j], 0)));
    return { ...gp, covariance: gp.covariance.map((row, a) => row.map((v, b) => v + kmc[a][b] + kmc[b][a])) };
  });
}
