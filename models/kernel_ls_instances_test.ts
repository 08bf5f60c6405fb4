import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { distance } from "../numerics/compare.ts";
import {
  analyseFeatures,
  kernelLsInstance,
  kernelTolerance,
  projectOnto,
  RANK_THRESHOLD,
} from "./kernel_ls_instances.ts";
import { KernelLeastSquares } from "./kernel_least_squares.ts";

Deno.test("kernel_ls_instances: test points marked in (11.2.4) have φ(x) in span{φ(xᵢ)}", () => {
  for (let index = 0; index < 10; index++) {
    const i = kernelLsInstance(createRng(`kls/${index}`), index);
    const a = analyseFeatures(i);
    i.tests.forEach((x, t) => {
      if (!i.testsInSpan[t]) return;
      const fx = i.phi.map(x);
      assert.ok(distance(projectOnto(a.basis, fx), fx) <= 1e-9 * (1 + Math.hypot(...fx)), `${i.family}, test ${t}`);
    });
  }
});

Deno.test("kernel_ls_instances: the feature-space solution satisfies the normal equations", () => {
  const i = kernelLsInstance(createRng(3), 1);
  const a = analyseFeatures(i);
  assert.ok(Math.hypot(...a.model.ls.gradient(a.w)) <= 1e-8 * (1 + Math.hypot(...i.y)));
  assert.ok(a.tolFeature > 0 && a.kappa >= 1);
});

Deno.test("kernel_ls_instances: the random-feature family has 3 to 12 points, both ends drawn", () => {
  const counts = new Set<number>();
  for (let seed = 0; seed < 300; seed++) counts.add(kernelLsInstance(createRng(`count/${seed}`), 4).points.length);
  // 300 uniform draws of 10 values: a given value is missed with probability 0.9³⁰⁰ ≈ 2·10⁻¹⁴.
  assert.deepEqual([...counts].sort((a, b) => a - b), [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
});

Deno.test("kernel_ls_instances: the line family's on-line test points fall both within and beyond its points", () => {
  // Points at p + s·v with s ∈ [−1, 1), the first two tests at s ∈ [−2, 2): each test lies within
  // the points' segment, or beyond it, with probability bounded away from 0 (by ≥ 1/4 each).
  const within = [0, 0], beyond = [0, 0];
  for (let seed = 0; seed < 60; seed++) {
    const i = kernelLsInstance(createRng(`line/${seed}`), 2);
    const [p, q] = i.points, dir = [q[0] - p[0], q[1] - p[1]];
    const at = (x: Float64Array) => (x[0] - p[0]) * dir[0] + (x[1] - p[1]) * dir[1];
    const ss = i.points.map(at), lo = Math.min(...ss), hi = Math.max(...ss);
    for (const [k, t] of i.tests.slice(0, 2).entries()) {
      const s = at(t);
      // On the line: the component orthogonal to dir vanishes.
      assert.ok(Math.abs((t[0] - p[0]) * dir[1] - (t[1] - p[1]) * dir[0]) < 1e-12);
      if (s >= lo && s <= hi) within[k]++;
      else beyond[k]++;
    }
  }
  // Each of the two, separately.
  assert.ok(Math.min(...within, ...beyond) > 0, `${within} within, ${beyond} beyond`);
});

Deno.test("kernel_ls_instances: the step fraction is drawn in [0.5, 0.95)", () => {
  let lo = 1, hi = 0;
  for (let seed = 0; seed < 100; seed++) {
    const f = kernelLsInstance(createRng(`h/${seed}`), seed).hFraction;
    lo = Math.min(lo, f), hi = Math.max(hi, f);
  }
  // 100 uniform draws: the extremes are within 0.05 of the ends with probability 1 − 2·0.9¹⁰⁰ > 0.9999.
  assert.ok(lo >= 0.5 && lo < 0.55 && hi < 0.95 && hi > 0.9, `${lo}, ${hi}`);
});

Deno.test("kernel_ls_instances: every point and test point has the feature map's input dimension", () => {
  for (let index = 0; index < 25; index++) {
    const i = kernelLsInstance(createRng(`dim/${index}`), index);
    for (const x of [...i.points, ...i.tests]) assert.equal(x.length, i.phi.inputDim, i.family);
  }
});

Deno.test("kernel_ls_instances: the analysis' rank, κ, basis, residual and both tolerances are the documented ones", () => {
  for (let index = 0; index < 6; index++) {
    const i = kernelLsInstance(createRng(`kls-analysis/${index}`), index);
    const a = analyseFeatures(i);
    const s = Array.from(a.s);
    for (let k = 1; k < s.length; k++) assert.ok(s[k] <= s[k - 1], `singular values decrease (${i.family})`);
    assert.equal(a.rank, s.filter((x) => x > RANK_THRESHOLD * s[0]).length);
    assert.equal(a.kappa, s[0] / s[a.rank - 1]);
    // Orthonormal columns: BᵀB = I (rank × rank).
    const btb = a.basis.transpose().mmul(a.basis);
    for (let p = 0; p < a.rank; p++) {
      for (let q = 0; q < a.rank; q++) assert.ok(Math.abs(btb.get(p, q) - (p === q ? 1 : 0)) < 1e-12);
    }
    // ‖Φw* − y‖ from the features, row by row.
    const r = i.points.map((x, j) => i.phi.map(x).reduce((acc, f, k) => acc + f * a.w[k], 0) - i.y[j]);
    assert.ok(Math.abs(a.residual - Math.hypot(...r)) <= 1e-12 * (1 + Math.hypot(...i.y)));
    const wNorm = Math.hypot(...a.w), m = i.points.length, n = i.phi.dim;
    // Feature route: 4η(κ‖w*‖ + κ²‖r‖/s₁), η = 10(m + n)ε.
    const eta = 10 * (m + n) * Number.EPSILON;
    const feature = 4 * eta * (a.kappa * wNorm + (a.kappa ** 2 * a.residual) / s[0]);
    assert.ok(Math.abs(a.tolFeature - feature) <= 1e-12 * feature, `${a.tolFeature} vs ${feature}`);
    // Kernel route: 4η_G(κ²‖w*‖ + κ³‖r‖/s₁), η_G = (gError + 10mε‖G‖)/‖G‖ with ‖G‖ = s₁².
    const kls = new KernelLeastSquares(i.kernel, i.points, i.y);
    const { tol, etaG } = kernelTolerance(a, kls);
    const g = s[0] ** 2, wantEta = (kls.gError + 10 * m * Number.EPSILON * g) / g;
    assert.ok(Math.abs(etaG - wantEta) <= 1e-12 * wantEta);
    const want = 4 * wantEta * (a.kappa ** 2 * wNorm + (a.kappa ** 3 * a.residual) / s[0]);
    assert.ok(Math.abs(tol - want) <= 1e-12 * want, `${tol} vs ${want}`);
  }
});
