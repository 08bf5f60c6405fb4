/**
 * Report shards: `deno task report --shard i/n` runs every n-th claim of the selection from the
 * i-th on and writes a shard file; `deno task merge-reports` joins the shards of one seed, budget
 * and selection into the report a single run writes (timings aside). A shard file carries each
 * entry's result, scenarios, search and plot SVGs, in a JSON encoding that keeps the numbers JSON
 * cannot hold (NaN, ±∞, −0) and `undefined`, so the merged report is byte-identical.
 *
 * @module
 */
import type { BudgetName, Claim } from "./claim.ts";
import type { ReportEntry } from "./report.ts";

/** One claim's entry in a shard: a report entry without the claim (rebuilt from the registry by id) and with its plots' SVG. */
export interface ShardEntry {
  /** The claim's id. */
  id: string;
  /** The entry's result, scenarios and search. */
  entry: Omit<ReportEntry, "claim" | "plots">;
  /** Plots: title, path relative to the markdown file, and the SVG text. */
  plots: { title: string; file: string; svg: string }[];
}

/** A shard file: which slice of which run, and its entries. */
export interface ShardFile {
  /** Format marker. */
  format: "gd-check report shard";
  /** Master seed. */
  seed: number;
  /** Budget. */
  budget: BudgetName;
  /** This shard: the `index`-th of `of`. */
  shard: { index: number; of: number };
  /** The ids of the whole selection, in report order. */
  selection: string[];
  /** This shard's entries. */
  entries: ShardEntry[];
}

/** A shard specification "i/n" as numbers. */
export interface ShardSpec {
  /** 1-based index. */
  index: number;
  /** Number of shards. */
  of: number;
}

/**
 * The positions of `count` claims that shard `index`/`of` runs: every `of`-th from `index − 1` on
 * (round robin, so that slow neighbours in the catalog land in different shards).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shardPositions } from "./report_shard.ts";
 * assert.deepEqual(shardPositions(7, { index: 2, of: 3 }), [1, 4]);
 * ```
 */
export function shardPositions(count: number, shard: ShardSpec): number[] {
  const out: number[] = [];
  for (let k = shard.index - 1; k < count; k += shard.of) out.push(k);
  return out;
}

const TAG = "$gdcheck";

/** Replaces what JSON cannot hold by tagged objects. */
function encodeValue(v: unknown): unknown {
  if (v === undefined) return { [TAG]: "undefined" };
  if (typeof v === "number") {
    if (Number.isNaN(v)) return { [TAG]: "NaN" };
    if (v === Infinity) return { [TAG]: "Infinity" };
    if (v === -Infinity) return { [TAG]: "-Infinity" };
    if (Object.is(v, -0)) return { [TAG]: "-0" };
    return v;
  }
  if (Array.isArray(v)) return v.map(encodeValue);
  if (ArrayBuffer.isView(v)) throw new Error("report shards cannot hold typed arrays");
  if (v !== null && typeof v === "object") {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      throw new Error(`report shards hold plain data only (found a ${proto?.constructor?.name ?? "?"})`);
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = encodeValue(x);
    return out;
  }
  if (typeof v === "function" || typeof v === "symbol" || typeof v === "bigint") {
    throw new Error(`report shards hold plain data only (found a ${typeof v})`);
  }
  return v;
}

const TAGGED: Record<string, unknown> = {
  undefined: undefined,
  NaN: NaN,
  Infinity: Infinity,
  "-Infinity": -Infinity,
  "-0": -0,
};

function decodeValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v !== null && typeof v === "object") {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === TAG) return TAGGED[(v as Record<string, string>)[TAG]];
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = decodeValue(x);
    return out;
  }
  return v;
}

/**
 * A shard file's text (lossless JSON).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { decodeShard, encodeShard, type ShardFile } from "./report_shard.ts";
 * const file: ShardFile = {
 *   format: "gd-check report shard", seed: 1, budget: "test", shard: { index: 1, of: 1 }, selection: [], entries: [],
 * };
 * assert.deepEqual(decodeShard(encodeShard(file), "a.json"), file);
 * ```
 */
export function encodeShard(file: ShardFile): string {
  return JSON.stringify(encodeValue(file)) + "\n";
}

/**
 * Parses a shard file; throws an Error naming `path` when it is not one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { decodeShard } from "./report_shard.ts";
 * assert.throws(() => decodeShard("{}", "a.json"), /not a report shard/);
 * ```
 */
export function decodeShard(text: string, path: string): ShardFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`"${path}" is not JSON`);
  }
  const file = decodeValue(raw) as Partial<ShardFile> | null;
  if (
    !file || file.format !== "gd-check report shard" || !Number.isSafeInteger(file.seed) ||
    (file.budget !== "test" && file.budget !== "report") || !Array.isArray(file.selection) ||
    !Array.isArray(file.entries) || !file.shard || !Number.isSafeInteger(file.shard.index) ||
    !Number.isSafeInteger(file.shard.of)
  ) {
    throw new Error(`"${path}" is not a report shard (write one with deno task report --shard i/n --json PATH)`);
  }
  return file as ShardFile;
}

/**
 * Joins the shards of one run into report entries in selection order, with the plots to write;
 * throws an Error when they disagree on seed, budget or selection, when a claim is missing or
 * present twice, or when an id is not in `claimById`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mergeShards, type ShardFile } from "./report_shard.ts";
 * const empty: ShardFile = {
 *   format: "gd-check report shard", seed: 4, budget: "test", shard: { index: 1, of: 1 }, selection: [], entries: [],
 * };
 * assert.equal(mergeShards([empty], () => undefined).seed, 4);
 * assert.throws(() => mergeShards([empty, { ...empty, seed: 5 }], () => undefined), /seed/);
 * ```
 */
export function mergeShards(
  files: ShardFile[],
  claimById: (id: string) => Claim | undefined,
): { seed: number; budget: BudgetName; entries: ReportEntry[]; svgs: { file: string; svg: string }[] } {
  if (!files.length) throw new Error("no shards to merge");
  const [first] = files;
  const selection = first.selection.join(",");
  for (const f of files) {
    if (f.seed !== first.seed) throw new Error(`shards of different seeds (${first.seed} and ${f.seed})`);
    if (f.budget !== first.budget) throw new Error(`shards of different budgets (${first.budget} and ${f.budget})`);
    if (f.selection.join(",") !== selection) throw new Error("shards of different claim selections (--only)");
  }
  const byId = new Map<string, ShardEntry>();
  for (const f of files) {
    for (const e of f.entries) {
      if (byId.has(e.id)) throw new Error(`claim ${e.id} is in more than one shard`);
      if (!first.selection.includes(e.id)) throw new Error(`claim ${e.id} is not in the shards' selection`);
      byId.set(e.id, e);
    }
  }
  const missing = first.selection.filter((id) => !byId.has(id));
  if (missing.length) throw new Error(`no shard has ${missing.join(", ")} (missing shards?)`);
  const entries: ReportEntry[] = [];
  const svgs: { file: string; svg: string }[] = [];
  for (const id of first.selection) {
    const e = byId.get(id)!;
    const claim = claimById(id);
    if (!claim) throw new Error(`unknown claim id "${id}" in the shards`);
    entries.push({ claim, ...e.entry, plots: e.plots.map(({ title, file }) => ({ title, file })) });
    for (const p of e.plots) svgs.push({ file: p.file, svg: p.svg });
  }
  return { seed: first.seed, budget: first.budget, entries, svgs };
}
