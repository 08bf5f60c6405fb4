import assert from "node:assert/strict";
import { conditioning, lazyFlowPair, lazyInstance } from "./lazy_instances.ts";
import { antisymmetricInit, gram, ScaledTwoLayer } from "./scaled_two_layer.ts";
import { tanh } from "./activation.ts";
import { symmetricEigen } from "../numerics/linalg.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("lazy instances: h(w₀) = 0, conditioned, and antisymmetric = 0 breaks h(w₀) = 0 after the same draws", () => {
  const i = lazyInstance(createRng(3), { n: 3, half: 4 });
  assert.ok(i.net.outputs(i.w0).every((h) => Math.abs(h) <= 1e-14));
  assert.ok(conditioning(i.net, i.w0).ok);
  const broken = lazyInstance(createRng(3), { n: 3, half: 4, antisymmetric: 0 });
  assert.deepEqual([...broken.target], [...i.target]);
  assert.ok(broken.net.outputs(broken.w0).some((h) => Math.abs(h) > 1e-3));
});

Deno.test("lazy flow pair: the linearised half against its closed form w̄(t) − w₀ = J₀ᵀK⁻¹(I − e^{−tK})y*/α, K = J₀J₀ᵀ", () => {
  const { net, w0, target } = lazyInstance(createRng(5), { n: 2, half: 3 });
  const j0 = net.jacobian(w0), p = w0.length, alpha = 8, times = [0.25, 2];
  const { values, vectors } = symmetricEigen(gram(j0));
  const sol = lazyFlowPair(net, w0, target, j0, alpha, times);
  times.forEach((t, k) => {
    // u = V diag((1 − e^{−tλ})/λ) Vᵀ y*, then w̄ − w₀ = J₀ᵀu/α.
    const c = values.map((lam, e) => {
      let vy = 0;
      for (let a = 0; a < target.length; a++) vy += vectors.get(a, e) * target[a];
      return vy * (1 - Math.exp(-t * lam)) / lam;
    });
    const u = target.map((_, a) => c.reduce((sum, ce, e) => sum + vectors.get(a, e) * ce, 0));
    for (let q = 0; q < p; q++) {
      const expected = w0[q] + j0.reduce((sum, row, a) => sum + row[q] * u[a], 0) / alpha;
      assert.ok(Math.abs(sol.states[k][p + q] - expected) < 1e-9, `t = ${t}, q = ${q}`);
    }
  });
});

Deno.test("lazyInstance: the first well-conditioned draw of (data, w₀) is kept, then the target (reproduced from the stream)", () => {
  for (const seed of [1, 2, 3]) {
    const i = lazyInstance(createRng(seed), { n: 2, half: 3 });
    const rng = createRng(seed);
    rng.int(2, 3), rng.int(3, 8); // the drawn sizes, overridden
    let w0: Float64Array, net: ScaledTwoLayer, draws = 0;
    do {
      const xs = Array.from({ length: 2 }, () => {
        const x = Float64Array.from({ length: 3 }, () => rng.normal());
        const r = Math.hypot(...x);
        return x.map((v) => v / r);
      });
      net = new ScaledTwoLayer(xs, 6, 1 / Math.sqrt(6), tanh);
      w0 = antisymmetricInit(rng, 3, 6);
      draws++;
    } while (!conditioning(net, w0).ok && draws < 20);
    assert.deepEqual(i.w0, w0);
    i.net.xs.forEach((x, k) => x.forEach((v, q) => assert.ok(Math.abs(v - net.xs[k][q]) < 1e-15)));
    assert.deepEqual(Array.from(i.target), [rng.normal(), rng.normal()]);
  }
});
