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
