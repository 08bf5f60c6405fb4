import assert from "node:assert/strict";
import { inverseSqrtDecayVerdict } from "./width_decay_rate.ts";

const widths = [128, 256, 512, 1024, 2048];
const noise = [1.02, 0.97, 1.01, 0.99, 1.03];

Deno.test("inverseSqrtDecayVerdict accepts a decay like n^{-1/2} and like n^{-1}", () => {
  for (const exponent of [-0.5, -1]) {
    const samples = widths.map((width, k) => ({ width, value: noise[k] * width ** exponent }));
    const v = inverseSqrtDecayVerdict(samples, "gap", widths, 0.01);
    assert.equal(v.holds, true, v.summary);
    assert.equal(v.alpha, 0.01);
    assert.match(v.summary, /^gap against n over n ∈ \{128, 256, 512, 1024, 2048\}: fitted exponent -?\d/);
  }
});

Deno.test("inverseSqrtDecayVerdict rejects a decay like n^{-1/4} and no decay", () => {
  for (const exponent of [-0.25, 0]) {
    const samples = widths.map((width, k) => ({ width, value: noise[k] * width ** exponent }));
    assert.equal(inverseSqrtDecayVerdict(samples, "gap", widths, 0.01).holds, false);
  }
});

Deno.test("inverseSqrtDecayVerdict is inconclusive on fewer than 5 samples", () => {
  const samples = widths.slice(0, 4).map((width) => ({ width, value: 1 / Math.sqrt(width) }));
  assert.deepEqual(inverseSqrtDecayVerdict(samples, "gap", widths, 0.01), {
    holds: "inconclusive",
    summary: "too few widths",
  });
});
