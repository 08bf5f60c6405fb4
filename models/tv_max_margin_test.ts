import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import type { LabelledData } from "./linear_classifier.ts";
import { circleSupremum, gridMargin, lpDirections, meanFieldFlow, meanFieldVelocity } from "./tv_max_margin.ts";
import { networkOutputs, normalisedMargin, tvMarginBracket } from "./tv_max_margin.ts";

/** n random points in the plane with random labels. */
function randomData(seed: string, n: number): LabelledData {
  const rng = createRng(seed), x: number[] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    x.push(rng.normal(), rng.normal());
    y.push(rng.double() < 0.5 ? 1 : -1);
  }
  return { d: 2, x: Float64Array.from(x), y: Float64Array.from(y) };
}

Deno.test("circleSupremum: never below a fine scan of the circle, and within the scan's resolution of it", () => {
  for (let rep = 0; rep < 5; rep++) {
    const data = randomData(`sup-${rep}`, 7), rng = createRng(`w-${rep}`);
    const c = Array.from({ length: 7 }, () => rng.double());
    const g = (t: number) => {
      let s = 0;
      for (let i = 0; i < 7; i++) {
        s += c[i] * data.y[i] * Math.max(0, Math.cos(t) * data.x[2 * i] + Math.sin(t) * data.x[2 * i + 1]);
      }
      return Math.abs(s);
    };
    let scan = 0;
    const N = 200_000;
    for (let k = 0; k < N; k++) scan = Math.max(scan, g((2 * Math.PI * k) / N));
    // g is Lipschitz in the angle with constant Σcᵢ‖xᵢ‖ ≤ 7·5: a scan of step 2π/N misses at most 35·π/N ≈ 5.5e-4.
    const sup = circleSupremum(data, c);
    assert.ok(scan <= sup, `scan ${scan} above ${sup}`);
    assert.ok(sup <= scan + 6e-4, `${sup} far above the scan ${scan}`);
  }
});

Deno.test("tvMarginBracket: known optima (one point: ‖x‖; two opposite points of opposite labels: ½; of equal labels: ½)", async () => {
  const one = await tvMarginBracket({ d: 2, x: Float64Array.of(0, 3), y: Float64Array.of(-1) }, 16);
  assert.ok(one.lower <= 3 && 3 <= one.upper && one.upper - one.lower < 1e-9);
  // x = ±e₁: a single atom reaches only one of them (relu(â·e₁)·relu(−â·e₁) = 0), so γ* = ½.
  for (const y of [[1, -1], [1, 1]]) {
    const b = await tvMarginBracket({ d: 2, x: Float64Array.of(1, 0, -1, 0), y: Float64Array.from(y) }, 12);
    assert.ok(b.lower <= 0.5 && 0.5 <= b.upper && b.upper - b.lower < 1e-9, `${y}: [${b.lower}, ${b.upper}]`);
  }
});

Deno.test("tvMarginBracket: the bracket is within the discretisation bound hR/2, and brackets at K and 4K intersect", async () => {
  for (let rep = 0; rep < 4; rep++) {
    const data = randomData(`bracket-${rep}`, 6);
    const coarse = await tvMarginBracket(data, 32), fine = await tvMarginBracket(data, 128);
    for (const b of [coarse, fine]) {
      assert.ok(b.lower <= b.lpValue + 1e-7 && b.lower <= b.upper);
      assert.ok(b.upper - b.lower <= b.discretisationBound + 1e-6, `${b.upper - b.lower} > ${b.discretisationBound}`);
      let tv = 0;
      for (const r of b.rho) tv += Math.abs(r);
      assert.ok(tv <= 1);
      assert.ok(Math.abs(b.lambda.reduce((p, q) => p + q, 0) - 1) < 1e-12 && b.lambda.every((l) => l >= 0));
    }
    assert.ok(Math.max(coarse.lower, fine.lower) <= Math.min(coarse.upper, fine.upper));
    // The grid alone (no kinks) is also a feasible set: its LP value is below the certified upper bound.
    assert.equal(lpDirections(data, 32).length, 32 + 12);
  }
});

Deno.test("normalisedMargin: 2-homogeneous (invariant under θ ↦ cθ), below U/2 for any particles, L/2 for the lifted LP measure", async () => {
  const data = randomData("lift", 6), b = await tvMarginBracket(data, 90), rng = createRng("particles");
  for (let rep = 0; rep < 20; rep++) {
    const w = Float64Array.from({ length: 3 * 12 }, () => rng.normal());
    const g = normalisedMargin(data, w);
    assert.ok(g <= b.upper / 2, `${g} > U/2 = ${b.upper / 2}`);
    assert.ok(Math.abs(normalisedMargin(data, w.map((v) => 3 * v)) - g) <= 1e-12 * Math.max(1, Math.abs(g)));
  }
  // ρ = Σρₖδ_{âₖ} lifted to particles θₖ = √(K|ρₖ|)·(âₖ, sgn ρₖ)/√2: ‖ν‖_TV = ‖ρ‖_TV, margin ½ of ρ's.
  const K = b.rho.length, w = new Float64Array(3 * K);
  b.rho.forEach((r, k) => {
    const s = Math.sqrt(K * Math.abs(r)) * Math.SQRT1_2;
    w.set([s * Math.cos(b.angles[k]), s * Math.sin(b.angles[k]), Math.sign(r) * s], 3 * k);
  });
  const lifted = normalisedMargin(data, w), tv = b.rho.reduce((p, q) => p + Math.abs(q), 0);
  assert.ok(Math.abs(lifted - gridMargin(data, b.angles, b.rho) / 2 / tv) < 1e-9, `${lifted}`);
  assert.ok(lifted >= b.lower / 2 - 1e-9 && lifted <= b.upper / 2);
});

Deno.test("meanFieldVelocity is −m·∇R(f_m) (central differences away from the kinks)", () => {
  const data = randomData("velocity", 5), rng = createRng("v"), m = 4;
  const w = Float64Array.from({ length: 3 * m }, () => rng.normal());
  const risk = (p: Float64Array) => {
    const f = networkOutputs(data, p);
    return f.reduce((s, fi, i) => s + Math.exp(-data.y[i] * fi), 0) / f.length;
  };
  const v = meanFieldVelocity(data, w), h = 1e-6;
  for (let q = 0; q < w.length; q++) {
    const plus = Float64Array.from(w), minus = Float64Array.from(w);
    plus[q] += h;
    minus[q] -= h;
    const grad = (risk(plus) - risk(minus)) / (2 * h);
    assert.ok(Math.abs(v[q] + m * grad) < 1e-7, `component ${q}: ${v[q]} vs ${-m * grad}`);
  }
});

Deno.test("meanFieldFlow conserves ‖aⱼ‖² − bⱼ² (balancedness of the 2-homogeneous flow) and halving the step changes little", () => {
  const data = randomData("flow", 5), rng = createRng("f"), m = 6;
  const w0 = Float64Array.from({ length: 3 * m }, () => rng.normal());
  const a = meanFieldFlow(data, w0, [1e3, 1e10], 0.05), b = meanFieldFlow(data, w0, [1e3, 1e10], 0.025);
  // Exactly conserved by the flow; RK4 loses it only at the kinks (at first order: measured, drift ∝ step), so the
  // drift is small relative to ‖θⱼ‖² and shrinks with the step.
  for (let j = 0; j < m; j++) {
    const bal = (w: Float64Array) => w[3 * j] ** 2 + w[3 * j + 1] ** 2 - w[3 * j + 2] ** 2;
    const size = Math.hypot(b.states[1][3 * j], b.states[1][3 * j + 1], b.states[1][3 * j + 2]) ** 2;
    const driftA = Math.abs(bal(a.states[1]) - bal(w0)), driftB = Math.abs(bal(b.states[1]) - bal(w0));
    assert.ok(driftB < 1e-3 * size, `particle ${j}: drift ${driftB} of ${size}`);
    assert.ok(driftB <= 0.75 * driftA || driftB < 1e-9 * size, `particle ${j}: ${driftA} → ${driftB}`);
  }
  const ga = normalisedMargin(data, a.states[1]), gb = normalisedMargin(data, b.states[1]);
  assert.ok(Math.abs(ga - gb) < 1e-3 * Math.abs(gb) + 1e-6, `${ga} vs ${gb}`);
  assert.equal(b.steps, 2 * a.steps);
});
