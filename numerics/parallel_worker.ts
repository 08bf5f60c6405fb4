/**
 * The worker side of `parallel.ts`: loads the task module named by the first message, then answers
 * each `{ index, input }` with `{ index, output }` or `{ index, error }`, one input after the other in the order they
 * came (the pool sends a worker its next input before the current one is done, so it never waits for the pool's thread).
 *
 * @module
 */
/// <reference lib="deno.worker" />

let task: ((input: unknown) => unknown) | undefined;
let loading: Promise<void> | undefined;
/** The inputs received so far, run in turn: a task never starts before the one before it ended. */
let inTurn: Promise<void> = Promise.resolve();

self.onmessage = async (ev: MessageEvent) => {
  const msg = ev.data as { task?: string; index?: number; input?: unknown };
  if (msg.task !== undefined) {
    loading = import(msg.task).then((mod) => {
      if (typeof mod.default !== "function") throw new TypeError(`${msg.task} has no default-exported function`);
      task = mod.default;
    });
    loading.catch(() => {}); // reported on first use
    return;
  }
  const index = msg.index!;
  inTurn = inTurn.then(async () => {
    try {
      await loading;
      self.postMessage({ index, output: await task!(msg.input) });
    } catch (e) {
      self.postMessage({ index, error: e instanceof Error ? e.message : String(e) });
    }
  });
  await inTurn;
};
