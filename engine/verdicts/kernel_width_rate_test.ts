import assert from "node:assert/strict";
import type { InstanceRecord } from "../claim.ts";
import { type WidthRateData, widthRateFits, widthRateVerdict } from "./kernel_width_rate.ts";
import { createRng } from "../../numerics/random.ts";

const checked = { holds: true, observed: 0, bound: 1, tightness: 0, detail: "" };

/** Per law, 20 draws per width of F = n^exponent·(1 + 0.1·noise), with the exact E F² of the rate −1/2. */
function sweep(exponent: number, laws = ["N", "U"]): InstanceRecord<WidthRateData>[] {
  const rng = createRng(7);
  const records: InstanceRecord<WidthRateData>[] = [];
  for (const dist of laws) {
    for (const n of [16, 32, 64, 128, 256, 512]) {
      for (let seed = 0; seed < 20; seed++) {
        const frobenius = n ** exponent * (1 + 0.1 * rng.normal());
        const data = { dist, n, error: frobenius, fluctuation: frobenius, frobenius, expectedSquare: n ** -1 };
        records.push({
          index: records.length,
          description: "",
          hypotheses: [],
          met: true,
          conclusion: { ...checked, data },
        });
      }
    }
  }
  return records;
}

Deno.test("widthRateFits: one fit per law, against the exact −1/2", () => {
  const fits = widthRateFits(sweep(-0.5));
  assert.deepEqual(fits.map((f) => f.dist), ["N", "U"]);
  for (const f of fits) {
    assert.ok(Math.abs(f.reference + 0.5) < 1e-12);
    assert.ok(f.lo <= -0.5 && -0.5 <= f.hi, `${f.lo}..${f.hi}`);
    assert.ok(f.lo <= f.lo95 && f.hi95 <= f.hi);
    assert.equal(f.rms.length, 6);
  }
});

Deno.test("widthRateVerdict: accepts the exact rate, rejects a slower one, reports the uncentered error for LeCun", () => {
  const ok = widthRateVerdict(sweep(-0.5), true);
  assert.equal(ok.holds, true);
  assert.equal(ok.rows?.length, 6);
  assert.equal(ok.failure, undefined);
  const slow = widthRateVerdict(sweep(-0.25), false);
  assert.equal(slow.holds, false);
  assert.match(
    slow.failure!,
    /^N: the fitted exponent −0\.2\d\d \[−0\.\d+, −0\.\d+\] \(decision interval\) lies above the exact finite-n −0\.500: the kernel's deviation shrinks more slowly/,
  );
  assert.equal(widthRateVerdict(sweep(-0.5), false).rows?.length, 4);
});
