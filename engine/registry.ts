/**
 * A registry of claims: each claim with the module export that builds it, so a worker (or any other
 * process) can rebuild the same claim from `{ module, name }`. The engine, the pool and the CLI take a
 * registry; they never import `theorems/` (the catalog there builds one with `loadRegistry`).
 *
 * @module
 */
import type { Claim } from "./claim.ts";

/** A module export building a claim: `(await import(module))[name]()`. */
export interface ClaimSource {
  /** Absolute URL of the module. */
  module: string;
  /** Name of its export, a function of no arguments returning the claim. */
  name: string;
}

/** Claims in a fixed order, found by id. */
export interface Registry {
  /** Every claim, in the registry's order. */
  readonly claims: readonly Claim[];
  /** The claim with this id, or undefined. */
  byId(id: string): Claim | undefined;
}

/** Where each claim built by `importClaim` came from, so a worker can rebuild it. */
const sources = new WeakMap<Claim, ClaimSource>();

/**
 * Imports `module` (an absolute URL) and calls its export `name`, a function of no arguments returning
 * a claim; remembers where the claim came from (`sourceOf`), so a pool runs its instances on workers
 * that rebuild it the same way. The module must be importable in a worker: no `Deno.test`, no side
 * effects beyond defining its exports.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importClaim, sourceOf } from "./registry.ts";
 * const module = new URL("./_toy_claims.ts", import.meta.url);
 * const claim = await importClaim(module, "squareNonNegative");
 * assert.equal(claim.id, "toy-square");
 * assert.deepEqual(sourceOf(claim), { module: module.href, name: "squareNonNegative" });
 * ```
 */
export async function importClaim(module: URL | string, name: string): Promise<Claim> {
  const url = new URL(module).href; // throws on a relative specifier, which a worker would resolve elsewhere
  const make = (await import(url))[name];
  if (typeof make !== "function") throw new TypeError(`${url} has no exported function ${name}`);
  const claim = make() as Claim;
  if (typeof claim?.generate !== "function") throw new TypeError(`${url}#${name}() did not return a claim`);
  sources.set(claim, { module: url, name });
  return claim;
}

/**
 * The module export a claim was built from by `importClaim`, or undefined for any other claim.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sourceOf } from "./registry.ts";
 * import { squareNonNegative } from "./_toy_claims.ts";
 * assert.equal(sourceOf(squareNonNegative()), undefined);
 * ```
 */
export function sourceOf(claim: Claim): ClaimSource | undefined {
  return sources.get(claim);
}

/**
 * Builds a registry from `[path, export]` entries, each path relative to `base` (usually the listing
 * module's `import.meta.url`). Throws on a missing export or a repeated id.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRegistry } from "./registry.ts";
 * const registry = await loadRegistry(import.meta.url, [["./_toy_claims.ts", "squareNonNegative"]]);
 * assert.equal(registry.claims.length, 1);
 * assert.equal(registry.byId("toy-square")?.kind, "exact");
 * assert.equal(registry.byId("nothing"), undefined);
 * ```
 */
export async function loadRegistry(
  base: string | URL,
  entries: readonly (readonly [path: string, name: string])[],
): Promise<Registry> {
  const claims = await Promise.all(entries.map(([path, name]) => importClaim(new URL(path, base), name)));
  const ids = new Map<string, Claim>();
  for (const claim of claims) {
    if (ids.has(claim.id)) throw new Error(`claim id "${claim.id}" is listed twice`);
    ids.set(claim.id, claim);
  }
  return { claims, byId: (id) => ids.get(id) };
}
