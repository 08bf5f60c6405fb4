/**
 * `cli/mutate.ts` on a toy repository of two files (no project test is run): a mutant that a test
 * sees is killed, one in an untested branch survives, one that does not type-check is a compile error
 * and is redrawn; the draw is the same for the same seed; bad flags are UsageErrors (exit code 2).
 */
import assert from "node:assert/strict";
import { UsageError } from "./args.ts";
import { main, markdown, mutantsOf, summary } from "./mutate.ts";
import { settled, startInWorker } from "../testing/early.ts";
import type { ToyMutationRun } from "../testing/mutate_toy_run.ts";
import { testLast } from "../testing/last_pass.ts";

// The toy repository's mutation run, in a worker from the moment this module is imported: its three type checks
// (~1.5 s each, subprocesses) run beside the suite's other tests.
const toyRun = startInWorker<ToyMutationRun>(
  new URL("../testing/mutate_toy_run.ts", import.meta.url),
  "toyMutationRun",
  null,
);

Deno.test("mutate: enumerates one-token mutants, skipping types, messages and string concatenation", () => {
  const src = [
    "type T = 1 | 2;",
    "export function f(x: number): number {",
    "  if (!(x >= 0)) throw new Error(`x = ${x + 1}`);",
    "  console.log(x * 2);",
    "  return Math.max(x, 1) - 'a'.length + ('s' + x).length;",
    "}",
    "",
  ].join("\n");
  const ms = mutantsOf("f.ts", src);
  assert.deepEqual(
    ms.map((m) => `${m.line}:${m.column} ${m.original}→${m.replacement}`),
    ["3:7 !→", "3:11 >=→>", "3:11 >=→<", "3:14 0→1", "5:15 max→min", "5:22 1→2", "5:22 1→0", "5:25 -→+", "5:38 +→-"],
  );
});

testLast("mutate: kills a tested mutant, keeps an untested one, sets compile errors apart", async () => {
  const { run: r, toySource } = await settled(toyRun);
  const status = r.outcomes.map((o) => `${o.mutant.line}:${o.mutant.original}→${o.mutant.replacement} ${o.status}`);
  assert.deepEqual(status.toSorted(), ["1:+→- killed", "2:!→ survived", "3:true→false compile-error"]);
  assert.deepEqual(r.outcomes.find((o) => o.status === "killed")?.killedBy, ["toy"]);
  assert.deepEqual(summary(r.outcomes), {
    tested: 2,
    killed: 1,
    timeouts: 0,
    survived: 1,
    compileErrors: 1,
    gone: 0,
    score: 0.5,
  });
  const md = markdown(r);
  assert.match(md, /\*\*Score: 1\/2 killed = 50\.0%\*\*/);
  assert.match(md, /### lib\/toy\.ts:2:36: unary `!` → `\(dropped\)`/);
  assert.match(md, /- export const not = \(x: boolean\) => !x;\n\+ export const not = \(x: boolean\) => x;/);
  // The working tree is untouched.
  assert.match(toySource, /=> a \+ b;/);
});

Deno.test("mutate: bad flags are one-line usage errors", async () => {
  for (
    const argv of [
      ["--sample", "x"],
      ["--sample", "0"],
      ["--seed", "-1"],
      ["--bogus"],
      ["--dirs", "no-such-dir"],
      ["--replay", "/no/such/file.json"],
      ["stray"],
    ]
  ) {
    await assert.rejects(() => main(argv), (e) => e instanceof UsageError && !e.message.includes("\n"), argv.join(" "));
  }
});
