import assert from "node:assert/strict";
import { logLogFit } from "./log_log_rate.ts";
import { linearFit } from "../../numerics/stats.ts";

Deno.test("logLogFit is linearFit on the logarithms, bit for bit", () => {
  const x = [16, 64, 256, 1024, 4096], y = [0.3, 0.11, 0.07, 0.031, 0.016];
  assert.deepEqual(logLogFit(x, y, 0.999), linearFit(x.map(Math.log), y.map(Math.log), 0.999));
});
