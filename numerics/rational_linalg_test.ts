import assert from "node:assert/strict";
import fc from "fast-check";
import { q, qAdd, qDet, qDiv, qEq, qFromNumber, qIdentity, qInverse, qIsZeroVector } from "./rational_linalg.ts";
import { qMatMul, qMatrix, qMatVec, qMul, qNullspace, qPow, qRank, qSolve, qSub, qVector } from "./rational_linalg.ts";
import { Q0, Q1, qCmp, qDot, qIsZero, qNeg, qPositiveDefinite, qToString, qTranspose } from "./rational_linalg.ts";
import { type QMatrix, qRowReduce, type Rational } from "./rational_linalg.ts";

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

Deno.test("rational scalars: reduction and signs, the field laws (fast-check), comparisons, powers, printing", () => {
  assert.deepEqual(q(6, -4), { num: -3n, den: 2n });
  assert.deepEqual(q(0, 5), { num: 0n, den: 1n });
  assert.deepEqual(q(7), { num: 7n, den: 1n });
  assert.throws(() => q(1, 0), RangeError);
  assert.deepEqual(qFromNumber(-0.375), { num: -3n, den: 8n });
  assert.deepEqual(qNeg(q(2, 3)), q(-2, 3));
  assert.deepEqual(qPow(q(-2, 3), 3), q(-8, 27));
  assert.deepEqual(qPow(q(5, 7), 0), q(1));
  assert.throws(() => qPow(q(2), -1), RangeError);
  assert.throws(() => qPow(q(2), 1.5), RangeError);
  assert.deepEqual([qCmp(q(1, 3), q(1, 2)), qCmp(q(1, 2), q(2, 4)), qCmp(q(-1, 2), q(-2, 3))], [-1, 0, 1]);
  assert.deepEqual([qToString(q(-3, 6)), qToString(q(4, 2)), qToString(Q0)], ["-1/2", "2", "0"]);
  assert.ok(qIsZero(qSub(q(1, 3), q(2, 6))) && !qIsZero(Q1));
  const rat = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 50 })).map(([n, d]) => q(n, d));
  fc.assert(
    fc.property(rat, rat, rat, (a, b, c) => {
      assert.ok(qEq(qAdd(a, b), qAdd(b, a)) && qEq(qMul(a, qAdd(b, c)), qAdd(qMul(a, b), qMul(a, c))));
      assert.ok(qEq(qSub(qAdd(a, b), b), a));
      if (!qIsZero(b)) assert.ok(qEq(qMul(qDiv(a, b), b), a));
      // Always reduced, with a positive denominator.
      for (const r of [qAdd(a, b), qMul(a, c), qSub(b, c)]) {
        assert.ok(r.den > 0n);
        const g = (x: bigint, y: bigint): bigint => (y === 0n ? (x < 0n ? -x : x) : g(y, x % y));
        assert.equal(g(r.num, r.den), r.num === 0n ? r.den : 1n);
      }
      // qCmp agrees with the doubles' order (exact for these small fractions).
      const x = Number(a.num) / Number(a.den), y = Number(b.num) / Number(b.den);
      assert.equal(qCmp(a, b), x > y ? 1 : x < y ? -1 : 0);
    }),
    { seed: 19, numRuns: 300 },
  );
});

Deno.test("rational matrices: dot, transpose, identity, determinants by hand, positive definiteness, zero vectors", () => {
  assert.deepEqual(qDot(qVector([1, 2, 3]), qVector([4, -5, 0.5])), q(-9, 2));
  assert.deepEqual(qDot([], []), Q0);
  assert.deepEqual(qTranspose(qMatrix([[1, 2, 3], [4, 5, 6]])), qMatrix([[1, 4], [2, 5], [3, 6]]));
  assert.deepEqual(qIdentity(2), [[Q1, Q0], [Q0, Q1]]);
  assert.deepEqual(qDet(qMatrix([[2, 1], [7, 4]])), q(1));
  assert.deepEqual(qDet(qMatrix([[0, 1, 0], [1, 0, 0], [0, 0, 3]])), q(-3)); // a row swap flips the sign
  assert.deepEqual(qDet(qMatrix([[1, 2], [2, 4]])), Q0);
  assert.equal(qPositiveDefinite(qMatrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])), true);
  assert.equal(qPositiveDefinite(qMatrix([[-1, 0], [0, -1]])), false); // a negative leading minor
  assert.equal(qPositiveDefinite(qMatrix([[1, 0], [0, 0]])), false);
  assert.equal(qIsZeroVector([Q0, Q0]), true);
  assert.equal(qIsZeroVector([Q0, q(1, 9)]), false);
  // Row reduction of a 2×3 matrix of rank 1, and the rank with an explicit column count.
  assert.equal(qRank(qMatrix([[1, 2, 3], [2, 4, 6]])), 1);
  assert.equal(qRank(qMatrix([[1, 2, 3], [2, 4, 7]])), 2);
  assert.equal(qNullspace(qMatrix([[1, 2, 3], [2, 4, 6]])).length, 2);
  assert.equal(qInverse(qMatrix([[1, 2], [2, 4]])), null);
});

/** The rational Gauss–Jordan qRowReduce replaced (a gcd per entry and step): the reference for its output. */
function rationalRowReduce(a: QMatrix, columns = a[0]?.length ?? 0) {
  const r = a.map((row) => row.slice());
  const pivots: number[] = [];
  let product = Q1, row = 0;
  for (let col = 0; col < columns && row < r.length; col++) {
    let p = row;
    while (p < r.length && qIsZero(r[p][col])) p++;
    if (p === r.length) continue;
    if (p !== row) {
      [r[p], r[row]] = [r[row], r[p]];
      product = qNeg(product);
    }
    const pivot = r[row][col];
    product = qMul(product, pivot);
    r[row] = r[row].map((v) => qDiv(v, pivot));
    for (let i = 0; i < r.length; i++) {
      if (i === row || qIsZero(r[i][col])) continue;
      const f = r[i][col];
      r[i] = r[i].map((v, j) => qSub(v, qMul(f, r[row][j])));
    }
    pivots.push(col);
    row++;
  }
  return { rref: r, pivots, pivotProduct: product };
}

const entry: fc.Arbitrary<Rational> = fc.oneof(
  fc.constant(0).map(qFromNumber),
  fc.integer({ min: -4, max: 4 }).map((v) => q(v)),
  fc.tuple(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), fc.integer({ min: 0, max: 80 }))
    .map(([v, k]) => qFromNumber(v / 2 ** k)),
  fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 12 })).map(([n, d]) => q(n, d)),
);

Deno.test("fraction-free qRowReduce gives rational Gauss–Jordan's exact output (same objects' values, pivots, product)", () => {
  const matrix = fc.integer({ min: 1, max: 6 }).chain((m) =>
    fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.tuple(
        fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
        fc.integer({ min: 0, max: n }),
        fc.array(fc.integer({ min: 0, max: m - 1 }), { maxLength: 3 }),
      )
    )
  );
  fc.assert(
    fc.property(matrix, ([rows, columns, copies]) => {
      // Rank deficiency: some rows repeated, scaled, or zeroed.
      const a = rows.map((row, i) => copies.includes(i) && i > 0 ? rows[i - 1].map((v) => qMul(v, q(-3, 2))) : row);
      if (copies.length > 2) a[0] = a[0].map(() => Q0);
      assert.deepEqual(qRowReduce(a, columns), rationalRowReduce(a, columns));
    }),
    { numRuns: 300 },
  );
  const h = hilbert(5);
  assert.deepEqual(qRowReduce(h), rationalRowReduce(h));
});
