/**
 * Compute-once caches keyed by an object (an instance, a cell): a claim whose hypotheses and conclusion share an
 * expensive computation on the same instance runs it once.
 *
 * @module
 */

/**
 * `f`, computed at most once per key (held weakly: the cache does not keep keys alive).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { oncePer } from "./once_per.ts";
 * let calls = 0;
 * const area = oncePer((r: { w: number; h: number }) => (calls++, r.w * r.h));
 * const box = { w: 2, h: 3 };
 * assert.equal(area(box), 6);
 * assert.equal(area(box), 6);
 * assert.equal(calls, 1);
 * ```
 */
export function oncePer<K extends object, V>(f: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = f(key);
    cache.set(key, value);
    return value;
  };
}

/**
 * A worker-wide compute-once cache by content: `lookup(key, arrays, f)` returns the value computed for an earlier call
 * with the same `key` and byte-equal `arrays` (compared in full, so a hit is an identity, not a hash match), else
 * `f()`, kept. For work that is a function of an instance's content alone, which a claim and its mutant (built from
 * the same module, in the same worker) both do on equal instances: `key` and `arrays` must name everything `f` reads.
 * Holds the `limit` most recent entries (with copies of their arrays).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { oncePerContent } from "./once_per.ts";
 * let calls = 0;
 * const lookup = oncePerContent<number>(2);
 * const sum = (xs: Float64Array) => lookup("sum", [xs], () => (calls++, xs.reduce((a, b) => a + b, 0)));
 * assert.equal(sum(Float64Array.of(1, 2)), 3);
 * assert.equal(sum(Float64Array.of(1, 2)), 3); // equal content: computed once
 * assert.equal(calls, 1);
 * assert.equal(sum(Float64Array.of(1, 2.5)), 3.5);
 * assert.equal(calls, 2);
 * ```
 */
export function oncePerContent<V>(limit: number): (key: string, arrays: readonly Float64Array[], f: () => V) => V {
  const cache = new Map<string, { arrays: Float64Array[]; value: V }[]>();
  let size = 0;
  return (key, arrays, f) => {
    const full = `${key}|${arrays.map((a) => a.length).join(",")}|${arrays.map(fingerprint).join(",")}`;
    const hit = cache.get(full)?.find((e) => e.arrays.every((a, j) => sameBytes(a, arrays[j])));
    if (hit) return hit.value;
    const value = f();
    if (size >= limit) {
      const [oldest, entries] = cache.entries().next().value!;
      entries.shift();
      if (entries.length === 0) cache.delete(oldest);
      size--;
    }
    const entries = cache.get(full) ?? [];
    entries.push({ arrays: arrays.map((a) => a.slice()), value });
    cache.set(full, entries);
    size++;
    return value;
  };
}

/** Whether a and b hold the same bytes (NaN payloads and signed zeros included). */
function sameBytes(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const u = new Uint32Array(a.buffer, a.byteOffset, 2 * a.length),
    v = new Uint32Array(b.buffer, b.byteOffset, 2 * b.length);
  for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
  return true;
}

/** A 32-bit FNV-1a hash of the bytes of `a` (a bucket for `oncePerContent`, which then compares in full). */
function fingerprint(a: Float64Array): number {
  const words = new Uint32Array(a.buffer, a.byteOffset, 2 * a.length);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193) >>> 0;
  return h;
}
