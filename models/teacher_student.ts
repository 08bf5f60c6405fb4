/**
 * The teacher–student problem of Chizat's slides (`003_…`, "Numerical Illustrations": ReLU, d = 2,
 * the optimal predictor has 5 neurons): a 5-neuron ReLU teacher in the mean-field scaling labels a
 * 6×6 grid of [−1.5, 1.5]², and students start from μ₀ = N(0, 0.5²I₄).
 *
 * @module
 */
import { type Dataset, MeanFieldNetwork } from "./mean_field.ts";

/** Teacher neurons. */
export const TEACHER_WIDTH = 5;
/** Input dimension d (particles live in ℝ^{d+2}). */
export const TEACHER_INPUT_DIM = 2;
/** Standard deviation of the Gaussian initialisation μ₀ of every student particle coordinate (full support). */
export const STUDENT_INIT_SCALE = 0.5;

/**
 * The teacher's particles: aₖ = 2(cos θₖ, sin θₖ), θₖ = 2πk/5 + 0.3, bₖ = ±0.3, cₖ = 3.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { teacherParticles } from "./teacher_student.ts";
 * const w = teacherParticles();
 * assert.equal(w.length, 20);
 * assert.deepEqual([w[2], w[3], w[6]], [-0.3, 3, 0.3]); // b₀ = −0.3, c₀ = 3, b₁ = 0.3
 * ```
 */
export function teacherParticles(): Float64Array {
  const d = TEACHER_INPUT_DIM, w = new Float64Array(TEACHER_WIDTH * (d + 2));
  for (let k = 0; k < TEACHER_WIDTH; k++) {
    const th = (2 * Math.PI * k) / TEACHER_WIDTH + 0.3;
    w.set([2 * Math.cos(th), 2 * Math.sin(th), k % 2 ? 0.3 : -0.3, 3], k * (d + 2));
  }
  return w;
}

/**
 * The teacher–student data set: inputs on a 6×6 grid of [−1.5, 1.5]², targets from a 5-neuron ReLU
 * teacher f*(x) = (1/5)Σₖ cₖ relu(aₖ·x + bₖ) with aₖ = 2(cos θₖ, sin θₖ), θₖ = 2πk/5 + 0.3,
 * bₖ = ±0.3, cₖ = 3. F is the empirical risk on this grid.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MeanFieldNetwork } from "./mean_field.ts";
 * import { TEACHER_WIDTH, teacherParticles, teacherStudentData } from "./teacher_student.ts";
 * const data = teacherStudentData();
 * assert.equal(data.n, 36);
 * assert.equal(new MeanFieldNetwork(TEACHER_WIDTH, 2).loss(teacherParticles(), data), 0); // inf F = 0
 * ```
 */
export function teacherStudentData(): Dataset {
  const g = 6, xs: number[] = [], d = TEACHER_INPUT_DIM;
  for (let i = 0; i < g; i++) for (let j = 0; j < g; j++) xs.push(-1.5 + (3 * i) / (g - 1), -1.5 + (3 * j) / (g - 1));
  const n = g * g, x = Float64Array.from(xs);
  const y = new MeanFieldNetwork(TEACHER_WIDTH, d).outputs(teacherParticles(), { d, n, x, y: new Float64Array(n) });
  return { d, n, x, y };
}
