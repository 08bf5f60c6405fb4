/**
 * `deno bench -A`: the hot kernels at the sizes the claims use. Tangent kernel matrix, one full-batch
 * GD step and the Jacobian of the two-layer ReLU network (numerics/two_layer_kernels.ts) at widths
 * 2^12 and 2^16; sorted symmetric eigen-decompositions (ml-matrix, numerics/linalg.ts) of 8, 32, 128
 * and 256 square Gram matrices; a width sweep of tangent kernels (2^12..2^16) serial vs on a 2-worker pool.
 *
 * @module
 */
import { gaussianMatrix, symmetricEigen } from "../numerics/linalg.ts";
import { mapSerial, parallelMap, WorkerPool } from "../numerics/parallel.ts";
import type { NtkGramInput } from "../numerics/ntk_gram_task.ts";
import { createRng } from "../numerics/random.ts";
import { gdStepRelu, jacobianRelu, ntkGramRelu } from "../numerics/two_layer_kernels.ts";

function problem(m: number, d: number, n: number) {
  const rng = createRng(`bench/${m}/${d}/${n}`);
  const draw = (len: number, s: number) => Float64Array.from({ length: len }, () => s * rng.normal());
  return {
    X: draw(m * d, 1),
    y: draw(m, 1),
    U: draw(n * d, 1 / Math.sqrt(d)),
    b: new Float64Array(n),
    v: draw(n, 1 / Math.sqrt(n)),
  };
}

const m = 32, d = 8;
for (const n of [4096, 65536]) {
  const p = problem(m, d, n);
  Deno.bench(`ntk_gram m=${m} d=${d} n=${n}`, { group: `two-layer n=${n}`, baseline: true }, () => {
    ntkGramRelu(p.X, p.U, p.b, p.v, m, d, n);
  });
  let c = 0;
  Deno.bench(`gd_step m=${m} d=${d} n=${n}`, { group: `two-layer n=${n}` }, () => {
    c = gdStepRelu(p.X, p.y, p.U, p.b, p.v, c, m, d, n, 0.01 / n).c;
  });
}
{
  // m × n(d+2)+1 doubles: 10.5 MB at n = 4096.
  const n = 4096, p = problem(m, d, n);
  Deno.bench(`jacobian m=${m} d=${d} n=${n}`, { group: "two-layer n=4096" }, () => {
    jacobianRelu(p.X, p.U, p.b, p.v, m, d, n);
  });
}

for (const size of [8, 32, 128, 256]) {
  const g = gaussianMatrix(createRng(`eig/${size}`), size, size);
  const a = g.mmul(g.transpose());
  Deno.bench(`symmetricEigen ${size}×${size}`, { group: "eigen" }, () => {
    symmetricEigen(a);
  });
}

// A sweep as the limit/rate claims run it: widths 2^12..2^16 × 4 seeds, m = 16, d = 8 (draws included).
const task = new URL("../numerics/ntk_gram_task.ts", import.meta.url);
const sweep: NtkGramInput[] = [];
for (let e = 12; e <= 16; e++) {
  for (let s = 0; s < 4; s++) sweep.push({ seed: `sweep/${e}/${s}`, m: 16, d: 8, n: 2 ** e });
}
Deno.bench("sweep serial", { group: "sweep", baseline: true, n: 3, warmup: 1 }, async () => {
  await mapSerial(task, sweep);
});
Deno.bench("sweep 2 workers (incl. start-up)", { group: "sweep", n: 3, warmup: 1 }, async () => {
  await parallelMap(task, sweep, { workers: 2 });
});
const pool = new WorkerPool<NtkGramInput, Float64Array>(task, { workers: 2 });
Deno.bench("sweep 2 workers (pool started)", { group: "sweep", n: 3, warmup: 1 }, async () => {
  await pool.map(sweep);
});
globalThis.addEventListener("unload", () => pool.close());
