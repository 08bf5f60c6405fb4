/**
 * The jobs behind the web's runs (run in web/job_worker.ts, one worker per job, by web/pool.ts): rebuild one
 * claim from its module export and run an exploration on it as `deno task explore` runs it
 * (web/explore_run.ts), or the claim at the test budget as `deno task report --budget test` runs it, with its
 * plots.
 *
 * @module
 */
import type { PlotSpec } from "../engine/claim.ts";
import { claimFromSource, type ClaimSource } from "../engine/registry.ts";
import { type ClaimResult, runClaim } from "../engine/run.ts";
import { runExplore, type RunRequest } from "./explore_run.ts";

/** A job: an exploration, or the claim's evidence (a test-budget run and its plots). */
export type Job =
  | { kind: "explore"; source: ClaimSource; request: RunRequest }
  | { kind: "evidence"; source: ClaimSource; seed: number };

/** What a test-budget run of a claim gives the claim page and the index. */
export interface Evidence {
  /** The verdict and its evidence. */
  result: ClaimResult;
  /** The claim's plots of the run's records (vega-lite specs). */
  plots: PlotSpec[];
}

/** What the worker posts: progress (instances done of total), then the result or an error. */
export type WorkerMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "result"; value: unknown }
  | { type: "error"; message: string };

/**
 * Runs one job, reporting progress.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runJob } from "./jobs.ts";
 * const source = { module: new URL("../engine/_toy_claims.ts", import.meta.url).href, name: "bounded" };
 * const ticks: number[] = [];
 * const out = await runJob({ kind: "evidence", source, seed: 1 }, (done) => ticks.push(done)) as { result: { id: string } };
 * assert.equal(out.result.id, "toy-bounded");
 * assert.ok(ticks.length > 0);
 * ```
 */
export async function runJob(job: Job, onProgress: (done: number, total: number) => void): Promise<unknown> {
  const claim = await claimFromSource(job.source); // a catalog export, or a claims module's element
  if (job.kind === "explore") return await runExplore(claim, job.request, onProgress);
  const { result, records } = await runClaim(claim, { seed: job.seed, budget: "test", onProgress });
  let plots: PlotSpec[] = [];
  try {
    plots = claim.plots?.(records, result.aggregate ?? undefined) ?? [];
  } catch {
    plots = [];
  }
  return { result, plots } satisfies Evidence;
}
