import assert from "node:assert/strict";
import { renderMarkdown } from "./report.ts";
import { runClaim } from "./run.ts";
import { bounded } from "./_toy_claims.ts";

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
