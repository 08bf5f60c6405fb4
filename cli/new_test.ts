/**
 * `deno task new`: bad input is a one-line UsageError that writes nothing, an existing file is never
 * overwritten, and the files of every kind, written to a temporary directory outside the repository, have
 * the sections in order and pass `deno test --doc` there (type check, examples, the claim verified and its
 * mutant caught) without the project's deno.json.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { UsageError } from "./args.ts";
import { main as newClaim } from "./new.ts";
import { settled, startInWorker } from "../testing/early.ts";
import type { NewClaimFiles } from "../testing/new_claim_files.ts";
import { testLast } from "../testing/last_pass.ts";

const KINDS = ["exact", "probabilistic", "rate", "limit", "observation"];
const SECTIONS = [
  "── 1. The statement",
  "── 2. The instance",
  "── 3. The generator",
  "── 4.–6. The claim",
  "── 7. The claims",
];

Deno.test("deno task new: bad input and existing files are refused before anything is written", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gd-check-new-" });
  try {
    for (
      const args of [
        [],
        ["a b"],
        ["ends-"],
        ["ok", "--kind", "theorem"],
        ["ok", "extra"],
        ["ok", "--dir", join(dir, "file.txt")],
      ]
    ) {
      if (args.includes(join(dir, "file.txt"))) await Deno.writeTextFile(join(dir, "file.txt"), "");
      await assert.rejects(newClaim(args), UsageError, JSON.stringify(args));
    }
    assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["file.txt"]);
    await Deno.writeTextFile(join(dir, "taken_test.ts"), "// mine\n");
    await assert.rejects(newClaim(["taken", "--dir", dir]), /taken_test\.ts exists: deno task new never overwrites/);
    assert.equal(await Deno.readTextFile(join(dir, "taken_test.ts")), "// mine\n");
    await assert.rejects(Deno.stat(join(dir, "taken.ts")), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

// Written and tested in a worker from the moment this module is imported, so the subprocess (a type check from a
// fresh directory, several seconds) runs beside the suite's other tests; the test below asserts what it found.
const generated = startInWorker<NewClaimFiles>(
  new URL("../testing/new_claim_files.ts", import.meta.url),
  "newClaimFilesTested",
  KINDS,
);

testLast(
  "deno task new: every kind's files have the sections in order and pass deno test --doc outside the repository",
  async () => {
    const { texts, code, output } = await settled(generated);
    KINDS.forEach((kind, k) => {
      const at = SECTIONS.map((s) => texts[k].indexOf(s));
      assert.ok(at.every((j, i) => j >= 0 && (i === 0 || j > at[i - 1])), `${kind}: sections ${at}`);
      assert.match(texts[k], /TODO/);
      assert.match(texts[k], new RegExp(`kind: "${kind}"`));
    });
    assert.equal(code, 0, output);
    assert.match(output, /ok \| 15 passed \| 0 failed/);
  },
);
