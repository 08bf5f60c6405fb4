import assert from "node:assert/strict";
import { activations, arctan, relu, softplus, tanh } from "./activation.ts";

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

Deno.test("activation: tanh's derivatives; the documented constants against a fine scan; ReLU's conventions", () => {
  for (const x of [-2.5, -0.7, 0.3, 1.1, 3]) {
    const h = 1e-5;
    assert.ok(Math.abs(tanh.df(x) - (tanh.f(x + h) - tanh.f(x - h)) / (2 * h)) < 1e-7, `tanh df(${x})`);
    assert.ok(Math.abs(tanh.d2f(x) - (tanh.df(x + h) - tanh.df(x - h)) / (2 * h)) < 1e-6, `tanh d2f(${x})`);
  }
  // A scan of [−20, 20] at step 10⁻⁴: sup|σ′| and sup|σ″| (attained inside, so the scan is within 10⁻⁷ of them),
  // |σ(0)|, and the growth bound max(|σ|, |σ′|)/(1 + |x|) ≤ R.
  for (const act of [relu, arctan, softplus, tanh]) {
    let lip = 0, lip2 = 0, growth = 0;
    for (let k = -200_000; k <= 200_000; k++) {
      const x = k * 1e-4;
      lip = Math.max(lip, Math.abs(act.df(x)));
      lip2 = Math.max(lip2, Math.abs(act.d2f(x)));
      growth = Math.max(growth, Math.abs(act.f(x)) / (1 + Math.abs(x)), Math.abs(act.df(x)) / (1 + Math.abs(x)));
    }
    assert.equal(act.atZero, Math.abs(act.f(0)), act.name);
    assert.ok(Math.abs(act.lipschitz - lip) < 1e-7, `${act.name}: Lip ${act.lipschitz} vs ${lip}`);
    if (act !== relu) assert.ok(Math.abs(act.derivativeLipschitz - lip2) < 1e-7, `${act.name}: ${lip2}`);
    // (Each σ has growth ratio → 1 or = 1 at 0, so R ≥ 1 is needed; arctan states π/2, a valid but larger R.)
    assert.ok(growth <= act.growthR && growth >= 0.95, `${act.name}: growth ${growth} vs R = ${act.growthR}`);
    assert.deepEqual(act.kinks, act === relu ? [0] : []);
  }
  assert.deepEqual([relu.f(0), relu.df(0), relu.df(-1e-300), relu.f(-2), relu.f(2.5), relu.d2f(1)], [
    0,
    1,
    0,
    0,
    2.5,
    0,
  ]);
  assert.equal(relu.derivativeLipschitz, Infinity);
  assert.deepEqual(activations, { relu, arctan, softplus });
});
