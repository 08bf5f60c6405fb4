import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { POINT_KINDS, pointSet } from "./psd_point_sets.ts";

Deno.test("psd_point_sets: every kind gives m points of dimension d; clustered ones are within 1e-3 of each other", () => {
  for (let kind = 0; kind < POINT_KINDS.length; kind++) {
    const pts = pointSet(createRng(`points/${kind}`), 7, 3, kind);
    assert.equal(pts.length, 7);
    for (const p of pts) assert.equal(p.length, 3);
    if (kind === 1) {
      for (const p of pts) assert.ok(p.every((v, k) => Math.abs(v - pts[0][k]) < 1e-3));
    }
  }
});
