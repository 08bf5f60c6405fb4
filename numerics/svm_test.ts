import assert from "node:assert/strict";
import { maxMarginSvm } from "./svm.ts";
import { createRng } from "./random.ts";

Deno.test("max-margin SVM in 2-D agrees with a scan over directions, within its certificate", () => {
  const rng = createRng("svm-2d");
  for (let rep = 0; rep < 6; rep++) {
    const xs: number[] = [], ys: number[] = [];
    const u = rng.uniform(0, 2 * Math.PI);
    while (ys.length < 12) {
      const p = [rng.normal(), rng.normal()];
      const m = p[0] * Math.cos(u) + p[1] * Math.sin(u);
      if (Math.abs(m) < 0.1) continue;
      xs.push(...p);
      ys.push(Math.sign(m));
    }
    const x = Float64Array.from(xs), y = Float64Array.from(ys);
    const s = maxMarginSvm(x, y, 2);
    // The normalised margin min yᵢ(cos φ, sin φ)·xᵢ over a fine scan of φ never beats the certified solution.
    const marginAt = (phi: number) =>
      Math.min(...ys.map((yi, i) => yi * (Math.cos(phi) * xs[2 * i] + Math.sin(phi) * xs[2 * i + 1])));
    let best = -Infinity;
    for (let k = 0; k < 50_000; k++) best = Math.max(best, marginAt((2 * Math.PI * k) / 50_000));
    // Scan resolution 2π/5e4 moves a margin by at most ‖x‖·π/5e4 ≤ 4e-4 for ‖x‖ ≤ 6.
    assert.ok(best <= s.margin + 1e-12, `scan ${best} beats certified margin ${s.margin}`);
    assert.ok(best >= s.margin - 4e-4, `scan ${best} far below ${s.margin}`);
    assert.ok(s.angleBound <= 1e-6);
  }
});

Deno.test("max-margin SVM refuses non-separable data", () => {
  assert.throws(() => maxMarginSvm(Float64Array.of(1, 0, 1, 0), Float64Array.of(1, -1), 2, 1e-6, 1000));
});
