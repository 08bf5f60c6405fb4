import assert from "node:assert/strict";
import { maxMarginSvm } from "./svm.ts";
import { createRng } from "./random.ts";

Deno.test("max-margin SVM in 2-D agrees with a scan over directions, within its certificate", () => {
  const rng = createRng("svm-2d");
  for (let rep = 0; rep < 6; rep++) {
    const xs: number[] = [], ys: number[] = [];
    const u = rng.uniform(0, 2 * Math.PI);
    while (ys.length < 12) {
      const p = [rng.normal(), rng.normal()];
      const m = p[0] * Math.cos(u) + p[1] * Math.sin(u);
      if (Math.abs(m) < 0.1) continue;
      xs.push(...p);
      ys.push(Math.sign(m));
    }
    const x = Float64Array.from(xs), y = Float64Array.from(ys);
    const s = maxMarginSvm(x, y, 2);
    // The normalised margin min yᵢ(cos φ, sin φ)·xᵢ over a fine scan of φ never beats the certified solution.
    const marginAt = (phi: number) =>
      Math.min(...ys.map((yi, i) => yi * (Math.cos(phi) * xs[2 * i] + Math.sin(phi) * xs[2 * i + 1])));
    let best = -Infinity;
    for (let k = 0; k < 50_000; k++) best = Math.max(best, marginAt((2 * Math.PI * k) / 50_000));
    // Scan resolution 2π/5e4 moves a margin by at most ‖x‖·π/5e4 ≤ 4e-4 for ‖x‖ ≤ 6.
    assert.ok(best <= s.margin + 1e-12, `scan ${best} beats certified margin ${s.margin}`);
    assert.ok(best >= s.margin - 4e-4, `scan ${best} far below ${s.margin}`);
    assert.ok(s.angleBound <= 1e-6);
  }
});

Deno.test("max-margin SVM refuses non-separable data", () => {
  assert.throws(() => maxMarginSvm(Float64Array.of(1, 0, 1, 0), Float64Array.of(1, -1), 2, 1e-6, 1000));
});

Deno.test("max-margin SVM: an unconverged iterate's certificate obeys its documented relations and covers w*", () => {
  // Correlated points (slow coordinate ascent), angleTolerance 0: the result of the last of 3 sweeps.
  const x = Float64Array.of(1, 0.9, 1, 1.1, -0.2, -1, 0.3, 1.4), y = Float64Array.of(1, 1, -1, 1);
  const s = maxMarginSvm(x, y, 2, 0, 3);
  const exact = maxMarginSvm(x, y, 2, 1e-10);
  assert.equal(s.sweeps, 3);
  const norm = Math.hypot(s.w[0], s.w[1]);
  const margins = [0, 1, 2, 3].map((i) => y[i] * (s.w[0] * x[2 * i] + s.w[1] * x[2 * i + 1]));
  assert.ok(Math.abs(Math.min(...margins) - 1) < 1e-12, `smallest margin ${Math.min(...margins)}`);
  assert.ok(Math.abs(s.primal - 0.5 * norm * norm) < 1e-12 * s.primal);
  assert.ok(Math.abs(s.margin - 1 / norm) < 1e-12 * s.margin);
  assert.ok(s.alpha.every((a) => a >= 0));
  const v = [0, 1].map((k) => [0, 1, 2, 3].reduce((acc, i) => acc + s.alpha[i] * y[i] * x[2 * i + k], 0));
  const dual = s.alpha.reduce((a, b) => a + b, 0) - 0.5 * (v[0] ** 2 + v[1] ** 2);
  assert.ok(Math.abs(s.dual - dual) < 1e-12 * (1 + Math.abs(dual)));
  // ‖w − w*‖ ≤ √(2·(primal − dual)) (plus rounding): the bound is the documented one, to within its rounding term.
  const gap = s.primal - s.dual;
  assert.ok(gap > 1e-6, `the iterate should be far from optimal (gap ${gap})`);
  assert.ok(s.distanceBound >= Math.sqrt(2 * gap) && s.distanceBound <= Math.sqrt(2 * gap) * (1 + 1e-9));
  const dist = Math.hypot(s.w[0] - exact.w[0], s.w[1] - exact.w[1]);
  assert.ok(dist <= s.distanceBound, `‖w − w*‖ = ${dist} > ${s.distanceBound}`);
  const angle = s.distanceBound >= norm ? Math.PI / 2 : Math.asin(s.distanceBound / norm);
  assert.ok(Math.abs(s.angleBound - angle) < 1e-12);
});

Deno.test("max-margin SVM: one point (2, 0) gives w* = (1/2, 0), margin 2; α = 1/4 on it (by hand)", () => {
  // min ½‖w‖² s.t. 2w₁ ≥ 1: w* = (1/2, 0); the dual max α − ½(2α)² at α = 1/4, value 1/8 = primal.
  const s = maxMarginSvm(Float64Array.of(2, 0), Float64Array.of(1), 2);
  assert.ok(Math.abs(s.w[0] - 0.5) < 1e-12 && Math.abs(s.w[1]) < 1e-12);
  assert.ok(Math.abs(s.margin - 2) < 1e-12 && Math.abs(s.alpha[0] - 0.25) < 1e-12);
  assert.ok(Math.abs(s.primal - 0.125) < 1e-12 && Math.abs(s.dual - 0.125) < 1e-12);
  assert.throws(() => maxMarginSvm(Float64Array.of(NaN, 0), Float64Array.of(1), 2), RangeError);
});
