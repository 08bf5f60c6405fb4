import assert from "node:assert/strict";
import type { LectureNetwork } from "./lecture_network.ts";
import { unitCubeHypothesis } from "./lecture_two_point_data.ts";

Deno.test("lecture_two_point_data: the unit-cube hypothesis holds on [−1, 1]ᵈ, boundary included, and fails outside", () => {
  const h = unitCubeHypothesis("‖xᵢ‖_∞ ≤ 1");
  const at = (xs: number[][]) =>
    h.check({ net: { xs: xs.map((x) => Float64Array.from(x)) } as unknown as LectureNetwork });
  assert.equal(at([[0.5, -0.25], [0.1, 0.9]]).holds, true);
  assert.equal(at([[1, -1], [0, 0]]).holds, true);
  assert.equal(at([[0.5, -1.01], [0, 0]]).holds, false);
});
