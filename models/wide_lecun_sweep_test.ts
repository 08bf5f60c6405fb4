import assert from "node:assert/strict";
import { exactJacobian, stepSizeCondition, sweepWidth, trainWide, wideData, wideInstance } from "./wide_lecun_sweep.ts";
import { WIDE_WIDTHS, wideDecayVerdict, widthGapCheck } from "./wide_lecun_sweep.ts";
import { lecunKernel } from "./ntk_kernels.ts";
import { arctan } from "./activation.ts";
import { gaussian } from "../numerics/random.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("wideData: 3 inputs of norm √3, 6 test points in the unit ball, a regular kernel matrix", () => {
  const d = wideData();
  assert.equal(d, wideData()); // one constant data set
  for (const x of d.xs) assert.ok(Math.abs(Math.hypot(...x) - Math.sqrt(3)) < 1e-12);
  assert.equal(d.tests.length, 6);
  for (const x of d.tests) assert.ok(Math.hypot(...x) <= 1);
  assert.ok(0 < d.lambdaMin && d.lambdaMin <= d.lambdaMax && d.kernelError < d.lambdaMin / 10);
});

Deno.test("the sweep's step meets Assumption 11.18 at the factor 0.9, not at 3", () => {
  assert.deepEqual([0, 1, 5].map(sweepWidth), [128, 256, 128]);
  assert.ok(stepSizeCondition(wideInstance(createRng(2), 64)).holds);
  assert.ok(!stepSizeCondition(wideInstance(createRng(2), 64, 3)).holds);
});

Deno.test("trainWide: the loss falls, runs with the exact Jacobian are cached, a perturbed one is not", () => {
  const instance = wideInstance(createRng(3), 32);
  const run = trainWide(instance);
  assert.ok(run.losses[run.steps] < run.losses[0]);
  assert.equal(trainWide(instance, exactJacobian), run);
  const perturbed = trainWide(instance, (rows) => rows.map((r) => r.map((v) => 1.05 * v)));
  assert.notEqual(perturbed, run);
  assert.deepEqual(perturbed.losses, run.losses); // the full model's run does not depend on the linearisation
  assert.ok(perturbed.maxKernelGap > run.maxKernelGap);
});

Deno.test("wide sweep: h = factor·2/((λ_min + 4λ_max)n) exactly, the condition's edge, test points' radii, K^LC's λ's", () => {
  const d = wideData();
  for (const [width, factor] of [[64, 0.9], [100, 0.5], [8, 0.999]] as const) {
    const i = wideInstance(createRng(5), width, factor);
    assert.equal(i.h, (factor * 2) / ((d.lambdaMin + 4 * d.lambdaMax) * width));
    assert.equal(i.net.n, width);
    assert.equal(stepSizeCondition(i).holds, true);
  }
  // The step bound is strict: factor 1 is exactly the bound, not below it.
  assert.equal(stepSizeCondition(wideInstance(createRng(5), 16, 1)).holds, false);
  assert.equal(stepSizeCondition(wideInstance(createRng(5), 16, 1.01)).holds, false);
  assert.match(stepSizeCondition(wideInstance(createRng(5), 16)).value, /^λ\^LC ∈ \[/);
  // Test points: uniform directions at radii drawn in [0.2, 1).
  for (const x of d.tests) {
    const r = Math.hypot(...x);
    assert.ok(r >= 0.2 - 1e-15 && r < 1);
  }
  // λ_min, λ_max are the extreme eigenvalues of the 3×3 kernel matrix: every diagonal entry K(xᵢ, xᵢ) lies between them.
  const spec = { parametrisation: "lecun" as const, activation: arctan, distribution: gaussian };
  for (const x of d.xs) {
    const kii = lecunKernel(x, x, spec).value;
    assert.ok(d.lambdaMin <= kii + 1e-12 && kii <= d.lambdaMax + 1e-12);
  }
  assert.deepEqual(Array.from(d.ys), [0.6, -0.8, 0.3]);
  assert.deepEqual(WIDE_WIDTHS.map((_, k) => sweepWidth(k + WIDE_WIDTHS.length)), WIDE_WIDTHS);
});

Deno.test("widthGapCheck: holds only when the gap is finite and the loss fell; a diverging step fails it", () => {
  const gap = { label: "gap", of: () => 1, normalised: () => 1 };
  const ok = widthGapCheck(wideInstance(createRng(1), 16), exactJacobian, gap);
  assert.equal(ok.holds, true);
  // A step 40 times the stable one: the loss grows (or overflows) while the reported gap stays finite.
  const bad = widthGapCheck(wideInstance(createRng(1), 16, 40), exactJacobian, gap);
  assert.equal(bad.holds, false);
  assert.match(bad.detail, /did not decrease/);
  const nan = widthGapCheck(wideInstance(createRng(1), 16), exactJacobian, { ...gap, of: () => NaN });
  assert.equal(nan.holds, false);
});

Deno.test("wideDecayVerdict names the widths it fitted: the sweep's own, or a subset of them (explore --widths)", () => {
  // Gaps ∝ n^{-1} with a seeded ±5% jitter, 3 draws per width.
  const rng = createRng("wide-decay-summary");
  const at = (widths: readonly number[]) =>
    widths.flatMap((width) => [0, 1, 2].map(() => ({ width, value: (1 + 0.05 * rng.uniform(-1, 1)) / width })));
  assert.match(wideDecayVerdict(at(WIDE_WIDTHS), "gap").summary, /over n ∈ \{128, 256, 512, 1024, 2048\}:/);
  assert.match(wideDecayVerdict(at([128, 256, 512]), "gap").summary, /over n ∈ \{128, 256, 512\}:/);
});
