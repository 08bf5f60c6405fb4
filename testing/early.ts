/**
 * Work a test starts when its module is imported and awaits when the test runs: instances queued on the suite's pool
 * (testing/pool.ts) or subprocesses, which then run beside the tests before it instead of after them.
 *
 * @module
 */
import { WorkerPool } from "../numerics/parallel.ts";
import type { CallInput } from "./call_task.ts";
/** Work started when a test module is imported; `await` it in the test through {@link settled}. */
export type Started<T> = Promise<{ value: T; error: null } | { value: null; error: unknown }>;

/**
 * Starts `work` now (so its instances queue on the shared pool, or its subprocesses run, while this thread runs other tests) and keeps its
 * error for {@link settled} instead of rejecting, so a failure is not unhandled before its test awaits it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { settled, startEarly } from "./early.ts";
 * assert.equal(await settled(startEarly(() => Promise.resolve(2))), 2);
 * await assert.rejects(settled(startEarly(() => Promise.reject(new Error("x")))), /x/);
 * ```
 */
export function startEarly<T>(work: () => Promise<T>): Started<T> {
  return work().then((value) => ({ value, error: null }), (error) => ({ value: null, error }));
}

/** The value of work started by {@link startEarly}; rejects with its error if it failed. */
export async function settled<T>(started: Started<T>): Promise<T> {
  const { value, error } = await started;
  if (error !== null) throw error;
  return value as T;
}

/** One worker for `startInWorker`, started on first use and closed when the process unloads. */
let callPool: WorkerPool<CallInput, unknown> | undefined;
globalThis.addEventListener("unload", () => callPool?.close());

/**
 * `startEarly` of the export `name` of `module` on `arg`, run in a worker of its own: file and subprocess operations
 * there are not this thread's, so they may still be running while other tests start and end (Deno's sanitizers
 * would fail those tests if the operations were started here).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { settled, startInWorker } from "./early.ts";
 * const module = new URL("../numerics/parallel_example_task.ts", import.meta.url);
 * assert.equal(await settled(startInWorker<number>(module, "default", 4)), 16);
 * ```
 */
export function startInWorker<T>(module: URL | string, name: string, arg: unknown): Started<T> {
  callPool ??= new WorkerPool<CallInput, unknown>(new URL("./call_task.ts", import.meta.url), { workers: 1 });
  const pool = callPool;
  return startEarly(async () => (await pool.map([{ module: new URL(module).href, name, arg }]))[0] as T);
}
