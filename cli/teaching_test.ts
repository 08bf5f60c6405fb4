/**
 * docs/teaching.md's demos run as written: every command of every demo exits with the code after its `# exit`, and
 * every "Look for" text is in the demo's output. At least six demos, covering the four sources.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { claimById } from "../theorems/catalog.ts";
import { runCommand } from "./printed_command.ts";

interface Demo {
  title: string;
  commands: { command: string; exit: number }[];
  lookFor: string[];
}

/** The demos of docs/teaching.md: each `## ` section's sh block (commands with `# exit K`) and "Look for" list. */
function demos(text: string): Demo[] {
  return text.split(/^## /m).slice(1).map((section) => {
    const title = section.split("\n")[0];
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    const commands = block.split("\n").filter((l) => l.trim()).map((line) => {
      const m = /^(deno task [^#]+?)\s+# exit (\d)\s*$/.exec(line);
      assert.ok(m, `${title}: a command line must end with "# exit K": ${line}`);
      return { command: m[1], exit: Number(m[2]) };
    });
    const list = section.split(/^Look for:\s*$/m)[1] ?? "";
    const lookFor = [...list.matchAll(/^- `(.+)`\s*$/gm)].map((m) => m[1]);
    return { title, commands, lookFor };
  });
}

const text = await Deno.readTextFile(join(new URL("../", import.meta.url).pathname, "docs/teaching.md"));
const all = demos(text);

Deno.test("docs/teaching.md: at least six demos across the four sources, each with commands and what to look for", () => {
  assert.ok(all.length >= 6, `${all.length} demos`);
  const sources = new Set<string>();
  for (const d of all) {
    assert.ok(d.commands.length > 0 && d.lookFor.length > 0, d.title);
    assert.ok(/Point at:/.test(text) && /Ask the class:/.test(text));
    for (const { command } of d.commands) {
      const id = command.split(" ")[3];
      const claim = claimById(id);
      assert.ok(claim, `${d.title}: unknown claim ${id}`);
      sources.add(claim.source.document.slice(0, 3));
    }
  }
  assert.deepEqual([...sources].sort(), ["001", "002", "003", "004"]);
});

for (const demo of all) {
  Deno.test(`docs/teaching.md demo ${demo.title}`, async () => {
    const outputs: string[] = [];
    for (const { command, exit } of demo.commands) {
      const { code, out } = await runCommand(command);
      assert.equal(code, exit, `${command}\n${out}`);
      outputs.push(out);
    }
    const output = outputs.join("\n");
    for (const want of demo.lookFor) assert.ok(output.includes(want), `${demo.title}: "${want}" not in\n${output}`);
  });
}
