import assert from "node:assert/strict";
import { circleWinf, gridWinf, torusDistance, torusSampleWinf, unitBallVolume } from "./torus_transport.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("unitBallVolume: 2, π, 4π/3", () => {
  assert.equal(unitBallVolume(1), 2);
  assert.ok(Math.abs(unitBallVolume(2) - Math.PI) < 1e-15);
  assert.ok(Math.abs(unitBallVolume(3) - 4 * Math.PI / 3) < 1e-15);
});

Deno.test("torusDistance wraps each coordinate", () => {
  assert.ok(Math.abs(torusDistance([0.05, 0.9], [0.95, 0.1]) - Math.hypot(0.1, 0.2)) < 1e-15);
});

Deno.test("gridWinf: the covering radius equals the half-diagonal √d/(2k)", () => {
  for (const [k, d] of [[4, 1], [5, 2], [3, 3]]) {
    const b = gridWinf(k, d, Array.from({ length: d }, () => 0.17));
    assert.ok(Math.abs(b.lower - Math.sqrt(d) / (2 * k)) < 1e-14 && b.upper === Math.sqrt(d) / (2 * k));
  }
});

Deno.test("circleWinf: both bounds equal half the Kuiper statistic (D⁺ + D⁻)/2", () => {
  const rng = createRng(7);
  const th = Array.from({ length: 50 }, () => rng.double()).sort((a, b) => a - b);
  const m = th.length;
  const dPlus = Math.max(...th.map((v, i) => (i + 1) / m - v)), dMinus = Math.max(...th.map((v, i) => v - i / m));
  const b = circleWinf(th);
  assert.ok(Math.abs(b.lower - (dPlus + dMinus) / 2) < 1e-14, `${b.lower} vs ${(dPlus + dMinus) / 2}`);
  assert.ok(Math.abs(b.upper - b.lower) < 1e-14);
  // Equally spaced atoms: W∞ = 1/(2m).
  const eq = circleWinf(Array.from({ length: 8 }, (_, i) => (i + 0.25) / 8));
  assert.ok(Math.abs(eq.lower - 1 / 16) < 1e-15 && Math.abs(eq.upper - 1 / 16) < 1e-15);
});

Deno.test("torusSampleWinf: a grid's bracket holds its exact W∞ = √2/(2k); brackets are ordered and ≳ holds", () => {
  // The 4×4 grid of centres (shifted): W∞ = √2/8.
  const pts: number[] = [];
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) pts.push((i + 0.5) / 4 + 0.03, (j + 0.5) / 4 + 0.03);
  const g = torusSampleWinf(pts, 16);
  assert.ok(g.lower <= Math.SQRT2 / 8 && Math.SQRT2 / 8 <= g.upper, `${g.lower} ${g.upper}`);
  assert.ok(g.upper - g.lower <= Math.SQRT2 / 16 + 0.02 * g.upper);
  const rng = createRng(4);
  for (const m of [8, 20, 50]) {
    const p = Float64Array.from({ length: 2 * m }, () => rng.double());
    const b = torusSampleWinf(p, Math.round(Math.sqrt(16 * m)));
    assert.ok(b.lower <= b.upper);
    // Every atom needs area 1/m within W∞: π·W∞² ≥ 1/m.
    assert.ok(Math.PI * b.upper ** 2 >= 1 / m);
    // The covering radius (here probed at a fine grid of points) is a lower bound on W∞, hence on the upper end.
    let cover = 0;
    for (let i = 0; i < 100; i++) {
      for (let j = 0; j < 100; j++) {
        let near = Infinity;
        for (let a = 0; a < m; a++) near = Math.min(near, torusDistance([i / 100, j / 100], [p[2 * a], p[2 * a + 1]]));
        cover = Math.max(cover, near);
      }
    }
    assert.ok(cover <= b.upper * (1 + 1e-12), `${cover} > ${b.upper}`);
  }
});

Deno.test("torusSampleWinf: all atoms at one point: W∞ is the torus radius √2/2", () => {
  const b = torusSampleWinf(Float64Array.of(0.1, 0.2, 0.1, 0.2, 0.1, 0.2), 6);
  assert.ok(b.upper >= Math.SQRT1_2 * (1 - 1e-12) && b.lower >= Math.SQRT1_2 - Math.SQRT2 / 6 - 0.01 * Math.SQRT1_2);
});

Deno.test("torus_transport: ω₀ … ω₅, distances past one period, atoms given outside [0, 1) or unsorted", () => {
  assert.equal(unitBallVolume(0), 1);
  assert.ok(Math.abs(unitBallVolume(4) - Math.PI ** 2 / 2) < 1e-14);
  assert.ok(Math.abs(unitBallVolume(5) - (8 * Math.PI ** 2) / 15) < 1e-14);
  assert.ok(Math.abs(torusDistance([1.2], [0.1]) - 0.1) < 1e-15);
  assert.ok(Math.abs(torusDistance([0.5, 0], [0, 0.5]) - Math.SQRT1_2) < 1e-15);
  assert.equal(torusDistance([0.3, 0.3], [0.3, 0.3]), 0);
  // The same atoms shifted by whole periods and permuted: the same bracket.
  const a = circleWinf([0.1, 0.35, 0.8]), b = circleWinf([1.8, -0.65, 0.1]);
  assert.ok(Math.abs(a.lower - b.lower) < 1e-15 && Math.abs(a.upper - b.upper) < 1e-15);
  // By hand: gaps 0.25, 0.45, 0.3 between 0.1, 0.35, 0.8; e = θ_(i) − i/3 = (−0.2333, −0.3167, −0.2):
  // W∞ = (max e − min e + 1/3)/2 = (0.1167 + 0.3333)/2 = 0.225.
  assert.ok(Math.abs(a.lower - 0.225) < 1e-15 && Math.abs(a.upper - 0.225) < 1e-15, `${a.lower}, ${a.upper}`);
  // Grids with an offset and k = 2 in d = 2: W∞ = √2/4.
  const g = gridWinf(2, 2, [0.4, 0.9]);
  assert.ok(Math.abs(g.lower - Math.SQRT2 / 4) < 1e-15 && g.upper === Math.SQRT2 / 4);
});
