import assert from "node:assert/strict";
import { defineClaim, type InstanceRecord } from "./claim.ts";
import { decide, runClaim, runInstance } from "./run.ts";

/** A toy claim: x² ≥ 0 for x ~ N(0,1), with a pluggable "square" and a hypothesis x > threshold. */
function toy(square: (x: number) => number, threshold = -Infinity, erratum = false) {
  return defineClaim<number>({
    id: "toy",
    title: "squares are non-negative",
    kind: "exact",
    source: { document: "-", where: "-" },
    statement: "$x^2 \\ge 0$",
    tightness: "none",
    instances: { test: 50, report: 50 },
    generate: ({ rng }) => rng.normal(),
    describe: (x) => `x = ${x}`,
    hypotheses: [{
      statement: "x > threshold",
      certainty: "certified",
      method: "exact",
      check: (x) => ({ holds: x > threshold, value: `${x}` }),
    }],
    conclusion: {
      statement: "square(x) ≥ 0",
      check: (x) => {
        const s = square(x);
        return { holds: s >= 0, observed: -s, bound: 0, tightness: 0, detail: `square = ${s}` };
      },
    },
    erratum: erratum
      ? {
        printed: "-",
        corrected: "-",
        reasoning: "-",
        check: (x) => ({ holds: x * x >= 0, observed: 0, bound: 0, tightness: 0, detail: "" }),
      }
      : undefined,
  });
}

Deno.test("a correct claim is verified; a wrong formula is falsified with a replay command", async () => {
  assert.equal((await runClaim(toy((x) => x * x), { seed: 1, budget: "test" })).result.status, "verified");
  const { result } = await runClaim(toy((x) => x), { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
  assert.match(result.replay!, /^deno task replay toy --seed 1 --instance \d+ --budget test$/);
});

Deno.test("a NaN never passes: a conclusion computing NaN is a failure", async () => {
  // NaN >= 0 is false, but a claim could also report holds with a NaN observed: both must fail.
  const nanHolds = defineClaim({
    ...toy(() => 0),
    conclusion: {
      statement: "-",
      check: () => ({ holds: true, observed: NaN, bound: 1, tightness: NaN, detail: "" }),
    },
  });
  assert.equal((await runClaim(nanHolds, { seed: 1, budget: "test" })).result.status, "falsified");
  assert.equal((await runClaim(toy(() => NaN), { seed: 1, budget: "test" })).result.status, "falsified");
});

Deno.test("a throwing check is a failure, not a crash", async () => {
  const { result } = await runClaim(
    toy(() => {
      throw new Error("diverged");
    }),
    { seed: 1, budget: "test" },
  );
  assert.equal(result.status, "falsified");
  assert.match(result.failures[0].detail, /diverged/);
});

Deno.test("instances that rarely meet the hypotheses make the verdict inconclusive, never verified", async () => {
  const { result } = await runClaim(toy((x) => x * x, 1.5), { seed: 1, budget: "test" });
  assert.ok(result.hypothesesMet < 25);
  assert.equal(result.status, "inconclusive");
});

Deno.test("erratum: printed form fails, corrected form holds", async () => {
  const { result } = await runClaim(toy((x) => x, -Infinity, true), { seed: 1, budget: "test" });
  assert.equal(result.status, "erratum");
  assert.equal(result.correctedFailures, 0);
});

Deno.test("replay: an instance regenerated alone equals the one in the run; seeds change instances", async () => {
  const claim = toy((x) => x * x);
  const { records } = await runClaim(claim, { seed: 7, budget: "test" });
  const again = await runInstance(claim, 7, 13, "test", 50);
  assert.deepEqual(again, records[13]);
  const other = await runInstance(claim, 8, 13, "test", 50);
  assert.notEqual(other.description, again.description);
});

Deno.test("decide: an aggregate that fails falsifies; one that cannot decide is inconclusive", () => {
  const rec: InstanceRecord = {
    index: 0,
    description: "",
    hypotheses: [],
    met: true,
    conclusion: { holds: true, observed: 0, bound: 1, tightness: 0, detail: "" },
  };
  assert.equal(decide("rate", 0.5, [rec], { holds: false, summary: "slope off" }, false).status, "falsified");
  assert.equal(decide("rate", 0.5, [rec], { holds: "inconclusive", summary: "" }, false).status, "inconclusive");
  assert.equal(decide("observation", 0.5, [rec], undefined, false).status, "observed");
});

Deno.test("an aggregate's failure is in the verdict's reason, in words with its numbers", async () => {
  const { looseRate } = await import("./_toy_claims.ts");
  const failing = await runClaim(looseRate(0.25), { seed: 1, budget: "test" });
  assert.equal(failing.result.status, "falsified");
  assert.match(
    failing.result.reason,
    /^aggregate check failed: .* — in words: the fitted exponent 0\.\d{3} \[0\.\d+, 0\.\d+\] lies wholly above the printed 0\.25$/,
  );
  const holding = await runClaim(looseRate(1), { seed: 1, budget: "test" });
  assert.doesNotMatch(holding.result.reason, /in words/);
});
