/**
 * A small pool of module Web Workers mapping a pure task over inputs on all cores. A task is a module
 * whose default export is a function of one structured-cloneable input (e.g. `{ seed, width }`)
 * returning a structured-cloneable output. Outputs come back in input order, and since each task
 * computes from its own input only (its randomness seeded by the input), the result is byte for byte
 * that of `mapSerial` on the same inputs, whatever the number of workers and the scheduling.
 * Knows nothing of theorems.
 *
 * @module
 */

/** The default export of a task module. */
export type Task<I, O> = (input: I) => O | Promise<O>;

/** Options of a pool. */
export interface PoolOptions {
  /** Number of workers (default: `navigator.hardwareConcurrency`, at least 1). */
  workers?: number;
  /**
   * Inputs a worker may hold at once (default 2): the one it runs and the next, so that it starts the next as soon as
   * it finishes, even while this thread is busy (a long synchronous test would otherwise leave it idle).
   */
  depth?: number;
}

interface Reply {
  index: number;
  output?: unknown;
  error?: string;
}

const WORKER_URL = new URL("./parallel_worker.ts", import.meta.url);

/** Default number of workers: the machine's cores. */
export function defaultWorkers(): number {
  return Math.max(1, navigator.hardwareConcurrency ?? 1);
}

/**
 * Runs the task on each input in this thread, in order: the single-threaded reference of `parallelMap`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mapSerial } from "./parallel.ts";
 * const task = new URL("./parallel_example_task.ts", import.meta.url);
 * const out = await mapSerial<number, number>(task, [1, 2, 3]);
 * assert.equal(out.join(), "1,4,9");
 * ```
 */
export async function mapSerial<I, O>(taskUrl: URL | string, inputs: readonly I[]): Promise<O[]> {
  const task = (await import(String(taskUrl))).default as Task<I, O>;
  if (typeof task !== "function") throw new TypeError(`${taskUrl} has no default-exported function`);
  const out: O[] = [];
  for (const input of inputs) out.push(await task(input));
  return out;
}

/** One `map` call in progress. */
interface Job<I, O> {
  inputs: readonly I[];
  out: O[];
  done: number;
  failed: boolean;
  onProgress?: (done: number, total: number) => void;
  affinity?: (input: I) => string;
  resolve(out: O[]): void;
  reject(error: Error): void;
}

/**
 * A pool of module workers that all load one task module. Reuse it across several `map` calls to pay
 * the start-up (module loading) once; `close()` it when done. Several `map` calls may run at once: their
 * inputs join one first-come first-served queue, so the workers stay busy while any call has work.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { WorkerPool } from "./parallel.ts";
 * const pool = new WorkerPool<number, number>(new URL("./parallel_example_task.ts", import.meta.url), { workers: 2 });
 * try {
 *   const [a, b] = await Promise.all([pool.map([1, 2, 3, 4]), pool.map([5, 6])]);
 *   assert.ok(a.join() === "1,4,9,16" && b.join() === "25,36");
 * } finally {
 *   pool.close();
 * }
 * ```
 */
export class WorkerPool<I, O> {
  /** Number of workers. */
  readonly size: number;
  #workers: Worker[] = [];
  /** Inputs sent to each worker and not answered yet. */
  #held = new Map<Worker, number>();
  #depth: number;
  #queue: { job: Job<I, O>; index: number }[] = [];
  #head = 0;
  #inFlight = new Map<number, { job: Job<I, O>; index: number }>();
  /** The worker each affinity key went to first. */
  #affinity = new Map<string, Worker>();
  #sequence = 0;
  #closed = false;

  /** Starts `options.workers` workers loading `taskUrl`. */
  constructor(taskUrl: URL | string, options: PoolOptions = {}) {
    const size = options.workers ?? defaultWorkers();
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`workers must be a positive integer, got ${size}`);
    this.size = size;
    const depth = options.depth ?? 2;
    if (!(Number.isInteger(depth) && depth >= 1)) {
      throw new RangeError(`depth must be a positive integer, got ${depth}`);
    }
    this.#depth = depth;
    for (let w = 0; w < size; w++) {
      const worker = new Worker(WORKER_URL, { type: "module" });
      worker.postMessage({ task: String(taskUrl) });
      worker.onmessage = (ev: MessageEvent<Reply>) => this.#reply(worker, ev.data);
      worker.onerror = (ev: ErrorEvent) => {
        ev.preventDefault();
        this.#failAll(new Error(`worker error: ${ev.message}`));
      };
      this.#workers.push(worker);
      this.#held.set(worker, 0);
    }
  }

  /**
   * Maps the task over the inputs on all workers (each holds up to `depth` queued inputs and takes the next when it finishes
   * one); outputs in input order. Rejects with the first task error (naming its input index) and drops
   * the call's remaining inputs. `onProgress` is called after each output with the number done so far. An input
   * whose `affinity` key an earlier input (of any call) had goes to the same worker, after it, even past the depth:
   * a task that keeps work by content in its worker (engine/once_per.ts) then finds it.
   */
  map(
    inputs: readonly I[],
    onProgress?: (done: number, total: number) => void,
    affinity?: (input: I) => string,
  ): Promise<O[]> {
    if (this.#closed) return Promise.reject(new Error("pool is closed"));
    if (inputs.length === 0) return Promise.resolve([]);
    return new Promise<O[]>((resolve, reject) => {
      const job: Job<I, O> = {
        inputs,
        out: new Array<O>(inputs.length),
        done: 0,
        failed: false,
        onProgress,
        affinity,
        resolve,
        reject,
      };
      for (let index = 0; index < inputs.length; index++) this.#queue.push({ job, index });
      this.#pump();
    });
  }

  /** The worker holding the fewest inputs, if it holds fewer than the depth. */
  #leastHeld(): Worker | undefined {
    let best: Worker | undefined, fewest = this.#depth;
    for (const [worker, held] of this.#held) if (held < fewest) [best, fewest] = [worker, held];
    return best;
  }

  /** Sends queued inputs to the workers holding fewer than `depth` (the least held first). */
  #pump(): void {
    for (let worker = this.#leastHeld(); worker && this.#head < this.#queue.length; worker = this.#leastHeld()) {
      const task = this.#queue[this.#head++];
      if (task.job.failed) continue;
      const input = task.job.inputs[task.index];
      const key = task.job.affinity?.(input);
      let target = worker;
      if (key !== undefined) {
        target = this.#affinity.get(key) ?? worker;
        this.#affinity.set(key, target);
      }
      this.#held.set(target, this.#held.get(target)! + 1);
      const id = this.#sequence++;
      this.#inFlight.set(id, task);
      target.postMessage({ index: id, input });
    }
    if (this.#head === this.#queue.length) {
      this.#queue = [];
      this.#head = 0;
    }
  }

  #reply(worker: Worker, { index: id, output, error }: Reply): void {
    const task = this.#inFlight.get(id);
    if (!task) return;
    this.#inFlight.delete(id);
    this.#held.set(worker, this.#held.get(worker)! - 1);
    const { job, index } = task;
    if (!job.failed) {
      if (error !== undefined) {
        job.failed = true;
        job.reject(new Error(`task failed on input ${index}: ${error}`));
      } else {
        job.out[index] = output as O;
        job.done++; // not inside onProgress?.(…): an absent callback would skip the increment
        job.onProgress?.(job.done, job.inputs.length);
        if (job.done === job.inputs.length) job.resolve(job.out);
      }
    }
    this.#pump();
  }

  /** A worker died: every pending call rejects and the pool closes. */
  #failAll(error: Error): void {
    const jobs = new Set([...this.#inFlight.values(), ...this.#queue.slice(this.#head)].map((t) => t.job));
    for (const job of jobs) {
      if (!job.failed) {
        job.failed = true;
        job.reject(error);
      }
    }
    this.close();
  }

  /** Terminates the workers (idempotent); calls still pending never settle. */
  close(): void {
    this.#closed = true;
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
    this.#held.clear();
    this.#inFlight.clear();
    this.#affinity.clear();
    this.#queue = [];
    this.#head = 0;
  }
}

/**
 * Maps a task module over inputs on `options.workers` workers (default: all cores) and closes the
 * pool; with one worker or one input it runs `mapSerial` in this thread. Same outputs as `mapSerial`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mapSerial, parallelMap } from "./parallel.ts";
 * const task = new URL("./parallel_example_task.ts", import.meta.url);
 * const inputs = [1, 2, 3, 4, 5];
 * const par = await parallelMap<number, number>(task, inputs, { workers: 2 });
 * assert.equal(par.join(), (await mapSerial<number, number>(task, inputs)).join());
 * ```
 */
export async function parallelMap<I, O>(
  taskUrl: URL | string,
  inputs: readonly I[],
  options: PoolOptions = {},
): Promise<O[]> {
  const workers = Math.min(options.workers ?? defaultWorkers(), inputs.length);
  if (workers <= 1) return mapSerial<I, O>(taskUrl, inputs);
  const pool = new WorkerPool<I, O>(taskUrl, { workers });
  try {
    return await pool.map(inputs);
  } finally {
    pool.close();
  }
}
