import assert from "node:assert/strict";
import { Matrix } from "../../numerics/linalg.ts";
import { psdUpToRounding } from "./psd_up_to_rounding.ts";

Deno.test("psd_up_to_rounding: a negative eigenvalue within the formation error is accepted, beyond it rejected", () => {
  const g = new Matrix([[1, 0], [0, -1e-9]]);
  assert.equal(psdUpToRounding({ g, error: 1e-8 }).holds, true);
  const rejected = psdUpToRounding({ g, error: 1e-12 });
  assert.equal(rejected.holds, false);
  assert.ok(rejected.tightness > 1);
  assert.equal(rejected.data?.minEigenvalue, -1e-9);
});

Deno.test("psd_up_to_rounding: a matrix that is not exactly symmetric is rejected and said so", () => {
  const c = psdUpToRounding({ g: new Matrix([[1, 0.5], [0.5000001, 1]]), error: 1 });
  assert.equal(c.holds, false);
  assert.match(c.detail, /NOT symmetric/);
});
