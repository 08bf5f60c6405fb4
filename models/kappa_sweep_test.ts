import assert from "node:assert/strict";
import { kappaBoundDraws, kappaBoundSweep, kappaSweepData, meanKappa } from "./kappa_sweep.ts";
import { iidInit, kappa, kappaBounds, ScaledTwoLayer } from "./scaled_two_layer.ts";
import { relu, tanh } from "./activation.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("kappa sweep: 4 unit points of ℝ³ (a constant), κ of iid draws at α = width^{−β}, the bound sweep's layout", () => {
  const { xs, y } = kappaSweepData();
  assert.deepEqual([xs.length, y.length], [4, 4]);
  assert.ok(xs.every((x) => x.length === 3 && Math.abs(Math.hypot(...x) - 1) < 1e-14));
  assert.deepEqual(kappaSweepData(), { xs, y });
  // meanKappa: κ of `reps` draws from the stream, each on the network with α = width^{−β}.
  const got = meanKappa(createRng(2), 6, 0.5, 3), rng = createRng(2);
  const net = new ScaledTwoLayer(xs, 6, 6 ** -0.5, relu);
  assert.deepEqual(got, [0, 1, 2].map(() => kappa(net, iidInit(rng, 3, 6), y).kappa));
  const draws = kappaBoundDraws(createRng(3), 4, 1, 2, tanh), r3 = createRng(3);
  const tnet = new ScaledTwoLayer(xs, 4, 0.25, tanh);
  assert.deepEqual(draws, [0, 1].map(() => kappaBounds(tnet, iidInit(r3, 3, 4), y)));
  // The sweep lists each width's draws in turn, widths in order.
  const sweep = kappaBoundSweep(createRng(4), [2, 4], 1, 3, tanh);
  assert.deepEqual(sweep.widths, [2, 2, 2, 4, 4, 4]);
  const r4 = createRng(4), first = kappaBoundDraws(r4, 2, 1, 3, tanh), second = kappaBoundDraws(r4, 4, 1, 3, tanh);
  assert.deepEqual(sweep.lower, [...first, ...second].map((b) => b.lower));
  assert.deepEqual(sweep.upper, [...first, ...second].map((b) => b.upper));
});
