import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { leastSquaresInstance } from "./least_squares_instances.ts";

Deno.test("least_squares_instances: the three shapes have the rank and singular values they claim", () => {
  for (let index = 0; index < 30; index++) {
    const i = leastSquaresInstance(createRng(`ls/${index}`), index);
    const m = i.ls.x.rows, d = i.ls.x.columns;
    assert.equal(i.shape, ["full column rank", "rank-deficient", "m < d"][index % 3]);
    assert.equal(i.s.filter((s) => s > 1e-10).length, i.rank);
    for (let k = 0; k < i.rank; k++) assert.ok(i.s[k] >= 0.3 - 1e-12 && i.s[k] <= 2 + 1e-12);
    if (i.shape === "full column rank") assert.ok(m > d && i.rank === d);
    if (i.shape === "m < d") assert.ok(m < d && i.rank === m);
    assert.equal(i.probes.length, 4);
  }
});

Deno.test("least_squares_instances: overriding m and d keeps the rank within the new shape", () => {
  const i = leastSquaresInstance(createRng(1), 0, { m: 3, d: 3 });
  assert.equal(i.ls.x.rows, 3);
  assert.ok(i.rank <= 3);
});

Deno.test("least_squares_instances: an override's shape is named from the new m, d and rank", () => {
  assert.equal(leastSquaresInstance(createRng(1), 2, { m: 2, d: 4 }).shape, "m < d");
  assert.equal(leastSquaresInstance(createRng(1), 0, { m: 5, d: 2 }).shape, "full column rank");
  const sq = leastSquaresInstance(createRng(1), 2, { m: 3, d: 3 });
  assert.equal(sq.shape, sq.rank === 3 ? "square, full rank" : "rank-deficient");
});
