import assert from "node:assert/strict";
import { createRng } from "./random.ts";
import { q, qEq, qIdentity, qMatMul, type QMatrix, qRank, qTranspose } from "./rational_linalg.ts";
import { matrixWithRationalSvd, randomRationalOrthogonal } from "./rational_orthogonal.ts";

const equal = (a: QMatrix, b: QMatrix) => a.every((row, i) => row.every((v, j) => qEq(v, b[i][j])));

Deno.test("Cayley transforms are exactly orthogonal", () => {
  for (const n of [1, 2, 3, 5]) {
    const Q = randomRationalOrthogonal(createRng(`orth/${n}`), n);
    assert.ok(equal(qMatMul(qTranspose(Q), Q), qIdentity(n)), `n = ${n}`);
  }
});

Deno.test("A = UΣVᵀ: AᵀA = V diag(s²) Vᵀ exactly, and rank = number of singular values", () => {
  const s = [q(3n), q(1n, 2n)];
  const { a, v } = matrixWithRationalSvd(createRng(2), 4, 3, s);
  assert.equal(qRank(a), 2);
  const d2 = [q(9n), q(1n, 4n), q(0n)];
  const vd = v.map((row) => row.map((x, j) => ({ num: x.num * d2[j].num, den: x.den * d2[j].den })));
  assert.ok(equal(qMatMul(qTranspose(a), a), qMatMul(vd, qTranspose(v))));
});
