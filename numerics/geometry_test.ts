import assert from "node:assert/strict";
import { inTriangle, orientation } from "./geometry.ts";

Deno.test("orientation is exact on nearly collinear points", () => {
  // Nearly collinear points: the float determinant rounds, the exact one does not.
  const a = [0.5, 0.5], b = [12, 12], c = [24, 24 + 2 ** -48];
  assert.equal(orientation(a, b, c), 1);
  assert.equal(orientation(a, c, b), -1);
  assert.equal(orientation([0.1, 0.1], [0.2, 0.2], [0.30000000000000004, 0.30000000000000004]), 0);
});

Deno.test("inTriangle: inside, boundary, outside", () => {
  const [a, b, c] = [[0, 0], [1, 0], [0, 1]];
  assert.ok(inTriangle(a, b, c, [0.25, 0.25]));
  assert.ok(inTriangle(a, b, c, [0.5, 0.5]));
  assert.ok(!inTriangle(a, b, c, [0.5, 0.5000000000000001]));
});

Deno.test("inTriangle: points on each edge count as inside (orientation 0 is neither side)", () => {
  const a = [0, 0], b = [4, 0], c = [0, 4];
  for (const p of [[2, 0], [2, 2], [0, 2]]) {
    assert.ok(inTriangle(a, b, c, p), `${p}`);
    assert.ok(inTriangle(b, c, a, p) && inTriangle(c, a, b, p), `${p}, rotated`);
  }
  assert.ok(!inTriangle(a, b, c, [5, 0]) && !inTriangle(a, b, c, [-1, 2]));
});
