import assert from "node:assert/strict";
import { sweepCell, sweepInstances } from "./law_width_cells.ts";

const sweep = { laws: ["a", "b", "c"], widths: { test: [4, 8], report: [4, 8, 16] }, draws: { test: 2, report: 5 } };

Deno.test("law-width cells: laws fastest, then widths; every cell equally often; overrides; the instance counts", () => {
  assert.deepEqual(sweepInstances(sweep), { test: 3 * 2 * 2, report: 3 * 3 * 5 });
  const cells = Array.from({ length: 12 }, (_, index) => sweepCell(sweep, index, "test"));
  assert.deepEqual(cells.slice(0, 6), [
    { law: "a", n: 4 },
    { law: "b", n: 4 },
    { law: "c", n: 4 },
    { law: "a", n: 8 },
    { law: "b", n: 8 },
    { law: "c", n: 8 },
  ]);
  assert.deepEqual(cells.slice(6), cells.slice(0, 6)); // the second draw of each cell
  const counts = new Map<string, number>();
  for (let index = 0; index < sweepInstances(sweep).report; index++) {
    const c = sweepCell(sweep, index, "report"), key = `${c.law}/${c.n}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  assert.deepEqual([counts.size, ...new Set(counts.values())], [9, 5]);
  assert.deepEqual(sweepCell(sweep, 4, "test", { law: 2 }), { law: "c", n: 8 });
  assert.deepEqual(sweepCell(sweep, 4, "test", { n: 100 }), { law: "b", n: 100 });
});
