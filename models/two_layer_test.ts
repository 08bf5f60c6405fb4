import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { type Activation, arctan, relu, softplus, tanh } from "./activation.ts";
import { type Parametrisation, TwoLayerNetwork } from "./two_layer.ts";
import { createRng, distributions, gaussian, rademacher, sampleVector, uniformSqrt3 } from "../numerics/random.ts";
import { EPS } from "../numerics/linalg.ts";

const U32 = 2 ** -24;

function network(seed: number, d: number, n: number, p: Parametrisation, act: Activation, biasVariance = 1) {
  const rng = createRng(seed);
  const net = TwoLayerNetwork.initialise(rng, { d, n, parametrisation: p, activation: act }, {
    distribution: gaussian,
    biasVariance,
  });
  const x = sampleVector(rng, gaussian, d);
  return { net, x, rng };
}

Deno.test("two_layer: closed-form gradient (11.5.2)/(11.6.3) matches central differences (float64)", () => {
  for (const act of [arctan, softplus, relu]) {
    for (const p of ["lecun", "ntk"] as const) {
      const { net, x, rng } = network(7, 3, 20, p, act);
      const g = net.gradient(x);
      for (let trial = 0; trial < 5; trial++) {
        const dir = sampleVector(rng, gaussian, net.parameterCount);
        const along = (h: number) => {
          const wp = net.params.map((w, k) => w + h * dir[k]), wm = net.params.map((w, k) => w - h * dir[k]);
          return (net.forward(x, wp) - net.forward(x, wm)) / (2 * h);
        };
        let exact = 0;
        for (let k = 0; k < g.length; k++) exact += g[k] * dir[k];
        const h = 1e-5, dh = along(h), d2h = along(2 * h);
        // Error of the central difference: truncation ≈ |D(2h) − D(h)|/3 (Richardson), rounding ≤ ~ε·|Φ|/h.
        const scale = Math.abs(net.forward(x)) + net.parameterCount;
        const tol = 2 * Math.abs(d2h - dh) + 100 * EPS * scale / h;
        // ReLU: a kink inside [w − 2hδ, w + 2hδ] would break the difference; with Gaussian draws the
        // nearest pre-activation is far from 0 relative to 2h·|δ| (checked).
        if (act === relu) {
          const z = net.preactivation(x);
          const nearest = Math.min(...Array.from(z, Math.abs));
          if (nearest < 1e-3) continue;
        }
        assert.ok(Math.abs(dh - exact) <= tol, `${act.name}/${p}: fd ${dh} vs closed form ${exact} (tol ${tol})`);
      }
    }
  }
});

Deno.test("two_layer: closed-form gradient matches tfjs autodiff (float32)", () => {
  for (const act of [arctan, softplus, relu]) {
    for (const p of ["lecun", "ntk"] as const) {
      const d = 3, n = 16;
      const { net, x } = network(11, d, n, p, act);
      // Evaluate the float64 closed form at the float32-rounded inputs so only float32 arithmetic differs.
      const w32 = net.params.map(Math.fround), x32 = Array.from(x, Math.fround);
      const g = net.withParams(w32).gradient(x32);
      const si = net.inputScale, so = net.outputScale;
      const tfGrad = tf.tidy(() => {
        const xt = tf.tensor2d(x32, [d, 1]);
        const f = (wt: tf.Tensor) => {
          const U = wt.slice([0], [n * d]).reshape([n, d]);
          const b = wt.slice([n * d], [n]).reshape([n, 1]);
          const v = wt.slice([n * (d + 1)], [n]).reshape([1, n]);
          const c = wt.slice([n * (d + 2)], [1]);
          const z = tf.add(tf.mul(tf.matMul(U, xt), si), b);
          const s = act === relu ? tf.relu(z) : act === arctan ? tf.atan(z) : tf.softplus(z);
          return tf.add(tf.mul(tf.matMul(v, s).reshape([1]), so), c).reshape([]) as tf.Scalar;
        };
        return Array.from(tf.grad(f)(tf.tensor1d(Array.from(w32))).dataSync());
      });
      // Each entry is a product of a few factors, one a length-d dot product: relative float32 error
      // ≤ (d + 8)·u₃₂ on each factor's magnitude; we allow 4(d + 8)·u₃₂·(max|entry| + 1).
      const maxAbs = Math.max(...Array.from(g, Math.abs));
      const tol = 4 * (d + 8) * U32 * (maxAbs + 1);
      const z = net.withParams(w32).preactivation(x32);
      for (let k = 0; k < g.length; k++) {
        const unit = k < n * d ? Math.floor(k / d) : k < n * (d + 2) ? (k - n * d) % n : -1;
        if (act === relu && unit >= 0 && Math.abs(z[unit]) < 1e-5) continue; // kink: σ′ undefined
        assert.ok(Math.abs(g[k] - tfGrad[k]) <= tol, `${act.name}/${p} entry ${k}: ${g[k]} vs tf ${tfGrad[k]}`);
      }
    }
  }
});

Deno.test("two_layer: LeCun and NTK networks agree at initialisation, their gradients differ by n^{-1/2}", () => {
  const d = 4, n = 50;
  const lecun = TwoLayerNetwork.initialise(createRng(3), { d, n, parametrisation: "lecun", activation: softplus }, {
    distribution: uniformSqrt3,
  });
  const ntk = TwoLayerNetwork.initialise(createRng(3), { d, n, parametrisation: "ntk", activation: softplus }, {
    distribution: uniformSqrt3,
  });
  const x = [0.3, -1, 0.5, 2];
  // (11.6.1)–(11.6.2) equal (11.5.1)–(11.5.3) at initialisation (same draws, rescaled).
  assert.ok(Math.abs(lecun.forward(x) - ntk.forward(x)) <= 1e3 * EPS * (1 + Math.abs(lecun.forward(x))));
  const gl = lecun.view(lecun.gradient(x)), gn = ntk.view(ntk.gradient(x));
  // v-gradients: σ(Ux) vs n^{-1/2}σ(Ux).
  for (let i = 0; i < n; i++) assert.ok(Math.abs(gn.v[i] * Math.sqrt(n) - gl.v[i]) <= 1e-12 * (1 + Math.abs(gl.v[i])));
});

Deno.test("two_layer: initialisation variances (11.5.3), (11.6.2), (11.6.4) by moments", () => {
  for (const dist of Object.values(distributions)) {
    const d = 5, n = 4000;
    const net = TwoLayerNetwork.initialise(createRng(dist.name), {
      d,
      n,
      parametrisation: "lecun",
      activation: relu,
    }, { distribution: dist, biasVariance: 1 });
    const { U, b, v } = net.view();
    const meanSq = (a: Float64Array) => a.reduce((s, t) => s + t * t, 0) / a.length;
    // Sample second moments: relative sd ≤ sqrt((μ₄ − 1)/N) ≤ sqrt(2/4000) ≈ 0.022; allow 6 sd.
    assert.ok(Math.abs(meanSq(U) * d - 1) < 0.14, `${dist.name} U`);
    assert.ok(Math.abs(meanSq(b) - 1) < 0.14, `${dist.name} b`);
    assert.ok(Math.abs(meanSq(v) * n - 1) < 0.14, `${dist.name} v`);
  }
  const zero = TwoLayerNetwork.initialise(createRng(1), { d: 2, n: 3, parametrisation: "ntk", activation: relu }, {
    distribution: rademacher,
  });
  assert.ok(zero.view().b.every((t) => t === 0) && zero.view().c === 0);
});

Deno.test("two_layer: tangent kernel is the Gram matrix of the Jacobian", () => {
  const { net } = network(5, 2, 30, "ntk", arctan);
  const xs = [[1, 0], [0.5, 0.5], [-1, 2]];
  const K = net.tangentKernel(xs), J = net.jacobian(xs);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const s = J[i].reduce((acc, t, k) => acc + t * J[j][k], 0);
      assert.equal(K.get(i, j), s);
    }
  }
});

Deno.test("two_layer: loss gradient (11.0.1b) matches central differences", () => {
  const { net, rng } = network(13, 2, 12, "lecun", softplus);
  const xs = [[0.5, -1], [1.2, 0.3], [-0.7, 0.9]], ys = [0.3, -0.2, 1];
  const g = net.lossGradient(xs, ys), dir = sampleVector(rng, gaussian, net.parameterCount);
  const along = (h: number) =>
    (net.loss(xs, ys, net.params.map((w, k) => w + h * dir[k])) -
      net.loss(xs, ys, net.params.map((w, k) => w - h * dir[k]))) / (2 * h);
  const exact = g.reduce((s, t, k) => s + t * dir[k], 0), h = 1e-5;
  const tol = 2 * Math.abs(along(2 * h) - along(h)) + 100 * EPS * (net.loss(xs, ys) + net.parameterCount) / h;
  assert.ok(Math.abs(along(h) - exact) <= tol, `${along(h)} vs ${exact}`);
});

/** True iff a and b hold the same float64 bit patterns (so −0 ≠ +0 and NaN payloads count). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const ua = new Uint32Array(a.buffer, a.byteOffset, 2 * a.length),
    ub = new Uint32Array(b.buffer, b.byteOffset, 2 * b.length);
  for (let q = 0; q < ua.length; q++) if (ua[q] !== ub[q]) return false;
  return true;
}

Deno.test("two_layer: outputsAndJacobian is forwardBatch + jacobian to the bit (several activations and shapes)", () => {
  let seed = 40;
  for (const act of [relu, arctan, softplus, tanh]) {
    for (const p of ["lecun", "ntk"] as const) {
      for (const [d, n, m] of [[1, 1, 1], [2, 5, 3], [3, 64, 4], [1, 257, 2]]) {
        const { net, rng } = network(seed++, d, n, p, act);
        const xs = Array.from({ length: m }, () => sampleVector(rng, gaussian, d));
        const w = Float64Array.from(net.params, (v) => v + 0.25 * rng.normal());
        const outs = net.forwardBatch(xs, w), jac = net.jacobian(xs, w);
        const fused = net.outputsAndJacobian(xs, w);
        assert.ok(sameBits(fused.outputs, outs), `${act.name} ${p} d=${d} n=${n}: outputs`);
        jac.forEach((row, a) => assert.ok(sameBits(fused.rows[a], row), `${act.name} ${p} d=${d} n=${n}: row ${a}`));
        // Reused buffers (stale contents) give the same bits.
        const rows = xs.map(() => new Float64Array(net.parameterCount).fill(7));
        const again = net.outputsAndJacobian(xs, w, rows);
        assert.equal(again.rows, rows);
        assert.ok(sameBits(again.outputs, outs) && rows.every((r, a) => sameBits(r, jac[a])));
        // The comparison can fail: one ulp off in one output, or one Jacobian entry, is caught.
        const off = Float64Array.from(outs);
        off[m - 1] = off[m - 1] + Math.abs(off[m - 1]) * Number.EPSILON + Number.MIN_VALUE;
        assert.ok(!sameBits(fused.outputs, off));
        const rowOff = Float64Array.from(jac[0]);
        rowOff[0] = -rowOff[0] || Number.MIN_VALUE;
        assert.ok(!sameBits(fused.rows[0], rowOff));
      }
    }
  }
  const { net } = network(1, 2, 3, "lecun", relu);
  assert.throws(() => net.outputsAndJacobian([[1, 2]], net.params, []), RangeError);
});
