/**
 * Checks that a claim's reported tests (`AggregateCheck.tests`) are those of its decision: present, valid
 * probabilities, and rejecting at their levels exactly when the run is falsified.
 *
 * @module
 */
import assert from "node:assert/strict";
import { falsified, type StartedRun, type WholeRun, wholeRun } from "./whole_run.ts";

/**
 * The run's aggregate reports at least one test with a p-value and a power in [0, 1] (up to rounding), and some test rejects
 * (p ≤ its level) exactly when the run is falsified.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { testsMatchVerdict } from "./test_records.ts";
 * const test = { name: "t", statistic: "s", pValue: 0.5, alpha: 0.01, power: { alternative: "a", probability: 0.9 } };
 * const run = { result: { id: "x", status: "verified", aggregate: { holds: true, summary: "", tests: [test] } } };
 * testsMatchVerdict(run as never);
 * assert.throws(() => testsMatchVerdict({ result: { ...run.result, status: "falsified" } } as never));
 * ```
 */
export function testsMatchVerdict({ result }: Pick<WholeRun, "result">): void {
  const tests = result.aggregate?.tests ?? [];
  assert.ok(tests.length > 0, `${result.id}: no test reported`);
  for (const t of tests) {
    assert.ok(t.pValue >= 0 && t.pValue <= 1 && t.alpha > 0 && t.alpha < 1, `${result.id}: ${t.name}`);
    if (t.power) {
      assert.ok(t.power.probability >= 0 && t.power.probability <= 1, `${result.id}: ${t.name} power`);
    }
  }
  const rejects = tests.some((t) => t.pValue <= t.alpha);
  assert.equal(
    rejects,
    result.status === "falsified",
    `${result.id}: ${result.status}, tests ${tests.map((t) => `${t.name} p = ${t.pValue} at ${t.alpha}`).join("; ")}`,
  );
}

/**
 * The mutant's run is falsified and the printed claim's is not, each with its tests rejecting exactly when it is
 * falsified (`testsMatchVerdict`): the test record tells the two apart.
 */
export async function testsRejectOnlyTheMutant(mutant: StartedRun, printed: StartedRun): Promise<void> {
  const run = await wholeRun(mutant);
  testsMatchVerdict(run);
  assert.equal(run.result.status, "falsified");
  testsMatchVerdict(await wholeRun(printed));
}

/** The run is falsified, and its tests say so (`testsMatchVerdict`: some test rejects at its level). */
export function falsifiedByItsTests(run: WholeRun): void {
  falsified(run);
  testsMatchVerdict(run);
}
