import assert from "node:assert/strict";
import { mapSerial, parallelMap, WorkerPool } from "./parallel.ts";
import type { NtkGramInput } from "./ntk_gram_task.ts";

const gramTask = new URL("./ntk_gram_task.ts", import.meta.url);
const squareTask = new URL("./parallel_example_task.ts", import.meta.url);

const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

Deno.test("parallelMap on 2 workers is byte-identical to mapSerial for a seeded sweep", async () => {
  // Widths deliberately unequal so that the workers finish out of order.
  const inputs: NtkGramInput[] = [2048, 64, 1024, 128, 512, 32].map((n, i) => ({
    seed: `sweep/${i}`,
    m: 6,
    d: 3,
    n,
  }));
  const serial = await mapSerial<NtkGramInput, Float64Array>(gramTask, inputs);
  const par = await parallelMap<NtkGramInput, Float64Array>(gramTask, inputs, { workers: 2 });
  assert.equal(par.length, serial.length);
  par.forEach((k, i) => {
    assert.ok(k instanceof Float64Array);
    assert.deepEqual(bytes(k), bytes(serial[i]), `input ${i} differs`);
  });
  // And a different seed gives different bytes (the comparison can fail).
  const other = await mapSerial<NtkGramInput, Float64Array>(gramTask, [{ ...inputs[0], seed: "other" }]);
  assert.notDeepEqual(bytes(other[0]), bytes(serial[0]));
});

Deno.test("WorkerPool: reusable, ordered, more workers than inputs, empty input", async () => {
  const pool = new WorkerPool<number, number>(squareTask, { workers: 3 });
  try {
    assert.deepEqual(await pool.map([]), []);
    assert.deepEqual(await pool.map([3, 1, 2]), [9, 1, 4]);
    const xs = Array.from({ length: 50 }, (_, i) => i - 25);
    assert.deepEqual(await pool.map(xs), xs.map((x) => x * x));
  } finally {
    pool.close();
  }
  await assert.rejects(() => pool.map([1]), /closed/);
});

Deno.test("parallelMap: a failing task rejects with its input index", async () => {
  const bad: NtkGramInput[] = [{ seed: "a", m: 2, d: 2, n: 8 }, { seed: "b", m: 2, d: 2, n: 0 }];
  await assert.rejects(() => parallelMap(gramTask, bad, { workers: 2 }), /input 1: n must be a positive integer/);
});

Deno.test("WorkerPool rejects a bad worker count", () => {
  assert.throws(() => new WorkerPool(squareTask, { workers: 0 }), RangeError);
});
