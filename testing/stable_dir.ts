/**
 * Directories outside the repository at the same path on every run of this checkout's suite. Deno keys its cache of
 * type checks by the paths of the checked modules as well as their contents, so a test that type-checks files in a
 * fresh random directory (a claim file importing mod.ts from outside the repository, the mutation run's toy) re-checks
 * mod.ts's whole module graph every time, about 4–5 s of CPU; at a stable path an unchanged graph is a cache hit, and
 * any changed file is checked again.
 *
 * @module
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A directory from {@link stableDir}: emptied when taken; `release` removes it. */
export interface StableDir {
  /** Its path. */
  path: string;
  /** Removes it (and its lock). */
  release(): Promise<void>;
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));

// A lock older than this was left by a run that died: taken over.
const STALE_LOCK_MS = 15 * 60 * 1000;

/**
 * The empty directory `<tmp>/<prefix><hash of this checkout's path>`, or a fresh temporary directory when another run
 * holds that one (its lock is `<path>.lock`). Release it when done.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { stableDir } from "./stable_dir.ts";
 * const a = await stableDir("gd-check-example-");
 * await Deno.writeTextFile(`${a.path}/x.txt`, "x");
 * const b = await stableDir("gd-check-example-"); // held by a: another directory
 * assert.notEqual(b.path, a.path);
 * await b.release();
 * await a.release();
 * const c = await stableDir("gd-check-example-");
 * assert.equal(c.path, a.path); // the same path again, emptied
 * assert.deepEqual([...Deno.readDirSync(c.path)], []);
 * await c.release();
 * ```
 */
export async function stableDir(prefix: string): Promise<StableDir> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(ROOT)));
  const hash = [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const path = join(tmpdir(), `${prefix}${hash}`), lock = `${path}.lock`;
  if (!(await takeLock(lock))) {
    const fresh = await Deno.makeTempDir({ prefix });
    return { path: fresh, release: () => Deno.remove(fresh, { recursive: true }) };
  }
  await Deno.remove(path, { recursive: true }).catch((e) => {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  });
  await Deno.mkdir(path);
  return {
    path,
    release: async () => {
      await Deno.remove(path, { recursive: true });
      await Deno.remove(lock);
    },
  };
}

/** Creates the lock directory; false if another live run holds it. */
async function takeLock(lock: string): Promise<boolean> {
  try {
    await Deno.mkdir(lock);
    return true;
  } catch (e) {
    if (!(e instanceof Deno.errors.AlreadyExists)) throw e;
    const { mtime } = await Deno.stat(lock);
    if (mtime === null || Date.now() - mtime.getTime() < STALE_LOCK_MS) return false;
    await Deno.remove(lock, { recursive: true });
    return takeLock(lock);
  }
}
