/**
 * Markdown with `$…$` and `$$…$$` LaTeX (the claims' statements, the sources' passages) to HTML: the math
 * is typeset by KaTeX on the server (no script needed in the page, only KaTeX's stylesheet), the rest by
 * marked. Same text, same HTML.
 *
 * @module
 */
import katex from "katex";
import { Marked } from "marked";

const markdown = new Marked({ gfm: true, breaks: false });

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * One formula typeset by KaTeX; one KaTeX cannot parse (some source passages lost `\b`, `\t`, `\f` in their
 * extraction, or use environments KaTeX lacks) is shown as its LaTeX source in a `<code>`, never thrown.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { texToHtml } from "./tex.ts";
 * assert.ok(texToHtml("x^2").includes('class="katex"'));
 * assert.equal(texToHtml("\\frac{1"), '<code class="tex-source" title="not typeset: KaTeX could not parse it">\\frac{1</code>');
 * ```
 */
export function texToHtml(tex: string, display = false): string {
  try {
    return katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "ignore", output: "html" });
  } catch {
    return `<code class="tex-source" title="not typeset: KaTeX could not parse it">${escapeHtml(tex)}</code>`;
  }
}

/** `$$…$$` (display) and `$…$` (inline, not `\$`), in that order. */
const MATH = /\$\$([\s\S]+?)\$\$|(?<!\\)\$((?:\\\$|[^$])+?)\$/g;

/**
 * Markdown with LaTeX to HTML. The math is cut out before marked sees it (so `_` and `*` inside a formula
 * stay LaTeX) and typeset by KaTeX; `inline` renders without the surrounding paragraph.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { markdownToHtml } from "./tex.ts";
 * const html = markdownToHtml("**Lemma.** $a_1 * b_2$ holds", { inline: true });
 * assert.ok(html.startsWith("<strong>Lemma.</strong> <span class=\"katex\">"));
 * assert.ok(!html.includes("<em>"));
 * ```
 */
export function markdownToHtml(text: string, options: { inline?: boolean } = {}): string {
  const formulas: string[] = [];
  const cut = text.replace(MATH, (_, display: string | undefined, inline: string | undefined) => {
    formulas.push(display !== undefined ? texToHtml(display.trim(), true) : texToHtml(inline!.trim()));
    return `\uE000${formulas.length - 1}\uE000`;
  });
  const html = options.inline
    ? markdown.parseInline(cut, { async: false }) as string
    : markdown.parse(cut, { async: false }) as string;
  return html.replace(/\uE000(\d+)\uE000/g, (_, k: string) => formulas[Number(k)]);
}
