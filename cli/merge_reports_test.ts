/**
 * `deno task report --shard i/n` and `deno task merge-reports`: shards of a run merge into the report a
 * single run writes (markdown, JSON and plots identical up to timings), and bad shards are refused.
 */
import assert from "node:assert/strict";
import { withoutTimingLines } from "../engine/report.ts";
import { withoutTimings } from "../engine/parallel_run.ts";
import { UsageError } from "./args.ts";
import { main as report } from "./report.ts";
import { main as mergeReports } from "./merge_reports.ts";

/** Three cheap claims, two of them with plots. */
const ONLY = ["--only", "thm-11.3,chizat-homogeneity,lemma-10.2", "--budget", "test", "--workers", "1"];

const quiet = async <T>(f: () => Promise<T>): Promise<T> => {
  const error = console.error;
  console.error = () => {};
  try {
    return await f();
  } finally {
    console.error = error;
  }
};

Deno.test("report --shard i/n and merge-reports give the single run's report, JSON and plots", async () => {
  const dir = await Deno.makeTempDir();
  await quiet(async () => {
    await report([...ONLY, "--out", `${dir}/single/REPORT.md`, "--json", `${dir}/single/r.json`]);
    await report([...ONLY, "--shard", "2/2", "--json", `${dir}/s2.json`]);
    await report([...ONLY, "--shard", "1/2", "--json", `${dir}/s1.json`]);
    await mergeReports([
      `${dir}/s2.json`,
      `${dir}/s1.json`,
      "--out",
      `${dir}/merged/REPORT.md`,
      "--json",
      `${dir}/m.json`,
    ]);
  });
  const read = (p: string) => Deno.readTextFileSync(`${dir}/${p}`);
  assert.equal(withoutTimingLines(read("merged/REPORT.md")), withoutTimingLines(read("single/REPORT.md")));
  assert.deepEqual(withoutTimings(JSON.parse(read("m.json"))), withoutTimings(JSON.parse(read("single/r.json"))));
  const plots = [...Deno.readDirSync(`${dir}/single/report`)].map((e) => e.name).sort();
  assert.ok(plots.filter((p) => p.endsWith(".svg")).length >= 2, `too few plots: ${plots}`);
  assert.deepEqual([...Deno.readDirSync(`${dir}/merged/report`)].map((e) => e.name).sort(), plots);
  for (const p of plots) assert.equal(read(`merged/report/${p}`), read(`single/report/${p}`), p);
  // A shard left out, or given twice, is refused before anything is written.
  const refused = async (args: string[], message: RegExp) =>
    await assert.rejects(mergeReports([...args, "--out", `${dir}/bad/REPORT.md`]), (e: unknown) => {
      assert.ok(e instanceof UsageError && message.test(e.message), String(e));
      return true;
    });
  await refused([`${dir}/s1.json`], /no shard has chizat-homogeneity/);
  await refused([`${dir}/s1.json`, `${dir}/s1.json`, `${dir}/s2.json`], /in more than one shard/);
  await refused([`${dir}/single/r.json`], /not a report shard/);
  await assert.rejects(report([...ONLY, "--shard", "1/2"]), /--json PATH/);
  assert.throws(() => Deno.statSync(`${dir}/bad`));
  await Deno.remove(dir, { recursive: true });
});
