import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { drawLazyTeacherStudent, halfMeanSquare, studentOutputs, teacherOutputs } from "./lazy_teacher_student.ts";
import { trainLazy } from "./lazy_teacher_student.ts";

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
