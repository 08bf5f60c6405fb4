import assert from "node:assert/strict";
import { Matrix } from "./linalg.ts";
import { psdWithFormationError } from "./psd.ts";

Deno.test("psdWithFormationError: tolerance adds the formation error to the eigensolver's", () => {
  const g = new Matrix([[1, 0], [0, -1e-9]]);
  assert.ok(!psdWithFormationError(g, 1e-10).psd);
  assert.ok(psdWithFormationError(g, 1e-8).psd);
  assert.equal(psdWithFormationError(g, 1e-8).minEigenvalue, -1e-9);
});

Deno.test("psdWithFormationError: asymmetric, NaN and infinite inputs never pass", () => {
  assert.ok(!psdWithFormationError(new Matrix([[1, 0.5], [0.4, 1]]), 1).psd);
  assert.ok(!psdWithFormationError(new Matrix([[1, 0], [0, 1]]), NaN).psd);
  assert.ok(!psdWithFormationError(new Matrix([[1, 0], [0, 1]]), Infinity).psd);
});
