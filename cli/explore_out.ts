/**
 * `--out DIR` of `deno task explore`: the trace and plots of what was run, written all or nothing. A plot
 * that cannot be drawn from the records run (too few widths for a fit, a chart with no data) is left out
 * with a note saying why, never written as an empty chart; a directory that cannot be written is a
 * one-line error (exit 2) before anything is run, or after the run with nothing written.
 *
 * @module
 */
import { dirname, join, resolve } from "node:path";
import { type AggregateCheck, type Claim, type InstanceRecord, outcomeOf, type PlotSpec } from "../engine/claim.ts";
import { writeFilesAtomic } from "../engine/io.ts";
import { renderSvg } from "../engine/plot.ts";
import { UsageError } from "./args.ts";

/** One drawn plot: its file name (inside DIR), caption and SVG. */
export interface DrawnPlot {
  /** File name inside DIR. */
  file: string;
  /** Caption. */
  title: string;
  /** The SVG. */
  svg: string;
}

/** Every `data.values` array of a vega-lite spec (layers, concatenations included). */
function dataArrays(spec: unknown, out: unknown[][] = []): unknown[][] {
  if (Array.isArray(spec)) {
    for (const s of spec) dataArrays(s, out);
  } else if (spec !== null && typeof spec === "object") {
    for (const [k, v] of Object.entries(spec)) {
      if (k === "data" && v !== null && typeof v === "object" && Array.isArray((v as { values?: unknown }).values)) {
        out.push((v as { values: unknown[] }).values);
      } else dataArrays(v, out);
    }
  }
  return out;
}

/**
 * Whether a plot spec has no data to draw: every inline data array is empty (a spec with no inline data at all
 * is not judged).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isEmptyChart } from "./explore_out.ts";
 * assert.equal(isEmptyChart({ data: { values: [] }, mark: "point" }), true);
 * assert.equal(isEmptyChart({ layer: [{ data: { values: [] } }, { data: { values: [{ x: 1 }] } }] }), false);
 * assert.equal(isEmptyChart({ mark: "rule" }), false);
 * ```
 */
export function isEmptyChart(spec: Record<string, unknown>): boolean {
  const arrays = dataArrays(spec);
  return arrays.length > 0 && arrays.every((a) => a.length === 0);
}

/**
 * The claim's plots of `records` (and `aggregate`), rendered; a plot that throws or has no data is left out
 * with a one-line note.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drawPlots } from "./explore_out.ts";
 * import { bounded } from "../engine/_toy_claims.ts";
 * const { plots, notes } = await drawPlots(bounded(), [], undefined);
 * assert.equal(plots.length + notes.length >= 0, true);
 * ```
 */
export async function drawPlots(
  claim: Claim,
  records: InstanceRecord[],
  aggregate: AggregateCheck | undefined,
): Promise<{ plots: DrawnPlot[]; notes: string[] }> {
  const plots: DrawnPlot[] = [], notes: string[] = [];
  let specs: PlotSpec[] = [];
  try {
    specs = claim.plots?.(records, aggregate) ?? [];
  } catch (e) {
    notes.push(
      `no plot drawn: the claim's plots cannot be made from the ${records.length} record(s) run (${firstLine(e)})`,
    );
  }
  for (const p of specs) {
    if (isEmptyChart(p.spec)) {
      notes.push(`plot "${p.name}" left out: it has no data from the ${records.length} record(s) run`);
      continue;
    }
    try {
      plots.push({
        file: `${claim.id}-${p.name}.svg`,
        title: p.title,
        svg: await renderSvg({ title: p.title, ...p.spec }),
      });
    } catch (e) {
      notes.push(`plot "${p.name}" left out: it could not be rendered (${firstLine(e)})`);
    }
  }
  if (plots.length === 0) {
    const fallback = observedAgainstBound(claim, records);
    if (fallback) {
      plots.push({
        file: `${claim.id}-${fallback.name}.svg`,
        title: fallback.title,
        svg: await renderSvg({ title: fallback.title, ...fallback.spec }),
      });
      notes.push(`drawn instead: "${fallback.name}", each record's observed quantity against its bound`);
    }
  }
  return { plots, notes };
}

/**
 * The plot every conclusion check allows when the claim's own plots have nothing to draw from the records run:
 * per record, the observed quantity and the bound it is held to (finite values only), marked by outcome.
 * Undefined when no record has a finite pair.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { observedAgainstBound } from "./explore_out.ts";
 * const c = { holds: false, observed: -0.1, bound: 0.2, tightness: NaN, detail: "" };
 * const p = observedAgainstBound({ id: "x" }, [{ index: 3, description: "", hypotheses: [], met: true, conclusion: c }]);
 * assert.equal((p!.spec.data as { values: unknown[] }).values.length, 2);
 * assert.equal(observedAgainstBound({ id: "x" }, []), undefined);
 * ```
 */
export function observedAgainstBound(claim: Pick<Claim, "id">, records: InstanceRecord[]): PlotSpec | undefined {
  const values = records.flatMap((r) => {
    const c = r.conclusion;
    if (!c || !Number.isFinite(c.observed) || !Number.isFinite(c.bound)) return [];
    const outcome = outcomeOf(c)!;
    return [
      { instance: r.index, value: c.observed, what: "observed", outcome },
      { instance: r.index, value: c.bound, what: "bound", outcome },
    ];
  });
  if (values.length === 0) return undefined;
  return {
    name: "observed-vs-bound",
    title: `${claim.id}: observed quantity and its bound per instance run (shape: outcome)`,
    spec: {
      data: { values },
      mark: { type: "point", filled: true, size: 60 },
      encoding: {
        x: { field: "instance", type: "ordinal", title: "instance" },
        y: { field: "value", type: "quantitative", title: "value" },
        color: { field: "what", type: "nominal", title: "" },
        shape: { field: "outcome", type: "nominal", title: "conclusion" },
      },
    },
  };
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

/**
 * Refuses, before anything is run, an `--out` directory that cannot be created: it exists and is not a
 * directory, or its nearest existing ancestor is not one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { checkOutDir } from "./explore_out.ts";
 * assert.throws(() => checkOutDir("/dev/null/x"), /--out/);
 * checkOutDir(Deno.makeTempDirSync());
 * ```
 */
export function checkOutDir(dir: string): void {
  let path = resolve(dir);
  for (;;) {
    let info;
    try {
      info = Deno.statSync(path);
    } catch (e) {
      if ((e instanceof Deno.errors.NotFound || e instanceof Deno.errors.NotADirectory) && dirname(path) !== path) {
        path = dirname(path);
        continue;
      }
      throw new UsageError(`--out ${dir}: cannot be created (${firstLine(e)})`);
    }
    if (!info.isDirectory) throw new UsageError(`--out ${dir}: ${path} is not a directory`);
    return;
  }
}

/**
 * Writes DIR/<id>.md (the trace, the plots, the notes on plots left out) and the plots' SVGs, all or nothing;
 * a failure is a UsageError of one line. Returns the markdown file's path.
 */
export async function writeExploreOut(
  dir: string,
  claim: Claim,
  lines: string[],
  drawn: { plots: DrawnPlot[]; notes: string[]; caption?: string },
): Promise<string> {
  const md = [`# Exploring \`${claim.id}\``, "", "```text", ...lines, "```", ""];
  if (drawn.caption && drawn.plots.length) md.push(drawn.caption, "");
  for (const p of drawn.plots) md.push(`![${p.title}](${p.file})`, "");
  for (const n of drawn.notes) md.push(`- ${n}`);
  if (drawn.notes.length) md.push("");
  const path = join(dir, `${claim.id}.md`);
  try {
    await writeFilesAtomic([
      ...drawn.plots.map((p) => ({ path: join(dir, p.file), text: p.svg })),
      { path, text: md.join("\n") },
    ]);
  } catch (e) {
    throw new UsageError(`--out ${dir}: cannot write (${firstLine(e)}); nothing was written`);
  }
  return path;
}
