import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import { runClaim } from "../engine/run.ts";
import { fig113, gdTrainer, prop1125, prop1126, thm1123 } from "./ch11_wide.ts";

const perturbed = (rows: Float64Array[]) => rows.map((r) => r.map((v) => 1.05 * v));

Deno.test("prop-11.25 catches a linearised model built on 1.05·∇Φ(X, w₀) (the kernel gap stops decaying)", async () => {
  const { result } = await runClaim(prop1125(perturbed), { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
});

Deno.test("prop-11.26 catches a linearised model built on 1.05·∇Φ(·, w₀)", async () => {
  const { result } = await runClaim(prop1126(perturbed), { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
});

Deno.test("thm-11.23 catches a corrected rate that is too fast (1 − 4hnλ_min)", async () => {
  assert.notEqual(await firstCaughtInstance(thm1123(undefined, (hn, l) => 1 - 4 * hn * l), 1, "test"), null);
});

Deno.test("fig-11.3: without training the observation is not reproduced", async () => {
  // An instance failing both forms (the loss does not go down) makes the run falsified, never observed or erratum.
  assert.notEqual(
    await firstCaughtInstance(fig113(gdTrainer(1), (net) => Float64Array.from(net.params)), 1, "test"),
    null,
  );
});

Deno.test("fig-11.3: 3 GD steps instead of 1000 lower the loss but do not collapse the variance at the data", async () => {
  const short = gdTrainer(0.5);
  const { result } = await runClaim(fig113(gdTrainer(1), (net) => short(net, 3)), { seed: 1, budget: "test" });
  assert.equal(result.conclusionFailures, result.instances); // the printed h = 1/n still diverges
  assert.equal(result.correctedFailures, 0); // the loss does go down
  assert.equal(result.status, "falsified");
  assert.ok(result.aggregate!.pValue! <= result.aggregate!.alpha!, result.aggregate!.summary);
});
