/**
 * `deno task list [--source PREFIX] [--kind K] [--breakable] [--claims MODULE]`: every claim, grouped by source, with its
 * kind, title, last verdict (from the last `deno task report`, read from `report/verdicts.json`) and
 * the scenarios that break a hypothesis.
 *
 * @module
 */
import { texToUnicode } from "../engine/unicode_math.ts";
import { catalogWith, CLAIMS_HELP, parseCommand, runMain, UsageError } from "./args.ts";

/**
 * Prints every claim id with its kind, last verdict and title; throws `UsageError` on bad input.
 *
 * @example
 * ```ts ignore
 * import { main } from "./list.ts";
 * await main([]);
 * ```
 */
export async function main(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, LIST_HELP, ["verdicts", "source", "kind", "claims"], ["breakable"]);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const { claims } = await catalogWith(values.claims as string | undefined);
  const kind = values.kind as string | undefined;
  if (kind !== undefined && !KINDS.includes(kind)) {
    throw new UsageError(`--kind must be one of ${KINDS.join(", ")} (got "${kind}")`);
  }
  const source = values.source as string | undefined;
  if (source !== undefined && !claims.some((c) => c.source.document.startsWith(source))) {
    throw new UsageError(
      `--source matches no source file (known: ${[...new Set(claims.map((c) => c.source.document))].join(", ")})`,
    );
  }
  const path = (values.verdicts as string | undefined) ?? "report/verdicts.json";
  let last: Record<string, string> = {};
  try {
    last = JSON.parse(await Deno.readTextFile(path)).verdicts ?? {};
  } catch {
    // No report yet: verdicts show as "—".
  }
  const shown = claims.filter((c) =>
    (source === undefined || c.source.document.startsWith(source)) && (kind === undefined || c.kind === kind) &&
    (!values.breakable || (c.scenarios?.length ?? 0) > 0)
  );
  const width = Math.max(...claims.map((c) => c.id.length));
  const documents = [...new Set(shown.map((c) => c.source.document))].sort();
  for (const [k, document] of documents.entries()) {
    console.log(`${k ? "\n" : ""}${SOURCE_NAMES[document.slice(0, 3)] ?? "Source"} (${document})`);
    for (const c of shown.filter((c) => c.source.document === document)) {
      const breaks = c.scenarios?.length ? `  [breaks: ${c.scenarios.map((s) => s.name).join(", ")}]` : "";
      console.log(
        `  ${c.id.padEnd(width)}  ${c.kind.padEnd(13)}  ${(last[c.id] ?? "—").padEnd(12)}  ${
          texToUnicode(c.title)
        }${breaks}`,
      );
    }
  }
  if (!shown.length) console.log("no claim matches");
}

const KINDS = ["exact", "probabilistic", "rate", "limit", "observation"];

/** The four sources, by the prefix of their file in sources/ (docs/claims.md's headings). */
const SOURCE_NAMES: Record<string, string> = {
  "001": "Chapter 10",
  "002": "Lecture 13",
  "003": "Chizat's slides: wide two-layer networks, mean field and lazy training",
  "004": "Chapter 11",
};

const LIST_HELP = `deno task list [--source PREFIX] [--kind K] [--breakable] [--verdicts PATH] [--claims MODULE]
  every claim, grouped by source, with its kind, last verdict (from report/verdicts.json, or PATH), title and
  the scenarios that break a hypothesis (deno task explore <id> --scenario NAME)
  --source PREFIX   only claims of the source file starting with PREFIX (001, 002, 003, 004)
  --kind K          only claims of kind K (${KINDS.join(", ")})
  --breakable       only claims with a scenario
${CLAIMS_HELP.replace("--claims MODULE    ", "--claims MODULE  ")}`;

if (import.meta.main) await runMain(() => main(Deno.args));
