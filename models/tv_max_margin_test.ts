import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import type { LabelledData } from "./linear_classifier.ts";
import { circleSupremum, gridMargin, lpDirections, meanFieldFlow, meanFieldVelocity } from "./tv_max_margin.ts";
import { networkOutputs, normalisedMargin, tvMarginBracket } from "./tv_max_margin.ts";
import { integrate } from "../numerics/ode.ts";

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

const U = 2 ** -53, gammaK = (k: number) => (k * U) / (1 - k * U);

Deno.test("tv_max_margin: outputs, margin, directions and budgets by hand", () => {
  // Two particles θ₁ = (1, 0, 2), θ₂ = (0, 1, −1) on x₁ = (3, 1), x₂ = (−1, 2), y = (1, −1):
  // f(x₁) = (2·3 − 1·1)/2 = 2.5, f(x₂) = (2·0 − 1·2)/2 = −1; margins 2.5 and 1; ‖ν‖_TV = (5 + 2)/2 = 3.5.
  const data = { d: 2, x: Float64Array.of(3, 1, -1, 2), y: Float64Array.of(1, -1) };
  const w = Float64Array.of(1, 0, 2, 0, 1, -1);
  assert.deepEqual(Array.from(networkOutputs(data, w)), [2.5, -1]);
  assert.equal(normalisedMargin(data, w), 1 / 3.5);
  // Directions: the grid 2πk/K, then ψᵢ ± π/2 for each input.
  const dirs = lpDirections(data, 4), psi = [Math.atan2(1, 3), Math.atan2(2, -1)];
  assert.deepEqual(Array.from(dirs), [
    0,
    Math.PI / 2,
    Math.PI,
    1.5 * Math.PI,
    ...psi.flatMap((p) => [p + Math.PI / 2, p - Math.PI / 2]),
  ]);
  // gridMargin of ρ = δ at angle 0 (â = e₁): f(x₁) = 3, f(x₂) = 0 → margins 3 and 0, minus (γ_{K+3} + 4u)·‖ρ‖·‖xᵢ‖.
  const g = gridMargin(data, [0], [1]);
  const budget2 = (gammaK(4) + 4 * U) * Math.sqrt(5);
  assert.ok(g <= -budget2 && g >= -budget2 * (1 + 1e-9), `${g} vs ${-budget2}`);
  // circleSupremum of relu(â·e₁) − relu(â·e₂): exactly 1 (attained at an arc's end, e₁), plus the documented
  // 4γ_{n+8}·Σ|cᵢ|‖xᵢ‖ = 8γ₁₀ and at most the endpoint widening 2·10⁻¹²·‖v‖ ≤ 2·10⁻¹²·Σ|cᵢ|‖xᵢ‖.
  const s = circleSupremum({ d: 2, x: Float64Array.of(1, 0, 0, 1), y: Float64Array.of(1, -1) }, [1, 1]);
  assert.ok(s >= 1 + 8 * gammaK(10) && s <= 1 + 8 * gammaK(10) + 4e-12 + 4 * Number.EPSILON, `${s - 1}`);
  // With weights (2, 0): sup = 2 at â = e₁; with weights (0, 0): only 0.
  const s2 = circleSupremum({ d: 2, x: Float64Array.of(1, 0, 0, 1), y: Float64Array.of(1, -1) }, [2, 0]);
  assert.ok(s2 >= 2 + 8 * gammaK(10) && s2 <= 2 + 8 * gammaK(10) + 4e-12 + 4 * Number.EPSILON, `${s2}`);
  assert.equal(circleSupremum({ d: 2, x: Float64Array.of(1, 0, 0, 1), y: Float64Array.of(1, -1) }, [0, 0]), 0);
});

Deno.test("tvMarginBracket: sizes, the discretisation bound πR/K and the upper bound's simplex correction", async () => {
  const data = { d: 2, x: Float64Array.of(0, 3, 1, 1), y: Float64Array.of(-1, 1) };
  const b = await tvMarginBracket(data, 16);
  assert.deepEqual([b.gridSize, b.angles.length, b.rho.length, b.lambda.length], [16, 20, 20, 2]);
  assert.ok(Math.abs(b.discretisationBound - (3 * Math.PI) / 16) < 1e-15);
  assert.ok(Math.abs(b.upper - circleSupremum(data, b.lambda) * (1 + gammaK(4))) < 1e-15 * b.upper);
  assert.equal(b.lower, gridMargin(data, b.angles, b.rho));
  // γ*: x₁ = 3e₂ (y = −1) is reached alone by ρ₁ < 0 at â = (−1, 1)/√2 (relu = 3/√2), x₂ = (1, 1) (y = 1) alone by
  // ρ₂ > 0 at â = e₁ (relu = 1, the best on the arc where â·x₁ ≤ 0): margins equal at 3|ρ₁|/√2 = ρ₂, |ρ₁| + ρ₂ = 1.
  const c = 3 / Math.SQRT2, star = c / (1 + c);
  assert.ok(b.lower <= star && star <= b.upper && b.upper - b.lower < 1e-9, `[${b.lower}, ${b.upper}] vs ${star}`);
});

Deno.test("meanFieldFlow: output times on the grid ⌈log(1 + t)/ds⌉·ds, RK4 against an adaptive integration off the kinks", () => {
  // One point x = (1, 0), y = 1 and one particle with a₁ > 0 throughout: a smooth flow (no kink crossed).
  const data = { d: 2, x: Float64Array.of(1, 0), y: Float64Array.of(1) }, w0 = Float64Array.of(0.5, 0.2, 0.4);
  const times = [0, 0.5, 3];
  const r = meanFieldFlow(data, w0, times, 0.01);
  const grid = times.map((t) => Math.ceil(Math.log1p(t) / 0.01 - 1e-9));
  assert.deepEqual(r.sTimes.map((v) => v + 0), grid.map((k) => k * 0.01 + 0)); // + 0: −0 for t = 0
  assert.equal(r.steps, grid[2]);
  assert.deepEqual(Array.from(r.states[0]), Array.from(w0));
  // The reference: the same field in s by the extrapolation integrator, at the same s grid.
  const field = (s: number, w: Float64Array) => meanFieldVelocity(data, w).map((v) => v * Math.exp(s));
  const ref = integrate(field, 0, w0, r.sTimes.slice(1), { rtol: 1e-12, atol: 1e-12 });
  ref.states.forEach((st, k) =>
    st.forEach((v, q) =>
      assert.ok(Math.abs(v - r.states[k + 1][q]) < 1e-8, `t = ${times[k + 1]}, [${q}]: ${v} vs ${r.states[k + 1][q]}`)
    )
  );
  assert.ok(r.states[2][0] > 0, "still off the kink");
});
