/**
 * Renders run results as the markdown verification report (REPORT.md) and as JSON.
 *
 * @module
 */
import type { BudgetName, Certainty, Claim } from "./claim.ts";
import type { ClaimResult, OutcomeCounts } from "./run.ts";
import type { ScenarioOutcome, SearchOutcome } from "./explore.ts";
import { type HolmSummary, lowPower } from "./false_alarm.ts";

/** One claim's entry in the report. */
export interface ReportEntry {
  /** The claim (statement, hypotheses, erratum). */
  claim: Claim;
  /** Its run result. */
  result: ClaimResult;
  /** Plots written for it, as paths relative to the markdown file. */
  plots: { title: string; file: string }[];
  /** What breaking each hypothesis did (report budget only). */
  scenarios?: ScenarioOutcome[];
  /** The tightest instance a targeted search found. */
  search?: SearchOutcome | null;
}

/**
 * A number for a table: 3 significant digits, "—" for null, NaN or non-finite.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatNumber } from "./report.ts";
 * assert.ok(formatNumber(0.123456) === "0.123" && formatNumber(null) === "—");
 * ```
 */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return x === Infinity ? "∞" : "—";
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3 ? x.toExponential(2) : String(Number(x.toPrecision(3)));
}

const BADGE: Record<ClaimResult["status"], string> = {
  verified: "✅ verified",
  falsified: "❌ falsified",
  erratum: "📝 erratum",
  inconclusive: "❔ inconclusive",
  observed: "👁 observed",
};

/** Marks every REPORT.md line that holds a wall-clock time: the only lines two same-seed runs may differ in. */
export const TIMING_MARK = "⏱";

/**
 * The markdown without its timing lines (those holding {@link TIMING_MARK}), for comparing two runs.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TIMING_MARK, withoutTimingLines } from "./report.ts";
 * assert.equal(withoutTimingLines(`a\n| ${TIMING_MARK} time | 3 ms |\nb`), "a\nb");
 * ```
 */
export function withoutTimingLines(markdown: string): string {
  return markdown.split("\n").filter((line) => !line.includes(TIMING_MARK)).join("\n");
}

/** A duration for the report: milliseconds to 3 significant digits, or seconds above 10 s. */
function formatMs(ms: number): string {
  return ms >= 1e4 ? `${(ms / 1000).toFixed(1)} s` : `${formatNumber(ms)} ms`;
}

function cell(s: string): string {
  return s.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function quote(s: string): string {
  return s.split("\n").map((l) => `> ${l}`).join("\n");
}

/**
 * The markdown report: summary table, then one section per claim (statement, hypotheses and how
 * each was checked, evidence, plots, failures with replay commands), then the errata found.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { renderMarkdown } from "./report.ts";
 * assert.ok(renderMarkdown([], { seed: 1, budget: "test" }).includes("# Verification report"));
 * ```
 */
export function renderMarkdown(
  entries: ReportEntry[],
  run: { seed: number; budget: BudgetName; falseAlarm?: { declared: number; level: number; holm: HolmSummary } },
): string {
  const out: string[] = [];
  out.push("# Verification report", "");
  out.push(
    `Master seed **${run.seed}**, budget **${run.budget}**. Every figure below is reproducible: the same seed gives the same report.`,
    "Replay any instance with the command shown beside it. Verdicts: ✅ verified · ❌ falsified · 📝 erratum (printed form fails, corrected form verified) · ❔ inconclusive · 👁 observed (a phenomenon, not a theorem).",
    "",
  );
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.result.status, (counts.get(e.result.status) ?? 0) + 1);
  out.push(`**${entries.length} claims:** ${[...counts].map(([s, n]) => `${n} ${s}`).join(", ")}.`, "");
  out.push("| id | title | source | verdict | met / tried | worst tightness |", "|---|---|---|---|---|---|");
  for (const { result: r } of entries) {
    out.push(
      `| [\`${r.id}\`](#${anchor(r.id)}) | ${cell(r.title)} | ${cell(r.source.where)} | ${
        BADGE[r.status]
      } | ${r.hypothesesMet} / ${r.instances} | ${formatNumber(r.tightness)} |`,
    );
  }
  out.push("");
  if (run.falseAlarm) {
    const { declared, level, holm } = run.falseAlarm;
    const statistical = entries.filter((e) => e.claim.falseAlarm !== undefined);
    out.push(
      "## False-alarm control",
      "",
      `${statistical.length} claims rest on statistical checks; each declares the probability that it fails on correct code under a random master seed. Their sum, a union bound on the chance that this report shows a false failure, is **${
        formatNumber(declared)
      }** (budget ${formatNumber(level)}). Holm's step-down procedure at family-wise level ${
        formatNumber(holm.level)
      } over the ${holm.tested.length} p-values the checks returned rejects ${
        holm.rejected.length ? holm.rejected.map((id) => `\`${id}\``).join(", ") : "none"
      }.`,
      "",
    );
    if (statistical.length) {
      out.push("| claim | declared false-alarm probability | p-value |", "|---|---|---|");
      for (const e of statistical) {
        const p = holm.tested.find((t) => t.id === e.claim.id)?.pValue;
        out.push(`| \`${e.claim.id}\` | ${formatNumber(e.claim.falseAlarm)} | ${formatNumber(p)} |`);
      }
      out.push("");
    }
  }
  for (const e of entries) out.push(...section(e));
  const errata = entries.filter((e) => e.claim.erratum && e.result.status === "erratum");
  out.push("## Errata found", "");
  if (errata.length === 0) out.push("None in this run.", "");
  for (const { claim, result } of errata) {
    const er = claim.erratum!;
    out.push(`### \`${claim.id}\` (${claim.source.where})`, "");
    out.push(`- **Printed:** ${er.printed}`, `- **Corrected:** ${er.corrected}`, `- **Why:** ${er.reasoning}`);
    out.push(...scopeAndReadings(result, "- "));
    const f = result.failures[0];
    if (f) {
      out.push(`- **Falsifying instance:** ${f.detail}`);
      if (f.failure) out.push(`- **The printed form fails there:** ${f.failure}`);
      if (f.corrected) out.push(`- **The corrected form there:** ${f.corrected}`);
      out.push(`- **Replay:** \`${f.replay}\``);
    }
    out.push("");
  }
  const gaps = entries.filter((e) => e.claim.sourceGaps?.length);
  if (gaps.length) {
    out.push(
      "## Source gaps",
      "",
      "Hypotheses a claim needs that its source does not state: without them the printed claim fails (the scenario shows it).",
      "",
    );
    for (const { claim } of gaps) {
      for (const g of claim.sourceGaps!) {
        out.push(
          `- \`${claim.id}\` (${claim.source.where}) needs ${g.hypothesis}: ${g.why}${
            g.scenario ? ` Scenario: \`deno task explore ${claim.id} --scenario ${g.scenario}\`.` : ""
          }`,
        );
      }
    }
    out.push("");
  }
  const slips = entries.filter((e) => e.claim.slips?.length);
  if (slips.length) {
    out.push("## Slips and typos", "", "Proof slips and notational typos that do not change a verdict.", "");
    for (const { claim } of slips) {
      for (const s of claim.slips!) {
        out.push(`- \`${claim.id}\`, ${s.where}: printed ${s.printed}; ${s.fix}`);
      }
    }
    out.push("");
  }
  return out.join("\n");
}

/**
 * A hypothesis's label in the report: certified only when its check was certified on every instance.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { certaintyLabel } from "./report.ts";
 * assert.equal(certaintyLabel("certified", undefined, 4), "certified");
 * assert.equal(certaintyLabel("estimated", 3, 4), "estimated (certified on 3 of 4 instances)");
 * assert.equal(certaintyLabel("certified", 3, 4), "estimated (certified on 3 of 4 instances)");
 * ```
 */
export function certaintyLabel(declared: Certainty, certified: number | undefined, instances: number): string {
  if (certified === undefined) return declared;
  if (certified === instances) return "certified";
  return certified === 0 ? "estimated" : `estimated (certified on ${certified} of ${instances} instances)`;
}

function counts(c: OutcomeCounts): string {
  return `held on ${c.held}, failed on ${c.failed}${c.undecided ? `, undecided on ${c.undecided}` : ""} of ${c.tried}`;
}

/**
 * An erratum's measured scope (where the printed form still holds) and its readings with the verdict under
 * each, as lines starting with `prefix` (readings as a nested list); none when the erratum states neither.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scopeAndReadings } from "./report.ts";
 * const c = { tried: 2, held: 2, failed: 0, undecided: 0 };
 * const lines = scopeAndReadings({ scope: { statement: "for x ≤ 1", inside: c, outside: c } }, "- ");
 * assert.match(lines[0], /^- \*\*Where the printed form still holds:\*\* for x ≤ 1 \(measured/);
 * ```
 */
export function scopeAndReadings(r: Pick<ClaimResult, "scope" | "readings">, prefix: string): string[] {
  const out: string[] = [];
  if (r.scope) {
    const { statement, inside, outside } = r.scope;
    out.push(
      `${prefix}**Where the printed form still holds:** ${statement} (measured on the instances meeting the hypotheses: ${
        inside.tried === 0 ? "none lies inside this scope" : `inside it the printed form ${counts(inside)}`
      }; outside it, ${counts(outside)}).`,
    );
  }
  if (r.readings?.length) {
    out.push(`${prefix}**Readings** (the statement is ambiguous; the verdict under each, on the same instances):`);
    for (const g of r.readings) out.push(`${prefix ? "  " : ""}- ${g.reading}: **${g.verdict}** (${counts(g)}).`);
  }
  return out;
}

function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-");
}

/**
 * How tight the bound is at best, in words: "attained" only for a form that held, at tightness ≥ 0.99 (the
 * searched instance when it held; the sampled worst when every sampled instance of the form held).
 */
function looseness(search: SearchOutcome, sampled: number | null, sampledHeld: boolean): string {
  if (!search.held) return " (a counterexample: the bound is violated there)";
  const best = Math.max(search.best, sampledHeld ? sampled ?? -Infinity : -Infinity);
  if (!Number.isFinite(best) || best <= 0) return "";
  if (best >= 0.99) return " (the bound is attained)";
  if (best < 0.1) return ` (the bound is loose by a factor ${formatNumber(1 / best)} at best)`;
  return "";
}

/** The "Targeted search" paragraph: the tightest instance, and for an erratum the printed form's worst violation. */
function searchParagraph(claim: Claim, r: ClaimResult, search: SearchOutcome): string {
  const erratum = claim.erratum !== undefined;
  const sampledHeld = r.status === "verified" || r.status === "erratum";
  let text = `**Targeted search** (hill climbing on ${
    Object.keys(claim.parameters ?? {}).join(", ")
  }, ${search.evaluations} evaluations${erratum ? ", measuring the corrected form" : ""}): tightest instance${
    erratum ? " of the corrected form" : ""
  } ${formatNumber(search.best)} against ${formatNumber(r.tightness)} by random sampling${
    looseness(search, r.tightness, sampledHeld)
  } — ${search.description}. Replay: \`${search.replay}\``;
  if (erratum) {
    const v = search.printedViolation;
    text += v
      ? `. The printed form's worst violation among the searched instances: tightness ${
        formatNumber(v.tightness)
      } — ${v.description}: ${v.detail}${v.failure ? ` (in words: ${v.failure})` : ""}. Replay: \`${v.replay}\``
      : ". The printed form held on every searched instance.";
  }
  return text;
}

function section({ claim, result: r, plots, scenarios, search }: ReportEntry): string[] {
  const out: string[] = [];
  out.push(`## ${r.id}`, "");
  out.push(
    `**${claim.title}** — ${claim.kind} claim, ${
      BADGE[r.status]
    }. Source: \`${r.source.document}\`, ${r.source.where}.`,
    "",
  );
  out.push(quote(claim.statement), "");
  if (claim.hypotheses.length) {
    out.push("| hypothesis | checked | how | held on |", "|---|---|---|---|");
    claim.hypotheses.forEach((h, i) => {
      out.push(
        `| ${cell(h.statement)} | ${certaintyLabel(h.certainty, r.hypothesisCertified?.[i], r.instances)} | ${
          cell(h.method)
        } | ${r.hypothesisCounts[i]} / ${r.instances} |`,
      );
    });
    out.push("");
  }
  out.push(`**Conclusion checked:** ${claim.conclusion.statement.replaceAll("\n", " ")}`, "");
  const weak = lowPower(r.aggregate?.tests ?? [], r.budget);
  out.push(`**Verdict:** ${r.status} — ${r.reason}.${weak ? ` (${cap(weak)}.)` : ""}`, "");
  if (claim.unreachable) out.push(`**Why the hypotheses are out of reach here:** ${claim.unreachable}`, "");
  const rows: [string, string][] = [
    ["instances tried", String(r.instances)],
    ["instances meeting the hypotheses", String(r.hypothesesMet)],
    ["conclusion failures", String(r.conclusionFailures)],
    ["undecided (the computation could not decide)", String(r.undecided)],
  ];
  if (r.correctedFailures !== null) rows.push(["corrected-form failures", String(r.correctedFailures)]);
  rows.push(
    [
      "worst tightness",
      `${formatNumber(r.tightness)}${r.worstInstance !== null ? ` (instance ${r.worstInstance})` : ""}`,
    ],
    ["median tightness", formatNumber(r.medianTightness)],
    ["tightness means", claim.tightness + (r.status === "erratum" ? " (of the corrected form)" : "")],
  );
  if (r.aggregate) {
    rows.push(["aggregate", r.aggregate.summary]);
    for (const row of r.aggregate.rows ?? []) rows.push(row);
    for (const t of r.aggregate.tests ?? []) {
      rows.push([
        `test: ${t.name}`,
        `${t.statistic}; p = ${formatNumber(t.pValue)} at level ${formatNumber(t.alpha)}; ${
          t.power ? `power ${formatNumber(t.power.probability)} against ${t.power.alternative}` : "power not computed"
        }`,
      ]);
    }
    for (const [label, ms] of Object.entries(r.aggregate.timingsMs ?? {})) {
      rows.push([`${TIMING_MARK} ${label}`, formatMs(ms)]);
    }
  }
  rows.push([
    `${TIMING_MARK} wall-clock time of the claim's run (this machine; varies between runs)`,
    formatMs(r.elapsedMs),
  ]);
  out.push("| evidence | value |", "|---|---|", ...rows.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`), "");
  if (claim.erratum) {
    out.push(
      `**Erratum.** Printed: ${claim.erratum.printed}. Corrected: ${claim.erratum.corrected}. ${claim.erratum.reasoning}`,
      "",
    );
    const more = scopeAndReadings(r, "");
    if (more.length) out.push(...more, "");
  }
  if (claim.nearMiss) {
    out.push(
      "caughtBy" in claim.nearMiss
        ? `**Near miss.** A wrong theory close to the printed one, ${claim.nearMiss.mutant}, is caught at the test budget (${claim.nearMiss.caughtBy}).`
        : `**Near miss.** No check can tell the printed claim from ${claim.nearMiss.mutant}: ${claim.nearMiss.notCaught}.`,
      "",
    );
  }
  for (const p of plots) out.push(`![${p.title}](${p.file})`, "", `*${p.title}*`, "");
  if (scenarios?.length || claim.unbreakable) {
    out.push("**Breaking the hypotheses.**", "");
    if (claim.unbreakable) out.push(`- No hypothesis to break: ${claim.unbreakable}`);
    for (const s of scenarios ?? []) {
      out.push(`- *${s.scenario.name}* (breaks ${s.scenario.breaks}): ${s.summary}.`);
      if (s.counterexample) {
        const words = s.counterexample.failure ? ` In words: ${s.counterexample.failure}.` : "";
        out.push(`  Shrunk counterexample: ${s.counterexample.detail}.${words} Replay: \`${s.counterexample.replay}\``);
      }
      if (s.replay) out.push(`  ${cap(s.note ?? "")}. Replay: \`${s.replay}\``);
    }
    out.push("");
  }
  if (search) out.push(searchParagraph(claim, r, search), "");
  else if (scenarios && claim.kind === "exact" && claim.searchBudget?.evaluations === 0) {
    out.push(`**Targeted search:** not run: ${claim.searchBudget.why}`, "");
  }
  if (r.failures.length) {
    out.push("Failing instances:", "");
    for (const f of r.failures) {
      const words = `${f.failure ? ` — in words: ${f.failure}` : ""}${
        f.corrected ? ` — the corrected form ${f.corrected}` : ""
      }`;
      out.push(`- instance ${f.index}: ${f.detail}${words} — replay: \`${f.replay}\``);
    }
    out.push("");
  }
  if (r.undecidedInstances.length) {
    out.push("Undecided instances (neither a counterexample nor a pass):", "");
    for (const f of r.undecidedInstances) out.push(`- instance ${f.index}: ${f.detail} — replay: \`${f.replay}\``);
    out.push("");
  }
  return out;
}

/**
 * The machine-readable report: `{"seed", "budget", "claims": [...]}`, each claim's result with, when a
 * targeted search ran, `search: {best, held, params, replay, …}` (null when the claim has no parameters).
 * Timings appear only in fields named `*Ms`, so two runs with one seed differ only there (compare with
 * `withoutTimings`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { renderJson } from "./report.ts";
 * assert.equal(JSON.parse(renderJson([], { seed: 3, budget: "test" })).seed, 3);
 * ```
 */
export function renderJson(
  results: (ClaimResult & { search?: SearchOutcome | null })[],
  run: { seed: number; budget: BudgetName },
): string {
  return JSON.stringify({ seed: run.seed, budget: run.budget, claims: results }, null, 2) + "\n";
}
