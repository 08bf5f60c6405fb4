import assert from "node:assert/strict";
import { circleWinf, gridWinf, torusDistance, unitBallVolume } from "./torus_transport.ts";
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
