import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { qMatrix, qRank } from "../numerics/rational_linalg.ts";
import { jacobianInstance } from "./jacobian_instances.ts";

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
