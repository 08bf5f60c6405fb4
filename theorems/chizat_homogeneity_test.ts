import assert from "node:assert/strict";
import { runClaim } from "../engine/run.ts";
import { softplus } from "../models/mean_field.ts";
import { chizatHomogeneity } from "./chizat_homogeneity.ts";

Deno.test("chizat-homogeneity catches a non-homogeneous activation (softplus)", async () => {
  const { result } = await runClaim(chizatHomogeneity(softplus), { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
});
