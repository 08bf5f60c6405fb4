/** The aggregate path of `runScenario`: a claim decided by frequencies breaks, survives or stays undecided. */
import assert from "node:assert/strict";
import { type AggregateCheck, defineClaim, type FrequencyCell, type InstanceRecord, type Scenario } from "./claim.ts";
import type { StatisticalTest } from "./claim.ts";
import { runAggregateScenario, runScenario, scenarioCommand, SURVIVAL_POWER } from "./explore.ts";
import { formatNumber, renderMarkdown } from "./report.ts";
import { runClaim } from "./run.ts";
import { normalCdf } from "../numerics/goodness_of_fit.ts";
import { clopperPearson } from "../numerics/stats.ts";

const DELTA = 0.05;
const CONFIDENCE = 1 - 1e-4;

/** Exact P[Binomial(n, p) ≥ k] by summing the probability mass (term by term: n up to a few thousand). */
function upperTail(k: number, n: number, p: number): number {
  let s = 0, mass = (1 - p) ** n; // P[Binomial = j], from j = 0
  for (let j = 0; j <= n; j++) {
    if (j >= k) s += mass;
    mass *= (n - j) / (j + 1) * p / (1 - p);
  }
  return Math.min(1, s);
}

/** The frequency verdict of a toy claim: fails when the exact lower end exceeds δ. */
function frequencyVerdict(records: InstanceRecord[]): AggregateCheck {
  const draws = records.length;
  const failures = records.filter((r) => r.conclusion?.data?.fail === 1).length;
  const { lo, hi } = clopperPearson(failures, draws, CONFIDENCE);
  const cell: FrequencyCell = {
    key: "all",
    failures,
    draws,
    promised: DELTA,
    lo,
    hi,
    confidence: CONFIDENCE,
    pValue: upperTail(failures, draws, DELTA),
  };
  return { holds: lo <= DELTA, summary: `${failures}/${draws}`, frequencies: [cell] };
}

/**
 * A toy probabilistic claim: for x ~ N(0,1), P[x > t] ≤ δ = 0.05 provided t ≥ 2 — a hypothesis stronger
 * than needed (t ≥ 1.645 suffices). `t` is a parameter; the aggregate is pluggable (mutation: one that never fails).
 */
function toy(aggregate: (records: InstanceRecord[]) => AggregateCheck = frequencyVerdict, scenarios: Scenario[] = []) {
  return defineClaim<{ x: number; t: number }>({
    id: "toy-frequency",
    title: "a Gaussian exceeds its 95% quantile with probability 5%",
    kind: "probabilistic",
    source: { document: "-", where: "-" },
    statement: "$P[x > t] \\le 0.05$ for $t \\ge 2$",
    tightness: "none",
    instances: { test: 200, report: 200 },
    parameters: { t: { type: "number", min: -5, max: 5, help: "threshold" } },
    generate: ({ rng, params = {} }) => {
      const x = rng.normal();
      return { x, t: params.t ?? 2 };
    },
    describe: (i) => `x = ${i.x}, t = ${i.t}`,
    hypotheses: [{
      statement: "t ≥ 2",
      certainty: "certified",
      method: "exact",
      check: (i) => ({ holds: i.t >= 2, value: `t = ${i.t}` }),
    }],
    conclusion: {
      statement: "x ≤ t, an event allowed to fail with probability δ",
      check: (i) => ({
        holds: Number.isFinite(i.x),
        observed: i.x,
        bound: i.t,
        tightness: i.x / i.t,
        detail: `x = ${i.x}`,
        data: { fail: i.x > i.t ? 1 : 0 },
      }),
    },
    aggregate,
    scenarios,
  });
}

const breaking: Scenario = {
  name: "threshold-zero",
  breaks: "t ≥ 2: t = 0, so P[x > t] = 1/2",
  params: { t: 0 },
  decidedBy: "aggregate",
  instances: 300,
};
const surviving: Scenario = {
  name: "threshold-1.9",
  breaks: "t ≥ 2 where the conclusion needs only t ≥ 1.645: t = 1.9, P[x > t] = 0.029",
  params: { t: 1.9 },
  decidedBy: "aggregate",
  // Enough draws for the exact interval to exclude δ: at P = 0.029 its upper end is ≈ 0.029 + 3.9·√(0.029/n) < δ for n ≳ 900.
  instances: 2000,
};
/** Too few draws: at P[x > 1.8] = 0.036 and 300 draws the exact interval still reaches above δ = 0.05. */
const tooFewDraws: Scenario = { ...surviving, name: "threshold-1.8", params: { t: 1.8 }, instances: 300 };

Deno.test("aggregate scenario: breaking the hypothesis makes the frequency exceed δ, with its interval and replay", async () => {
  const claim = toy();
  const out = await runScenario(claim, breaking, { seed: 7, instances: 12, searchRuns: 24 });
  assert.equal(out.verdict, "breaks", out.summary);
  assert.equal(out.tried, 300, "aggregate scenarios use their declared draws, not the caller's per-instance count");
  assert.equal(out.violated, 300);
  assert.equal(out.counterexample, null);
  const cell = out.worstCell!;
  // P[x > 0] = 1/2 lies in the exact interval, far above δ.
  assert.ok(cell.lo > DELTA && cell.lo < 0.5 && 0.5 < cell.hi, `${cell.lo}, ${cell.hi}`);
  assert.ok(cell.pValue < 1e-10);
  assert.ok(out.summary.startsWith("the claim breaks") && out.summary.includes(`of ${cell.draws} draws`));
  assert.equal(out.replay, scenarioCommand("toy-frequency", 7, "threshold-zero", { t: 0 }, 300));
  assert.ok(out.note?.includes("not shrunk"));
});

Deno.test("aggregate scenario: a hypothesis the conclusion does not need leaves it standing (survives, earned)", async () => {
  const out = await runScenario(toy(), surviving, { seed: 7, instances: 12, searchRuns: 24 });
  assert.equal(out.verdict, "survives", out.summary);
  assert.equal(out.violated, 2000);
  // Survival is earned: the whole exact interval lies at or below δ, not merely its lower end.
  assert.ok(out.worstCell!.hi <= DELTA, `${out.worstCell!.hi}`);
  assert.ok(out.summary.startsWith("the conclusion survives") && out.summary.includes("at or below its promise"));
});

Deno.test("aggregate scenario: too few draws to decide is undecided with the interval, never survives", async () => {
  const out = await runScenario(toy(), tooFewDraws, { seed: 7, instances: 12, searchRuns: 24 });
  assert.equal(out.verdict, "undecided", out.summary);
  const cell = out.worstCell!;
  assert.ok(cell.lo <= DELTA && DELTA < cell.hi, `[${cell.lo}, ${cell.hi}]`);
  assert.ok(out.summary.includes("too few draws to decide"), out.summary);
  assert.ok(out.summary.includes(`[${formatNumber(cell.lo)}, ${formatNumber(cell.hi)}]`), out.summary);
  // Five draws: whatever they show, the interval is far too wide to survive on.
  const five = await runAggregateScenario(toy(), { ...surviving, params: { t: 2 } }, { seed: 7, draws: 5 });
  assert.equal(five.verdict, "undecided", five.summary);
});

Deno.test("aggregate scenario: the outcome is the claim's aggregate (mutations: one that never fails, one undecided)", async () => {
  // An aggregate that always says "holds" cannot make a scenario survive when its own intervals lie above δ.
  const blind = toy((records) => ({ ...frequencyVerdict(records), holds: true }));
  const out0 = await runAggregateScenario(blind, breaking, { seed: 7 });
  assert.equal(out0.verdict, "undecided", out0.summary);
  assert.ok(out0.worstCell!.lo > DELTA);
  const undecided = toy(() => ({ holds: "inconclusive", summary: "too few points" }));
  const out = await runAggregateScenario(undecided, breaking, { seed: 7 });
  assert.equal(out.verdict, "undecided");
  assert.ok(out.summary.includes("too few points"));
});

/** A non-frequency aggregate that holds, with one test of the given power (undefined: no power; null: no test). */
function heldWithPower(power: number | undefined | null): () => AggregateCheck {
  const test: StatisticalTest = { name: "a toy test", statistic: "3 of 4", pValue: 0.5, alpha: 1e-3 };
  return () => ({
    holds: true,
    summary: "a toy fit",
    ...(power !== null && {
      tests: [power === undefined ? test : { ...test, power: { alternative: "twice the rate", probability: power } }],
    }),
  });
}

Deno.test("aggregate scenario (non-frequency): survives only when every test states power ≥ SURVIVAL_POWER", async () => {
  const run = (power: number | undefined | null) =>
    runAggregateScenario(toy(heldWithPower(power)), breaking, { seed: 7 });
  assert.equal(SURVIVAL_POWER, 0.9);
  assert.equal((await run(0.95)).verdict, "survives");
  const weak = await run(0.3);
  assert.equal(weak.verdict, "undecided", weak.summary);
  assert.ok(weak.summary.includes("a toy test catches twice the rate with probability 0.3"), weak.summary);
  assert.equal((await run(undefined)).verdict, "undecided");
  const none = await run(null);
  assert.equal(none.verdict, "undecided");
  assert.ok(none.summary.includes("states no test with its power"), none.summary);
  // A rejection breaks whatever the power.
  const rejects = toy(() => ({ holds: false, summary: "rejected at level 1e-3" }));
  assert.equal((await runAggregateScenario(rejects, breaking, { seed: 7 })).verdict, "breaks");
});

Deno.test("aggregate scenario: same seed, same outcome; draws override; missing draws or aggregate throw", async () => {
  const a = await runAggregateScenario(toy(), breaking, { seed: 3 });
  const b = await runAggregateScenario(toy(), breaking, { seed: 3 });
  assert.deepEqual(a.worstCell, b.worstCell);
  assert.equal((await runAggregateScenario(toy(), breaking, { seed: 3, draws: 50 })).tried, 50);
  await assert.rejects(() => runAggregateScenario(toy(), { ...breaking, instances: undefined }, { seed: 1 }));
  const noAggregate = { ...toy(), aggregate: undefined };
  await assert.rejects(() => runAggregateScenario(noAggregate, breaking, { seed: 1 }));
});

Deno.test("aggregate scenario: the toy's frequency matches the exact Gaussian tail (the check measures what it says)", async () => {
  const out = await runAggregateScenario(toy(), { ...surviving, params: { t: 1 } }, { seed: 5, draws: 2000 });
  const p = 1 - normalCdf(1);
  assert.ok(out.worstCell!.lo < p && p < out.worstCell!.hi, `${out.worstCell!.lo} < ${p} < ${out.worstCell!.hi}`);
});

Deno.test("report: an aggregate scenario shows its outcome, how it was decided and its replay", async () => {
  const claim = toy(frequencyVerdict, [breaking, surviving]);
  const { result } = await runClaim(claim, { seed: 7, budget: "test" });
  const scenarios = [
    await runScenario(claim, breaking, { seed: 7, instances: 12, searchRuns: 24 }),
    await runScenario(claim, surviving, { seed: 7, instances: 12, searchRuns: 24 }),
  ];
  const md = renderMarkdown([{ claim, result, plots: [], scenarios }], { seed: 7, budget: "report" });
  assert.ok(md.includes("**Breaking the hypotheses.**"));
  assert.ok(md.includes("*threshold-zero* (breaks t ≥ 2: t = 0, so P[x > t] = 1/2): the claim breaks"));
  assert.ok(md.includes("*threshold-1.9*") && md.includes("the conclusion survives"));
  assert.ok(md.includes("not shrunk"));
  assert.ok(md.includes("`deno task explore toy-frequency --seed 7 --scenario threshold-zero --t 0 --count 300`"));
});

Deno.test("the search of an erratum claim climbs the corrected form and reports the printed form's worst violation apart", async () => {
  const { searchTightness } = await import("./explore.ts");
  const { bounded, typo } = await import("./_toy_claims.ts");
  const out = await searchTightness(typo(), { seed: 1, evaluations: 40 });
  assert.ok(out !== null);
  // The corrected form x < 3/2 holds on every instance meeting x ≤ 1.4: its tightest is x/1.5 ≤ 1.4/1.5.
  assert.ok(out.held && out.best <= 1.4 / 1.5 + 1e-12 && out.best > 0.5, `best ${out.best}`);
  // The printed form x < 1 fails on x in (1, 1.4]: its worst violation is x/1 > 1, reported separately.
  const v = out.printedViolation;
  assert.ok(v && v.tightness > 1 && v.tightness <= 1.4, `violation ${JSON.stringify(v)}`);
  assert.match(v.replay, /^deno task explore toy-typo --seed 1 --instance \d+ --x /);
  // A claim without an erratum has no printed violation.
  const plain = await searchTightness(bounded(), { seed: 1, evaluations: 20 });
  assert.ok(plain !== null && plain.held && plain.printedViolation === undefined);
});

Deno.test("a scenario's shrinkRuns caps fast-check's shrinking (a count, so the outcome stays reproducible)", async () => {
  const { bounded } = await import("./_toy_claims.ts");
  const claim = bounded();
  const free = { name: "x-free", breaks: "x ≤ 1 (x drawn in [−2, 2])", params: {} };
  const shrinking = async (scenario: typeof free & { shrinkRuns?: number }) => {
    let runs = 0;
    const out = await runScenario(claim, scenario, {
      seed: 3,
      instances: 4,
      searchRuns: 60,
      onProgress: (_done, _total, unit) => unit === "shrinking run" && runs++,
    });
    return { out, runs };
  };
  const uncapped = await shrinking(free);
  assert.ok(uncapped.out.counterexample && uncapped.runs > 3, `${uncapped.runs} shrinking runs`);
  const capped = await shrinking({ ...free, shrinkRuns: 3 });
  assert.ok(capped.out.counterexample && capped.runs <= 3, `${capped.runs} shrinking runs`);
  const none = await shrinking({ ...free, shrinkRuns: 0 });
  assert.equal(none.runs, 0);
  // Unshrunk, the counterexample is the first failing instance found, at least as far from x = 3/2 as the shrunk one.
  assert.ok(none.out.counterexample!.params.x >= uncapped.out.counterexample!.params.x);
  assert.equal(none.out.verdict, "breaks");
  assert.deepEqual(await shrinking({ ...free, shrinkRuns: 3 }), capped);
});
