/**
 * A task for `parallel_test.ts`: after `ms` milliseconds, whether this worker has seen `key` before (each worker
 * keeps its own set), so a test can tell which inputs ran on the same worker.
 *
 * @module
 */
const seen = new Set<string>();

/** True when this worker ran an input with this key before. */
export default async function seenHere({ key, ms }: { key: string; ms: number }): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  const before = seen.has(key);
  seen.add(key);
  return before;
}
