import assert from "node:assert/strict";
import { createRng } from "./random.ts";
import { q, qEq, qIdentity, qMatMul, type QMatrix, qRank, qTranspose } from "./rational_linalg.ts";
import { qAdd, qInverse, qIsZero, qNeg, qSub } from "./rational_linalg.ts";
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

Deno.test("randomRationalOrthogonal: the skew S behind Q (S = (I − Q)(I + Q)⁻¹) has N(0, 1) entries rounded to halves", () => {
  const rng = createRng("cayley-entries"), entries: number[] = [];
  for (let rep = 0; rep < 30; rep++) {
    const o = randomRationalOrthogonal(rng, 4), I = qIdentity(4);
    const minus = o.map((row, i) => row.map((v, j) => qSub(I[i][j], v)));
    const plus = o.map((row, i) => row.map((v, j) => qAdd(I[i][j], v)));
    const inv = qInverse(plus);
    assert.ok(inv !== null);
    const s = qMatMul(minus, inv!);
    for (let i = 0; i < 4; i++) {
      assert.ok(qIsZero(s[i][i]));
      for (let j = i + 1; j < 4; j++) {
        assert.ok(qEq(s[j][i], qNeg(s[i][j])));
        const v = Number(s[i][j].num) / Number(s[i][j].den);
        assert.ok(Number.isInteger(2 * v), `${v}`);
        entries.push(v);
      }
    }
  }
  // 180 entries of round(2g)/2: mean square 1 + 1/48 (rounding to halves); the sample mean of squares is within 4
  // standard errors (√(2/180) ≈ 0.105 for g², a little more with the rounding).
  const ms = entries.reduce((a, v) => a + v * v, 0) / entries.length;
  assert.ok(Math.abs(ms - (1 + 1 / 48)) < 4 * 0.11, `${ms}`);
  assert.ok(Math.max(...entries.map(Math.abs)) < 5);
});
