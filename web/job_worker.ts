/**
 * The worker of web/pool.ts: runs the one job it is sent (web/jobs.ts) and posts its progress, then its
 * result or its error. The CPU backend of tfjs is chosen first, as engine/instance_task.ts does.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import * as tf from "@tensorflow/tfjs";
import { type Job, runJob, type WorkerMessage } from "./jobs.ts";

await tf.setBackend("cpu");

self.onmessage = async (e: MessageEvent<Job>) => {
  const post = (m: WorkerMessage) => self.postMessage(m);
  try {
    const value = await runJob(e.data, (done, total) => post({ type: "progress", done, total }));
    post({ type: "result", value });
  } catch (err) {
    post({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
