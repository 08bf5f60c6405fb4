import assert from "node:assert/strict";
import { bumpProfile, cosineProfile, type CurvatureProfile, logQuadraticProfile } from "./curvature_profiles.ts";
import { quadraticProfile, quarticProfile, RotatedSeparableLoss, softplusProfile } from "./curvature_profiles.ts";
import { createRng } from "../numerics/random.ts";
import { randomOrthogonal } from "../numerics/linalg.ts";

const profiles: CurvatureProfile[] = [
  quadraticProfile(-1.7),
  quadraticProfile(0.6),
  softplusProfile(2),
  cosineProfile(1.3),
  logQuadraticProfile(0.8),
  bumpProfile(1.5),
  quarticProfile(0.9),
  quarticProfile(-2),
];

Deno.test("curvature profiles: g′ and g″ agree with central differences (step 10⁻⁴, error ≲ 10⁻⁶)", () => {
  const h = 1e-4;
  for (const p of profiles) {
    for (let z = -4; z <= 4; z += 0.37) {
      const fd1 = (p.g(z + h) - p.g(z - h)) / (2 * h);
      const fd2 = (p.dg(z + h) - p.dg(z - h)) / (2 * h);
      assert.ok(Math.abs(fd1 - p.dg(z)) <= 1e-6 * (1 + Math.abs(p.dg(z))), `${p.name} g′ at ${z}`);
      assert.ok(Math.abs(fd2 - p.d2g(z)) <= 1e-6 * (1 + Math.abs(p.d2g(z))), `${p.name} g″ at ${z}`);
    }
  }
});

Deno.test("curvature profiles: g″ on a grid of [−20, 20] stays in [inf, sup], and the extreme points attain them", () => {
  for (const p of profiles) {
    for (let z = -20; z <= 20; z += 1e-3) {
      const c = p.d2g(z);
      const slack = (v: number) => 1e-12 * Math.abs(v) + 1e-15;
      assert.ok(c <= p.supCurvature + slack(p.supCurvature) && c >= p.infCurvature - slack(p.infCurvature), p.name);
    }
    const level = 5;
    const top = p.d2g(p.maxPoint(level)), bottom = p.d2g(p.minPoint(level));
    if (Number.isFinite(p.supCurvature)) assert.ok(Math.abs(top - p.supCurvature) <= 1e-12, p.name);
    else assert.ok(top >= 2 * level + 1 - 1e-9, p.name);
    if (Number.isFinite(p.infCurvature)) assert.ok(Math.abs(bottom - p.infCurvature) <= 1e-12, p.name);
    else assert.ok(bottom <= -(2 * level + 1) + 1e-9, p.name);
  }
});

Deno.test("RotatedSeparableLoss: gradient and Hessian agree with central differences of L and ∇L", () => {
  const rng = createRng("rotated-separable");
  const q = randomOrthogonal(rng, 4);
  const loss = new RotatedSeparableLoss(q, [
    cosineProfile(1),
    logQuadraticProfile(0.5),
    bumpProfile(2),
    softplusProfile(1),
  ]);
  const w = Float64Array.from({ length: 4 }, () => rng.normal());
  const g = loss.gradient(w), hess = loss.hessian(w), h = 1e-5;
  for (let k = 0; k < 4; k++) {
    const plus = w.slice(), minus = w.slice();
    plus[k] += h;
    minus[k] -= h;
    assert.ok(Math.abs((loss.loss(plus) - loss.loss(minus)) / (2 * h) - g[k]) < 1e-8);
    const gp = loss.gradient(plus), gm = loss.gradient(minus);
    for (let j = 0; j < 4; j++) assert.ok(Math.abs((gp[j] - gm[j]) / (2 * h) - hess.get(j, k)) < 1e-8);
  }
  assert.equal(loss.convex, false);
  assert.equal(loss.supEigenvalue, 2);
  assert.equal(loss.supAbsEigenvalue, 2);
});
