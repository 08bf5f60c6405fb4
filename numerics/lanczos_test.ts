import assert from "node:assert/strict";
import { lanczosTop } from "./lanczos.ts";
import { gaussianMatrix, symmetricEigen } from "./linalg.ts";
import { createRng } from "./random.ts";

Deno.test("Lanczos recovers the top eigenvalue of random symmetric matrices", () => {
  const rng = createRng("lanczos");
  for (let rep = 0; rep < 5; rep++) {
    const g = gaussianMatrix(rng, 30, 30), a = g.add(g.transpose());
    const exact = symmetricEigen(a).values[0];
    const top = lanczosTop(
      (v, out) => {
        for (let i = 0; i < 30; i++) {
          let s = 0;
          for (let j = 0; j < 30; j++) s += a.get(i, j) * v[j];
          out[i] = s;
        }
      },
      Float64Array.from({ length: 30 }, () => rng.normal()),
      30,
    );
    assert.ok(Math.abs(top.value - exact) < 1e-9 * Math.abs(exact), `${top.value} vs ${exact}`);
    assert.ok(top.residual < 1e-8 * Math.abs(exact));
  }
});

const diagonal = (d: number[]) => (v: Float64Array, out: Float64Array) => v.forEach((x, i) => (out[i] = d[i] * x));

Deno.test("Lanczos: an invariant Krylov space stops early with the exact value; fewer steps give a Ritz value below λ_max", () => {
  // Start (1, 1, 0, 0) spans an invariant subspace of diag(2, 7, 3, 9): two steps, top Ritz value 7, residual 0.
  const d = [2, 7, 3, 9];
  const inv = lanczosTop(diagonal(d), Float64Array.of(1, 1, 0, 0), 4);
  assert.equal(inv.steps, 2);
  assert.ok(Math.abs(inv.value - 7) < 1e-14 && inv.residual < 1e-13, `${inv.value}, ${inv.residual}`);
  assert.ok(Math.abs(Math.abs(inv.vector[1]) - 1) < 1e-14 && Math.abs(inv.vector[0]) < 1e-14);
  // One step: the Rayleigh quotient of the start, vᵀAv/vᵀv = (2 + 7 + 3 + 9)/4, with residual ‖Av − λv‖.
  const one = lanczosTop(diagonal(d), Float64Array.of(1, 1, 1, 1), 1);
  const rq = 21 / 4, res = Math.sqrt(d.reduce((s, x) => s + ((x - rq) * 0.5) ** 2, 0));
  assert.equal(one.steps, 1);
  assert.ok(Math.abs(one.value - rq) < 1e-14 && Math.abs(one.residual - res) < 1e-14);
  // Two and four steps: increasing Ritz values up to λ_max = 9, each within its residual of an eigenvalue.
  const two = lanczosTop(diagonal(d), Float64Array.of(1, 1, 1, 1), 2),
    four = lanczosTop(diagonal(d), Float64Array.of(1, 1, 1, 1), 9);
  assert.ok(one.value < two.value && two.value < 9 && Math.abs(four.value - 9) < 1e-13 && four.steps === 4);
  for (const r of [one, two, four]) {
    assert.ok(d.some((x) => Math.abs(x - r.value) <= r.residual + 1e-14), `${r.value} ± ${r.residual}`);
    assert.ok(Math.abs(Math.hypot(...r.vector) - 1) < 1e-14);
  }
  assert.throws(() => lanczosTop(diagonal(d), new Float64Array(4), 2), RangeError);
});
