import assert from "node:assert/strict";
import { integrate } from "./ode.ts";

Deno.test("integrate: a linear system against its exact solution", () => {
  // y' = A y with A = [[0, 1], [-1, 0]]: rotation, y(t) = (cos t, -sin t) from (1, 0).
  const sol = integrate((_t, y) => [y[1], -y[0]], 0, [1, 0], [0, 1, 2, 5]);
  sol.times.forEach((t, i) => {
    assert.ok(Math.abs(sol.states[i][0] - Math.cos(t)) < 1e-8);
    assert.ok(Math.abs(sol.states[i][1] + Math.sin(t)) < 1e-8);
  });
  assert.ok(sol.steps > 0);
});

Deno.test("integrate: a blow-up throws instead of returning numbers", () => {
  // y' = y², y(0) = 1 blows up at t = 1.
  assert.throws(() => integrate((_t, y) => [y[0] * y[0]], 0, [1], [2], { maxSteps: 2000 }));
});

Deno.test("integrate: rejects decreasing output times", () => {
  assert.throws(() => integrate((_t, y) => [y[0]], 0, [1], [1, 0.5]), RangeError);
});

Deno.test("integrate: a NaN state or derivative throws at once instead of stalling", () => {
  assert.throws(() => integrate((_t, y) => [y[0]], 0, [NaN], [1]), /not finite/);
  assert.throws(() => integrate((_t, y) => [y[0] > 0.5 ? NaN : 1], 0, [0], [1]), /not finite/);
});

Deno.test("integrate: the evaluation limit per output interval throws", () => {
  // y' = −y on [0, 1] needs more than 10 evaluations; with 2 output times the count restarts at each.
  let calls = 0;
  const field = (_t: number, y: Float64Array) => {
    calls++;
    return [-y[0]];
  };
  assert.throws(() => integrate(field, 0, [1], [1], { maxEvaluations: 10 }), /stalled: 10 field evaluations/);
  assert.equal(calls, 10);
  const sol = integrate(field, 0, [1], [0.5, 1], { maxEvaluations: 1000 });
  assert.ok(Math.abs(sol.states[1][0] - Math.exp(-1)) < 1e-9);
});

Deno.test("integrate: the default absolute tolerance (1e-12) bounds the error once the solution is below it", () => {
  // y' = −y, y(0) = 1: y(30) = e^{−30} ≈ 9.4·10⁻¹⁴, where the relative tolerance no longer binds.
  const sol = integrate((_t, y) => [-y[0]], 0, [1], [30]);
  assert.ok(Math.abs(sol.states[0][0] - Math.exp(-30)) < 1e-12, `${sol.states[0][0]}`);
});

Deno.test("integrate: onStep sees every accepted step, increasing, ending at the output time", () => {
  const seen: [number, number][] = [];
  const sol = integrate((_t, y) => [-y[0]], 0, [1], [3], { onStep: (t, y) => seen.push([t, y[0]]) });
  assert.equal(seen.length, sol.steps);
  assert.equal(seen[seen.length - 1][0], 3);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i][0] > seen[i - 1][0]);
  for (const [t, y] of seen) assert.ok(Math.abs(y - Math.exp(-t)) < 1e-8);
});
