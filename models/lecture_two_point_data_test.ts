import assert from "node:assert/strict";
import { LectureNetwork } from "./lecture_network.ts";
import { linearRateThreshold, smallestLinearRateWidth, unitCubeHypothesis } from "./lecture_two_point_data.ts";
import { describeTwoPoint, LARGEST_LAMBDA_S_DATA, twoPointData, twoPointParameters } from "./lecture_two_point_data.ts";
import { createRng } from "../numerics/random.ts";

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

Deno.test("twoPointData: λ_S of the three data sets by hand (d/2, d/2, 1 − 1/π), scale, overrides, targets in [−1, 1)", () => {
  const rng = createRng("two-point");
  const want = [0.5, 1, 1 - 1 / Math.PI];
  for (let data = 0; data < 3; data++) {
    const t = twoPointData(rng, { data, delta: 0.3 }, {});
    assert.ok(Math.abs(t.lambdaS - want[data]) < 1e-14, `${t.name}: ${t.lambdaS}`);
    assert.deepEqual([t.n, t.d, t.delta, t.name], [2, data === 0 ? 1 : 2, 0.3, LARGEST_LAMBDA_S_DATA[data].name]);
    assert.ok(t.targets.length === 2 && t.targets.every((v) => v >= -1 && v < 1));
  }
  // --scale multiplies the inputs (λ_S by its square: k^(a) is 2-homogeneous), --data and --delta override the plan.
  const s = twoPointData(rng, { data: 0, delta: 0.3 }, { scale: 3, data: 2, delta: 0.7 });
  assert.deepEqual(Array.from(s.xs[1]), [3, -3]);
  assert.ok(Math.abs(s.lambdaS - 9 * (1 - 1 / Math.PI)) < 1e-13);
  assert.deepEqual([s.delta, s.name], [0.7, "orthogonal d = 2 × 3"]);
  // Targets: two uniform draws on [−1, 1) from the stream, first.
  const r = createRng(4), first = twoPointData(createRng(4), { data: 1, delta: 0.5 }, {}).targets;
  assert.deepEqual(first, [r.uniform(-1, 1), r.uniform(-1, 1)]);
});

Deno.test("twoPointParameters: the knobs and their ranges; describeTwoPoint", () => {
  const p = twoPointParameters({
    width: { type: "integer", min: 1, max: 10, help: "width N" },
    gamma: { type: "number", min: 0.1, max: 8, help: "γ" },
    unitCubeNeededBy: "the proof needs",
  });
  assert.deepEqual(Object.keys(p), ["width", "delta", "gamma", "scale", "data"]);
  assert.deepEqual([p.delta.min, p.delta.max, p.scale.min, p.scale.max, p.data.min, p.data.max], [
    0.05,
    0.9,
    0.1,
    100,
    0,
    2,
  ]);
  assert.equal(p.data.max, LARGEST_LAMBDA_S_DATA.length - 1);
  assert.match(p.scale.help, /the proof needs ‖xᵢ‖_∞ ≤ 1/);
  const net = new LectureNetwork([Float64Array.of(1), Float64Array.of(-1)], [0, 0], 8);
  assert.equal(
    describeTwoPoint({ data: "x", net, lambdaS: 0.123456, delta: 0.25 }),
    "x data (n = 2, d = 1, λ_S = 0.1235), δ = 0.25, N = 8",
  );
});
