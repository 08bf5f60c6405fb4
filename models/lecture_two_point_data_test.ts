import assert from "node:assert/strict";
import type { LectureNetwork } from "./lecture_network.ts";
import { linearRateThreshold, smallestLinearRateWidth, unitCubeHypothesis } from "./lecture_two_point_data.ts";

Deno.test("lecture_two_point_data: the unit-cube hypothesis holds on [−1, 1]ᵈ, boundary included, and fails outside", () => {
  const h = unitCubeHypothesis("‖xᵢ‖_∞ ≤ 1");
  const at = (xs: number[][]) =>
    h.check({ net: { xs: xs.map((x) => Float64Array.from(x)) } as unknown as LectureNetwork });
  assert.equal(at([[0.5, -0.25], [0.1, 0.9]]).holds, true);
  assert.equal(at([[1, -1], [0, 0]]).holds, true);
  assert.equal(at([[0.5, -1.01], [0, 0]]).holds, false);
});

Deno.test("linearRateThreshold: the first term of (4) by hand; smallestLinearRateWidth is its least fixed point", () => {
  // x = ±1: n = 2, d = 1, C_1 = E g⁴ = 3, λ_S = 1/2, δ = 0.1: 32·16·3/(0.25·0.1) = 61440; R_S(θ⁰) small enough that
  // the other two terms are below it.
  assert.equal(linearRateThreshold(2, 1, 0.5, 0.1, 1e-4, 61440), 61440);
  assert.equal(smallestLinearRateWidth(2, 1, 0.5, 0.1, 1e-4), 61440);
  // With R_S(θ⁰) = 1 the third term 256√2·4·log(4N·2/0.1)/0.25 sets the width, above the first.
  const N = smallestLinearRateWidth(2, 1, 0.5, 0.1, 1);
  assert.ok(N > 61440 && N >= linearRateThreshold(2, 1, 0.5, 0.1, 1, N));
  assert.ok(N - 1 < linearRateThreshold(2, 1, 0.5, 0.1, 1, N - 1));
});
