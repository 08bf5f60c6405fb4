import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { lecunKernel, ntkKernel } from "./ntk_kernels.ts";
import { SWEEP_DESIGN, SWEEP_HYPOTHESES, SWEEP_LAWS, SWEEP_POINTS, sweepDrawCheck } from "./tangent_kernel_sweep.ts";
import { widthSweep } from "./tangent_kernel_sweep.ts";

const ntk = widthSweep("ntk", (x, z, spec) => ntkKernel(x, z, spec).value);

Deno.test("tangent_kernel_sweep: the widths are distinct powers of two, increasing", () => {
  for (const { widths } of Object.values(SWEEP_DESIGN)) {
    for (let k = 0; k < widths.length; k++) {
      assert.ok(Number.isInteger(Math.log2(widths[k])));
      if (k > 0) assert.ok(widths[k] > widths[k - 1], `${widths}`);
    }
  }
});

Deno.test("tangent_kernel_sweep: the instances enumerate every (law, width, seed) cell once, laws fastest", () => {
  const design = { widths: [4, 8], seeds: 3 }, L = SWEEP_LAWS.length, seen = new Set<string>();
  for (let index = 0; index < L * 2 * 3; index++) {
    const i = ntk(createRng(index), index, design);
    // index = law + L·(width + 2·seed), by hand.
    assert.equal(i.dist, SWEEP_LAWS[index % L][0]);
    assert.equal(i.n, design.widths[Math.floor(index / L) % 2]);
    assert.equal(i.seed, Math.floor(index / (2 * L)));
    seen.add(`${i.dist.name}/${i.n}/${i.seed}`);
  }
  assert.equal(seen.size, L * 2 * 3);
});

Deno.test("tangent_kernel_sweep: the growth constant R covers the inputs' norms (√7.25 for the sweep points)", () => {
  const i = ntk(createRng(1), 0, { widths: [4], seeds: 1 });
  assert.equal(Math.max(...SWEEP_POINTS.map((p) => Math.hypot(...p))), Math.hypot(-1, 2.5));
  // ReLU's growth constant is 1, the largest input norm √(1 + 6.25) ≈ 2.693.
  assert.match(String(SWEEP_HYPOTHESES[0].check(i).value), /^R = 2\.693 /);
});

Deno.test("tangent_kernel_sweep: LeCun deviations about the finite-n mean are within |error| + |β|/n", () => {
  const lecun = widthSweep("lecun", (x, z, spec) => lecunKernel(x, z, spec).value);
  for (const index of [0, 1, 2]) {
    const i = lecun(createRng(index), index, { widths: [16], seeds: 1 });
    const { data } = sweepDrawCheck(i);
    const beta = Math.max(...i.bias.flat().map(Math.abs));
    assert.ok(beta > 0);
    // |sK̂ − K − β/n| ≤ |sK̂ − K| + |β|/n (triangle inequality) and ≥ |β|/n − |sK̂ − K|.
    assert.ok(data.fluctuation <= data.error + beta / i.n + 1e-12, `${data.fluctuation}, ${data.error}, ${beta}`);
    // The root sum of squares over the 6 entries i ≤ j lies between their largest and √6 times it.
    assert.ok(data.frobenius >= data.fluctuation && data.frobenius <= Math.sqrt(6) * data.fluctuation * (1 + 1e-12));
  }
});

Deno.test("tangent_kernel_sweep: the D(0,1) hypothesis holds for the three laws and fails for a shifted or scaled one", () => {
  const check = SWEEP_HYPOTHESES[1].check;
  for (let law = 0; law < SWEEP_LAWS.length; law++) {
    const i = ntk(createRng(1), law, { widths: [4], seeds: 1 });
    assert.equal(check(i).holds, true);
    assert.equal(check({ ...i, dist: { ...i.dist, mean: 0.5 } }).holds, false);
    assert.equal(check({ ...i, dist: { ...i.dist, variance: 2 } }).holds, false);
  }
});

Deno.test("tangent_kernel_sweep: E F_n² = the exact expectedSquare (Monte Carlo over 1500 draws at n = 4, each law, LeCun and NTK)", () => {
  // F_n² = Σ_{a≤b}(s_n K̂ₙ − E s_n K̂ₙ)² has mean Σ Var(s_n K̂ₙ) = expectedSquare exactly; its sample mean over
  // independent draws is within 4.5 standard errors of it (a two-sided normal tail of 7·10⁻⁶ per comparison).
  const draws = 1500;
  for (const [name, limit] of [["lecun", lecunKernel], ["ntk", ntkKernel]] as const) {
    const sweep = widthSweep(name, (x, z, spec) => limit(x, z, spec).value);
    for (let law = 0; law < SWEEP_LAWS.length; law++) {
      const rng = createRng(`tks-mc/${name}/${law}`);
      const sq: number[] = [];
      let expected = NaN;
      for (let k = 0; k < draws; k++) {
        const { data } = sweepDrawCheck(sweep(rng, 0, { widths: [4], seeds: 1 }, { law, n: 4 }));
        sq.push(data.frobenius ** 2);
        expected = data.expectedSquare;
      }
      const mean = sq.reduce((a, b) => a + b, 0) / draws;
      const sd = Math.sqrt(sq.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws - 1));
      const z = (mean - expected) / (sd / Math.sqrt(draws));
      assert.ok(expected > 0 && Math.abs(z) < 4.5, `${name}, law ${law}: mean ${mean}, exact ${expected}, z = ${z}`);
    }
  }
});
