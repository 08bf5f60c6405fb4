/**
 * Catoni's exponential-moment test of a mean when the variance is known: a p-value bound that
 * holds for every law with that variance, however skewed or heavy-tailed, with no normal
 * approximation.
 *
 * O. Catoni, "Challenging the empirical mean and empirical variance: a deviation study",
 * Ann. Inst. H. Poincaré Probab. Statist. 48(4), 2012, §2: the influence function
 * ψ(x) = sign(x)·log(1 + |x| + x²/2) satisfies −log(1 − x + x²/2) ≤ ψ(x) ≤ log(1 + x + x²/2), so for
 * E X = μ, Var X = v and any scale α > 0, E exp(±ψ(α(X − μ))) ≤ 1 + α²v/2. For i.i.d. X₁…X_N and
 * S = Σ ψ(α(Xᵢ − μ)), Markov's inequality gives P(±S ≥ N·log(1 + α²v/2) + t) ≤ e^{−t}.
 *
 * @module
 */

/** The outcome of {@linkcode catoniMeanTest}. */
export interface CatoniMeanTest {
  /** S = Σ ψ(α(Xᵢ − μ)). */
  statistic: number;
  /** N·log(1 + α²v/2): the bound on log E exp(±S) under H0. */
  drift: number;
  /** The scale α (fixed by N, v and the design level, never by the data). */
  scale: number;
  /** min(1, 2·exp(drift − |S|)): P(pValue ≤ t) ≤ t under H0 for every t. NaN if a sample is NaN. */
  pValue: number;
  /** (mean − μ)/√(v/N): the standardised deviation, for reporting only (its tail is not Gaussian). */
  z: number;
}

/** Catoni's influence function ψ(x) = sign(x)·log(1 + |x| + x²/2). */
function psi(x: number): number {
  return x >= 0 ? Math.log1p(x + x * x / 2) : -Math.log1p(-x + x * x / 2);
}

/**
 * Two-sided test of H0: E X = `mean` for an i.i.d. `sample` whose variance under H0 is exactly
 * `variance`. The scale α = √(2·log(2/designLevel)/(N·v)) makes the test detect a shift of about
 * √(2·log(2/designLevel))·√(v/N) at p-value `designLevel` (the normal z-test needs √2·erfc⁻¹(level)
 * standard errors, slightly fewer, but its level is only asymptotic: for a skewed mean at a far
 * threshold it can be off by orders of magnitude). Choose `designLevel` as the most stringent level the
 * p-value will be compared with (Holm's first step).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { catoniMeanTest } from "./catoni.ts";
 * const sample = [0.2, -1.1, 0.4, 1.3, -0.6, 0.1, -0.2, 0.9];
 * const h0 = catoniMeanTest(sample, 0, 1, 1e-3);
 * assert.equal(h0.pValue, 1); // the bound cannot reject a mean of 0.125 with 8 draws
 * const shifted = catoniMeanTest(sample.map((x) => x + 3), 0, 1, 1e-3);
 * assert.ok(shifted.pValue < 1e-3);
 * ```
 */
export function catoniMeanTest(
  sample: ArrayLike<number>,
  mean: number,
  variance: number,
  designLevel: number,
): CatoniMeanTest {
  const N = sample.length;
  if (!(N > 0 && variance > 0 && Number.isFinite(variance) && designLevel > 0 && designLevel < 1)) {
    throw new RangeError(
      `catoniMeanTest needs a sample, a variance in (0, ∞) and a design level in (0, 1) (got N = ${N}, v = ${variance}, level = ${designLevel})`,
    );
  }
  const scale = Math.sqrt(2 * Math.log(2 / designLevel) / (N * variance));
  let statistic = 0, sum = 0;
  for (let i = 0; i < N; i++) {
    statistic += psi(scale * (sample[i] - mean));
    sum += sample[i];
  }
  const drift = N * Math.log1p(scale * scale * variance / 2);
  const pValue = Number.isNaN(statistic) ? NaN : Math.min(1, 2 * Math.exp(drift - Math.abs(statistic)));
  return { statistic, drift, scale, pValue, z: (sum / N - mean) / Math.sqrt(variance / N) };
}
