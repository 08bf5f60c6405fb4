/**
 * The web explorer in a real browser: headless Chromium (Debian's `chromium`, which .ci/run installs when it is
 * missing) driven by puppeteer-core. Loads the index, opens lemma-10.2, moves η·β past 2 with the slider and
 * sees the hypothesis fail and the loss rise, opens a scenario, opens a page of the static report. Screenshots
 * are saved as artefacts in `$BROWSER_ARTEFACTS` (default: a fresh temporary folder, printed). Skipped, not
 * failed, when /usr/bin/chromium (or `$CHROMIUM`) is absent.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import puppeteer, { type Page } from "puppeteer-core";
import { renderSvg } from "../engine/plot.ts";
import { runClaim } from "../engine/run.ts";
import { claimById, claims } from "../theorems/catalog.ts";
import { RunPool } from "./pool.ts";
import { createServer } from "./server.ts";
import { writeSite } from "./site.ts";

const CHROMIUM = Deno.env.get("CHROMIUM") ?? "/usr/bin/chromium";
const present = await Deno.stat(CHROMIUM).then((s) => s.isFile, () => false);

async function waitFor(page: Page, selector: string, what: string): Promise<void> {
  try {
    await page.waitForSelector(selector, { timeout: 180_000 });
  } catch (e) {
    const state = await page.$eval("#result", (el) => el.outerHTML.slice(0, 2000)).catch(() => "(no #result)");
    throw new Error(`${what}: ${selector} did not appear (${(e as Error).message}); #result: ${state}`);
  }
}

/** Clicks a range input at `fraction` of its width (a user moving the slider there). */
async function slide(page: Page, selector: string, fraction: number): Promise<void> {
  const slider = (await page.$(selector))!;
  await slider.scrollIntoView();
  const box = (await slider.boundingBox())!;
  await page.mouse.click(box.x + fraction * box.width, box.y + box.height / 2);
}

Deno.test({
  name: "browser: index, lemma-10.2 past η·β = 2 with the slider, a scenario, a static report page",
  ignore: !present,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const out = Deno.env.get("BROWSER_ARTEFACTS") ?? await Deno.makeTempDir({ prefix: "gd-check-browser-" });
    await Deno.mkdir(out, { recursive: true });
    console.log(`screenshots in ${out}`);
    const pool = new RunPool({ maxConcurrent: 2, timeoutMs: 180_000 });
    const server = await createServer({ pool, fresh: false });
    const http = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, server.handler);
    const base = `http://127.0.0.1:${http.addr.port}`;
    const site = await Deno.makeTempDir({ prefix: "gd-check-site-" });
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1200, height: 900 });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));

      // The index: every claim, linked.
      await page.goto(`${base}/`, { waitUntil: "load" });
      assert.equal(await page.$$eval("#claims tbody tr", (rows) => rows.length), claims.length);
      await page.screenshot({ path: join(out, "1-index.png") });

      // lemma-10.2 from its link; a quadratic on its top eigenvector, hypotheses ignored so the conclusion is checked.
      await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click('a[href="/claims/lemma-10.2"]')]);
      assert.ok(await page.$("#statement .katex"), "the statement is typeset by KaTeX");
      await page.type("#p-family", "0");
      await page.type("#p-onTop", "1");
      await page.click('input[name="ignoreHypotheses"]');
      // η·β = 0.01 + 0.35·3.99 ≈ 1.4: the hypothesis holds, the loss falls.
      await slide(page, "#r-etaBeta", 0.35);
      await waitFor(page, '#result[data-state="done"] .hyp[data-holds="true"] + .hyp[data-holds="true"]', "η·β < 2");
      assert.match(await page.$eval("#result .conclusion", (e) => e.textContent ?? ""), /holds/);
      // Past 2 (≈ 2.6): η < 2/β is ✗ and the one step raises the loss.
      await slide(page, "#r-etaBeta", 0.65);
      await waitFor(page, '#result[data-state="done"] .hyp[data-holds="false"]', "η·β > 2");
      const etaBeta = Number(await page.$eval("#p-etaBeta", (e) => (e as unknown as { value: string }).value));
      assert.ok(etaBeta > 2, `the slider set η·β = ${etaBeta}`);
      const conclusion = await page.$eval("#result .conclusion", (e) => e.textContent ?? "");
      assert.match(conclusion, /FAILS/);
      assert.match(conclusion, /the loss rose/);
      // The state is in the URL: a teacher can send it.
      const url = new URL(page.url());
      assert.equal(url.searchParams.get("etaBeta"), String(etaBeta));
      assert.equal(url.searchParams.get("ignoreHypotheses"), "1");
      await (await page.$("#explore"))!.screenshot({ path: join(out, "2-lemma-10.2-eta-beta-past-2.png") });

      // The same link opened afresh reproduces the run.
      const again = await browser.newPage();
      await again.goto(page.url(), { waitUntil: "load" });
      await waitFor(again, '#result[data-state="done"] .hyp[data-holds="false"]', "the link");
      assert.match(await again.$eval("#result .conclusion", (e) => e.textContent ?? ""), /the loss rose/);
      await again.close();

      // A scenario: breaks the hypothesis, a shrunk counterexample with its replay command.
      await page.click('button[data-scenario="eta-above-2-over-beta"]');
      await waitFor(page, '#result[data-state="done"] .scenario-outcome[data-verdict="breaks"]', "the scenario");
      assert.match(await page.$eval("#result .replay", (e) => e.textContent ?? ""), /deno task explore lemma-10\.2/);
      assert.equal(new URL(page.url()).searchParams.get("scenario"), "eta-above-2-over-beta");
      await (await page.$("#explore"))!.screenshot({ path: join(out, "3-scenario.png") });
      await page.screenshot({ path: join(out, "4-lemma-10.2-page.png"), fullPage: true });

      // A page of the static report, opened from the disk (no server).
      const claim = claimById("lemma-10.2")!;
      const { result, records } = await runClaim(claim, { seed: 1, budget: "test" });
      const plots = [];
      for (const p of claim.plots?.(records, result.aggregate ?? undefined) ?? []) {
        plots.push({ title: p.title, svg: await renderSvg({ title: p.title, ...p.spec }) });
      }
      await writeSite([{ claim, result, plots }], { seed: 1, budget: "test", dir: site });
      const file = await browser.newPage();
      await file.goto(`file://${site}/claims/lemma-10.2.html`, { waitUntil: "load" });
      assert.ok(await file.$("#statement .katex"));
      const drawn = await file.$eval("#plots img", (img) => (img as unknown as { naturalWidth: number }).naturalWidth);
      assert.ok(drawn > 0, "the embedded plot is drawn");
      await file.screenshot({ path: join(out, "5-static-report-page.png"), fullPage: true });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      server.close();
      pool.close();
      await http.shutdown();
      await Deno.remove(site, { recursive: true });
    }
  },
});
