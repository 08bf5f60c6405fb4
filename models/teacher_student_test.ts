import assert from "node:assert/strict";
import {
  STUDENT_INIT_SCALE,
  TEACHER_INPUT_DIM,
  TEACHER_WIDTH,
  teacherParticles,
  teacherStudentData,
} from "./teacher_student.ts";
import { MeanFieldNetwork } from "./mean_field.ts";
import { relu } from "./activation.ts";

Deno.test("the 5-neuron teacher fits its own data exactly and a zero network does not", () => {
  const data = teacherStudentData();
  const zero = new MeanFieldNetwork(1, 2, relu).loss(new Float64Array(4), data);
  assert.ok(zero > 1, `F(0) = ${zero}`);
});

Deno.test("teacher–student: the teacher's particles and the 6×6 grid's targets by hand", () => {
  const w = teacherParticles();
  assert.equal(w.length, TEACHER_WIDTH * (TEACHER_INPUT_DIM + 2));
  for (let k = 0; k < 5; k++) {
    const th = (2 * Math.PI * k) / 5 + 0.3;
    assert.deepEqual(Array.from(w.subarray(4 * k, 4 * k + 4)), [
      2 * Math.cos(th),
      2 * Math.sin(th),
      k % 2 ? 0.3 : -0.3,
      3,
    ]);
  }
  const data = teacherStudentData();
  assert.deepEqual([data.d, data.n, data.x.length, data.y.length], [2, 36, 72, 36]);
  // Grid coordinates −1.5, −0.9, …, 1.5 in both axes, the second fastest.
  assert.deepEqual(Array.from(data.x.subarray(0, 4)), [-1.5, -1.5, -1.5, -0.9]);
  assert.deepEqual(Array.from(data.x.subarray(70)), [1.5, 1.5]);
  // f*(x) = (1/5)Σₖ 3·relu(aₖ·x + bₖ), directly.
  for (const i of [0, 7, 20, 35]) {
    const x0 = data.x[2 * i], x1 = data.x[2 * i + 1];
    let f = 0;
    for (let k = 0; k < 5; k++) f += 3 * Math.max(0, w[4 * k] * x0 + w[4 * k + 1] * x1 + w[4 * k + 2]);
    assert.ok(Math.abs(data.y[i] - f / 5) < 1e-14, `${i}: ${data.y[i]} vs ${f / 5}`);
  }
  assert.equal(new MeanFieldNetwork(5, 2, relu).loss(w, data), 0);
  assert.equal(STUDENT_INIT_SCALE, 0.5);
});
