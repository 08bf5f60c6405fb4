/**
 * The web explorer's API, served in this process by Deno.serve on a free port: status codes, the 400 messages
 * (the same as `deno task explore` gives for the same flags), 503 when the run pool is full, 504 past the time
 * limit, static files that cannot leave their folders; and `deno task serve` as a user starts it, a subprocess
 * (127.0.0.1, the port printed), its bad flags exit code 2 with one line (through its main, in this process).
 */
import assert from "node:assert/strict";
import { UsageError } from "../cli/args.ts";
import { main as explore } from "../cli/explore.ts";
import { inProcess } from "../cli/printed_command.ts";
import { main as serve } from "../cli/serve.ts";
import { claims } from "../theorems/catalog.ts";
import { RunPool, type WorkerLike } from "./pool.ts";
import { createServer } from "./server.ts";
import type { RunResponse } from "./explore_run.ts";

/** Serves `createServer` with `pool` on a free port of 127.0.0.1 for `body`, then shuts everything down. */
async function withServer(pool: RunPool, body: (base: string) => Promise<void>): Promise<void> {
  const server = await createServer({ pool, fresh: false });
  const http = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, server.handler);
  try {
    await body(`http://127.0.0.1:${http.addr.port}`);
  } finally {
    server.close();
    pool.close();
    await http.shutdown();
  }
}

/** The one-line message `deno task explore` gives for `args` (it must refuse them). */
async function cliMessage(args: string[]): Promise<string> {
  try {
    await explore(args);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error(`explore accepted ${args.join(" ")}`);
}

const bad: [string, string, string[]][] = [
  ["unknown claim id", "/api/claims/no-such-claim/run", ["no-such-claim"]],
  ["NaN", "/api/claims/lemma-10.2/run?etaBeta=NaN", ["lemma-10.2", "--etaBeta", "NaN"]],
  ["out of range", "/api/claims/lemma-10.2/run?etaBeta=9", ["lemma-10.2", "--etaBeta", "9"]],
  ["negative dimension", "/api/claims/lemma-10.2/run?d=-3", ["lemma-10.2", "--d", "-3"]],
  ["non-integer", "/api/claims/lemma-10.2/run?d=2.5", ["lemma-10.2", "--d", "2.5"]],
  ["unknown parameter", "/api/claims/lemma-10.2/run?etabeta=1", ["lemma-10.2", "--etabeta", "1"]],
  ["another claim's parameter", "/api/claims/lemma-10.2/run?hRatio=1", ["lemma-10.2", "--hRatio", "1"]],
  ["unknown scenario", "/api/claims/lemma-10.2/run?scenario=nope", ["lemma-10.2", "--scenario", "nope"]],
  ["malformed seed", "/api/claims/lemma-10.2/run?seed=abc", ["lemma-10.2", "--seed", "abc"]],
  ["negative seed", "/api/claims/lemma-10.2/run?seed=-1", ["lemma-10.2", "--seed", "-1"]],
  ["count out of range", "/api/claims/lemma-10.2/run?count=0", ["lemma-10.2", "--count", "0"]],
  ["repeated parameter", "/api/claims/lemma-10.2/run?d=2&d=3", ["lemma-10.2", "--d", "2", "--d", "3"]],
  ["empty value", "/api/claims/lemma-10.2/run?d=", ["lemma-10.2", "--d="]],
];

Deno.test("run API: bad input gets 400 with the CLI's one-line message", async () => {
  await withServer(new RunPool(), async (base) => {
    for (const [what, path, args] of bad) {
      const res = await fetch(base + path);
      const body = await res.json();
      assert.equal(res.status, 400, what);
      assert.equal(body.error, await cliMessage(args), what);
      assert.ok(!body.error.includes("\n"), what);
    }
    const res = await fetch(`${base}/api/claims/lemma-10.2/run?ignoreHypotheses=maybe`);
    assert.equal(res.status, 400);
    assert.match((await res.json()).error, /--ignore-hypotheses takes no value/);
  });
});

Deno.test("run API: lemma-10.2 past η·β = 2 — the hypothesis fails, the loss rises, explore's exit code", async () => {
  await withServer(new RunPool(), async (base) => {
    const query = "etaBeta=2.5&family=0&onTop=1&ignoreHypotheses=1";
    const res = await fetch(`${base}/api/claims/lemma-10.2/run?${query}`);
    assert.equal(res.status, 200);
    const r = await res.json() as RunResponse;
    const [record] = r.records;
    assert.deepEqual(record.hypotheses.map((h) => h.holds), [true, false]);
    assert.equal(record.conclusion?.outcome, "failed");
    assert.match(record.conclusion!.detail, /the loss rose/);
    assert.equal(
      r.replay,
      "deno task explore lemma-10.2 --seed 1 --instance 0 --family 0 --etaBeta 2.5 --onTop 1 --ignore-hypotheses",
    );
    const log = console.log;
    console.log = () => {};
    try {
      assert.equal(r.exitCode, await explore(["lemma-10.2", ...r.replay.split(" ").slice(4)]));
    } finally {
      console.log = log;
    }
    // Below 2 the hypothesis holds and the conclusion is checked without being told to.
    const ok = await (await fetch(`${base}/api/claims/lemma-10.2/run?etaBeta=1.5&family=0&onTop=1`)).json();
    assert.deepEqual([ok.records[0].hypotheses[1].holds, ok.records[0].conclusion.outcome], [true, "held"]);
    // Streamed: progress lines, then the result.
    const streamed = await fetch(`${base}/api/claims/lemma-10.2/run?etaBeta=1.5&count=3`, {
      headers: { accept: "application/x-ndjson" },
    });
    const lines = (await streamed.text()).trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(lines.filter((l) => l.type === "progress").map((l) => l.done), [1, 2, 3]);
    assert.equal(lines.at(-1).type, "result");
    assert.equal(lines.at(-1).value.records.length, 3);
  });
});

Deno.test("run API: a scenario shrinks a counterexample and gives its replay command", async () => {
  await withServer(new RunPool(), async (base) => {
    const r = await (await fetch(`${base}/api/claims/lemma-10.2/run?scenario=eta-above-2-over-beta`)).json();
    assert.equal(r.scenario.verdict, "breaks");
    assert.equal(r.exitCode, 1);
    assert.ok(r.scenario.counterexample.replay.startsWith("deno task explore lemma-10.2 --seed 1"));
  });
});

/** A worker that never answers (a run that takes forever), counting its terminations. */
function stuckWorkers() {
  const state = { started: 0, terminated: 0 };
  const spawn = (): WorkerLike => {
    state.started++;
    return { postMessage() {}, onmessage: null, onerror: null, terminate: () => void state.terminated++ };
  };
  return { state, spawn };
}

Deno.test("run API: runs beyond the pool get 503; a client that leaves frees its slot", async () => {
  const { state, spawn } = stuckWorkers();
  await withServer(new RunPool({ maxConcurrent: 1, spawn }), async (base) => {
    const first = fetch(`${base}/api/claims/lemma-10.2/run`, { headers: { accept: "application/x-ndjson" } });
    while (state.started === 0) await new Promise((r) => setTimeout(r, 10));
    const second = await fetch(`${base}/api/claims/lemma-10.2/run`);
    assert.equal(second.status, 503);
    assert.match((await second.json()).error, /too many runs at once/);
    assert.equal(state.terminated, 0);
    await (await first).body?.cancel(); // the client leaves
    while (state.terminated === 0) await new Promise((r) => setTimeout(r, 10));
    // Bad input is still refused with 400 first, whatever the pool's state.
    const refused = await fetch(`${base}/api/claims/lemma-10.2/run?etaBeta=9`);
    await refused.body?.cancel();
    assert.equal(refused.status, 400);
  });
});

Deno.test("run API: a run past its time limit is stopped and answered 504", async () => {
  const { state, spawn } = stuckWorkers();
  await withServer(new RunPool({ timeoutMs: 50, spawn }), async (base) => {
    const res = await fetch(`${base}/api/claims/lemma-10.2/run`);
    assert.equal(res.status, 504);
    assert.match((await res.json()).error, /time limit of 0.05 s/);
    assert.equal(state.terminated, 1);
  });
});

Deno.test("pages and static files: index, claim page, 404s, no path traversal", async () => {
  await withServer(new RunPool(), async (base) => {
    const index = await (await fetch(`${base}/`)).text();
    for (const c of claims) assert.ok(index.includes(`href="/claims/${c.id}"`), c.id);
    const only = await (await fetch(`${base}/?source=ch10&verdict=verified`)).text();
    assert.ok(only.includes('href="/claims/lemma-10.2"') && !only.includes('href="/claims/thm-11.13"'));
    const page = await fetch(`${base}/claims/lemma-10.2`);
    const text = await page.text();
    assert.equal(page.status, 200);
    assert.ok(text.includes('class="katex"') && text.includes('data-param="etaBeta"') && text.includes('max="4"'));
    assert.ok(text.includes('data-scenario="eta-above-2-over-beta"'));
    assert.equal(await fetch(`${base}/claims/nope`).then(async (r) => (await r.body?.cancel(), r.status)), 404);
    assert.equal(await fetch(`${base}/api/nope`).then(async (r) => (await r.body?.cancel(), r.status)), 404);
    const post = await fetch(`${base}/api/claims/lemma-10.2/run`, { method: "POST" });
    await post.body?.cancel();
    assert.equal(post.status, 405);
    /** Each path answers with `status` (the body discarded). */
    const assertStatus = async (paths: string[], status: number) => {
      for (const path of paths) {
        const res = await fetch(base + path);
        await res.body?.cancel();
        assert.equal(res.status, status, path);
      }
    };
    await assertStatus([
      "/static/app.js",
      "/static/style.css",
      "/vendor/katex/katex.min.css",
      "/vendor/vega-embed.min.js",
      "/report/lemma-10.2-tightness.svg",
    ], 200);
    await assertStatus([
      "/static/%2e%2e/server.ts",
      "/static/..%2fserver.ts",
      "/static/%2e%2e%2f%2e%2e%2fdeno.json",
      "/static/%2fetc%2fpasswd",
      "/static/.%2e/.%2e/deno.json",
      "/vendor/katex/%2e%2e/package.json",
      "/static/..%5cserver.ts",
      "/static/%00",
      "/report/..%2fdeno.json",
      "/report/%2e%2e%2fREADME.md",
      "/static/",
    ], 404);
  });
});

Deno.test("deno task serve: 127.0.0.1 and a free port by default, printed; bad flags exit 2 in one line", async () => {
  const script = new URL("../cli/serve.ts", import.meta.url).pathname;
  const args = ["run", "-A", "--node-modules-dir=manual", script];
  // The bad flag through serve's main in this process (runMain's exit code and line: cli/cli_test.ts's subprocess).
  const badRun = await inProcess(serve, ["--port", "99999"]);
  assert.equal(badRun.code, 2);
  assert.equal(badRun.stderr, "error: --port must be in [0, 65535], got 99999\n");
  const child = new Deno.Command(Deno.execPath(), { args, stdout: "piped", stderr: "null" }).spawn();
  try {
    const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
    let out = "";
    while (!out.includes("\n")) {
      const { value, done } = await reader.read();
      if (done) break;
      out += value;
    }
    const m = /^gd-check explorer on http:\/\/127\.0\.0\.1:(\d+)\/$/m.exec(out);
    assert.ok(m, out);
    const res = await fetch(`http://127.0.0.1:${m[1]}/claims/lemma-10.2`);
    assert.equal(res.status, 200);
    await res.body?.cancel();
    await reader.cancel();
  } finally {
    child.kill("SIGINT");
    await child.status;
  }
});

Deno.test("run pool: waiting jobs queue and never exceed the bound", async () => {
  let running = 0, most = 0;
  const spawn = (): WorkerLike => {
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        running++;
        most = Math.max(most, running);
        setTimeout(() => {
          running--;
          w.onmessage?.(new MessageEvent("message", { data: { type: "result", value: "done" } }));
        }, 5);
      },
      terminate() {},
    };
    return w;
  };
  const pool = new RunPool({ maxConcurrent: 1, spawn });
  const job = { kind: "evidence", source: { module: "file:///x.ts", name: "x" }, seed: 1 } as const;
  const waiting = [1, 2, 3].map(() => pool.run(job, { wait: true }));
  await assert.rejects(pool.run(job), /too many runs at once/);
  assert.deepEqual(await Promise.all(waiting), ["done", "done", "done"]);
  assert.equal(most, 1);
  pool.close();
});
