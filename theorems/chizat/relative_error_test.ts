import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { derivedBound, relativeError } from "./relative_error.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast("chizat-relative-error is verified at the test budget", async () => {
  const { result } = await wholeRun(startWholeRun(new URL("./relative_error.ts", import.meta.url), "relativeError"));
  assert.equal(result.status, "verified", result.reason);
});

Deno.test("chizat-relative-error catches the reading τ = t‖∇h(w₀)‖", async () => {
  assert.notEqual(await firstCaughtInstance(relativeError((j) => j), 1, "test"), null);
});

Deno.test("the derived bound is κτ²(1 + (2/3)κτ + …) and continuous across its series switch", () => {
  const k = 0.3, tau = 1e-4;
  assert.ok(Math.abs(derivedBound(k, tau) / (k * tau * tau) - (1 + (2 / 3) * k * tau)) < 1e-8);
  const x = 1e-3 / (2 * k); // the switch at 2κτ = 1e-3
  assert.ok(Math.abs(derivedBound(k, x * (1 - 1e-12)) - derivedBound(k, x)) / derivedBound(k, x) < 1e-9);
});
