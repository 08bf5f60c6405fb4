import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { defineClaim } from "./claim.ts";
import { runInstanceWithoutLeaks } from "./instance_task.ts";

const claimUsingTfjs = (dispose: boolean) =>
  defineClaim<number>({
    id: "tensor-user",
    title: "a claim whose check computes with tfjs",
    kind: "exact",
    source: { document: "test", where: "here" },
    statement: "x² ≥ 0",
    tightness: "none",
    instances: { test: 1, report: 1 },
    generate: ({ rng }) => rng.uniform(-1, 1),
    describe: (x) => `x = ${x}`,
    hypotheses: [],
    conclusion: {
      statement: "x² ≥ 0 (computed by tfjs)",
      check(x) {
        const s = tf.scalar(x), t = tf.square(s);
        const value = t.dataSync()[0];
        s.dispose();
        if (dispose) t.dispose();
        return { holds: value >= 0, observed: value, bound: 0, tightness: 0, detail: `${value}` };
      },
    },
  });

Deno.test("runInstanceWithoutLeaks passes a claim that disposes its tensors and rejects one that leaks", async () => {
  await tf.setBackend("cpu");
  const ok = await runInstanceWithoutLeaks(claimUsingTfjs(true), 1, 0, "test", 1);
  assert.equal(ok.conclusion?.holds, true);
  await assert.rejects(runInstanceWithoutLeaks(claimUsingTfjs(false), 1, 0, "test", 1), /leaked 1 tfjs tensors/);
  tf.disposeVariables();
  tf.engine().reset();
});
