/** Failures in words: the formatting of engine/words.ts and where the engine shows the sentences. */
import assert from "node:assert/strict";
import { type ConclusionCheck, defineClaim } from "./claim.ts";
import { renderJson, renderMarkdown } from "./report.ts";
import { runClaim, runInstance } from "./run.ts";
import { runScenario } from "./explore.ts";
import { bounded, typo } from "./_toy_claims.ts";
import { change, erratumLines, failedAs, failureSentence, labelled, num, predicted, tooOften } from "./words.ts";

const failed: ConclusionCheck = { holds: false, observed: 1.09, bound: 0.41, tightness: 2.66, detail: "L 0.82 → 1.09" };

Deno.test("num writes powers of ten with superscripts and spells out ∞ and NaN", () => {
  assert.equal(num(0), "0");
  assert.equal(num(1.234e-7), "1.23·10⁻⁷");
  assert.equal(num(-4.56e12), "-4.56·10¹²");
  assert.equal(num(12345), "1.23·10⁴");
  assert.equal(num(0.5), "0.5");
  assert.equal(num(-Infinity), "−∞");
  assert.equal(num(NaN), "NaN");
});

Deno.test("predicted, change and labelled phrase a prediction, a change and a sweep", () => {
  assert.equal(predicted("<", 2, 2.05), "predicted < 2, observed 2.05");
  assert.equal(change("the gap", 0.011, 1.68e77), "the gap rose from 0.011 to 1.68·10⁷⁷");
  assert.equal(change("the loss", 1.33, 0.5), "the loss fell from 1.33 to 0.5");
  assert.equal(change("F", NaN, 1), "F went from NaN to 1");
  assert.equal(labelled("η", ["T/25", "T/50"], [0.5, 0.25]), "η = T/25: 0.5, η = T/50: 0.25");
});

Deno.test("failedAs and tooOften put the prediction, the numbers and the check's own sentence together", () => {
  assert.equal(
    failedAs("the loss must not rise", failed),
    "the loss must not rise; observed 1.09 against the bound 0.41: L 0.82 → 1.09",
  );
  assert.equal(
    failedAs("at most 0.41", { ...failed, failure: "it rose" }, "≤"),
    "at most 0.41; predicted ≤ 0.41, observed 1.09: it rose",
  );
  assert.match(tooOften("the event", { ...failed, observed: 0.5, bound: 0.1 }), /δ = 0.1; .* fraction 0.5 /);
});

Deno.test("failureSentence: the claim's sentence, else one from the numbers; none for a pass or an undecided check", () => {
  assert.equal(
    failureSentence({ ...failed, failure: "the loss rose from 0.82 to 1.09" }),
    "the loss rose from 0.82 to 1.09",
  );
  assert.equal(failureSentence(failed), "observed 1.09 against the bound 0.41 (tightness 2.66)");
  assert.equal(failureSentence({ ...failed, holds: true }), undefined);
  assert.equal(failureSentence({ ...failed, undecided: "integrator gave up" }), undefined);
  assert.equal(failureSentence(undefined), undefined);
});

Deno.test("erratumLines shows both formulas in Unicode and which one failed, with its numbers", () => {
  const [printed, corrected] = erratumLines(
    { printed: "$\\eta < 2/\\beta$", corrected: "$\\eta \\le 2/\\beta$" },
    { ...failed, failure: "predicted < 2, observed 2.05" },
    { ...failed, holds: true, tightness: 0.97 },
  );
  assert.equal(printed, "printed:   η < 2/β — FAILS here: predicted < 2, observed 2.05");
  assert.equal(corrected, "corrected: η ≤ 2/β — holds here (tightness 0.97)");
  assert.match(erratumLines({ printed: "a", corrected: "b" }, undefined, undefined)[0], /not checked here/);
});

Deno.test("a claim's conclusion.failure is called on failed checks only, and may reuse the check's own sentence", async () => {
  let calls = 0;
  const claim = defineClaim<number>({
    ...bounded(),
    id: "toy-words",
    conclusion: {
      statement: "x < 3/2",
      check: (x: number) => ({
        holds: x < 1.5,
        observed: x,
        bound: 1.5,
        tightness: x / 1.5,
        detail: `x = ${x}`,
        failure: "own",
      }),
      failure: (c: ConclusionCheck, x: number) => (calls++, `x < 3/2 predicted; observed ${num(x)} (${c.failure})`),
    },
  } as never);
  const held = await runInstance(claim, 1, 0, "test", 1, { params: { x: 0.25 } });
  assert.equal(held.conclusion?.failure, "own"); // a held check keeps what it said, and is never shown
  assert.equal(failureSentence(held.conclusion), undefined);
  const bad = await runInstance(claim, 1, 0, "test", 1, { params: { x: 1.8 }, ignoreHypotheses: true });
  assert.equal(bad.conclusion?.failure, "x < 3/2 predicted; observed 1.8 (own)");
  assert.equal(calls, 1);
});

Deno.test("the report and the JSON show a failing instance in words and, for an erratum, the corrected form there", async () => {
  const claim = typo();
  const { result } = await runClaim(claim, { seed: 1, budget: "test" });
  assert.equal(result.status, "erratum");
  const f = result.failures[0];
  assert.ok(f.failure && /\d/.test(f.failure), f.failure ?? "");
  assert.match(f.corrected ?? "", /^holds: /);
  const md = renderMarkdown([{ claim, result, plots: [] }], { seed: 1, budget: "test" });
  assert.ok(md.includes(`— in words: ${f.failure} — the corrected form holds: `));
  assert.ok(md.includes(`- **The printed form fails there:** ${f.failure}`));
  assert.equal(JSON.parse(renderJson([result], { seed: 1, budget: "test" })).claims[0].failures[0].failure, f.failure);
});

Deno.test("a scenario's shrunk counterexample carries its failure sentence", async () => {
  const claim = bounded();
  const out = await runScenario(claim, claim.scenarios![0], { seed: 1, instances: 5, searchRuns: 10 });
  assert.ok(out.counterexample?.failure && /\d/.test(out.counterexample.failure));
});
