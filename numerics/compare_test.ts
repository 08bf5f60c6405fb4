import assert from "node:assert/strict";
import { allFinite, atMost, lessThan, ratio, vectorsClose } from "./compare.ts";

const poison = [NaN, Infinity, -Infinity];

Deno.test("comparisons never pass on NaN or Inf", () => {
  for (const p of poison) {
    assert.equal(atMost(p, 1).ok, false);
    assert.equal(atMost(0, p).ok, false);
    assert.equal(lessThan(p, 1).ok, false);
    assert.equal(lessThan(0, p).ok, false);
    assert.equal(vectorsClose([p, 0], [p, 0], { abs: 1e300, rel: 1 }).ok, false);
    assert.equal(vectorsClose([1, 0], [p, 0], { abs: 1e300 }).ok, false);
    assert.equal(allFinite([0, p]), false);
  }
});

Deno.test("comparisons pass and fail on finite inputs", () => {
  assert.ok(atMost(1, 1).ok);
  assert.ok(!lessThan(1, 1).ok);
  assert.ok(vectorsClose([1, 1], [1, 1.5], { abs: 0.5 }).ok);
  assert.ok(!vectorsClose([1, 1], [1, 1.6], { abs: 0.5 }).ok);
  assert.equal(ratio(0, 0), 0);
  assert.equal(ratio(1, 0), Infinity);
});

Deno.test("vectorsClose: the relative bound scales with the larger norm, either way round", () => {
  // ‖a − b‖ = 0.9; rel·max(‖a‖, ‖b‖) = 0.5·1.9 = 0.95 accepts, rel·min would be 0.5 and reject.
  assert.ok(vectorsClose([1], [1.9], { rel: 0.5 }).ok);
  assert.ok(vectorsClose([1.9], [1], { rel: 0.5 }).ok);
  assert.equal(vectorsClose([3, 0], [0, 4], { rel: 0.1, abs: 1 }).bound, 1 + 0.1 * 4);
  assert.ok(!vectorsClose([1], [2.1], { rel: 0.5 }).ok);
});
