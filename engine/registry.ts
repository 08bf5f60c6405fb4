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
  /**
   * Name of its export: a function of no arguments returning the claim or, when `index` is set, an array
   * of claims (a claims module's `claims` or `default` export, see `importClaims`).
   */
  name: string;
  /** Position of the claim in that array (claims modules only). */
  index?: number;
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

/** The kinds a claim may have. */
const KINDS = new Set(["exact", "probabilistic", "rate", "limit", "observation"]);

/** Why a value is not a claim (the fields every command reads), or undefined when it is one. */
function notAClaim(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return `it is ${value === null ? "null" : typeof value}`;
  const c = value as Partial<Claim>;
  if (typeof c.id !== "string" || !/^[A-Za-z0-9][\w.-]*$/.test(c.id)) {
    return "its id is not a non-empty string of letters, digits, '.', '_' and '-'";
  }
  if (typeof c.title !== "string") return `${c.id}: its title is not a string`;
  if (!KINDS.has(c.kind as string)) return `${c.id}: its kind is not one of ${[...KINDS].join(", ")}`;
  if (typeof c.source?.document !== "string" || typeof c.source?.where !== "string") {
    return `${c.id}: its source is not { document, where }`;
  }
  for (const budget of ["test", "report"] as const) {
    const n = c.instances?.[budget];
    if (!Number.isSafeInteger(n) || n! < 1) return `${c.id}: instances.${budget} is not a positive integer`;
  }
  if (typeof c.generate !== "function" || typeof c.describe !== "function") {
    return `${c.id}: generate or describe is not a function`;
  }
  if (!Array.isArray(c.hypotheses)) return `${c.id}: its hypotheses are not an array`;
  if (typeof c.conclusion?.check !== "function") return `${c.id}: conclusion.check is not a function`;
  return undefined;
}

/** Each claims module's claims, imported once per module URL (a worker rebuilds many claims from one module). */
const claimModules = new Map<string, Promise<Claim[]>>();

/**
 * Imports a claims module (an absolute URL): a module whose export `claims`, or else its default export,
 * is a non-empty array of claims with distinct ids (`defineClaim`'s results). Each claim remembers where it
 * came from (`sourceOf`: the module, the export's name and the claim's position), so a pool runs its
 * instances on workers that import the same module. Throws (a one-line message) when the module has no
 * such export or an element is not a claim; an error of the import itself (a missing file, a syntax error)
 * propagates.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importClaims, sourceOf } from "./registry.ts";
 * const module = new URL("./_toy_claims_module.ts", import.meta.url);
 * const claims = await importClaims(module);
 * assert.deepEqual(claims.map((c) => c.id), ["toy-module-square"]);
 * assert.deepEqual(sourceOf(claims[0]), { module: module.href, name: "claims", index: 0 });
 * await assert.rejects(importClaims(new URL("./claim.ts", import.meta.url)), /exports no claims/);
 * ```
 */
export function importClaims(module: URL | string): Promise<Claim[]> {
  const url = new URL(module).href; // throws on a relative specifier, which a worker would resolve elsewhere
  if (!claimModules.has(url)) {
    const loading = loadClaimsModule(url);
    claimModules.set(url, loading);
    loading.catch(() => claimModules.delete(url)); // a failed import may be retried (e.g. after a fix)
  }
  return claimModules.get(url)!;
}

async function loadClaimsModule(url: string): Promise<Claim[]> {
  const namespace = await import(url);
  const name = "claims" in namespace ? "claims" : "default";
  const list: unknown = namespace[name];
  if (!Array.isArray(list) || list.length === 0) {
    throw new TypeError(
      `${url} exports no claims: it needs \`export const claims = [...]\` (or a default export), a non-empty array of claims`,
    );
  }
  const ids = new Set<string>();
  list.forEach((value, index) => {
    const why = notAClaim(value);
    if (why !== undefined) throw new TypeError(`${url}: ${name}[${index}] is not a claim (${why})`);
    const claim = value as Claim;
    if (ids.has(claim.id)) throw new TypeError(`${url}: claim id "${claim.id}" appears twice`);
    ids.add(claim.id);
    sources.set(claim, { module: url, name, index });
  });
  return list as Claim[];
}

/**
 * Rebuilds the claim a source names (what a worker does): the export `name` of `module` called, or its
 * element `index` for a claims module.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimFromSource } from "./registry.ts";
 * const module = new URL("./_toy_claims_module.ts", import.meta.url).href;
 * assert.equal((await claimFromSource({ module, name: "claims", index: 0 })).id, "toy-module-square");
 * assert.equal((await claimFromSource({ module: new URL("./_toy_claims.ts", import.meta.url).href, name: "bounded" })).id, "toy-bounded");
 * ```
 */
export async function claimFromSource(source: ClaimSource): Promise<Claim> {
  if (source.index === undefined) return await importClaim(source.module, source.name);
  const claim = (await importClaims(source.module))[source.index];
  if (!claim) throw new RangeError(`${source.module} has no claim at ${source.name}[${source.index}]`);
  return claim;
}

/**
 * The registry `base` with `extra` claims appended (a claims module's, after the catalog's); throws when an
 * id of `extra` is already taken, naming `origin` (where the extra claims come from).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { extendRegistry, loadRegistry } from "./registry.ts";
 * import { bounded, squareNonNegative } from "./_toy_claims.ts";
 * const base = await loadRegistry(import.meta.url, [["./_toy_claims.ts", "squareNonNegative"]]);
 * const all = extendRegistry(base, [bounded()], "my_claims.ts");
 * assert.deepEqual(all.claims.map((c) => c.id), ["toy-square", "toy-bounded"]);
 * assert.throws(() => extendRegistry(base, [squareNonNegative()], "my_claims.ts"), /"toy-square" of my_claims.ts/);
 * ```
 */
export function extendRegistry(base: Registry, extra: readonly Claim[], origin: string): Registry {
  const ids = new Map<string, Claim>(base.claims.map((c) => [c.id, c]));
  for (const claim of extra) {
    if (ids.has(claim.id)) throw new Error(`claim id "${claim.id}" of ${origin} is already taken by another claim`);
    ids.set(claim.id, claim);
  }
  return { claims: [...base.claims, ...extra], byId: (id) => ids.get(id) };
}

/** The `--claims` flag that commands for a claim need, by claim id (claims loaded from a claims module). */
const claimsFlags = new Map<string, string>();

/**
 * Records that the claims with these ids come from the claims module given on the command line as
 * `path`, so the replay and explore commands the engine prints for them carry `--claims path`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimsFlagFor, noteClaimsModule } from "./registry.ts";
 * noteClaimsModule(["my-claim"], "/tmp/my claims.ts");
 * assert.equal(claimsFlagFor("my-claim"), " --claims '/tmp/my claims.ts'");
 * assert.equal(claimsFlagFor("lemma-10.2"), "");
 * ```
 */
export function noteClaimsModule(ids: readonly string[], path: string): void {
  const quoted = /^[\w./:@%+=,-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
  for (const id of ids) claimsFlags.set(id, ` --claims ${quoted}`);
}

/**
 * `" --claims PATH"` for a claim of a claims module noted by `noteClaimsModule`, "" for any other claim
 * (the catalog's commands stay as they were).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimsFlagFor } from "./registry.ts";
 * assert.equal(claimsFlagFor("eq-10.21"), "");
 * ```
 */
export function claimsFlagFor(id: string): string {
  return claimsFlags.get(id) ?? "";
}
