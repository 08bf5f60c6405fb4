/**
 * The lazy-versus-active teacher–student task of Chizat's slides (`003_…`, "Training paths (ReLU, d = 2, optimal
 * predictor has m = 3 neurons)", "Performance"; Chizat–Oyallon–Bach's two-layer experiment): inputs uniform on the
 * unit sphere S^{d−1}, a 3-neuron ReLU teacher f*(x) = Σₖ relu(θₖ·x) with uniform unit directions θₖ, a student
 * h(w)(x) = (1/m)Σⱼ bⱼ relu(aⱼ·x) with the antisymmetric initialisation (pairs (a, b), (a, −b), so h(w₀) = 0), and
 * the scaled objective F_α(w) = R(αh(w))/α², R(y) = (1/2n)Σᵢ(yᵢ − f*(xᵢ))², trained by gradient descent
 * w ← w − η·m∇F_α(w) (the mean-field time scale: each neuron moves O(1) per unit time at α = 1).
 *
 * Parameters w = (a₁, …, a_m, b₁, …, b_m): a row-major m×d, then b. Inputs row-major, d per point.
 *
 * @module
 */
import { Matrix, symmetricEigen } from "../numerics/linalg.ts";
import type { Rng } from "../numerics/random.ts";
import { antisymmetricInit } from "./scaled_two_layer.ts";

/** Teacher neurons (the slide's "optimal predictor has m = 3 neurons"). */
export const LAZY_TS_TEACHER = 3;

/** A teacher–student draw: teacher directions, training and test inputs with their targets, and the student's w₀. */
export interface LazyTeacherStudent {
  /** Input dimension d. */
  d: number;
  /** Teacher directions θₖ ∈ S^{d−1}, row-major 3×d. */
  teacher: Float64Array;
  /** Training inputs, row-major n×d. */
  x: Float64Array;
  /** Training targets f*(xᵢ). */
  y: Float64Array;
  /** Test inputs (an independent sample of the same law), row-major. */
  xTest: Float64Array;
  /** Test targets. */
  yTest: Float64Array;
  /** Student width m (even). */
  m: number;
  /** w₀. */
  w0: Float64Array;
}

/** A uniform point of S^{d−1} (a normalised Gaussian vector). */
function onSphere(rng: Rng, d: number): Float64Array {
  const v = Float64Array.from({ length: d }, () => rng.normal());
  let s = 0;
  for (const c of v) s += c * c;
  const r = Math.sqrt(s);
  return v.map((c) => c / r);
}

/**
 * f*(x) = Σₖ relu(θₖ·x) at the inputs x (row-major, d per point).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { teacherOutputs } from "./lazy_teacher_student.ts";
 * // Directions e₁, e₂, −e₁ at x = e₁: relu(1) + relu(0) + relu(−1) = 1.
 * assert.equal(teacherOutputs(Float64Array.of(1, 0, 0, 1, -1, 0), 2, Float64Array.of(1, 0))[0], 1);
 * ```
 */
export function teacherOutputs(teacher: Float64Array, d: number, x: ArrayLike<number>): Float64Array {
  const n = x.length / d, out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < teacher.length / d; k++) {
      let z = 0;
      for (let q = 0; q < d; q++) z += teacher[k * d + q] * x[i * d + q];
      if (z > 0) s += z;
    }
    out[i] = s;
  }
  return out;
}

/**
 * Draws a task in dimension d: 3 teacher directions, n training and `nTest` test inputs, all uniform on S^{d−1};
 * a student of width m = 2·half with aⱼ ~ N(0, I_d/d), bⱼ ~ N(0, 1) for the first half and the copies (aⱼ, −bⱼ)
 * for the second (h(w₀) = 0 exactly; computed, each pair's two terms are exact negatives, so only the rounding of
 * the cancelling sum is left).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drawLazyTeacherStudent, studentOutputs } from "./lazy_teacher_student.ts";
 * import { createRng } from "../numerics/random.ts";
 * const t = drawLazyTeacherStudent(createRng(1), 3, 8, 4, 10);
 * assert.equal(t.w0.length, 8 * 4);
 * // h(w₀) = 0 up to the rounding of a cancelling sum of m terms.
 * assert.ok(studentOutputs(t.w0, t.m, 3, t.x, 1).every((v) => Math.abs(v) < 1e-15));
 * ```
 */
export function drawLazyTeacherStudent(
  rng: Rng,
  d: number,
  n: number,
  half: number,
  nTest: number,
): LazyTeacherStudent {
  const teacher = new Float64Array(LAZY_TS_TEACHER * d);
  for (let k = 0; k < LAZY_TS_TEACHER; k++) teacher.set(onSphere(rng, d), k * d);
  const points = (count: number) => {
    const x = new Float64Array(count * d);
    for (let i = 0; i < count; i++) x.set(onSphere(rng, d), i * d);
    return x;
  };
  const x = points(n), xTest = points(nTest);
  const m = 2 * half, w0 = antisymmetricInit(rng, d, m);
  return {
    d,
    teacher,
    x,
    y: teacherOutputs(teacher, d, x),
    xTest,
    yTest: teacherOutputs(teacher, d, xTest),
    m,
    w0,
  };
}

/**
 * αh(w) at the inputs x (row-major, d per point): α·(1/m)Σⱼ bⱼ relu(aⱼ·x).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { studentOutputs } from "./lazy_teacher_student.ts";
 * // m = 1, a = (1, 0), b = 2, α = 3 at x = (0.5, 0): 3·2·0.5 = 3.
 * assert.equal(studentOutputs(Float64Array.of(1, 0, 2), 1, 2, Float64Array.of(0.5, 0), 3)[0], 3);
 * ```
 */
export function studentOutputs(
  w: ArrayLike<number>,
  m: number,
  d: number,
  x: ArrayLike<number>,
  alpha: number,
): Float64Array {
  const n = x.length / d, out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) {
      let z = 0;
      for (let q = 0; q < d; q++) z += w[j * d + q] * x[i * d + q];
      if (z > 0) s += w[d * m + j] * z;
    }
    out[i] = (alpha * s) / m;
  }
  return out;
}

/** ½·mean of (f − y)². */
export function halfMeanSquare(f: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (f[i] - y[i]) ** 2;
  return s / (2 * y.length);
}

/** The outcome of a gradient-descent run on F_α. */
export interface LazyRun {
  /** α. */
  alpha: number;
  /** Final parameters. */
  w: Float64Array;
  /** Steps taken. */
  steps: number;
  /** Training loss R(αh(w)) where the run stopped. */
  trainLoss: number;
  /** Whether it reached the target training loss. */
  reached: boolean;
  /** Whether the loss ever rose from one step to the next. */
  rose: boolean;
  /** ‖w − w₀‖/‖w₀‖ where the run stopped. */
  movement: number;
}

/**
 * Gradient descent w ← w − η·m∇F_α(w) on F_α(w) = R(αh(w))/α² from w₀ until R(αh(w)) ≤ `target` or `maxSteps`
 * steps. m∇F_α(w) = (m/α)Dh(w)ᵀ∇R(αh(w)): for neuron j, ∂/∂bⱼ = (1/α)(1/n)Σᵢ rᵢ relu(aⱼ·xᵢ) and
 * ∂/∂aⱼ = (1/α)(1/n)Σᵢ rᵢ bⱼ 1{aⱼ·xᵢ > 0} xᵢ, rᵢ = αh(w)(xᵢ) − yᵢ (relu′(0) = 0).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drawLazyTeacherStudent, trainLazy } from "./lazy_teacher_student.ts";
 * import { createRng } from "../numerics/random.ts";
 * const t = drawLazyTeacherStudent(createRng(2), 2, 6, 8, 1);
 * const run = trainLazy(t, 4, 0.5, 1e-3, 20_000);
 * assert.ok(run.reached && run.trainLoss <= 1e-3 && !run.rose);
 * ```
 */
export function trainLazy(
  task: LazyTeacherStudent,
  alpha: number,
  eta: number,
  target: number,
  maxSteps: number,
): LazyRun {
  const { m, d, x, y, w0 } = task, n = y.length;
  const w = Float64Array.from(w0), r = new Float64Array(n), z = new Float64Array(n * m), ga = new Float64Array(d);
  let steps = 0, loss = Infinity, rose = false;
  for (;; steps++) {
    let l = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) {
        let v = 0;
        for (let q = 0; q < d; q++) v += w[j * d + q] * x[i * d + q];
        z[i * m + j] = v;
        if (v > 0) s += w[d * m + j] * v;
      }
      r[i] = (alpha * s) / m - y[i];
      l += r[i] * r[i];
    }
    l /= 2 * n;
    if (l > loss) rose = true;
    loss = l;
    if (!Number.isFinite(loss) || loss <= target || steps >= maxSteps) break;
    const g = eta / (alpha * n);
    for (let j = 0; j < m; j++) {
      let gb = 0;
      ga.fill(0);
      const b = w[d * m + j];
      for (let i = 0; i < n; i++) {
        const v = z[i * m + j];
        if (v > 0) {
          gb += r[i] * v;
          for (let q = 0; q < d; q++) ga[q] += r[i] * b * x[i * d + q];
        }
      }
      for (let q = 0; q < d; q++) w[j * d + q] -= g * ga[q];
      w[d * m + j] -= g * gb;
    }
  }
  let dw = 0, n0 = 0;
  for (let q = 0; q < w.length; q++) {
    dw += (w[q] - w0[q]) ** 2;
    n0 += w0[q] ** 2;
  }
  return { alpha, w, steps, trainLoss: loss, reached: loss <= target, rose, movement: Math.sqrt(dw / n0) };
}

/**
 * λ_max of the tangent kernel of m·F_α's linear part at w₀, K₀ = (m/n)·Dh(w₀)Dh(w₀)ᵀ: the Hessian of m·F_α at w₀ is
 * (m/n)Dhᵀ Dh plus a curvature term of order 1/α, so for large α gradient descent with step η is stable when
 * η < 2/λ_max(K₀).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tangentKernelTop } from "./lazy_teacher_student.ts";
 * // One point x = e₁, one neuron a = (2, 0), b = 3 (m = 1, n = 1): Dh = (b·x, relu(a·x)) = (3, 0, 2), ‖Dh‖² = 13.
 * const task = { d: 2, teacher: new Float64Array(6), x: Float64Array.of(1, 0), y: Float64Array.of(0), xTest: new Float64Array(0), yTest: new Float64Array(0), m: 1, w0: Float64Array.of(2, 0, 3) };
 * assert.ok(Math.abs(tangentKernelTop(task) - 13) < 1e-12);
 * ```
 */
export function tangentKernelTop(task: LazyTeacherStudent): number {
  const { m, d, x, w0 } = task, n = task.y.length, p = (d + 1) * m;
  const rows = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(p);
    for (let j = 0; j < m; j++) {
      let z = 0;
      for (let q = 0; q < d; q++) z += w0[j * d + q] * x[i * d + q];
      if (z > 0) {
        row[d * m + j] = z / m;
        for (let q = 0; q < d; q++) row[j * d + q] = (w0[d * m + j] * x[i * d + q]) / m;
      }
    }
    return row;
  });
  const k = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let l = i; l < n; l++) {
      let v = 0;
      for (let q = 0; q < p; q++) v += rows[i][q] * rows[l][q];
      k.set(i, l, (v * m) / n);
      k.set(l, i, (v * m) / n);
    }
  }
  return symmetricEigen(k).values[0];
}
