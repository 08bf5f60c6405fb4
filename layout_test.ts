/**
 * The layout's rules (issue 17), checked on the source tree: layers point one way (`numerics/` ←
 * `engine/` ← `models/` ← `theorems/` ← `cli/`; none of the first three imports `theorems/`), a theorem file
 * imports no other theorem file (a claim's `_test.ts` and `_mutants.ts` may import the claim, and its
 * test its mutants), one claim per file of at most 400 lines, and no `console.assert` anywhere.
 */
import assert from "node:assert/strict";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(fileURLToPath(import.meta.url));
const SKIPPED = new Set([".git", "node_modules", "scratch", "report", "docs", "sources"]);

async function sourceFiles(dir = ROOT): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isDirectory && !SKIPPED.has(entry.name) && !entry.name.startsWith(".")) {
      found.push(...await sourceFiles(join(dir, entry.name)));
    } else if (entry.isFile && entry.name.endsWith(".ts")) found.push(relative(ROOT, join(dir, entry.name)));
  }
  return found.sort();
}

/** The project files a module imports (static, re-exported or dynamic with a literal), relative to the root. */
function importsOf(file: string, text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const specifiers = [
    ...code.matchAll(/^\s*(?:import|export)\b[^"';]*?from\s+"([^"]+)"/gm),
    ...code.matchAll(/^\s*import\s+"([^"]+)"/gm),
    ...code.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
    ...code.matchAll(/new URL\(\s*"(\.[^"]+\.ts)"\s*,\s*import\.meta\.url\s*\)/g),
  ].map((m) => m[1]);
  return specifiers.filter((s) => s.startsWith(".")).map((s) => normalize(join(dirname(file), s)));
}

const layer = (file: string) => file.split("/")[0];
const stem = (file: string) => file.replace(/(_test|_mutants)?\.ts$/, "");

const files = await sourceFiles();
const texts = new Map(await Promise.all(files.map(async (f) => [f, await Deno.readTextFile(join(ROOT, f))] as const)));

Deno.test("layers point one way: numerics/ ← engine/ ← models/ ← theorems/ ← cli/", () => {
  const forbidden: Record<string, string[]> = {
    numerics: ["engine", "models", "theorems", "testing", "cli"],
    engine: ["models", "theorems", "testing", "cli"],
    models: ["theorems", "testing", "cli"],
  };
  const bad: string[] = [];
  for (const [file, text] of texts) {
    const banned = forbidden[layer(file)];
    if (!banned || file.endsWith("_test.ts") && layer(file) === "engine") continue; // engine tests: below
    for (const target of importsOf(file, text)) if (banned.includes(layer(target))) bad.push(`${file} → ${target}`);
  }
  // The engine's own tests may use the test pool (testing/), never theorems/.
  for (const [file, text] of texts) {
    if (layer(file) !== "engine" || !file.endsWith("_test.ts")) continue;
    for (const target of importsOf(file, text)) if (layer(target) === "theorems") bad.push(`${file} → ${target}`);
  }
  assert.deepEqual(bad, []);
});

Deno.test("a theorem file imports no other theorem file (a claim's test and mutants may import the claim)", () => {
  const bad: string[] = [];
  for (const [file, text] of texts) {
    if (layer(file) !== "theorems" || file === "theorems/catalog.ts") continue;
    for (const target of importsOf(file, text)) {
      if (layer(target) !== "theorems") continue;
      const own = stem(target) === stem(file) && (target.endsWith("_mutants.ts") ? file.endsWith("_test.ts") : true);
      const catalogUser = file.endsWith("_test.ts") && target === "theorems/catalog.ts";
      if (!own && !catalogUser) bad.push(`${file} → ${target}`);
    }
  }
  assert.deepEqual(bad, []);
});

Deno.test("theorems/: one claim per file, at most 400 lines, in a folder per source", () => {
  const bad: string[] = [];
  for (const [file, text] of texts) {
    if (layer(file) !== "theorems" || file === "theorems/catalog.ts" || /_(test|mutants)\.ts$/.test(file)) continue;
    const lines = text.split("\n").length - 1;
    const claims = [...text.matchAll(/defineClaim</g)].length;
    if (file.split("/").length !== 3) bad.push(`${file}: not in a folder per source`);
    if (lines > 400) bad.push(`${file}: ${lines} lines`);
    if (claims !== 1) bad.push(`${file}: ${claims} claims`);
  }
  assert.deepEqual(bad, []);
});

Deno.test("no console.assert (it never throws in Deno): examples and tests assert with node:assert/strict", () => {
  const bad = [...texts].filter(([, text]) => text.includes("console" + ".assert(")).map(([file]) => file);
  assert.deepEqual(bad, []);
});

Deno.test("an npm: specifier (mod.ts's modules use them, so a claim file outside the repository needs no deno.json) is the one deno.json maps", async () => {
  const pinned = new Set(Object.values(JSON.parse(await Deno.readTextFile(join(ROOT, "deno.json"))).imports));
  const bad: string[] = [];
  for (const [file, text] of texts) {
    for (const [, specifier] of text.matchAll(/^\s*(?:import|export)\b[^"';]*?from\s+"(npm:[^"]+)"/gm)) {
      if (!pinned.has(specifier)) bad.push(`${file}: ${specifier}`);
    }
  }
  assert.deepEqual(bad, []);
});

Deno.test("examples/ are claim files as a user writes them: they import the project through mod.ts only", () => {
  const bad: string[] = [];
  for (const [file, text] of texts) {
    if (layer(file) !== "examples") continue;
    for (const target of importsOf(file, text)) {
      if (target !== "mod.ts" && layer(target) !== "examples") bad.push(`${file} → ${target}`);
    }
  }
  assert.deepEqual(bad, []);
});
