import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { runClaim } from "../../engine/run.ts";
import { linearisedFlow } from "./linearised_flow.ts";

Deno.test("yang-linearized catches a wrong corrected exponent (1/N instead of 2/N)", async () => {
  assert.notEqual(await firstCaughtInstance(linearisedFlow(undefined, (ns) => 1 / ns), 1, "test"), null);
});

Deno.test("yang-linearized: the corrected exponent plugged in as printed is verified", async () => {
  const { result } = await runClaim(linearisedFlow((ns) => 2 / ns), { seed: 1, budget: "test" });
  assert.equal(result.status, "verified");
});
