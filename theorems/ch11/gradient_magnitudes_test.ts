/** Mutation tests: a deliberately wrong exponent plugged into the same claim must be caught. */
import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { gradientMagnitudes, SHARP_EXPONENTS } from "./gradient_magnitudes.ts";
import { testLast } from "../../testing/last_pass.ts";

const opts = { seed: 1, budget: "test" as const };

testLast(
  "sec-11.6: the printed O(n) for ∇_v holds but is not sharp (verified, measured n^0.5); a too small exponent is caught",
  async () => {
    const { result } = await wholeRun(
      startWholeRun(new URL("./gradient_magnitudes.ts", import.meta.url), "gradientMagnitudes"),
    );
    assert.equal(result.status, "verified", result.reason);
    const row = result.aggregate!.rows!.find(([k]) => k.startsWith("E‖∇_vΦ‖, lecun"))!;
    assert.match(row[1], /^O\(n\) holds; measured n\^0\.[45]\d\d \[0\.\d+, 0\.\d+\]; not sharp/);
    // The sharp exponents verify too, and each is sharp.
    const sharp = await runClaim(gradientMagnitudes(SHARP_EXPONENTS), opts);
    assert.equal(sharp.result.status, "verified", sharp.result.reason);
    assert.match(sharp.result.aggregate!.summary, /every one is sharp/);
    // O(n^{1/4}) for ∇_v under LeCun, or O(n^{-1/2}) for ∇_v under NTK, is too small: caught.
    for (
      const wrong of [{ ...SHARP_EXPONENTS, lecun: { ...SHARP_EXPONENTS.lecun, v: 0.25 } }, {
        ...SHARP_EXPONENTS,
        ntk: { ...SHARP_EXPONENTS.ntk, v: -0.5 },
      }]
    ) {
      assert.notEqual(await firstCaughtInstance(gradientMagnitudes(wrong), 1, "test"), null);
    }
  },
);
