/**
 * The web's HTML, for the live server (web/server.ts) and the static report (web/site.ts) alike: the index
 * of every claim (source, kind, verdict, worst tightness, power; filters by source and verdict) and a claim's
 * page (its statement, hypotheses and conclusion typeset by KaTeX, the source passage, the verdict with its
 * evidence, its plots; live, the run controls too). Pure functions of their arguments: same input, same bytes.
 *
 * @module
 */
import { join } from "node:path";
import type { Claim, Status } from "../engine/claim.ts";
import { sourceOf } from "../engine/registry.ts";
import { formatNumber } from "../engine/report.ts";
import type { ClaimResult } from "../engine/run.ts";
import { escapeHtml as esc, markdownToHtml } from "./tex.ts";

/** One row of the index. */
export interface ClaimSummary {
  /** Claim id. */
  id: string;
  /** Title. */
  title: string;
  /** Kind. */
  kind: Claim["kind"];
  /** The catalog's folder for its source (ch10, ch11, lecture13, chizat). */
  source: string;
  /** Where it is printed. */
  where: string;
  /** The verdict, when known. */
  status?: Status;
  /** Worst tightness, when known. */
  tightness?: number | null;
  /** The lowest power its statistical tests state, when they state one. */
  power?: number;
}

/** The lowest power a result's aggregate states against its alternatives, if any. */
export function powerOf(result: ClaimResult | undefined): number | undefined {
  const powers = (result?.aggregate?.tests ?? []).map((t) => t.power?.probability).filter((p) => p !== undefined);
  return powers.length ? Math.min(...powers as number[]) : undefined;
}

/** The verdicts, as the report labels them. */
export const STATUSES: readonly Status[] = ["verified", "falsified", "erratum", "inconclusive", "observed"];

const BADGE: Record<Status, string> = {
  verified: "✓ verified",
  falsified: "✗ falsified",
  erratum: "✎ erratum",
  inconclusive: "? inconclusive",
  observed: "◉ observed",
};

/** Where a page finds its stylesheets and scripts, and whether it runs against the server. */
export interface PageContext {
  /** Prefix of the assets (`/static/` live, `../assets/` or `assets/` in the static site). */
  assets: string;
  /** Prefix of the vendored libraries (`/vendor/` live, the same folder as assets in the static site). */
  vendor: string;
  /** Live (run controls, interactive charts) or static. */
  live: boolean;
}

/** A whole HTML document. */
export function layout(title: string, body: string, ctx: PageContext, scripts: string[] = []): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<link rel="stylesheet" href="${ctx.vendor}katex/katex.min.css">`,
    `<link rel="stylesheet" href="${ctx.assets}style.css">`,
    ...scripts.map((s) => `<script src="${s}"></script>`),
    "</head>",
    "<body>",
    body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** Filters of the index (from its URL). */
export interface IndexFilters {
  /** Only this source folder. */
  source?: string;
  /** Only this verdict. */
  verdict?: string;
}

/**
 * The index: a table of claims with filters by source and verdict (a GET form, so the state is in the URL;
 * the static site filters in the page instead).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexPage } from "./pages.ts";
 * const rows = [{ id: "a", title: "A", kind: "exact" as const, source: "ch10", where: "x", status: "verified" as const }];
 * const html = indexPage(rows, {}, { assets: "/static/", vendor: "/vendor/", live: true }, "from a run");
 * assert.ok(html.includes('href="/claims/a"') && html.includes("✓ verified"));
 * ```
 */
export function indexPage(
  rows: readonly ClaimSummary[],
  filters: IndexFilters,
  ctx: PageContext,
  note: string,
  link: (id: string) => string = (id) => `/claims/${encodeURIComponent(id)}`,
): string {
  const sources = [...new Set(rows.map((r) => r.source))];
  const shown = rows.filter((r) =>
    (!filters.source || r.source === filters.source) &&
    (!filters.verdict || (r.status ?? "pending") === filters.verdict)
  );
  const option = (value: string, label: string, selected: string | undefined) =>
    `<option value="${esc(value)}"${selected === value ? " selected" : ""}>${esc(label)}</option>`;
  const body = [
    "<header><h1>gd-check</h1>",
    "<p>Executable, randomized, reproducible checks of theorems about gradient descent and wide neural networks.</p>",
    `<p class="note">${esc(note)}</p></header>`,
    `<form id="filters" method="get" action="">`,
    `<label>source <select name="source" data-filter="source">${option("", "all", filters.source ?? "")}${
      sources.map((s) => option(s, s, filters.source)).join("")
    }</select></label>`,
    `<label>verdict <select name="verdict" data-filter="verdict">${option("", "all", filters.verdict ?? "")}${
      [...STATUSES, "pending"].map((s) => option(s, s, filters.verdict)).join("")
    }</select></label>`,
    ctx.live ? `<button type="submit">filter</button>` : "",
    "</form>",
    `<table id="claims"><thead><tr><th>claim</th><th>title</th><th>source</th><th>kind</th><th>verdict</th>` +
    `<th>worst tightness</th><th>power</th></tr></thead><tbody>`,
    ...(ctx.live ? shown : rows).map((r) =>
      `<tr data-source="${esc(r.source)}" data-verdict="${esc(r.status ?? "pending")}">` +
      `<td><a href="${link(r.id)}">${esc(r.id)}</a></td><td>${esc(r.title)}</td>` +
      `<td title="${esc(r.where)}">${esc(r.source)}</td><td>${r.kind}</td>` +
      `<td class="verdict ${r.status ?? "pending"}">${r.status ? BADGE[r.status] : "… pending"}</td>` +
      `<td>${r.tightness === undefined ? "" : formatNumber(r.tightness)}</td>` +
      `<td>${r.power === undefined ? "—" : formatNumber(r.power)}</td></tr>`
    ),
    "</tbody></table>",
    ctx.live ? "" : `<script src="${ctx.assets}filter.js"></script>`,
  ].join("\n");
  return layout("gd-check: claims", body, ctx);
}

/** The evidence behind a verdict: its reason, aggregate, tests and failures with their replay commands. */
export function evidenceHtml(r: ClaimResult): string {
  const out = [
    `<p class="verdict ${r.status}"><strong>${
      BADGE[r.status]
    }</strong> — seed ${r.seed}, ${r.budget} budget: ${r.hypothesesMet}/${r.instances} instances met the hypotheses; worst tightness ${
      formatNumber(r.tightness)
    }, median ${formatNumber(r.medianTightness)}.</p>`,
    `<p>${markdownToHtml(r.reason, { inline: true })}</p>`,
  ];
  const a = r.aggregate;
  if (a) {
    out.push(`<p><strong>Aggregate:</strong> ${markdownToHtml(a.summary, { inline: true })}</p>`);
    const rows = a.rows ?? [];
    if (rows.length) {
      out.push(
        "<table><tbody>",
        ...rows.map(([k, v]) => `<tr><td>${markdownToHtml(k, { inline: true })}</td><td>${esc(v)}</td></tr>`),
        "</tbody></table>",
      );
    }
    if (a.tests?.length) {
      out.push(
        "<table><thead><tr><th>test</th><th>statistic</th><th>p</th><th>level</th><th>power</th></tr></thead><tbody>",
        ...a.tests.map((t) =>
          `<tr><td>${esc(t.name)}</td><td>${esc(t.statistic)}</td><td>${formatNumber(t.pValue)}</td><td>${
            formatNumber(t.alpha)
          }</td><td>${
            t.power ? `${formatNumber(t.power.probability)} against ${esc(t.power.alternative)}` : "—"
          }</td></tr>`
        ),
        "</tbody></table>",
      );
    }
  }
  if (r.failures.length) {
    out.push(
      "<p><strong>Failing instances:</strong></p><ul>",
      ...r.failures.map((f) => `<li>instance ${f.index}: ${esc(f.detail)} — <code>${esc(f.replay)}</code></li>`),
      "</ul>",
    );
  }
  return out.join("\n");
}

/** What a claim's page shows besides the claim itself. */
export interface ClaimPageData {
  /** The verdict and its evidence (the report's, or a fresh test-budget run's), if known. */
  result?: ClaimResult;
  /** Where the result comes from, one line. */
  resultNote?: string;
  /** The source passage (markdown with LaTeX), if found. */
  passage?: { document: string; text: string };
  /** Static site: the plots as SVG, with their titles. */
  svgs?: { title: string; svg: string }[];
  /** Link back to the index. */
  indexHref: string;
  /** Live: the report's own plots (SVG files beside its JSON), linked. */
  reportPlots?: { title: string; src: string }[];
}

function parameterControls(claim: Claim): string {
  const specs = Object.entries(claim.parameters ?? {});
  if (specs.length === 0) return "<p>This claim declares no parameters.</p>";
  return specs.map(([name, p]) => {
    const step = p.type === "integer" ? "1" : String((p.max - p.min) / 400);
    return `<div class="param"><label for="p-${esc(name)}"><code>${esc(name)}</code> ${
      markdownToHtml(p.help, { inline: true })
    } <span class="range">(${p.type} in [${p.min}, ${p.max}])</span></label>` +
      `<input type="range" id="r-${esc(name)}" data-param="${
        esc(name)
      }" min="${p.min}" max="${p.max}" step="${step}">` +
      `<input type="number" id="p-${esc(name)}" name="${esc(name)}" data-param="${
        esc(name)
      }" min="${p.min}" max="${p.max}" step="${p.type === "integer" ? "1" : "any"}" placeholder="random">` +
      `<button type="button" class="clear" data-clear="${esc(name)}" title="draw at random">×</button></div>`;
  }).join("\n");
}

/**
 * A claim's page. Live, it carries the run controls (parameters with their declared ranges, ignore hypotheses,
 * seed, instance, count, one button per scenario) that web/static/app.js drives.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { claimPage } from "./pages.ts";
 * import { bounded } from "../engine/_toy_claims.ts";
 * const html = claimPage(bounded(), { indexHref: "/" }, { assets: "/static/", vendor: "/vendor/", live: true });
 * assert.ok(html.includes('id="run"') && html.includes('class="katex"'));
 * ```
 */
export function claimPage(claim: Claim, data: ClaimPageData, ctx: PageContext): string {
  const md = (s: string) => markdownToHtml(s);
  const body: string[] = [
    `<nav><a href="${data.indexHref}">← all claims</a></nav>`,
    `<header><h1><code>${esc(claim.id)}</code> ${esc(claim.title)}</h1>`,
    `<p class="meta">${claim.kind} · ${esc(claim.source.where)} · <code>${esc(claim.source.document)}</code></p>`,
    "</header>",
    `<section id="statement"><h2>Statement</h2>${md(claim.statement)}</section>`,
    `<section id="hypotheses"><h2>Hypotheses</h2><ol>`,
    ...claim.hypotheses.map((h) =>
      `<li><span class="statement">${
        markdownToHtml(h.statement, { inline: true })
      }</span> <span class="certainty">[${h.certainty}]</span>` +
      `<div class="method">${esc(h.method)}</div></li>`
    ),
    "</ol></section>",
    `<section id="conclusion"><h2>Conclusion</h2>${md(claim.conclusion.statement)}`,
    `<p class="tightness"><strong>Tightness:</strong> ${
      markdownToHtml(claim.tightness, { inline: true })
    }</p></section>`,
  ];
  if (claim.erratum) {
    body.push(
      `<section id="erratum"><h2>Erratum</h2><p><strong>Printed:</strong> ${
        markdownToHtml(claim.erratum.printed, { inline: true })
      }</p><p><strong>Corrected:</strong> ${markdownToHtml(claim.erratum.corrected, { inline: true })}</p>${
        md(claim.erratum.reasoning)
      }</section>`,
    );
  }
  for (const gap of claim.sourceGaps ?? []) {
    body.push(
      `<section class="gap"><h3>Source gap</h3><p>${markdownToHtml(gap.hypothesis, { inline: true })}: ${
        markdownToHtml(gap.why, { inline: true })
      }</p></section>`,
    );
  }
  if (data.passage) {
    body.push(
      `<details id="passage"><summary>Source passage (<code>${
        esc(data.passage.document)
      }</code>)</summary><div class="passage">${md(data.passage.text)}</div></details>`,
    );
  }
  body.push(`<section id="evidence"><h2>Verdict</h2>`);
  if (data.resultNote) body.push(`<p class="note">${esc(data.resultNote)}</p>`);
  body.push(data.result ? evidenceHtml(data.result) : `<p class="pending">no verdict yet</p>`, "</section>");
  body.push(`<section id="plots"><h2>Plots</h2>`);
  if (ctx.live && claim.plots) {
    body.push(`<div id="charts" data-id="${esc(claim.id)}"><p class="note">loading charts…</p></div>`);
  }
  if (ctx.live && !claim.plots && !data.reportPlots?.length) body.push(`<p class="note">this claim has no plots</p>`);
  for (const p of data.svgs ?? []) body.push(`<figure>${p.svg}<figcaption>${esc(p.title)}</figcaption></figure>`);
  if (data.reportPlots?.length) {
    body.push(
      `<details id="report-plots"><summary>The report's plots (the data behind the verdict above)</summary>`,
      ...data.reportPlots.map((p) =>
        `<figure><img src="${esc(p.src)}" alt="${esc(p.title)}" loading="lazy"><figcaption>${
          esc(p.title)
        }</figcaption></figure>`
      ),
      "</details>",
    );
  }
  body.push("</section>");
  if (ctx.live) {
    body.push(
      `<section id="explore"><h2>Explore</h2>`,
      `<form id="run" data-id="${esc(claim.id)}">`,
      parameterControls(claim),
      `<div class="common"><label>seed <input type="number" name="seed" min="0" step="1" value="1"></label>`,
      `<label>instance <input type="number" name="instance" min="0" step="1" value="0"></label>`,
      `<label>count <input type="number" name="count" min="1" max="1000" step="1" value="1"></label>`,
      `<label><input type="checkbox" name="ignoreHypotheses" value="1"> ignore hypotheses</label></div>`,
      `<button type="submit" id="go">run</button>`,
      "</form>",
      `<div id="scenarios"><h3>Break a hypothesis</h3>`,
      ...(claim.scenarios ?? []).map((s) =>
        `<button type="button" class="scenario" data-scenario="${esc(s.name)}" data-params="${
          esc(JSON.stringify(s.params))
        }">${esc(s.name)}</button> <span>${markdownToHtml(s.breaks, { inline: true })}</span><br>`
      ),
      claim.unbreakable ? `<p>No hypothesis to break: ${markdownToHtml(claim.unbreakable, { inline: true })}</p>` : "",
      "</div>",
      `<div id="progress" hidden><progress></progress> <span></span></div>`,
      `<div id="result" aria-live="polite"></div>`,
      "</section>",
    );
  }
  const scripts = ctx.live
    ? [
      `${ctx.vendor}katex/katex.min.js`,
      `${ctx.vendor}vega.min.js`,
      `${ctx.vendor}vega-lite.min.js`,
      `${ctx.vendor}vega-embed.min.js`,
    ]
    : [];
  if (ctx.live) body.push(`<script type="module" src="${ctx.assets}app.js"></script>`);
  return layout(`${claim.id}: ${claim.title}`, body.join("\n"), ctx, scripts);
}

/** Labels in a `where` worth searching the source for: theorem-like labels, quoted slide titles, equations. */
function passageKeys(where: string): string[] {
  const labels = [
    ...where.matchAll(/\b(Lemma|Theorem|Proposition|Definition|Remark|Example|Corollary|Assumption)\s+\d+(\.\d+)*/g),
  ].map((m) => m[0]);
  const quoted = [...where.matchAll(/[‘'“"]([^'’”"]{4,})[’'”"]/g)].map((m) => m[1].replace(/^(Lemma|Theorem): /, ""));
  const equations = [...where.matchAll(/\((\d+\.\d+(\.\d+)?[a-z]?)\)/g)].map((m) => `(${m[1]})`);
  return [...labels.flatMap((l) => [`**${l}`, l]), ...quoted, ...equations];
}

/**
 * The passage of a source text where a claim is printed: from the line with the first label of `where` found
 * (a theorem-like label, a quoted slide title, an equation number) to a paragraph end after about 1500
 * characters; undefined when none is found.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { findPassage } from "./pages.ts";
 * const text = "intro\n\n**Lemma 1.2.** Let $x$ be real.\n\nProof. Clear.\n";
 * assert.ok(findPassage(text, "Chapter 1, Lemma 1.2")!.startsWith("**Lemma 1.2.**"));
 * assert.equal(findPassage(text, "Lemma 9.9"), undefined);
 * ```
 */
export function findPassage(text: string, where: string): string | undefined {
  for (const key of passageKeys(where)) {
    const at = text.indexOf(key);
    if (at < 0) continue;
    const start = text.lastIndexOf("\n", at) + 1;
    let end = text.indexOf("\n\n", start + 1500);
    if (end < 0 || end > start + 3000) end = Math.min(text.length, start + 3000);
    return text.slice(start, end).trim();
  }
  return undefined;
}

/** The catalog's folder of a claim's module (ch10, ch11, lecture13, chizat), else its source document. */
export function sourceFolder(claim: Claim): string {
  const module = sourceOf(claim)?.module ?? "";
  return /\/theorems\/([^/]+)\//.exec(module)?.[1] ?? claim.source.document;
}

/** The text of a source document: the repository's `sources/`, else `../shared/sources/`; undefined if neither has it. */
export async function sourceText(root: string, document: string): Promise<string | undefined> {
  for (const dir of [join(root, "sources"), join(root, "..", "shared", "sources")]) {
    try {
      return await Deno.readTextFile(join(dir, document));
    } catch {
      continue;
    }
  }
  return undefined;
}
