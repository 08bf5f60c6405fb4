import assert from "node:assert/strict";
import { exponentialLoss, logisticMarginLoss } from "./linear_classifier.ts";

Deno.test("linear_classifier: each loss's derivative is the derivative of its value (central differences)", () => {
  for (const loss of [exponentialLoss, logisticMarginLoss]) {
    for (const z of [-3, -1, -0.2, 0.7, 2, 5]) {
      const h = 1e-5, fd = (loss.value(z + h) - loss.value(z - h)) / (2 * h);
      assert.ok(Math.abs(loss.derivative(z) - fd) < 1e-6 * Math.max(1, Math.abs(fd)), `${loss.name} at ${z}`);
    }
  }
  assert.equal(exponentialLoss.value(1), Math.exp(-1));
});
