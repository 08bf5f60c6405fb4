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

Deno.test("curvature profiles: g by hand, convexity flags = (inf g″ ≥ 0), the unbounded profiles' levels, no overflow", () => {
  const near = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-14 * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
  near(quadraticProfile(-1.7).g(2), -3.4);
  near(softplusProfile(2).g(0), 2 * Math.LN2);
  near(softplusProfile(2).g(-1000), 0);
  near(softplusProfile(2).g(1000), 2000);
  near(cosineProfile(1.3).g(Math.PI), -1.3);
  near(logQuadraticProfile(0.8).g(1), 0.8 * Math.LN2);
  near(bumpProfile(1.5).g(0), -1.5);
  near(quarticProfile(0.9).g(2), (0.9 * 16) / 12);
  near(bumpProfile(1.5).infCurvature, bumpProfile(1.5).d2g(Math.sqrt(3)));
  for (const p of profiles) {
    assert.equal(p.convex, p.infCurvature >= 0, p.name);
    if (Number.isFinite(p.supCurvature)) near(p.d2g(p.maxPoint(0)), p.supCurvature);
    else {for (const level of [0, 3, 50]) {
        assert.ok(p.d2g(p.maxPoint(level)) >= 2 * level + 1 - 1e-9, `${p.name} ${level}`);
      }}
    if (Number.isFinite(p.infCurvature) && p.name.indexOf("log(1 + eᶻ)") < 0) {
      near(p.d2g(p.minPoint(0)), p.infCurvature);
    }
    if (!Number.isFinite(p.infCurvature)) {
      for (const level of [0, 3, 50]) {
        assert.ok(p.d2g(p.minPoint(level)) <= -(2 * level + 1) + 1e-9, `${p.name} ${level}`);
      }
    }
  }
  // Softplus: inf g″ = 0 is not attained; minPoint is where g″ is below 10⁻¹⁶.
  assert.ok(softplusProfile(2).d2g(softplusProfile(2).minPoint(0)) < 1e-16);
  assert.equal(quadraticProfile(0.6).name, "c·z²/2 (c = 0.600)");
});
