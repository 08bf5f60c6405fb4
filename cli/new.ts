/**
 * `deno task new <id> [--kind exact|probabilistic|rate|limit|observation] [--dir DIR]`: writes a claim file
 * `DIR/<id>.ts` (a claims module, from cli/templates/: the sections of docs/writing-a-claim.md in order, with
 * TODOs where the mathematics goes, and a placeholder mathematics that runs) and its test `DIR/<id>_test.ts`
 * (the claim verified, a near-miss mutant caught). Both pass `deno check` as written, inside or outside the
 * repository (mod.ts is imported by a relative path inside, an absolute one outside). It refuses to overwrite
 * a file. DIR (default: where `deno task` was started) is created if need be.
 *
 * @module
 */
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeTextAtomic } from "../engine/io.ts";
import type { ClaimKind } from "../engine/claim.ts";
import { parseCommand, runMain, UsageError } from "./args.ts";

const KINDS: readonly ClaimKind[] = ["exact", "probabilistic", "rate", "limit", "observation"];

const HELP = `deno task new <claim-id> [--kind K] [--dir DIR]
  writes DIR/<claim_id>.ts, a claim file from a template (statement, instance, generator, hypotheses, conclusion
  with its rounding budget, tightness, near miss, scenarios; TODOs where your mathematics goes) and
  DIR/<claim_id>_test.ts (the claim verified, a near-miss mutant caught); then
  deno task report --claims DIR/<claim_id>.ts --only <claim-id> runs it. It never overwrites a file.
  --kind K    ${KINDS.join(", ")} (default exact)
  --dir DIR   where to write (default: the directory deno task was started in)`;

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const MOD = join(ROOT, "mod.ts");

/**
 * The names a claim id gives: its file (snake case) and its function (camel case, a valid identifier).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { namesOf } from "./new.ts";
 * assert.deepEqual(namesOf("thm-3.1"), { file: "thm_3_1", fn: "thm31" });
 * assert.deepEqual(namesOf("gd-drori-teboulle"), { file: "gd_drori_teboulle", fn: "gdDroriTeboulle" });
 * assert.deepEqual(namesOf("2-step"), { file: "2_step", fn: "claim2Step" });
 * assert.deepEqual(namesOf("new"), { file: "new", fn: "claimNew" });
 * assert.deepEqual(namesOf("t-test"), { file: "t_test_claim", fn: "tTest" });
 * ```
 */
export function namesOf(id: string): { file: string; fn: string } {
  const parts = id.split(/[-_.]+/).filter((p) => p);
  const camel = parts.map((p, k) => k === 0 ? p.toLowerCase() : p[0].toUpperCase() + p.slice(1).toLowerCase())
    .join("");
  const snake = parts.join("_").toLowerCase();
  return {
    // A claim file named like a test or mutants file would be taken for one.
    file: /_(test|mutants)$/.test(snake) ? `${snake}_claim` : snake,
    fn: /^[0-9]/.test(camel) || RESERVED.has(camel) ? `claim${camel[0].toUpperCase()}${camel.slice(1)}` : camel,
  };
}

/** Words a function may not be named. */
const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await").split(" "),
);

/**
 * The specifier of mod.ts in a file written to `dir`: relative inside the repository, absolute outside it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fileURLToPath } from "node:url";
 * import { modSpecifier } from "./new.ts";
 * assert.equal(modSpecifier(fileURLToPath(new URL("../examples", import.meta.url))), "../mod.ts");
 * assert.ok(modSpecifier("/tmp/x").endsWith("/mod.ts"));
 * ```
 */
export function modSpecifier(dir: string): string {
  const path = relative(dir, MOD);
  if (isAbsolute(path) || relative(ROOT, dir).startsWith("..")) return MOD;
  return path.startsWith(".") ? path : `./${path}`;
}

/**
 * Writes the claim file and its test (the flags of `deno task new`); throws `UsageError` on bad input or
 * when a file exists, before writing anything.
 *
 * @example
 * ```ts ignore
 * import { main } from "./new.ts";
 * await main(["my-theorem", "--kind", "exact", "--dir", "/tmp/claims"]);
 * ```
 */
export async function main(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, HELP, ["kind", "dir"]);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError("usage: deno task new <claim-id> [--kind K] [--dir DIR]");
  const id = positionals[0];
  if (!/^[A-Za-z0-9][\w.-]*$/.test(id) || !/[A-Za-z0-9]$/.test(id)) {
    throw new UsageError(
      `a claim id is letters, digits, '.', '_' and '-', starting and ending with a letter or digit (got "${id}")`,
    );
  }
  const kind = (values.kind ?? "exact") as ClaimKind;
  if (!KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(", ")} (got "${values.kind}")`);
  const dir = resolve(Deno.env.get("INIT_CWD") ?? ".", values.dir ?? ".");
  const stat = await Deno.stat(dir).catch(() => null);
  if (stat && !stat.isDirectory) throw new UsageError(`--dir ${values.dir} is not a directory`);
  const { file, fn } = namesOf(id);
  const claimFile = join(dir, `${file}.ts`), testFile = join(dir, `${file}_test.ts`);
  for (const path of [claimFile, testFile]) {
    if (await Deno.stat(path).then(() => true, () => false)) {
      throw new UsageError(`${path} exists: deno task new never overwrites a file (pick another id or --dir)`);
    }
  }
  const fill = (template: string) =>
    template.replaceAll("__ID__", id).replaceAll("__FN__", fn).replaceAll("__MOD__", modSpecifier(dir))
      .replaceAll("__FILE__", `${file}.ts`).replaceAll("__TEST__", `${file}_test.ts`);
  const read = (name: string) => Deno.readTextFile(new URL(`./templates/${name}.ts.tmpl`, import.meta.url));
  const [claim, test] = await Promise.all([read(kind), read(`${kind}_test`)]);
  await writeTextAtomic(claimFile, fill(claim));
  await writeTextAtomic(testFile, fill(test));
  console.log(`wrote ${claimFile}\nwrote ${testFile}`);
  console.log(
    `next: fill in the TODOs, then\n  deno test -A ${testFile}\n  deno task report --claims ${claimFile} --only ${id}`,
  );
  if (dirname(claimFile) === ROOT.replace(/\/$/, "")) {
    console.log("(a claim file in the repository's root: consider examples/ or your own directory)");
  }
}

if (import.meta.main) await runMain(() => main(Deno.args));
