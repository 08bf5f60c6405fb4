import assert from "node:assert/strict";
import { renderJson, renderMarkdown } from "./report.ts";
import { runClaim } from "./run.ts";
import { type SearchOutcome, searchTightness } from "./explore.ts";
import { bounded, coin, erratumWithScope, looseRate, typo } from "./_toy_claims.ts";

Deno.test("the report lists source gaps and slips in sections of their own, and omits them when there are none", async () => {
  const claim = {
    ...bounded(),
    sourceGaps: [{
      hypothesis: "$x \\le 1$",
      why: "at x = 1.8 the conclusion fails.",
      scenario: "above-one-and-a-half",
    }],
    slips: [{ where: "the proof", printed: "$x < 2$", fix: "it should read $x < 3/2$" }],
  };
  const { result } = await runClaim(claim, { seed: 1, budget: "test" });
  const md = renderMarkdown([{ claim, result, plots: [] }], { seed: 1, budget: "test" });
  assert.match(
    md,
    /## Source gaps\n\n.*\n\n- `toy-bounded` \(none\) needs \$x \\le 1\$: at x = 1\.8 the conclusion fails\. Scenario: `deno task explore toy-bounded --scenario above-one-and-a-half`\./,
  );
  assert.match(
    md,
    /## Slips and typos\n\n.*\n\n- `toy-bounded`, the proof: printed \$x < 2\$; it should read \$x < 3\/2\$/,
  );
  const plain = renderMarkdown([{ claim: bounded(), result, plots: [] }], { seed: 1, budget: "test" });
  assert.doesNotMatch(plain, /## Source gaps|## Slips and typos/);
});

Deno.test("the report gives every statistical test's power and says 'low power' beside a verdict that lacks it", async () => {
  const strong = coin(); // 40 draws: a rate of 0.45 leaves far too few successes to pass
  const weak = { ...coin(), instances: { test: 4, report: 4 } }; // only 0 of 4 is rejected: power 0.55⁴
  for (const [claim, low] of [[strong, false], [weak, true]] as const) {
    const { result } = await runClaim(claim, { seed: 1, budget: "test" });
    const [test] = result.aggregate!.tests!;
    const power = test.power!.probability;
    assert.ok(low ? Math.abs(power - 0.55 ** 4) < 1e-12 : power > 0.99, `power ${power}`);
    const md = renderMarkdown([{ claim, result, plots: [] }], { seed: 1, budget: "test" });
    assert.match(
      md,
      /\| test: success rate of the draws with u ≥ p .*; power [0-9.e-]+ against rate = p₀\/2 = 0\.45 \|/,
    );
    assert.equal(/\*\*Verdict:\*\* verified — .*\(Low power: .* \(goal 0\.5\)\.\)/.test(md), low);
  }
});

Deno.test("the report says which near miss a claim's tests catch, or how loose a bound no check can tighten", async () => {
  const claim = bounded();
  const { result } = await runClaim(claim, { seed: 1, budget: "test" });
  const caught = { ...claim, nearMiss: { mutant: "the bound 1.5", caughtBy: '`toy_test.ts`, "near miss"' } };
  const loose = { ...claim, nearMiss: { mutant: "the bound 0.2", notCaught: "every x sampled is below 0.1" } };
  const md = (c: typeof caught | typeof loose) =>
    renderMarkdown([{ claim: c, result, plots: [] }], { seed: 1, budget: "test" });
  assert.match(md(caught), /\*\*Near miss\.\*\* A wrong theory close to the printed one, the bound 1\.5, is caught/);
  assert.match(
    md(loose),
    /\*\*Near miss\.\*\* No check can tell the printed claim from the bound 0\.2: every x sampled/,
  );
  assert.doesNotMatch(renderMarkdown([{ claim, result, plots: [] }], { seed: 1, budget: "test" }), /Near miss/);
});

Deno.test("an erratum states where the printed form still holds (measured) and the verdict under each reading", async () => {
  const claim = erratumWithScope();
  const { result } = await runClaim(claim, { seed: 1, budget: "test" });
  assert.equal(result.status, "erratum", result.reason);
  const { inside, outside } = result.scope!;
  assert.ok(inside.tried > 0 && inside.held === inside.tried && outside.failed > 0, JSON.stringify(result.scope));
  assert.deepEqual(result.readings!.map((g) => g.verdict), ["fails", "holds"]);
  const md = renderMarkdown([{ claim, result, plots: [] }], { seed: 1, budget: "test" });
  const scope = new RegExp(
    String
      .raw`\*\*Where the printed form still holds:\*\* for \$x \\le 0\.5\$ \(measured on the instances meeting the hypotheses: inside it the printed form held on ${inside.tried}, failed on 0 of ${inside.tried}; outside it, held on \d+, failed on ${outside.failed} of ${outside.tried}\)\.`,
  );
  // Once in the claim's section, once in the errata summary.
  assert.equal(md.split("\n").filter((l) => scope.test(l)).length, 2);
  assert.match(
    md,
    /\*\*Readings\*\* .*\n {2}- \$x < 1\$ as printed: \*\*fails\*\* .*\n {2}- \$\|x\| < 2\$: \*\*holds\*\* \(held on 12, failed on 0 of 12\)\./,
  );
  // A scope the printed form does not hold on is caught: the verdict is falsified, not erratum.
  const wrong = await runClaim(erratumWithScope(2), { seed: 1, budget: "test" });
  assert.equal(wrong.result.status, "falsified");
  assert.match(wrong.result.reason, /inside the scope where the erratum says it holds/);
  // A claim without scope or readings reports neither.
  const plain = await runClaim(bounded(), { seed: 1, budget: "test" });
  assert.ok(!("scope" in plain.result) && !("readings" in plain.result));
});

Deno.test("a bound that holds but is not sharp is verified, with its measured exponent and 'not sharp'", async () => {
  const { result } = await runClaim(looseRate(), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified", result.reason);
  const md = renderMarkdown([{ claim: looseRate(), result, plots: [] }], { seed: 1, budget: "test" });
  assert.match(md, /\| printed bound \| O\(n\) holds; measured n\^0\.\d{3} \[0\.\d{3}, 0\.\d{3}\]; not sharp \|/);
  const sharp = await runClaim(looseRate(0.5), { seed: 1, budget: "test" });
  assert.match(sharp.result.aggregate!.summary, /^O\(n\^0\.5\) holds; .*; sharp$/);
  const tooSmall = await runClaim(looseRate(0.25), { seed: 1, budget: "test" });
  assert.equal(tooSmall.result.status, "falsified");
});

Deno.test("a hypothesis is labelled certified only where its check was certified on every instance", async () => {
  const base = bounded();
  const [h] = base.hypotheses;
  // Certified on instances with x ≤ 0 only (say, a closed form there and a sampled bound elsewhere).
  const mixed = {
    ...base,
    hypotheses: [{
      ...h,
      certainty: "estimated" as const,
      check: (x: unknown) => ({
        ...h.check(x),
        certainty: (x as number) <= 0 ? "certified" as const : "estimated" as const,
      }),
    }],
  };
  const { result } = await runClaim(mixed, { seed: 1, budget: "test" });
  const c = result.hypothesisCertified![0];
  assert.ok(c > 0 && c < result.instances, `certified on ${c}`);
  const md = renderMarkdown([{ claim: mixed, result, plots: [] }], { seed: 1, budget: "test" });
  assert.match(
    md,
    new RegExp(`\\| \\$x \\\\le 1\\$ \\| estimated \\(certified on ${c} of ${result.instances} instances\\) \\|`),
  );
  // Without per-instance labels the declared one is printed, and the JSON has no count.
  const plain = await runClaim(base, { seed: 1, budget: "test" });
  assert.ok(!("hypothesisCertified" in plain.result));
});

Deno.test("'attained' only for a passing form at tightness ≥ 0.99; a violated search instance is called a counterexample", async () => {
  const claim = bounded();
  const { result } = await runClaim(claim, { seed: 1, budget: "test" });
  const search = (best: number, held: boolean): SearchOutcome => ({
    best,
    held,
    index: 0,
    params: { x: 0 },
    description: "x = 0",
    evaluations: 3,
    replay: "deno task explore toy-bounded --seed 1 --instance 0 --x 0",
  });
  const md = (s: SearchOutcome) =>
    renderMarkdown([{ claim, result, plots: [], search: s }], { seed: 1, budget: "test" });
  assert.match(md(search(0.995, true)), /tightest instance 0\.995 .*\(the bound is attained\)/);
  const violated = md(search(1.2, false));
  assert.doesNotMatch(violated, /attained/);
  assert.match(violated, /tightest instance 1\.2 .*\(a counterexample: the bound is violated there\)/);
  // The sampled worst counts only when every sampled instance held.
  assert.doesNotMatch(
    renderMarkdown([{
      claim,
      result: { ...result, status: "falsified", tightness: 2 },
      plots: [],
      search: search(0.5, true),
    }], {
      seed: 1,
      budget: "test",
    }),
    /attained/,
  );
});

Deno.test("an erratum claim's search shows the corrected form's tightest instance and, apart, the printed form's worst violation; the JSON carries it", async () => {
  const claim = typo();
  const { result } = await runClaim(claim, { seed: 1, budget: "test" });
  assert.equal(result.status, "erratum");
  const search = await searchTightness(claim, { seed: 1, evaluations: 40 });
  assert.ok(search?.printedViolation);
  const md = renderMarkdown([{ claim, result, plots: [], search }], { seed: 1, budget: "test" });
  const paragraph = md.split("\n").find((l) => l.startsWith("**Targeted search**"))!;
  assert.match(
    paragraph,
    /measuring the corrected form\): tightest instance of the corrected form 0\.9\d* against 0\.9\d* /,
  );
  assert.doesNotMatch(paragraph, /attained/);
  assert.match(
    paragraph,
    /The printed form's worst violation among the searched instances: tightness 1\.[0-4]\d* — x = /,
  );
  const json = JSON.parse(renderJson([{ ...result, search }], { seed: 1, budget: "test" }));
  const s = json.claims[0].search;
  assert.equal(s.best, search.best);
  assert.deepEqual(s.params, search.params);
  assert.equal(s.replay, search.replay);
  assert.equal(s.printedViolation.tightness, search.printedViolation.tightness);
  // Without a search (the test budget), the JSON has no search field.
  assert.equal("search" in JSON.parse(renderJson([result], { seed: 1, budget: "test" })).claims[0], false);
});
