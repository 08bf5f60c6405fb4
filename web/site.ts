/**
 * The report as a self-contained static site (`deno task report --html DIR`): `index.html` (every claim, filters
 * in the page), `claims/<id>.html` (statement, hypotheses and conclusion typeset by KaTeX, the source passage,
 * the verdict and its evidence, the plots embedded as SVG images) and `assets/` (the stylesheet, the filter
 * script, KaTeX's stylesheet and fonts). No server and no network needed; every file is a function of the
 * run's results, so a seed gives the same bytes (timings are never written). Each file is written atomically.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Claim } from "../engine/claim.ts";
import { writeBytesAtomic, writeTextAtomic } from "../engine/io.ts";
import type { ClaimResult } from "../engine/run.ts";
import { claimPage, type ClaimSummary, findPassage, indexPage, type PageContext, powerOf } from "./pages.ts";
import { sourceFolder, sourceText } from "./pages.ts";
import { escapeHtml } from "./tex.ts";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** One claim of the site: the claim, its result, its plots as SVG. */
export interface SiteEntry {
  /** The claim. */
  claim: Claim;
  /** Its result. */
  result: ClaimResult;
  /** Its plots, rendered. */
  plots: { title: string; svg: string }[];
}

/** A file name for a claim id (ids are letters, digits, dots and dashes; anything else becomes `_`). */
export function pageName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, "_")}.html`;
}

/** Base64 of UTF-8 text, in chunks (large plots would overflow a spread of arguments). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Writes the site to `dir`; returns the files written, relative to it, in order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { writeSite } from "./site.ts";
 * import { runClaim } from "../engine/run.ts";
 * import { bounded } from "../engine/_toy_claims.ts";
 * const claim = bounded();
 * const { result } = await runClaim(claim, { seed: 1, budget: "test" });
 * const dir = await Deno.makeTempDir();
 * const files = await writeSite([{ claim, result, plots: [] }], { seed: 1, budget: "test", dir });
 * assert.ok(files.includes("index.html") && files.includes("claims/toy-bounded.html"));
 * assert.ok((await Deno.readTextFile(`${dir}/claims/toy-bounded.html`)).includes('class="katex"'));
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeSite(
  entries: readonly SiteEntry[],
  run: { seed: number; budget: string; dir: string },
): Promise<string[]> {
  const written: string[] = [];
  const write = async (rel: string, text: string) => {
    await writeTextAtomic(join(run.dir, rel), text);
    written.push(rel);
  };
  const rows: ClaimSummary[] = entries.map(({ claim, result }) => ({
    id: claim.id,
    title: claim.title,
    kind: claim.kind,
    source: sourceFolder(claim),
    where: claim.source.where,
    status: result.status,
    tightness: result.tightness,
    power: powerOf(result),
  }));
  const top: PageContext = { assets: "assets/", vendor: "assets/", live: false };
  await write(
    "index.html",
    indexPage(rows, {}, top, `Seed ${run.seed}, ${run.budget} budget.`, (id) => `claims/${pageName(id)}`),
  );
  const inner: PageContext = { assets: "../assets/", vendor: "../assets/", live: false };
  for (const { claim, result, plots } of entries) {
    const text = await sourceText(ROOT, claim.source.document);
    const passage = text ? findPassage(text, claim.source.where) : undefined;
    await write(
      `claims/${pageName(claim.id)}`,
      claimPage(claim, {
        result,
        resultNote: `Seed ${run.seed}, ${run.budget} budget.`,
        passage: passage ? { document: claim.source.document, text: passage } : undefined,
        svgs: plots.map((p) => ({ title: p.title, svg: svgImage64(p.svg, p.title) })),
        indexHref: "../index.html",
      }, inner),
    );
  }
  for (const name of ["style.css", "filter.js"]) {
    await write(`assets/${name}`, await Deno.readTextFile(join(ROOT, "web", "static", name)));
  }
  const katex = join(ROOT, "node_modules", "katex", "dist");
  await write("assets/katex/katex.min.css", await Deno.readTextFile(join(katex, "katex.min.css")));
  const fonts = [...Deno.readDirSync(join(katex, "fonts"))].map((e) => e.name).filter((n) => n.endsWith(".woff2"))
    .sort();
  for (const font of fonts) {
    await writeBytesAtomic(
      join(run.dir, "assets", "katex", "fonts", font),
      await Deno.readFile(join(katex, "fonts", font)),
    );
    written.push(`assets/katex/fonts/${font}`);
  }
  return written;
}

/** An SVG as an image that carries itself (no ids shared between the plots of one page). */
function svgImage64(svg: string, title: string): string {
  return `<img alt="${escapeHtml(title)}" src="data:image/svg+xml;base64,${base64(svg)}">`;
}
