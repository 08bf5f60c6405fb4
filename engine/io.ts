/**
 * Atomic file output: write to a temporary file beside the target, then rename, so an
 * interrupted run leaves the previous file intact.
 *
 * @module
 */
import { dirname } from "node:path";

/**
 * Writes `text` to `path` atomically (temporary file in the same directory, then rename).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { writeTextAtomic } from "./io.ts";
 * const dir = await Deno.makeTempDir();
 * await writeTextAtomic(`${dir}/a/b.txt`, "hello");
 * assert.equal((await Deno.readTextFile(`${dir}/a/b.txt`)), "hello");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeTextAtomic(path: string, text: string): Promise<void> {
  await Deno.mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${Deno.pid}`;
  try {
    await Deno.writeTextFile(tmp, text);
    await Deno.rename(tmp, path);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}
