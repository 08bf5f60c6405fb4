import assert from "node:assert/strict";
import { Matrix } from "./linalg.ts";
import { gramEigenEnclosure, gramFormationError, matrixRows, symmetricEigenEnclosure } from "./eigen_enclosure.ts";
import { commonDyadic, ratToNumber } from "./rational.ts";
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

/** ‖S V − V Λ‖_F and ‖VᵀV − I‖_F exactly (dyadic BigInt), then rounded once. */
function exactResiduals(s: Matrix, v: Matrix, values: Float64Array): { r: number; g: number } {
  const m = s.rows, all: number[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) all.push(s.get(i, j), v.get(i, j));
  all.push(...values, 1);
  const { nums, shift } = commonDyadic(all);
  const S = (i: number, j: number) => nums[2 * (i * m + j)], V = (i: number, j: number) => nums[2 * (i * m + j) + 1];
  const L = (j: number) => nums[2 * m * m + j], one = nums[2 * m * m + m]; // one = 2^shift
  let r2 = 0n, g2 = 0n;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let r = -V(i, j) * L(j), g = i === j ? -one * one : 0n;
      for (let k = 0; k < m; k++) {
        r += S(i, k) * V(k, j);
        g += V(k, i) * V(k, j);
      }
      r2 += r * r;
      g2 += g * g;
    }
  }
  const den = 1n << BigInt(4 * shift);
  return { r: Math.sqrt(ratToNumber({ num: r2, den })), g: Math.sqrt(ratToNumber({ num: g2, den })) };
}

Deno.test("symmetricEigenEnclosure: the radius is (‖R‖ + 2α‖Λ‖)/(1 − α) for the exact residuals (BigInt), to rounding", () => {
  const rng = createRng("enclosure-exact");
  for (const n of [3, 6]) {
    const a = new Matrix(n, n);
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const v = rng.normal() * (i === j ? 10 : 1);
        a.set(i, j, v);
        a.set(j, i, v);
      }
    }
    const e = symmetricEigenEnclosure(a);
    const { r, g } = exactResiduals(a, e.vectors, e.values);
    const lambda = Math.max(Math.abs(e.values[0]), Math.abs(e.values[n - 1]));
    const model = (r + 2 * g * lambda) / (1 - g);
    // The computed residuals carry Dot2's bounds (relative u plus γₙ² terms) and the norms a relative γ: a few 1e-15.
    assert.ok(g > 0 && r > 0 && e.radius >= model && e.radius <= model * (1 + 1e-9), `${e.radius} vs ${model}`);
    // min and max: the extreme values moved out by the radius (and an ulp or so).
    assert.ok(e.min <= e.values[n - 1] - e.radius && e.min >= e.values[n - 1] - e.radius * (1 + 1e-9) - 1e-14);
    assert.ok(e.max >= e.values[0] + e.radius && e.max <= e.values[0] + e.radius * (1 + 1e-9) + 1e-14);
    // A formation error and a skew part are added to the radius as documented.
    assert.ok(Math.abs(symmetricEigenEnclosure(a, 1e-6).radius - (e.radius + 1e-6)) < 1e-12);
    const skewed = a.clone();
    skewed.set(0, 1, a.get(0, 1) + 2e-6); // skew part ±1e-6 at (0, 1), (1, 0): ‖·‖_F = √2·1e-6, doubled
    const k = symmetricEigenEnclosure(skewed).radius;
    assert.ok(k >= 2 * Math.SQRT2 * 1e-6 && k <= 2 * Math.SQRT2 * 1e-6 * (1 + 1e-6), `${k}`);
  }
});

Deno.test("gramFormationError: γₙ·Σ|ĴᵢₖĴⱼₖ| per entry (Frobenius) + 2‖Ĵ‖_F‖E‖_F + ‖E‖_F², by hand", () => {
  const u = 2 ** -53, g2 = (2 * u) / (1 - 2 * u);
  // Rows (3, 4), (1, 0): entries' Σ|·| are 25, 3, 3, 1; ‖Ĵ‖_F = √26; E = (1e-10, 0), (0, 0).
  const rows = [Float64Array.of(3, 4), Float64Array.of(1, 0)], none = [new Float64Array(2), new Float64Array(2)];
  const rounding = g2 * Math.sqrt(625 + 9 + 9 + 1);
  const e0 = gramFormationError(rows, none);
  assert.ok(e0 >= rounding && e0 <= rounding * (1 + 1e-12), `${e0} vs ${rounding}`);
  const e1 = gramFormationError(rows, [Float64Array.of(1e-10, 0), new Float64Array(2)]);
  const want = rounding + 2 * Math.sqrt(26) * 1e-10 + 1e-20;
  assert.ok(e1 >= want && e1 <= want * (1 + 1e-12), `${e1} vs ${want}`);
  // gramEigenEnclosure: the Gram matrix [[25, 3], [3, 1]] with eigenvalues 13 ± √153, enclosed.
  const ge = gramEigenEnclosure(rows);
  for (const lam of [13 + Math.sqrt(153), 13 - Math.sqrt(153)]) {
    assert.ok(ge.min <= lam + 1e-13 && lam - 1e-13 <= ge.max);
  }
  assert.ok(Math.abs(ge.values[0] - (13 + Math.sqrt(153))) <= ge.radius + 1e-14 && ge.radius >= e0);
  // With row errors the formation error widens the radius accordingly.
  assert.ok(gramEigenEnclosure(rows, [Float64Array.of(1e-10, 0), new Float64Array(2)]).radius >= e1);
  assert.deepEqual(matrixRows(new Matrix([[1, 2], [3, 4]])).map((r) => Array.from(r)), [[1, 2], [3, 4]]);
});
