/**
 * The web's runs, bounded: at most `maxConcurrent` jobs at once, each in a worker of its own
 * (web/job_worker.ts) that is terminated when it finishes or passes its time limit. A job beyond the bound
 * is refused ({@link PoolFull}, the API's 503) or, when the caller may wait (the index's background run),
 * queued.
 *
 * @module
 */
import type { Job, WorkerMessage } from "./jobs.ts";

/** Every slot is busy: the API answers 503. */
export class PoolFull extends Error {}

/** A job ran past its time limit and was ended: the API answers 504. */
export class TimeLimit extends Error {}

/** What the pool needs of a worker (a Deno `Worker`, or a stand-in in tests). */
export interface WorkerLike {
  /** Sends the job. */
  postMessage(job: Job): void;
  /** Receives progress and the result. */
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null;
  /** Receives an uncaught error. */
  onerror: ((e: ErrorEvent) => void) | null;
  /** Ends it. */
  terminate(): void;
}

/** Options of a pool. */
export interface RunPoolOptions {
  /** Jobs at once (default 2, the machine's cores). */
  maxConcurrent?: number;
  /** Time limit of a job once started, in milliseconds (default 60 000). */
  timeoutMs?: number;
  /** Starts a worker (default: web/job_worker.ts in a Deno Worker). */
  spawn?: () => WorkerLike;
}

const WORKER = new URL("./job_worker.ts", import.meta.url);

/**
 * A bounded pool of one-job workers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PoolFull, RunPool } from "./pool.ts";
 * const pool = new RunPool({ maxConcurrent: 1 });
 * const source = { module: new URL("../engine/_toy_claims.ts", import.meta.url).href, name: "bounded" };
 * const request = { id: "toy-bounded", seed: 1, instance: 0, count: 1, countGiven: false, params: {}, ignoreHypotheses: false };
 * const first = pool.run({ kind: "explore", source, request });
 * await assert.rejects(pool.run({ kind: "explore", source, request }), PoolFull);
 * assert.equal(((await first) as { id: string }).id, "toy-bounded");
 * pool.close();
 * ```
 */
export class RunPool {
  /** Jobs at once. */
  readonly maxConcurrent: number;
  /** Time limit of a job, in milliseconds. */
  readonly timeoutMs: number;
  #spawn: () => WorkerLike;
  #active = new Set<() => void>();
  #waiting: (() => void)[] = [];
  #closed = false;

  /** A pool with the given bound and time limit. */
  constructor(options: RunPoolOptions = {}) {
    this.maxConcurrent = options.maxConcurrent ?? 2;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.#spawn = options.spawn ?? (() => new Worker(WORKER, { type: "module" }) as unknown as WorkerLike);
  }

  /** Jobs running now. */
  get active(): number {
    return this.#active.size;
  }

  /** Whether a job that may not wait would be refused now. */
  get full(): boolean {
    return this.#active.size >= this.maxConcurrent;
  }

  /**
   * Runs a job in a fresh worker and resolves with its result. Rejects with {@link PoolFull} when every slot is
   * busy (unless `wait`: then it queues), {@link TimeLimit} past the time limit, an Error when the job throws or
   * `signal` aborts it (the client went away: its worker is ended at once).
   */
  async run(
    job: Job,
    options: {
      onProgress?: (done: number, total: number) => void;
      wait?: boolean;
      timeoutMs?: number;
      signal?: AbortSignal;
    } = {},
  ): Promise<unknown> {
    if (this.#closed) throw new Error("the run pool is closed");
    if (this.#active.size >= this.maxConcurrent && !options.wait) {
      throw new PoolFull(`too many runs at once (${this.maxConcurrent} running); try again in a moment`);
    }
    // A waiter woken when a slot frees may find it taken again (by a caller that does not wait): it waits on.
    while (this.#active.size >= this.maxConcurrent) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
      if (this.#closed) throw new Error("the run pool is closed");
    }
    const limit = options.timeoutMs ?? this.timeoutMs;
    let stop = () => {};
    const done = new Promise<unknown>((resolve, reject) => {
      const worker = this.#spawn();
      const timer = setTimeout(() => {
        finish();
        reject(new TimeLimit(`the run passed its time limit of ${limit / 1000} s and was stopped`));
      }, limit);
      const abort = () => {
        finish();
        reject(new Error("the run was cancelled"));
      };
      options.signal?.addEventListener("abort", abort);
      const finish = () => {
        options.signal?.removeEventListener("abort", abort);
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        worker.terminate();
        this.#active.delete(stop);
        this.#waiting.shift()?.();
      };
      stop = () => {
        finish();
        reject(new Error("the server is shutting down"));
      };
      this.#active.add(stop);
      worker.onmessage = (e) => {
        const m = e.data;
        if (m.type === "progress") options.onProgress?.(m.done, m.total);
        else if (m.type === "result") {
          finish();
          resolve(m.value);
        } else {
          finish();
          reject(new Error(m.message));
        }
      };
      worker.onerror = (e) => {
        e.preventDefault();
        finish();
        reject(new Error(`worker error: ${e.message}`));
      };
      if (options.signal?.aborted) abort();
      else worker.postMessage(job);
    });
    return await done;
  }

  /** Ends every running job and refuses new ones. */
  close(): void {
    this.#closed = true;
    for (const stop of [...this.#active]) stop();
    for (const wake of this.#waiting.splice(0)) wake();
  }
}
