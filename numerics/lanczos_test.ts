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
