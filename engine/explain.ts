/**
 * `deno task explore <id> --explain`: what a claim states and how it is checked, in plain Unicode —
 * the statement as printed, each hypothesis with how it is checked, the conclusion, what tightness
 * and the aggregate measure, the erratum, the near miss the tests catch, and the scenarios with what
 * each breaks.
 *
 * @module
 */
import type { Claim, ClaimKind } from "./claim.ts";
import { texToUnicode } from "./unicode_math.ts";

/** What each kind of claim asserts and how its verdict is reached. */
export const KIND_MEANING: Record<ClaimKind, string> = {
  exact: "an identity or inequality that must hold on every instance meeting the hypotheses (one failure falsifies it)",
  probabilistic:
    "an event promised with probability at least 1 − δ: each draw is checked, and an exact binomial test over all draws decides",
  rate:
    "a rate (an exponent, a decay law): fitted over a sweep, with an interval that must contain or respect the printed one",
  limit:
    "a limit: the gap to the limiting object must shrink as the parameter grows, at the stated rate where one is given",
  observation:
    "a phenomenon the source describes (no theorem): measured and reported with its uncertainty, never falsified",
};

/** `text` wrapped at `width` columns, each line starting with `indent`. */
export function wrapText(text: string, indent: string, width = 100): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter((w) => w)) {
      if (line && [...indent, ...line, " ", ...word].length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out;
}

/** Markdown's emphasis and code marks dropped (the terminal shows them as noise). */
const unmarked = (s: string) => texToUnicode(s).replace(/\*\*|`/g, "").replace(/(^|\s)\*([^*\s][^*]*)\*/g, "$1$2");

const plain = (s: string) => unmarked(s).replace(/\s+/g, " ").trim();

/**
 * The explanation of `claim`, as lines of plain Unicode (no `$`, no LaTeX macro).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { explainClaim } from "./explain.ts";
 * import { typo } from "./_toy_claims.ts";
 * const text = explainClaim(typo()).join("\n");
 * assert.ok(text.includes("Statement, as printed") && text.includes("Hypotheses"));
 * ```
 */
export function explainClaim(claim: Claim<unknown, unknown>): string[] {
  const out: string[] = [];
  out.push(`${claim.id} — ${plain(claim.title)}`);
  out.push(`Source: ${claim.source.document}, ${plain(claim.source.where)}`);
  out.push(`Kind: ${claim.kind} — ${KIND_MEANING[claim.kind]}.`, "");
  out.push("Statement, as printed:", ...wrapText(unmarked(claim.statement), "  "), "");
  out.push(
    claim.hypotheses.length
      ? "Hypotheses, each checked on every instance (certified: exact or rigorously bounded; estimated: sampled):"
      : "Hypotheses: none.",
  );
  claim.hypotheses.forEach((h, i) => {
    out.push(...wrapText(`${i + 1}. ${plain(h.statement)} [${h.certainty}] — checked by: ${plain(h.method)}`, "  "));
  });
  for (const gap of claim.sourceGaps ?? []) {
    out.push(
      ...wrapText(
        `Source gap: the source omits "${plain(gap.hypothesis)}": ${plain(gap.why)}${
          gap.scenario ? ` (scenario ${gap.scenario} shows it)` : ""
        }`,
        "  ",
      ),
    );
  }
  out.push("", "Conclusion checked on each instance:", ...wrapText(plain(claim.conclusion.statement), "  "), "");
  out.push(
    "Tightness (observed over bound: 1 = the bound is attained, below 1 = slack, above 1 = violated):",
    ...wrapText(plain(claim.tightness), "  "),
  );
  if (claim.aggregate) {
    const judged = claim.conclusionBy === "aggregate"
      ? "it decides the claim (the per-instance check only checks that the measurements are sound)"
      : "it must hold besides every instance's conclusion";
    out.push(
      "",
      ...wrapText(
        `Over all instances: an aggregate check (fit, frequencies or comparison) — ${judged}${
          claim.falseAlarm !== undefined
            ? `; its probability of failing on correct code (false alarm) is at most ${claim.falseAlarm.toPrecision(2)}`
            : ""
        }. Instances: ${claim.instances.test} in deno test, ${claim.instances.report} in the report.`,
        "",
      ),
    );
  } else {
    out.push("", `Instances: ${claim.instances.test} in deno test, ${claim.instances.report} in the report.`);
  }
  if (claim.erratum) {
    const e = claim.erratum;
    out.push(
      "",
      "Erratum (the printed form fails; the corrected form is checked beside it):",
      ...wrapText(`printed: ${plain(e.printed)}`, "  "),
      ...wrapText(`corrected: ${plain(e.corrected)}`, "  "),
      ...wrapText(`why: ${plain(e.reasoning)}`, "  "),
    );
    if (e.scope) out.push(...wrapText(`the printed form still holds where: ${plain(e.scope.statement)}`, "  "));
    for (const r of e.readings ?? []) out.push(...wrapText(`a reading: ${plain(r.reading)}`, "  "));
  }
  if (claim.nearMiss) {
    const n = claim.nearMiss;
    out.push(
      "",
      ...wrapText(
        "caughtBy" in n
          ? `Near miss the tests catch: ${plain(n.mutant)} (test: ${n.caughtBy}).`
          : `Near miss no check can tell from the claim: ${plain(n.mutant)} — ${plain(n.notCaught)}.`,
        "",
      ),
    );
  }
  if (claim.searchBudget) {
    out.push(
      "",
      ...wrapText(
        `Targeted search in the report: ${claim.searchBudget.evaluations} evaluations (${
          plain(claim.searchBudget.why)
        }).`,
        "",
      ),
    );
  }
  out.push("");
  if (claim.scenarios?.length) {
    out.push("Scenarios (deno task explore " + claim.id + " --scenario NAME), each breaking a hypothesis:");
    for (const s of claim.scenarios) out.push(...wrapText(`${s.name}: breaks ${plain(s.breaks)}`, "  "));
  } else if (claim.unbreakable) {
    out.push(...wrapText(`No hypothesis to break: ${plain(claim.unbreakable)}`, ""));
  }
  const params = Object.entries(claim.parameters ?? {});
  if (params.length) {
    out.push("", "Parameters (flags of deno task explore; drawn at random when not given):");
    for (const [name, p] of params) {
      out.push(...wrapText(`--${name}: ${plain(p.help)} (${p.type} in [${p.min}, ${p.max}])`, "  "));
    }
  }
  return out;
}
