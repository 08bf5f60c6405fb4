import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { drawLazyTeacherStudent, halfMeanSquare, studentOutputs, teacherOutputs } from "./lazy_teacher_student.ts";
import { tangentKernelTop, trainLazy } from "./lazy_teacher_student.ts";
import { Matrix, symmetricEigen } from "../numerics/linalg.ts";

Deno.test("lazy teacher–student: one GD step is w − η·m∇F_α, ∇F_α by central differences of R(αh)/α²", () => {
  const t = drawLazyTeacherStudent(createRng(7), 3, 5, 3, 4);
  // Move off w₀ so that h ≠ 0 and every parameter has a gradient.
  t.w0.forEach((v, q) => (t.w0[q] = v + 0.1 * Math.sin(q + 1)));
  const alpha = 3, eta = 0.2, m = t.m;
  const F = (w: Float64Array) => halfMeanSquare(studentOutputs(w, m, t.d, t.x, alpha), t.y) / alpha ** 2;
  const stepped = trainLazy(t, alpha, eta, 0, 1).w;
  for (let q = 0; q < t.w0.length; q++) {
    const hStep = 1e-6, up = Float64Array.from(t.w0), down = Float64Array.from(t.w0);
    up[q] += hStep;
    down[q] -= hStep;
    const grad = (F(up) - F(down)) / (2 * hStep);
    const expected = t.w0[q] - eta * m * grad;
    assert.ok(Math.abs(stepped[q] - expected) < 1e-7, `parameter ${q}: ${stepped[q]} vs ${expected}`);
  }
});

Deno.test("lazy teacher–student: inputs and teacher directions are unit vectors; f* = Σ relu(θₖ·x)", () => {
  const t = drawLazyTeacherStudent(createRng(3), 4, 6, 2, 5);
  for (const arr of [t.teacher, t.x, t.xTest]) {
    for (let i = 0; i < arr.length / 4; i++) {
      const r = Math.hypot(...arr.subarray(4 * i, 4 * i + 4));
      assert.ok(Math.abs(r - 1) < 1e-15);
    }
  }
  // At x = θ₁ the first neuron gives 1, the others relu(θₖ·θ₁).
  const x = t.teacher.subarray(0, 4), f = teacherOutputs(t.teacher, 4, x)[0];
  let e = 1;
  for (let k = 1; k < 3; k++) {
    e += Math.max(
      0,
      t.teacher.subarray(4 * k, 4 * k + 4).reduce((s, v, q) => s + v * x[q], 0),
    );
  }
  assert.ok(Math.abs(f - e) < 1e-15);
  assert.deepEqual(Array.from(t.y), Array.from(teacherOutputs(t.teacher, 4, t.x)));
});

Deno.test("lazy teacher–student: the movement of a run scales like 1/α in the lazy regime", () => {
  const t = drawLazyTeacherStudent(createRng(5), 3, 8, 6, 1);
  const r0 = halfMeanSquare(new Float64Array(8), t.y);
  const [a, b] = [32, 128].map((alpha) => trainLazy(t, alpha, 1, 1e-3 * r0, 50_000));
  assert.ok(a.reached && b.reached);
  // Theory: ‖w − w₀‖ ≈ c/α for large α, so the ratio of the movements is ≈ 4.
  assert.ok(Math.abs(a.movement / b.movement - 4) < 0.4, `${a.movement / b.movement}`);
});

Deno.test("lazy teacher–student: the antisymmetric w₀ (copies (a, −b)), a ~ N(0, I/d), b ~ N(0, 1), y = f*(x)", () => {
  const d = 4, half = 400, t = drawLazyTeacherStudent(createRng("lts-draw"), d, 5, half, 3);
  assert.deepEqual([t.m, t.w0.length, t.x.length, t.xTest.length, t.teacher.length], [800, 4000, 20, 12, 12]);
  const as: number[] = [], bs: number[] = [];
  for (let j = 0; j < half; j++) {
    for (let q = 0; q < d; q++) {
      assert.equal(t.w0[(j + half) * d + q], t.w0[j * d + q]);
      as.push(t.w0[j * d + q]);
    }
    assert.equal(t.w0[d * t.m + j + half], -t.w0[d * t.m + j]);
    bs.push(t.w0[d * t.m + j]);
  }
  // Sample variances of 1600 and 400 draws: within 4 standard errors (√(2/N)·σ²) of 1/d and 1.
  const variance = (v: number[]) => v.reduce((s, c) => s + c * c, 0) / v.length;
  assert.ok(Math.abs(variance(as) - 1 / d) < 4 * Math.sqrt(2 / as.length) / d, `${variance(as)}`);
  assert.ok(Math.abs(variance(bs) - 1) < 4 * Math.sqrt(2 / bs.length), `${variance(bs)}`);
  assert.ok(studentOutputs(t.w0, t.m, d, t.x, 1).every((v) => Math.abs(v) < 1e-14));
  assert.deepEqual(t.y, teacherOutputs(t.teacher, d, t.x));
  assert.deepEqual(t.yTest, teacherOutputs(t.teacher, d, t.xTest));
  assert.equal(halfMeanSquare([1, 2, 3], [1, 0, 0]), (4 + 9) / 6);
});

Deno.test("trainLazy: k steps of w ← w − η·m∇F_α (central differences), its loss, movement, stop and rise flags", () => {
  const t = drawLazyTeacherStudent(createRng("lts-train"), 2, 6, 3, 1), alpha = 2, eta = 0.3;
  const F = (w: Float64Array) => halfMeanSquare(studentOutputs(w, t.m, t.d, t.x, alpha), t.y) / alpha ** 2;
  let w = Float64Array.from(t.w0);
  const losses: number[] = [];
  for (let k = 0; k <= 5; k++) {
    const run = trainLazy(t, alpha, eta, 0, k);
    assert.equal(run.steps, k);
    w.forEach((v, q) => assert.ok(Math.abs(run.w[q] - v) < 1e-7, `step ${k}, [${q}]: ${run.w[q]} vs ${v}`));
    const loss = halfMeanSquare(studentOutputs(run.w, t.m, t.d, t.x, alpha), t.y);
    assert.ok(Math.abs(run.trainLoss - loss) < 1e-14 && run.reached === false);
    let dw = 0, n0 = 0;
    run.w.forEach((v, q) => ((dw += (v - t.w0[q]) ** 2), (n0 += t.w0[q] ** 2)));
    assert.ok(Math.abs(run.movement - Math.sqrt(dw / n0)) < 1e-14);
    losses.push(loss);
    // The next iterate by central differences of F_α (away from the kinks).
    const g = w.map((_, q) => {
      const p = Float64Array.from(w), m = Float64Array.from(w), h = 1e-7;
      p[q] += h;
      m[q] -= h;
      return (F(p) - F(m)) / (2 * h);
    });
    w = w.map((v, q) => v - eta * t.m * g[q]);
  }
  const rose = losses.some((l, k) => k > 0 && l > losses[k - 1]);
  assert.equal(trainLazy(t, alpha, eta, 0, 5).rose, rose);
  // A target met at once: zero steps, reached; a huge step size makes the loss rise.
  const first = trainLazy(t, alpha, eta, losses[0], 100);
  assert.deepEqual([first.steps, first.reached], [0, true]);
  const stop = trainLazy(t, alpha, eta, losses[3], 100);
  assert.ok(stop.steps <= 3 && stop.reached && stop.trainLoss <= losses[3]);
  assert.equal(trainLazy(t, alpha, 50, 0, 6).rose, true);
});

Deno.test("tangentKernelTop: λ_max of (m/n)·Dh(w₀)Dh(w₀)ᵀ with Dh from central differences of h", () => {
  const t = drawLazyTeacherStudent(createRng("lts-ntk"), 3, 5, 4, 1), p = t.w0.length;
  const jac = Array.from({ length: 5 }, () => new Float64Array(p));
  for (let q = 0; q < p; q++) {
    const a = Float64Array.from(t.w0), b = Float64Array.from(t.w0), h = 1e-7;
    a[q] += h;
    b[q] -= h;
    const fa = studentOutputs(a, t.m, t.d, t.x, 1), fb = studentOutputs(b, t.m, t.d, t.x, 1);
    for (let i = 0; i < 5; i++) jac[i][q] = (fa[i] - fb[i]) / (2 * h);
  }
  const k = new Matrix(5, 5);
  for (let i = 0; i < 5; i++) {
    for (let l = 0; l < 5; l++) k.set(i, l, (t.m / 5) * jac[i].reduce((s, v, q) => s + v * jac[l][q], 0));
  }
  const want = symmetricEigen(k).values[0], got = tangentKernelTop(t);
  assert.ok(Math.abs(got - want) < 1e-6 * want, `${got} vs ${want}`);
});
