import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Matrix } from "./linalg.ts";
import { createRng } from "./random.ts";
import { gdStepRelu, gdStepReluTs, jacobianRelu, ntkGramRelu, type TwoLayerScales } from "./two_layer_kernels.ts";

// Error budget (Higham, Accuracy and Stability, §3.1): a quantity computed by a chain of at most k
// roundings of unit roundoff u differs from its exact value by at most γ_k·(the same computation on
// absolute values), γ_k = k·u/(1 − k·u). Two implementations of the same formula therefore differ by
// at most 2γ_k·|·|-computation, whatever their summation orders; a float64 and a float32 one by
// (γ_k(2⁻⁵³) + γ_k(2⁻²⁴))·|·|-computation on float32-representable inputs. The ReLU step is
// discontinuous, so each comparison first checks that no pre-activation is within its own rounding
// budget of 0 (otherwise the two sides could legitimately disagree on a sign).
const U64 = 2 ** -53, U32 = 2 ** -24;
const gamma = (k: number, u: number) => (k * u) / (1 - k * u);

interface Problem {
  m: number;
  d: number;
  n: number;
  X: Float64Array;
  y: Float64Array;
  U: Float64Array;
  b: Float64Array;
  v: Float64Array;
  c: number;
}

/** LeCun-initialised problem (11.5.3); optional nonzero biases; optionally rounded to float32. */
function problem(seed: string, m: number, d: number, n: number, biases: boolean, float32 = false): Problem {
  const rng = createRng(seed);
  const r = (x: number) => (float32 ? Math.fround(x) : x);
  const draw = (len: number, scale: number) => Float64Array.from({ length: len }, () => r(scale * rng.normal()));
  return {
    m,
    d,
    n,
    X: draw(m * d, 1),
    y: draw(m, 1),
    U: draw(n * d, 1 / Math.sqrt(d)),
    b: biases ? draw(n, 1) : new Float64Array(n),
    v: draw(n, 1 / Math.sqrt(n)),
    c: biases ? r(rng.normal()) : 0,
  };
}

const mat = (a: Float64Array, rows: number, cols: number) =>
  new Matrix(Array.from({ length: rows }, (_, i) => Array.from(a.subarray(i * cols, (i + 1) * cols))));
const ones = (rows: number, cols: number) => Matrix.ones(rows, cols);

/** Straightforward ml-matrix forms of the kernels, with the |·|-computations of their error budgets. */
function reference(p: Problem, si: number, so: number) {
  const X = mat(p.X, p.m, p.d), U = mat(p.U, p.n, p.d);
  const pre = X.mmul(U.transpose()).mul(si).addRowVector(Array.from(p.b));
  const preAbs = Matrix.abs(X).mmul(Matrix.abs(U).transpose()).mul(Math.abs(si)).addRowVector(
    Array.from(p.b, Math.abs),
  );
  let margin = Infinity;
  for (let i = 0; i < p.m; i++) {
    for (let k = 0; k < p.n; k++) margin = Math.min(margin, Math.abs(pre.get(i, k)) / preAbs.get(i, k));
  }
  const step = Matrix.zeros(p.m, p.n), S = Matrix.zeros(p.m, p.n);
  for (let i = 0; i < p.m; i++) {
    for (let k = 0; k < p.n; k++) {
      step.set(i, k, pre.get(i, k) > 0 ? 1 : 0);
      S.set(i, k, Math.max(pre.get(i, k), 0));
    }
  }
  const G = step.clone().mulRowVector(Array.from(p.v));
  const XX = X.mmul(X.transpose()), XXabs = Matrix.abs(X).mmul(Matrix.abs(X).transpose());
  const K = S.mmul(S.transpose()).add(G.mmul(G.transpose()).mul(XX.clone().mul(si * si).add(1))).mul(so * so).add(
    1,
  );
  const Vabs = ones(p.m, 1).mmul(new Matrix([Array.from(p.v, Math.abs)]));
  const Kabs = preAbs.mmul(preAbs.transpose()).add(Vabs.mmul(Vabs.transpose()).mul(XXabs.clone().mul(si * si).add(1)))
    .mul(so * so).add(1);
  return { X, U, pre, preAbs, margin, S, G, step, K, Kabs };
}

/** The gradient step of reference_numpy.py in ml-matrix, and its |·|-computation. */
function referenceStep(p: Problem, h: number, si: number, so: number) {
  const { X, S, step, preAbs } = reference(p, si, so);
  const v = Matrix.columnVector(Array.from(p.v)), y = Matrix.columnVector(Array.from(p.y));
  const r = S.mmul(v).mul(so).add(p.c).sub(y);
  const e = r.clone().mul(2);
  const gv = S.transpose().mmul(e).mul(so);
  const gpre = step.clone().mulColumnVector(e.getColumn(0)).mulRowVector(Array.from(p.v)).mul(so); // m×n
  const gU = gpre.transpose().mmul(X).mul(si);
  const gb = gpre.transpose().mmul(ones(p.m, 1));
  const gc = e.sum();
  const vAbs = Matrix.columnVector(Array.from(p.v, Math.abs)), Xabs = Matrix.abs(X);
  const eAbs = preAbs.mmul(vAbs).mul(Math.abs(so)).add(Math.abs(p.c)).add(Matrix.abs(y)).mul(2);
  const gvAbs = preAbs.transpose().mmul(eAbs).mul(Math.abs(so));
  const gpreAbs = ones(p.m, p.n).mulColumnVector(eAbs.getColumn(0)).mulRowVector(Array.from(p.v, Math.abs)).mul(
    Math.abs(so),
  );
  const gUAbs = gpreAbs.transpose().mmul(Xabs).mul(Math.abs(si));
  const gbAbs = gpreAbs.transpose().mmul(ones(p.m, 1));
  const U1 = mat(p.U, p.n, p.d).sub(gU.clone().mul(h));
  const UAbs = Matrix.abs(mat(p.U, p.n, p.d)).add(gUAbs.clone().mul(h));
  return {
    U: U1.to1DArray(),
    UAbs: UAbs.to1DArray(),
    b: p.b.map((bk, k) => bk - h * gb.get(k, 0)),
    bAbs: p.b.map((bk, k) => Math.abs(bk) + h * gbAbs.get(k, 0)),
    v: p.v.map((vk, k) => vk - h * gv.get(k, 0)),
    vAbs: p.v.map((vk, k) => Math.abs(vk) + h * gvAbs.get(k, 0)),
    c: p.c - h * gc,
    cAbs: Math.abs(p.c) + h * eAbs.sum(),
    loss: r.clone().mul(r).sum(),
    lossAbs: eAbs.clone().mul(eAbs).sum() / 4,
    margin: reference(p, si, so).margin,
  };
}

function assertWithin(label: string, a: ArrayLike<number>, b: ArrayLike<number>, tol: ArrayLike<number>, k: number) {
  assert.equal(a.length, b.length, `${label}: lengths`);
  for (let i = 0; i < a.length; i++) {
    const diff = Math.abs(a[i] - b[i]);
    // NaN never passes: the comparison is written so that NaN makes it false.
    assert.ok(diff <= k * tol[i], `${label}[${i}]: |${a[i]} − ${b[i]}| = ${diff} > ${k * tol[i]}`);
  }
}

const shapes: [number, number, number, boolean, TwoLayerScales][] = [
  [1, 1, 5, false, {}],
  [7, 3, 301, true, {}], // odd sizes: every tile remainder
  [32, 8, 1024, false, {}], // the benchmark's m, d
  [9, 5, 257, true, { input: 1 / Math.sqrt(5), output: 1 / Math.sqrt(257) }], // NTK (11.6.1)
];

for (const [m, d, n, biases, scales] of shapes) {
  const si = scales.input ?? 1, so = scales.output ?? 1;
  const name = `m=${m} d=${d} n=${n}${biases ? " biases" : ""}${scales.input ? " ntk" : ""}`;

  Deno.test(`ntkGramRelu matches the ml-matrix closed form (11.5.2) within 2γ budget: ${name}`, () => {
    const p = problem(`gram/${name}`, m, d, n, biases);
    const ref = reference(p, si, so);
    const depth = n + 2 * d + 8;
    assert.ok(ref.margin > gamma(d + 2, U64), `a pre-activation is within rounding of 0: ${ref.margin}`);
    const K = ntkGramRelu(p.X, p.U, p.b, p.v, m, d, n, scales);
    assertWithin("K", K, ref.K.to1DArray(), ref.Kabs.to1DArray(), 2 * gamma(depth, U64));
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) assert.equal(K[i * m + j], K[j * m + i]);
  });

  Deno.test(`jacobianRelu: J·Jᵀ equals ntkGramRelu within budget: ${name}`, () => {
    const p = problem(`jac/${name}`, m, d, n, biases);
    const ref = reference(p, si, so);
    assert.ok(ref.margin > gamma(d + 2, U64));
    const P = n * (d + 2) + 1;
    const J = mat(jacobianRelu(p.X, p.U, p.b, p.v, m, d, n, scales), m, P);
    const K = ntkGramRelu(p.X, p.U, p.b, p.v, m, d, n, scales);
    // J·Jᵀ sums n(d+2)+1 products of entries each ≤ d+4 roundings deep.
    assertWithin("JJᵀ", J.mmul(J.transpose()).to1DArray(), K, ref.Kabs.to1DArray(), 2 * gamma(P + 2 * d + 8, U64));
  });

  Deno.test(`gdStepRelu matches the ml-matrix step of reference_numpy.py within budget: ${name}`, () => {
    const p = problem(`gd/${name}`, m, d, n, biases);
    const h = 0.01 / n;
    const ref = referenceStep(p, h, si, so);
    assert.ok(ref.margin > gamma(d + 2, U64));
    const U = Float64Array.from(p.U), b = Float64Array.from(p.b), v = Float64Array.from(p.v);
    const out = gdStepRelu(p.X, p.y, U, b, v, p.c, m, d, n, h, scales);
    const k = 2 * gamma(n + m + 2 * d + 12, U64);
    assertWithin("U", U, ref.U, ref.UAbs, k);
    assertWithin("b", b, ref.b, ref.bAbs, k);
    assertWithin("v", v, ref.v, ref.vAbs, k);
    assertWithin("c", [out.c], [ref.c], [ref.cAbs], k);
    assertWithin("loss", [out.loss], [ref.loss], [ref.lossAbs], k);
  });
}

Deno.test("gdStepReluTs: keeping or recomputing the pre-activations gives the same bits", () => {
  for (const [m, d, n] of [[7, 3, 301], [32, 8, 1024]]) {
    const p = problem(`store/${m}`, m, d, n, true);
    const a = [p.U, p.b, p.v].map((x) => Float64Array.from(x)), r = [p.U, p.b, p.v].map((x) => Float64Array.from(x));
    const kept = gdStepReluTs(p.X, p.y, a[0], a[1], a[2], p.c, m, d, n, 0.01 / n);
    const recomputed = gdStepReluTs(p.X, p.y, r[0], r[1], r[2], p.c, m, d, n, 0.01 / n, {}, 0);
    assert.deepStrictEqual(recomputed, kept);
    assert.deepStrictEqual(r, a);
  }
});

Deno.test("the comparison budget is far below the effect of a wrong formula (so it can fail)", () => {
  const p = problem("wrong", 7, 3, 301, true);
  const ref = reference(p, 1, 1);
  const K = ntkGramRelu(p.X, p.U, p.b, p.v, 7, 3, 301);
  // Wrong closed form: (G Gᵀ) ⊙ X Xᵀ without the 1 + (i.e. the bias gradient forgotten).
  const wrong = ref.K.clone().sub(ref.G.mmul(ref.G.transpose())).to1DArray();
  assert.throws(() => assertWithin("K", K, wrong, ref.Kabs.to1DArray(), 2 * gamma(301 + 14, U64)));
  // A step with the wrong sign of e is caught too.
  const h = 0.01 / 301, U = Float64Array.from(p.U), b = Float64Array.from(p.b), v = Float64Array.from(p.v);
  gdStepRelu(p.X, p.y.map((t) => -t), U, b, v, p.c, 7, 3, 301, h);
  const rs = referenceStep(p, h, 1, 1);
  assert.throws(() => assertWithin("v", v, rs.v, rs.vAbs, 2 * gamma(301 + 7 + 18, U64)));
});

Deno.test("a NaN parameter makes every kernel's output NaN (never a silent relu(NaN) = 0)", () => {
  const p = problem("nan", 3, 2, 9, false);
  p.U[4] = NaN; // neuron 2
  const K = ntkGramRelu(p.X, p.U, p.b, p.v, 3, 2, 9);
  assert.ok(K.every(Number.isNaN));
  const J = jacobianRelu(p.X, p.U, p.b, p.v, 3, 2, 9);
  for (let i = 0; i < 3; i++) assert.ok(Number.isNaN(J[i * 37 + 9 * 3 + 2]));
  const out = gdStepRelu(p.X, p.y, p.U, p.b, p.v, p.c, 3, 2, 9, 0.01);
  assert.ok(Number.isNaN(out.loss) && Number.isNaN(out.c) && p.v.every(Number.isNaN));
});

Deno.test("kernels reject inconsistent shapes", () => {
  const z = new Float64Array(4);
  assert.throws(() => ntkGramRelu(z, z, z, z, 2, 2, 3), RangeError);
  assert.throws(() => gdStepRelu(z, z, z, z, z, 0, 2, 2, 2, 0.1), RangeError);
  assert.throws(() => jacobianRelu(z, z, z, z, 0, 2, 2), RangeError);
});

/** Φ(X) and the loss in tfjs (float32) for autodiff. */
function tfNetwork(p: Problem, si: number, so: number) {
  const X = tf.tensor2d(Float32Array.from(p.X), [p.m, p.d]), y = tf.tensor1d(Float32Array.from(p.y));
  const phi = (U: tf.Tensor, b: tf.Tensor, v: tf.Tensor, c: tf.Tensor) =>
    tf.add(tf.mul(so, tf.matMul(tf.relu(tf.add(tf.mul(si, tf.matMul(X, U, false, true)), b)), v.reshape([p.n, 1]))), c)
      .reshape([p.m]);
  return { X, y, phi };
}

Deno.test("jacobianRelu and ntkGramRelu agree with tfjs autodiff (float32, cpu backend)", () => {
  const [m, d, n] = [6, 4, 200];
  for (const scales of [{}, { input: 0.5, output: 1 / Math.sqrt(n) }]) {
    const si = scales.input ?? 1, so = scales.output ?? 1;
    const p = problem(`tf-jac/${si}`, m, d, n, true, true);
    const ref = reference(p, si, so);
    assert.ok(ref.margin > gamma(d + 2, U32), `a pre-activation is within float32 rounding of 0: ${ref.margin}`);
    const P = n * (d + 2) + 1;
    const Jtf = tf.tidy(() => {
      const { phi } = tfNetwork(p, si, so);
      const params = [
        tf.tensor2d(Float32Array.from(p.U), [n, d]),
        tf.tensor1d(Float32Array.from(p.b)),
        tf.tensor1d(Float32Array.from(p.v)),
        tf.scalar(p.c),
      ];
      const rows: number[][] = [];
      for (let i = 0; i < m; i++) {
        const grads = tf.grads((U, b, v, c) => phi(U, b, v, c).slice([i], [1]).sum())(params);
        rows.push(grads.flatMap((g) => Array.from(g.dataSync())));
      }
      return rows;
    });
    const J = jacobianRelu(p.X, p.U, p.b, p.v, m, d, n, scales);
    // Entry budget: |∂Φ/∂w| ≤ so·|v|·(1 + si·|x|) or so·|pre|, products of ≤ d + 4 roundings.
    const Jabs = new Float64Array(m * P);
    for (let i = 0; i < m; i++) {
      for (let k = 0; k < n; k++) {
        const g = Math.abs(so * p.v[k]);
        for (let j = 0; j < d; j++) Jabs[i * P + k * d + j] = g * Math.abs(si * p.X[i * d + j]);
        Jabs[i * P + n * d + k] = g;
        Jabs[i * P + n * (d + 1) + k] = Math.abs(so) * ref.preAbs.get(i, k);
      }
      Jabs[i * P + P - 1] = 1;
    }
    const k = gamma(3 * d + 12, U32) + gamma(3 * d + 12, U64);
    assertWithin("J", J, Jtf.flat(), Jabs, k);
    const Jm = new Matrix(Jtf);
    const Ktf = Jm.mmul(Jm.transpose()); // float64 product of float32 entries: J's budget dominates
    const K = ntkGramRelu(p.X, p.U, p.b, p.v, m, d, n, scales);
    assertWithin("K", K, Ktf.to1DArray(), ref.Kabs.to1DArray(), 2 * k + 2 * gamma(P + 2 * d + 8, U64));
  }
});

Deno.test("gdStepRelu agrees with a tfjs autodiff gradient step (float32, cpu backend)", () => {
  const [m, d, n] = [12, 5, 300];
  const p = problem("tf-gd", m, d, n, true, true);
  const h = 0.5 / n; // a larger step so that the update is well above float32 rounding of w
  const ref = referenceStep(p, h, 1, 1);
  assert.ok(ref.margin > gamma(d + 2, U32));
  const [gU, gb, gv, gc, loss] = tf.tidy((): number[][] => {
    const { y, phi } = tfNetwork(p, 1, 1);
    const params = [
      tf.tensor2d(Float32Array.from(p.U), [n, d]),
      tf.tensor1d(Float32Array.from(p.b)),
      tf.tensor1d(Float32Array.from(p.v)),
      tf.scalar(p.c),
    ];
    const f = (U: tf.Tensor, b: tf.Tensor, v: tf.Tensor, c: tf.Tensor) => tf.sum(tf.square(tf.sub(phi(U, b, v, c), y)));
    const { value, grads } = tf.valueAndGrads(f)(params);
    return [...grads.map((g) => Array.from(g.dataSync())), Array.from(value.dataSync())];
  });
  const U = Float64Array.from(p.U), b = Float64Array.from(p.b), v = Float64Array.from(p.v);
  const out = gdStepRelu(p.X, p.y, U, b, v, p.c, m, d, n, h);
  // The tfjs gradient carries float32 error γ·(|·|-gradient); w − h·g is then formed in float64.
  const k = gamma(n + m + 2 * d + 12, U32) + gamma(n + m + 2 * d + 12, U64);
  assertWithin("U", U, p.U.map((x, i) => x - h * gU[i]), ref.UAbs, k);
  assertWithin("b", b, p.b.map((x, i) => x - h * gb[i]), ref.bAbs, k);
  assertWithin("v", v, p.v.map((x, i) => x - h * gv[i]), ref.vAbs, k);
  assertWithin("c", [out.c], [p.c - h * gc[0]], [ref.cAbs], k);
  assertWithin("loss", [out.loss], [loss[0]], [ref.lossAbs], k);
});
