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
  await writeBytesAtomic(path, new TextEncoder().encode(text));
}

/**
 * Writes bytes to `path` atomically: a temporary file beside it, then a rename (parent directories created);
 * on failure the temporary file is removed and the target is untouched.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { writeBytesAtomic } from "./io.ts";
 * const dir = await Deno.makeTempDir();
 * await writeBytesAtomic(`${dir}/a/b.bin`, Uint8Array.of(1, 2));
 * assert.deepEqual(await Deno.readFile(`${dir}/a/b.bin`), Uint8Array.of(1, 2));
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeBytesAtomic(path: string, data: Uint8Array): Promise<void> {
  await Deno.mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${Deno.pid}`;
  try {
    await Deno.writeFile(tmp, data);
    await Deno.rename(tmp, path);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}

/**
 * Writes several files all or nothing: every text goes to a temporary file beside its target first, and only
 * when all are written are they renamed into place; on a failure the temporaries are removed and the error
 * rethrown (no target is touched before every temporary exists).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { writeFilesAtomic } from "./io.ts";
 * const dir = await Deno.makeTempDir();
 * await writeFilesAtomic([{ path: `${dir}/a.md`, text: "a" }, { path: `${dir}/b.svg`, text: "b" }]);
 * assert.equal(await Deno.readTextFile(`${dir}/b.svg`), "b");
 * await assert.rejects(() => writeFilesAtomic([{ path: `${dir}/b.svg/c`, text: "c" }]));
 * assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), ["a.md", "b.svg"]);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeFilesAtomic(files: { path: string; text: string }[]): Promise<void> {
  const written: string[] = [];
  try {
    for (const { path, text } of files) {
      await Deno.mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.tmp-${Deno.pid}`;
      written.push(tmp);
      await Deno.writeTextFile(tmp, text);
    }
  } catch (e) {
    for (const tmp of written) await Deno.remove(tmp).catch(() => {});
    throw e;
  }
  for (const [k, { path }] of files.entries()) await Deno.rename(written[k], path);
}
