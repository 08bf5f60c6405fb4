import assert from "node:assert/strict";
import { describeRegression, rankControlledRegression } from "./rank_controlled_regression.ts";
import { numericalRank, svd } from "../numerics/linalg.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("rankControlledRegression: shapes N ∈ [2, 7], d ∈ [1, 7] (both ends drawn), the stated rank, s ∈ [0.3, 2)", () => {
  const ns = new Set<number>(), ds = new Set<number>();
  let deficient = 0;
  for (let index = 0; index < 240; index++) {
    const i = rankControlledRegression(createRng(`rcr/${index}`), index);
    const n = i.ls.x.rows, d = i.ls.x.columns;
    ns.add(n);
    ds.add(d);
    assert.deepEqual([i.ls.y.length, i.w0.length, i.ls.scale], [n, d, 0.5]);
    assert.equal(numericalRank(i.ls.x), i.rank, `index ${index}`);
    if (index % 3 === 2) {
      assert.ok(i.rank < Math.min(n, d) || Math.min(n, d) === 1 && i.rank === 0, `index ${index}: rank ${i.rank}`);
      deficient++;
    } else assert.equal(i.rank, Math.min(n, d));
    const s = Array.from(svd(i.ls.x).s).slice(0, i.rank);
    assert.ok(s.every((v) => v >= 0.3 - 1e-12 && v < 2 + 1e-12), `index ${index}: ${s}`);
    assert.equal(describeRegression(i), `X ${n}×${d}, rank ${i.rank}`);
  }
  // 240 draws of 6 (N) or 7 (d) values: each value is missed with probability < (6/7)^240 ≈ 10⁻¹⁶.
  assert.deepEqual([...ns].sort(), [2, 3, 4, 5, 6, 7]);
  assert.deepEqual([...ds].sort(), [1, 2, 3, 4, 5, 6, 7]);
  assert.equal(deficient, 80);
  // params override the drawn shape; the rest of the draw follows.
  const p = rankControlledRegression(createRng(3), 0, { N: 5, d: 2 });
  assert.deepEqual([p.ls.x.rows, p.ls.x.columns, p.rank], [5, 2, 2]);
});

Deno.test("rankControlledRegression: the singular values spread over [0.3, 2) (both ends approached)", () => {
  let lo = Infinity, hi = 0;
  for (let index = 0; index < 120; index += 3) {
    const i = rankControlledRegression(createRng(`rcr-s/${index}`), index, { N: 6, d: 6 });
    const s = svd(i.ls.x).s;
    lo = Math.min(lo, s[i.rank - 1]);
    hi = Math.max(hi, s[0]);
  }
  // 40 instances × 6 uniform values on [0.3, 2): the extremes are within 0.1 of the ends (miss probability ≈ e^{−14}).
  assert.ok(lo < 0.4 && hi > 1.9, `${lo}, ${hi}`);
});
