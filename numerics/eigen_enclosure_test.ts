import assert from "node:assert/strict";
import { Matrix } from "./linalg.ts";
import { symmetricEigenEnclosure } from "./eigen_enclosure.ts";
import { createRng } from "./random.ts";

Deno.test("symmetricEigenEnclosure contains the known eigenvalues 2 − 2cos(kπ/(n+1)) of the tridiagonal (−1, 2, −1)", () => {
  for (const n of [2, 7, 40]) {
    const a = new Matrix(n, n);
    for (let i = 0; i < n; i++) {
      a.set(i, i, 2);
      if (i + 1 < n) {
        a.set(i, i + 1, -1);
        a.set(i + 1, i, -1);
      }
    }
    const e = symmetricEigenEnclosure(a);
    assert.ok(e.radius < 1e-12, `radius ${e.radius}`);
    for (let k = 1; k <= n; k++) {
      const exact = 2 - 2 * Math.cos((k * Math.PI) / (n + 1)); // increasing in k; values are decreasing
      // The closed form is itself rounded (a few ulps of 4): allow that on top of the radius.
      assert.ok(Math.abs(exact - e.values[n - k]) <= e.radius + 4e-15, `k = ${k}`);
    }
    assert.ok(
      e.min <= 2 - 2 * Math.cos(Math.PI / (n + 1)) + 4e-15 &&
        e.max >= 2 - 2 * Math.cos((n * Math.PI) / (n + 1)) - 4e-15,
    );
  }
});

Deno.test("symmetricEigenEnclosure: the radius is of the order of the rounding, grows with a formation error and a skew part, and is infinite on NaN", () => {
  const rng = createRng(3), n = 25;
  const a = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = rng.normal();
      a.set(i, j, v);
      a.set(j, i, v);
    }
  }
  const e = symmetricEigenEnclosure(a);
  const scale = Math.max(Math.abs(e.values[0]), Math.abs(e.values[n - 1]));
  assert.ok(e.radius > 0 && e.radius < 1e-11 * scale, `radius ${e.radius}`);
  assert.ok(symmetricEigenEnclosure(a, 1e-3).radius >= 1e-3);
  const skewed = a.clone();
  skewed.set(0, 1, a.get(0, 1) + 1e-6);
  assert.ok(symmetricEigenEnclosure(skewed).radius >= 1e-6 / 2);
  const bad = a.clone();
  bad.set(2, 2, NaN);
  assert.equal(symmetricEigenEnclosure(bad).radius, Infinity);
  assert.equal(symmetricEigenEnclosure(bad).min, -Infinity);
});
