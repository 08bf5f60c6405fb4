import assert from "node:assert/strict";
import fc from "fast-check";
import { q, qAdd, qDet, qDiv, qEq, qFromNumber, qIdentity, qInverse, qIsZeroVector } from "./rational_linalg.ts";
import { qMatMul, qMatrix, qMatVec, qMul, qNullspace, qPow, qRank, qSolve, qSub, qVector } from "./rational_linalg.ts";

const hilbert = (n: number) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => q(1n, BigInt(i + j + 1))));

Deno.test("the 3×3 Hilbert matrix: det 1/2160 and its known integer inverse", () => {
  assert.ok(qEq(qDet(hilbert(3)), q(1n, 2160n)));
  const inv = qInverse(hilbert(3))!;
  const known = [[9, -36, 30], [-36, 192, -180], [30, -180, 180]];
  known.forEach((row, i) => row.forEach((v, j) => assert.ok(qEq(inv[i][j], q(v)), `${i},${j}`)));
  // det of the 4×4 Hilbert matrix is 1/6048000.
  assert.ok(qEq(qDet(hilbert(4)), q(1n, 6048000n)));
});

Deno.test("scalar arithmetic: 0.1 + 0.2 as doubles is not 3/10, but the exact sum of the two doubles", () => {
  const s = qAdd(qFromNumber(0.1), qFromNumber(0.2));
  assert.ok(!qEq(s, q(3n, 10n)));
  assert.ok(qEq(qSub(s, qFromNumber(0.2)), qFromNumber(0.1)));
  assert.ok(qEq(qDiv(qMul(q(2n, 3n), q(9n, 4n)), q(3n, 2n)), q(1n)));
  assert.ok(qEq(qPow(q(-2n, 3n), 3), q(-8n, 27n)));
});

const smallMatrix = fc.integer({ min: 1, max: 5 }).chain((m) =>
  fc.integer({ min: 1, max: 5 }).chain((n) =>
    fc.integer({ min: 1, max: Math.min(m, n) }).chain((r) =>
      fc.tuple(
        fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: r, maxLength: r }), {
          minLength: m,
          maxLength: m,
        }),
        fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }), {
          minLength: r,
          maxLength: r,
        }),
      )
    )
  )
);

Deno.test("rank + nullity = columns, kernel vectors are annihilated, rank(BC) ≤ inner size", () => {
  fc.assert(
    fc.property(smallMatrix, ([b, c]) => {
      const a = qMatMul(qMatrix(b), qMatrix(c));
      const n = a[0].length, rank = qRank(a), ker = qNullspace(a);
      assert.equal(rank + ker.length, n);
      assert.ok(rank <= b[0].length);
      for (const k of ker) assert.ok(qIsZeroVector(qMatVec(a, k)));
      // The kernel basis is independent: rank of the stacked basis is its length.
      if (ker.length) assert.equal(qRank(ker), ker.length);
    }),
    { seed: 3, numRuns: 200 },
  );
});

Deno.test("qSolve solves consistent systems and rejects inconsistent ones; qInverse inverts", () => {
  fc.assert(
    fc.property(smallMatrix, fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 5, maxLength: 5 }), ([b, c], z) => {
      const a = qMatMul(qMatrix(b), qMatrix(c));
      const x0 = qVector(z.slice(0, a[0].length));
      const rhs = qMatVec(a, x0);
      const x = qSolve(a, rhs)!;
      assert.ok(x !== null && qMatVec(a, x).every((v, i) => qEq(v, rhs[i])));
      if (a.length === a[0].length) {
        const inv = qInverse(a);
        assert.equal(inv === null, qEq(qDet(a), q(0n)));
        if (inv) assert.ok(qMatMul(a, inv).every((row, i) => row.every((v, j) => qEq(v, qIdentity(a.length)[i][j]))));
      }
    }),
    { seed: 4, numRuns: 200 },
  );
  assert.equal(qSolve(qMatrix([[1, 2], [2, 4]]), qVector([1, 3])), null);
});
