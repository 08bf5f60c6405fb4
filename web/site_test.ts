/**
 * The static report (`deno task report --html DIR`): the same run gives the same bytes, every claim has its page
 * linked from the index, pages need nothing from outside the folder, and a site is not written from a shard.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { UsageError } from "../cli/args.ts";
import { main as report } from "../cli/report.ts";
import { renderSvg } from "../engine/plot.ts";
import { runClaim } from "../engine/run.ts";
import { bounded, coin } from "../engine/_toy_claims.ts";
import { writeSite } from "./site.ts";

async function readAll(dir: string, files: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of files) out.set(f, new TextDecoder().decode(await Deno.readFile(join(dir, f))));
  return out;
}

Deno.test("report --html: same results, same bytes; self-contained pages linked from the index", async () => {
  const entries = [];
  for (const claim of [bounded(), coin()]) {
    const { result, records } = await runClaim(claim, { seed: 1, budget: "test" });
    const plots = [];
    for (const p of claim.plots?.(records, result.aggregate ?? undefined) ?? []) {
      plots.push({ title: p.title, svg: await renderSvg({ title: p.title, ...p.spec }) });
    }
    entries.push({ claim, result: { ...result, elapsedMs: 0 }, plots });
  }
  const [a, b] = [await Deno.makeTempDir(), await Deno.makeTempDir()];
  try {
    const files = await writeSite(entries, { seed: 1, budget: "test", dir: a });
    // The timings differ between runs; nothing of them reaches the site.
    const later = entries.map((e) => ({ ...e, result: { ...e.result, elapsedMs: 12345 } }));
    assert.deepEqual(await writeSite(later, { seed: 1, budget: "test", dir: b }), files);
    assert.deepEqual(await readAll(a, files), await readAll(b, files));
    const index = await Deno.readTextFile(join(a, "index.html"));
    for (const { claim } of entries) {
      assert.ok(index.includes(`href="claims/${claim.id}.html"`), claim.id);
      const page = await Deno.readTextFile(join(a, "claims", `${claim.id}.html`));
      assert.ok(page.includes('href="../assets/katex/katex.min.css"') && page.includes('class="katex"'), claim.id);
      // Nothing is fetched from elsewhere: every src and href is relative or inline.
      for (const m of page.matchAll(/(?:src|href)="([^"]+)"/g)) assert.ok(!/^(https?:)?\/\//.test(m[1]), m[1]);
    }
    assert.ok(files.some((f) => f.startsWith("assets/katex/fonts/")));
  } finally {
    await Deno.remove(a, { recursive: true });
    await Deno.remove(b, { recursive: true });
  }
});

Deno.test("report --html: refused with --shard and when empty, before writing anything", async () => {
  await assert.rejects(
    report(["--shard", "1/2", "--json", "/nonexistent/s.json", "--html", "/nonexistent/site"]),
    UsageError,
  );
  await assert.rejects(report(["--html", ""]), UsageError);
});
