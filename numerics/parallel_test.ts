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

Deno.test("WorkerPool: concurrent maps share the workers, each in order; a failing map leaves the others", async () => {
  const pool = new WorkerPool<NtkGramInput, Float64Array>(gramTask, { workers: 2 });
  try {
    const job = (tag: string, widths: number[]) => widths.map((n, i) => ({ seed: `${tag}/${i}`, m: 3, d: 2, n }));
    const a = job("a", [512, 16, 256, 32]), b = job("b", [8, 1024, 64]);
    const bad = [...job("c", [64]), { seed: "c/1", m: 2, d: 2, n: 0 }, ...job("c", [128, 128, 128])];
    const [ra, rb, rc] = await Promise.allSettled([pool.map(a), pool.map(b), pool.map(bad)]);
    assert.equal(rc.status, "rejected");
    assert.match(String((rc as PromiseRejectedResult).reason), /input 1: n must be a positive integer/);
    for (const [r, inputs] of [[ra, a], [rb, b]] as const) {
      assert.equal(r.status, "fulfilled");
      const serial = await mapSerial<NtkGramInput, Float64Array>(gramTask, inputs);
      (r as PromiseFulfilledResult<Float64Array[]>).value.forEach((k, i) =>
        assert.deepEqual(bytes(k), bytes(serial[i]))
      );
    }
    // The pool is still usable after a failed map.
    assert.equal((await pool.map(job("d", [4]))).length, 1);
  } finally {
    pool.close();
  }
});

Deno.test("WorkerPool: a worker holding several inputs (depth) runs them in turn, in order; a bad depth is refused", async () => {
  const inTurnTask = new URL("./parallel_in_turn_task.ts", import.meta.url);
  const pool = new WorkerPool<number, number>(inTurnTask, { workers: 1, depth: 3 });
  try {
    assert.deepEqual(await pool.map([20, 1, 5, 2, 9]), [20, 1, 5, 2, 9]);
  } finally {
    pool.close();
  }
  assert.throws(() => new WorkerPool(squareTask, { workers: 1, depth: 0 }), /depth must be a positive integer/);
});

Deno.test("WorkerPool: inputs with the affinity key of an earlier input go to its worker, even past the depth", async () => {
  const memoryTask = new URL("./parallel_memory_task.ts", import.meta.url);
  const pool = new WorkerPool<{ key: string; ms: number }, boolean>(memoryTask, { workers: 2, depth: 1 });
  const keys = ["a", "b", "c", "d", "e", "f"];
  const byKey = (input: { key: string }) => input.key;
  try {
    // Each worker takes about half: the first run finds no key seen before.
    assert.deepEqual(await pool.map(keys.map((key) => ({ key, ms: 5 })), undefined, byKey), keys.map(() => false));
    // Again in another order, and all at once: every input goes to the worker that ran its key.
    const again = keys.toReversed().map((key, i) => ({ key, ms: i === 0 ? 40 : 1 }));
    assert.deepEqual(await pool.map(again, undefined, byKey), keys.map(() => true));
  } finally {
    pool.close();
  }
});
