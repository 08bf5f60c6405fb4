/**
 * A task for `parallel_test.ts`: waits `ms` milliseconds and returns it, throwing if another input of this worker is
 * still running (a worker must run the inputs it holds one after the other).
 *
 * @module
 */
let running = false;

/** Waits `ms` ms; throws when called while a previous call has not ended. */
export default async function inTurn(ms: number): Promise<number> {
  if (running) throw new Error("two inputs ran at once on one worker");
  running = true;
  try {
    await new Promise((resolve) => setTimeout(resolve, ms));
  } finally {
    running = false;
  }
  return ms;
}
