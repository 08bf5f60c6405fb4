import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { qMatrix, qRank } from "../numerics/rational_linalg.ts";
import { describeJacobianInstance, JACOBIAN_FAMILIES, jacobianInstance } from "./jacobian_instances.ts";

Deno.test("jacobian instances: full row rank for the generic family, rank-deficient by construction otherwise", () => {
  for (let index = 0; index < 40; index++) {
    const i = jacobianInstance(createRng(`jac/${index}`), index);
    const j = i.net.jacobian(i.xs), m = i.xs.length, rank = qRank(qMatrix(j), i.net.parameterCount);
    if (i.family === "generic, P ≥ m") assert.equal(rank, m, `instance ${index}`);
    else assert.ok(rank < m, `${i.family}: rank ${rank}, m ${m}`);
    if (i.family === "output layer v = 0") {
      const { n, d } = i.net;
      // ∇_U Φ and ∇_b Φ vanish exactly when v = 0.
      assert.ok(j.every((row) => row.slice(0, n * (d + 1)).every((v) => v === 0)));
    }
  }
});

Deno.test("jacobian instances: each family's sizes (both ends drawn), the duplicate, v = 0, overrides and the description", () => {
  const sizes = { d: new Set<number>(), width: new Set<number>(), m0: new Set<number>() };
  for (let index = 0; index < 200; index++) {
    const i = jacobianInstance(createRng(`jac-size/${index}`), index), { n, d } = i.net, m = i.xs.length;
    const P = n * (d + 2) + 1;
    assert.equal(i.net.parameterCount, P);
    assert.ok(i.xs.every((x) => x.length === d) && i.y.length === m && i.tests.length === 2 && i.probes.length === 2);
    assert.ok(i.probes.every((w) => w.length === P && w.some((v, q) => v !== i.net.params[q])));
    assert.equal(i.family, JACOBIAN_FAMILIES[index % 4]);
    if (index % 4 === 0) {
      assert.ok(m >= 1 && m <= Math.min(P, 6), `generic: m = ${m}, P = ${P}`);
      sizes.d.add(d);
      sizes.width.add(n);
      sizes.m0.add(m);
    }
    if (index % 4 === 1) assert.ok(m >= 2 && m <= Math.min(P, 6) && i.xs[m - 1].every((v, k) => v === i.xs[0][k]));
    if (index % 4 === 2) {
      assert.equal(m, n + 2);
      assert.ok(i.net.params.slice(n * (d + 1), n * (d + 2)).every((v) => v === 0), "v = 0");
    }
    if (index % 4 === 3) assert.ok(d === 1 && n === 1 && (m === P + 1 || m === P + 2), `P < m: m = ${m}, P = ${P}`);
  }
  assert.deepEqual([[...sizes.d].sort(), [...sizes.width].sort(), [...sizes.m0].sort()], [[1, 2, 3], [1, 2, 3], [
    1,
    2,
    3,
    4,
    5,
    6,
  ]]);
  const o = jacobianInstance(createRng(3), 0, { family: 2, d: 4, width: 2, m: 7 });
  assert.deepEqual([o.family, o.net.d, o.net.n, o.xs.length], ["output layer v = 0", 4, 2, 7]);
  assert.equal(describeJacobianInstance(o), "output layer v = 0: m = 7, d = 4, width 2, P = 13");
});
