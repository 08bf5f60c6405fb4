import assert from "node:assert/strict";
import { renderJson, renderMarkdown } from "./report.ts";
import { runClaim } from "./run.ts";
import { type SearchOutcome, searchTightness } from "./explore.ts";
import { bounded, typo } from "./_toy_claims.ts";

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
