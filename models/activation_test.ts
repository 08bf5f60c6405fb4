import assert from "node:assert/strict";
import { arctan, relu, softplus } from "./activation.ts";

Deno.test("activation: df and d2f are the derivatives of f and df (central differences, away from kinks)", () => {
  for (const act of [arctan, softplus, relu]) {
    for (const x of [-2.5, -0.7, 0.3, 1.1, 3]) {
      const h = 1e-5;
      const d1 = (act.f(x + h) - act.f(x - h)) / (2 * h), d2 = (act.df(x + h) - act.df(x - h)) / (2 * h);
      assert.ok(Math.abs(act.df(x) - d1) < 1e-7, `${act.name} df(${x})`);
      if (act.d2f) assert.ok(Math.abs(act.d2f(x) - d2) < 1e-6, `${act.name} d2f(${x}): ${act.d2f(x)} vs ${d2}`);
    }
  }
});
