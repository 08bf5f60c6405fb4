import assert from "node:assert/strict";
import type { InstanceRecord } from "../claim.ts";
import { CHECK_FALSE_ALARM } from "../false_alarm.ts";
import { countFailureCells, drawsForPower, type FailureCellData, failureFrequencyCheck } from "./failure_frequency.ts";
import { failureFrequencyVerdict, frequencyAlternative } from "./failure_frequency.ts";
import { failureFrequencyPower } from "../../numerics/power.ts";

Deno.test("failureFrequencyVerdict: Bonferroni over cells, rejects only above the printed probability", () => {
  const cells = [
    { key: "a", failures: 10, draws: 100, promised: 0.1 },
    { key: "b", failures: 0, draws: 100, promised: 0.01 },
  ];
  const ok = failureFrequencyVerdict(cells, "P[x]");
  assert.equal(ok.holds, true);
  assert.equal(ok.alpha, CHECK_FALSE_ALARM);
  assert.equal(ok.frequencies!.length, 2);
  assert.equal(ok.frequencies![0].confidence, 1 - CHECK_FALSE_ALARM);
  assert.ok(ok.tightness! < 1);
  assert.match(ok.summary, /^P\[x\]: failure frequency per cell .* Bonferroni over 2 cells.*No cell exceeds it\.$/);
  const bad = failureFrequencyVerdict([...cells, { key: "c", failures: 30, draws: 100, promised: 0.05 }], "P[x]");
  assert.equal(bad.holds, false);
  assert.ok(bad.tightness! > 1 && bad.pValue! <= CHECK_FALSE_ALARM);
  assert.match(bad.summary, /Some cell exceeds it\.$/);
  assert.equal(
    bad.rows![2][1],
    "30/100 = 0.3000, exact interval " +
      `[${bad.frequencies![2].lo.toFixed(4)}, ${bad.frequencies![2].hi.toFixed(4)}] vs printed 0.0500`,
  );
});

Deno.test("countFailureCells: skips records without data, keeps first-appearance order", () => {
  const checked = { holds: true, observed: 0, bound: 1, tightness: 0, detail: "" };
  const records: InstanceRecord<FailureCellData>[] = [
    {
      index: 0,
      description: "",
      hypotheses: [],
      met: true,
      conclusion: { ...checked, data: { cell: "y", fail: 0, bound: 0.2 } },
    },
    { index: 1, description: "", hypotheses: [], met: false },
    {
      index: 2,
      description: "",
      hypotheses: [],
      met: true,
      conclusion: { ...checked, data: { cell: "x", fail: 1, bound: 0.3 } },
    },
    {
      index: 3,
      description: "",
      hypotheses: [],
      met: true,
      conclusion: { ...checked, data: { cell: "y", fail: 1, bound: 0.2 } },
    },
  ];
  assert.deepEqual(countFailureCells(records), [
    { key: "y", failures: 1, draws: 2, promised: 0.2 },
    { key: "x", failures: 1, draws: 1, promised: 0.3 },
  ]);
});

Deno.test("failureFrequencyCheck: m failures of m reject δ exactly when δᵐ < α", () => {
  // The lower one-sided bound on m/m is α^{1/m}: above δ iff δᵐ < α.
  assert.equal(failureFrequencyCheck(13, 13, 0.5, 1e-4).holds, true); // 0.5¹³ = 1.2·10⁻⁴
  assert.equal(failureFrequencyCheck(14, 14, 0.5, 1e-4).holds, false); // 0.5¹⁴ = 6.1·10⁻⁵
});

Deno.test("failureFrequencyCheck: no failure never rejects, and the intervals bracket the frequency", () => {
  for (const draws of [1, 10, 1000]) assert.equal(failureFrequencyCheck(0, draws, 1e-6, 1e-3).holds, true);
  const c = failureFrequencyCheck(30, 100, 0.2, 1e-3);
  assert.ok(c.lower < 0.3 && 0.3 < c.upper);
});

Deno.test("drawsForPower: the fewest draws reaching the goal against the default alternative", () => {
  for (const [delta, level, goal] of [[0.5, 8.3e-5, 0.5], [0.2, 8.3e-5, 0.9], [0.25, 1e-3, 0.5]]) {
    const m = drawsForPower(delta, level, goal), alt = frequencyAlternative(delta);
    assert.ok(failureFrequencyPower(m, delta, level, alt) >= goal);
    assert.ok(failureFrequencyPower(m - 1, delta, level, alt) < goal);
  }
});
