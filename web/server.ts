/**
 * The web explorer's request handler (Deno.serve): the index `/`, a claim's page `/claims/<id>`, the run API
 * `/api/claims/<id>/run?…` (the engine of `deno task explore`, bad input answered 400 with the CLI's one-line
 * message, a time limit per run, runs bounded by a pool with 503 beyond it), a claim's test-budget evidence
 * `/api/claims/<id>/evidence`, and static files from fixed folders only (`/static/`, `/vendor/`).
 *
 * @module
 */
import { dirname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Claim, PlotSpec } from "../engine/claim.ts";
import { sourceOf } from "../engine/registry.ts";
import type { ClaimResult } from "../engine/run.ts";
import { claimById, claims } from "../theorems/catalog.ts";
import type { Evidence, Job } from "./jobs.ts";
import {
  claimPage,
  type ClaimSummary,
  findPassage,
  indexPage,
  type PageContext,
  powerOf,
  sourceFolder,
  sourceText,
} from "./pages.ts";
import { PoolFull, RunPool, TimeLimit } from "./pool.ts";
import { UsageError } from "../cli/args.ts";
import { parseRunQuery } from "./run_request.ts";
import { escapeHtml } from "./tex.ts";

/** The repository's root (this file is in web/). */
export const ROOT: string = dirname(dirname(fileURLToPath(import.meta.url)));

/** Folders static files are served from, by URL prefix; nothing outside them is reachable. */
const FOLDERS: Record<string, string> = {
  "/static/": join(ROOT, "web", "static"),
  "/vendor/katex/": join(ROOT, "node_modules", "katex", "dist"),
  "/report/": join(ROOT, "report"),
};

/** Single vendored files, by URL. */
const FILES: Record<string, string> = {
  "/vendor/vega.min.js": join(ROOT, "node_modules", "vega", "build", "vega.min.js"),
  "/vendor/vega-lite.min.js": join(ROOT, "node_modules", "vega-lite", "build", "vega-lite.min.js"),
  "/vendor/vega-embed.min.js": join(ROOT, "node_modules", "vega-embed", "build", "vega-embed.min.js"),
};

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
};

/**
 * The file under `folder` that the URL remainder `rest` names, or undefined when it would leave the folder
 * (`..`, an absolute or encoded path, a symbolic link out of it) or does not exist.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { safeFile } from "./server.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/a.css`, "x");
 * assert.equal(await safeFile(dir, "a.css"), `${await Deno.realPath(dir)}/a.css`);
 * assert.equal(await safeFile(dir, "../etc/passwd"), undefined);
 * assert.equal(await safeFile(dir, "%2e%2e/x"), undefined);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function safeFile(folder: string, rest: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  if (decoded === "" || decoded.includes("\0") || decoded.includes("\\") || decoded.startsWith("/")) return undefined;
  if (decoded.split("/").some((part) => part === ".." || part === "." || part === "")) return undefined;
  try {
    const root = await Deno.realPath(folder);
    const file = await Deno.realPath(normalize(join(root, decoded)));
    if (!file.startsWith(root + sep)) return undefined;
    const info = await Deno.stat(file);
    return info.isFile ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Options of the handler. */
export interface ServerOptions {
  /** The pool the API's runs go to (full: 503). */
  pool: RunPool;
  /**
   * The pool of the test-budget runs behind the charts and the index's missing verdicts, which wait their turn
   * (default: one job at a time, 5 minutes each, closed with the server).
   */
  background?: RunPool;
  /** Report JSON files to read the verdicts from, first found wins (default report/report.json, report/results.json). */
  reports?: string[];
  /** Run the claims the report lacks at the test budget in the background (default true). */
  fresh?: boolean;
  /** Seed of those runs and of the charts' runs (default 1). */
  seed?: number;
}

/** The handler, with what it started (background runs) to stop. */
export interface Server {
  /** Answers one request. */
  handler: (req: Request) => Promise<Response>;
  /** Stops the background runs. */
  close(): void;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });
const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8" } });
const LIVE: PageContext = { assets: "/static/", vendor: "/vendor/", live: true };

/**
 * The report's results by claim id, from the first readable report JSON; an entry whose verdict differs from the
 * newer `verdicts.json` beside it (every report run writes one) for the same seed and budget is stale and left out.
 */
async function readReport(
  paths: string[],
): Promise<{ path?: string; results: Map<string, ClaimResult>; stale: number }> {
  for (const path of paths) {
    let data: { seed?: number; budget?: string; claims?: ClaimResult[] };
    try {
      data = JSON.parse(await Deno.readTextFile(path));
    } catch {
      continue;
    }
    if (!Array.isArray(data.claims)) continue;
    let newer: { seed?: number; budget?: string; verdicts?: Record<string, string> } = {};
    try {
      newer = JSON.parse(await Deno.readTextFile(join(dirname(path), "verdicts.json")));
    } catch { /* no verdicts.json: nothing to compare with */ }
    const comparable = newer.verdicts && newer.seed === data.seed && newer.budget === data.budget;
    const fresh = data.claims.filter((c) =>
      !comparable || newer.verdicts![c.id] === undefined || newer.verdicts![c.id] === c.status
    );
    return { path, results: new Map(fresh.map((c) => [c.id, c])), stale: data.claims.length - fresh.length };
  }
  return { results: new Map(), stale: 0 };
}

/**
 * The report's SVG plots (`<id>-<name>.svg` in its folder) by claim id; a name is the longest claim id it starts
 * with (ids may be prefixes of one another). Served under `/report/` when the folder is the repository's.
 */
function reportSvgs(folder: string): Map<string, { title: string; src: string }[]> {
  const out = new Map<string, { title: string; src: string }[]>();
  if (folder !== join(ROOT, "report")) return out;
  let names: string[] = [];
  try {
    names = [...Deno.readDirSync(folder)].filter((e) => e.isFile && e.name.endsWith(".svg")).map((e) => e.name).sort();
  } catch {
    return out;
  }
  const ids = claims.map((c) => c.id).sort((a, b) => b.length - a.length);
  for (const name of names) {
    const id = ids.find((i) => name.startsWith(`${i}-`));
    if (!id) continue;
    out.set(id, [...out.get(id) ?? [], {
      title: name.slice(id.length + 1, -4),
      src: `/report/${encodeURIComponent(name)}`,
    }]);
  }
  return out;
}

/** A job's error as an HTTP status and a one-line message. */
function failure(e: unknown): { status: number; message: string } {
  if (e instanceof UsageError) return { status: 400, message: e.message };
  if (e instanceof PoolFull) return { status: 503, message: e.message };
  if (e instanceof TimeLimit) return { status: 504, message: e.message };
  return { status: 500, message: (e instanceof Error ? e.message : String(e)).split("\n")[0] };
}

/**
 * Builds the handler: reads the report JSON, and (unless `fresh` is false) runs the claims it lacks at the test
 * budget in the background, one at a time, for the index.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createServer } from "./server.ts";
 * import { RunPool } from "./pool.ts";
 * const pool = new RunPool();
 * const server = await createServer({ pool, fresh: false });
 * const res = await server.handler(new Request("http://x/api/claims/lemma-10.2/run?etaBeta=9"));
 * assert.equal(res.status, 400);
 * assert.equal((await res.json()).error, "--etaBeta must be in [0.01, 4], got 9");
 * server.close();
 * pool.close();
 * ```
 */
export async function createServer(options: ServerOptions): Promise<Server> {
  const { pool } = options;
  const background = options.background ?? new RunPool({ maxConcurrent: 1, timeoutMs: 300_000 });
  const seed = options.seed ?? 1;
  const report = await readReport(
    options.reports ?? [join(ROOT, "report/report.json"), join(ROOT, "report/results.json")],
  );
  const fresh = new Map<string, ClaimResult>();
  const evidence = new Map<string, Promise<Evidence>>();
  let closed = false;
  const jobOf = (claim: Claim): Job => ({ kind: "evidence", source: sourceOf(claim)!, seed });
  const evidenceOf = (claim: Claim): Promise<Evidence> => {
    let e = evidence.get(claim.id);
    if (!e) {
      e = background.run(jobOf(claim), { wait: true }) as Promise<Evidence>;
      evidence.set(claim.id, e);
      e.then((v) => fresh.set(claim.id, v.result), () => evidence.delete(claim.id));
    }
    return e;
  };
  if (options.fresh !== false) {
    (async () => {
      for (const claim of claims) {
        if (closed) return;
        if (report.results.has(claim.id) || !sourceOf(claim)) continue;
        await evidenceOf(claim).catch(() => {});
      }
    })();
  }
  const reportPlots = reportSvgs(report.path ? dirname(report.path) : join(ROOT, "report"));
  const resultOf = (id: string) => report.results.get(id) ?? fresh.get(id);
  const note = () => {
    const missing = claims.filter((c) => !resultOf(c.id)).length;
    const from = report.path
      ? `Verdicts from ${report.path.replace(ROOT + sep, "")}`
      : `No report JSON found: verdicts from fresh test-budget runs (seed ${seed})`;
    const stale = report.stale
      ? ` (${report.stale} of its entries left out: their verdict differs from the newer verdicts.json)`
      : "";
    const pending = missing
      ? `; ${missing} of ${claims.length} claims not in it run at the test budget (seed ${seed}) in the background, reload to see them`
      : "";
    return `${from}${stale}${pending}.`;
  };
  const summaries = (): ClaimSummary[] =>
    claims.map((c) => {
      const r = resultOf(c.id);
      return {
        id: c.id,
        title: c.title,
        kind: c.kind,
        source: sourceFolder(c),
        where: c.source.where,
        ...(r ? { status: r.status, tightness: r.tightness, power: powerOf(r) } : {}),
      };
    });

  const handler = async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    const path = url.pathname;
    if (req.method !== "GET" && req.method !== "HEAD") return json({ error: `method ${req.method} not allowed` }, 405);
    if (path === "/") {
      const filters = {
        source: url.searchParams.get("source") || undefined,
        verdict: url.searchParams.get("verdict") || undefined,
      };
      return html(indexPage(summaries(), filters, LIVE, note()));
    }
    if (path === "/api/claims") return json(summaries());
    let m = /^\/claims\/([^/]+)$/.exec(path);
    if (m) {
      const claim = claimById(decodeURIComponent(m[1]));
      if (!claim) return html(`<!doctype html><p>unknown claim id "${escapeHtml(decodeURIComponent(m[1]))}"</p>`, 404);
      const text = await sourceText(ROOT, claim.source.document);
      const passage = text ? findPassage(text, claim.source.where) : undefined;
      const result = resultOf(claim.id);
      return html(claimPage(claim, {
        result,
        resultNote: report.results.has(claim.id)
          ? `From ${report.path!.replace(ROOT + sep, "")}.`
          : result
          ? `From a fresh test-budget run (seed ${seed}).`
          : undefined,
        passage: passage ? { document: claim.source.document, text: passage } : undefined,
        indexHref: "/",
        reportPlots: report.results.has(claim.id) ? reportPlots.get(claim.id) : undefined,
      }, LIVE));
    }
    m = /^\/api\/claims\/([^/]+)\/(run|evidence)$/.exec(path);
    if (m) {
      const id = decodeURIComponent(m[1]);
      if (m[2] === "evidence") {
        const claim = claimById(id);
        if (!claim) return json({ error: `unknown claim id "${id}"` }, 404);
        if (!sourceOf(claim)) return json({ error: `${id} cannot run in a worker` }, 500);
        try {
          const e = await evidenceOf(claim);
          return json({ result: e.result, plots: e.plots as PlotSpec[] });
        } catch (err) {
          const f = failure(err);
          return json({ error: f.message }, f.status);
        }
      }
      let parsed;
      try {
        parsed = parseRunQuery(id, url.searchParams);
      } catch (e) {
        const f = failure(e);
        return json({ error: f.message }, f.status);
      }
      const source = sourceOf(parsed.claim);
      if (!source) return json({ error: `${id} cannot run in a worker` }, 500);
      if (pool.full) {
        return json({
          error: failure(new PoolFull(`too many runs at once (${pool.maxConcurrent} running); try again in a moment`))
            .message,
        }, 503);
      }
      const job: Job = { kind: "explore", source, request: parsed.request };
      if (!(req.headers.get("accept") ?? "").includes("application/x-ndjson")) {
        try {
          return json(await pool.run(job));
        } catch (e) {
          const f = failure(e);
          return json({ error: f.message }, f.status);
        }
      }
      // Streamed: progress lines, then the result (or the error with its status), one JSON object a line.
      const started = Date.now();
      const encoder = new TextEncoder();
      let ticker: ReturnType<typeof setInterval> | undefined;
      const left = new AbortController(); // the client went away (it cancelled the stream): its worker is ended
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          const send = (o: unknown) => {
            try {
              controller.enqueue(encoder.encode(JSON.stringify(o) + "\n"));
            } catch { /* the client went away */ }
          };
          ticker = setInterval(() => send({ type: "tick", elapsedMs: Date.now() - started }), 500);
          pool.run(job, { signal: left.signal, onProgress: (done, total) => send({ type: "progress", done, total }) })
            .then((value) => send({ type: "result", value }), (e) => send({ type: "error", ...failure(e) }))
            .finally(() => {
              clearInterval(ticker);
              try {
                controller.close();
              } catch { /* already closed */ }
            });
        },
        cancel() {
          clearInterval(ticker);
          left.abort();
        },
      });
      return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8" } });
    }
    if (FILES[path]) return await fileResponse(FILES[path]);
    for (const [prefix, folder] of Object.entries(FOLDERS)) {
      if (!path.startsWith(prefix)) continue;
      const file = await safeFile(folder, path.slice(prefix.length));
      return file ? await fileResponse(file) : json({ error: "not found" }, 404);
    }
    return json({ error: "not found" }, 404);
  };
  return {
    handler,
    close() {
      closed = true;
      if (!options.background) background.close();
    },
  };
}

async function fileResponse(file: string): Promise<Response> {
  try {
    const data = await Deno.readFile(file);
    const type = TYPES[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream";
    return new Response(data, { headers: { "content-type": type, "cache-control": "no-cache" } });
  } catch {
    return json({ error: "not found" }, 404);
  }
}
