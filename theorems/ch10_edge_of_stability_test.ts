import assert from "node:assert/strict";
import type { InstanceContext } from "../engine/claim.ts";
import { runClaim } from "../engine/run.ts";
import { eos103 } from "./ch10_edge_of_stability.ts";

Deno.test("eos-10.3 catches a wrong Hessian-vector product (half the true one)", async () => {
  const wrong = eos103((net, theta, data, delta, out) => {
    net.hessianVector(theta, data, delta, out);
    for (let q = 0; q < out.length; q++) out[q] *= 0.5;
  });
  // The test budget's 12 runs (the binomial test needs ≥ 10 runs meeting the hypothesis to reject at its level), of
  // 1000 steps instead of 3000 to save time: the measured sharpness is half the true one at every step.
  const short = { ...wrong, generate: (ctx: InstanceContext) => wrong.generate({ ...ctx, params: { steps: 1000 } }) };
  const { result } = await runClaim(short, { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
  assert.ok(result.aggregate!.pValue! <= result.aggregate!.alpha!, result.aggregate!.summary);
});
