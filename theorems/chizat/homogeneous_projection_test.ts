import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance, withParams } from "../../engine/mutation.ts";
import { createRng } from "../../numerics/random.ts";
import { homogeneousProjection, projectDiscrete } from "./homogeneous_projection.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("chizat-projection is verified at the test budget (discrete and Gaussian μ)", async () => {
  const { result } = await wholeRun(
    startWholeRun(new URL("./homogeneous_projection.ts", import.meta.url), "homogeneousProjection"),
  );
  assert.equal(result.status, "verified", result.reason);
});

Deno.test("chizat-projection catches the near miss ‖w‖ in place of ‖w‖²", async () => {
  assert.notEqual(await firstCaughtInstance(homogeneousProjection(1), 1, "test"), null);
  // The Gaussian instances alone catch it too.
  assert.notEqual(await firstCaughtInstance(withParams(homogeneousProjection(1), { mode: 1 }), 1, "test"), null);
});

Deno.test("projectDiscrete merges particles of one direction and drops particles at 0", () => {
  const { theta, mass } = projectDiscrete([0.5, 0.25, 1], [[3, 4], [6, 8], [0, 0]]);
  assert.equal(theta.length, 1);
  assert.ok(Math.abs(mass[0] - (0.5 * 25 + 0.25 * 100)) < 1e-12);
});

Deno.test("chizat-projection with a softplus particle (not homogeneous): hypothesis fails and the transfer (2) fails", async () => {
  const params = { mode: 0, activation: 1 };
  const claim = withParams(homogeneousProjection(), params);
  const instance = await claim.generate({ rng: createRng(3), index: 0, count: 1, budget: "test", params });
  assert.equal(claim.hypotheses[0].check(instance).holds, false);
  const c = await claim.conclusion.check(instance);
  assert.equal(c.holds, false);
  assert.match(c.detail, /\(2\)/);
});
