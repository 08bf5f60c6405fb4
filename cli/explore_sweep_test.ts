/** `--sweep --widths` reaches the instances of each kind of width sweep, or is refused with the claim's reason. */
import assert from "node:assert/strict";
import { main as explore } from "./explore.ts";
import { inProcess } from "./printed_command.ts";
import { runSweep } from "./explore_sweep.ts";
import { claimById } from "../theorems/catalog.ts";

/** The records of `explore <id> --sweep --instances <instances> --widths <widths>` (seed 1, test budget). */
async function sweepRecords(id: string, instances: number, widths: number[]) {
  const { records } = await runSweep(claimById(id)!, { seed: 1, budget: "test", instances, widths, progress: false });
  return records;
}

Deno.test("thm-11.16 --sweep --widths: the fit runs over the given widths and its summary names them", async () => {
  const out = await inProcess(explore, ["thm-11.16", "--sweep", "--instances", "18", "--widths", "8,24,40"]);
  assert.ok(!/sweeps no width/.test(out.stderr), out.stderr);
  // Not the test design's widths 2⁴..2¹²: the summary's "RMS … at n = 8 → … at n = 40" comes from the records.
  assert.match(out.stdout, /at n = 8 → [^;]* at n = 40/);
  assert.doesNotMatch(out.stdout, /at n = 16 →/);
});

// Issue 21: claims whose every instance holds a list of widths (Claim.sweepWidthList), a one-width claim that now
// names its swept parameter (chizat-mean-field, Claim.sweepParameter), and a claim whose design admits no other
// widths (Claim.widthsRefusal). Each of these was refused with "its aggregate sweeps no width" before.

Deno.test("rem-11.29 --sweep --widths: every instance sweeps exactly the given widths, ascending", async () => {
  const out = await inProcess(explore, ["rem-11.29", "--sweep", "--instances", "1", "--widths", "64,16,32"]);
  assert.equal(out.stderr, "");
  assert.match(out.stdout, /each at the widths 16, 32, 64 \(--widths/);
  // The instance's own detail lists the widths it trained at.
  const records = await sweepRecords("rem-11.29", 1, [16, 32, 64]);
  assert.deepEqual((records[0].conclusion?.data as { widths: number[] }).widths, [16, 32, 64]);
  // The printed replay runs as printed: the same lines again.
  const replay = out.stdout.match(/replay: deno task explore (.*)$/m)![1].split(" ");
  assert.deepEqual(replay, ["rem-11.29", "--sweep", "--seed", "1", "--instances", "1", "--widths", "16,32,64"]);
  assert.equal((await inProcess(explore, replay)).stdout, out.stdout);
});

Deno.test("--widths on a list-of-widths claim: a width outside its range is one line, exit 2", async () => {
  const out = await inProcess(explore, ["sec-11.6-training", "--sweep", "--widths", "16,64,8192"]);
  assert.equal(out.code, 2);
  assert.match(out.stderr, /^error: --widths: each width must be in \[16, 4096\], got 8192\n$/);
});

Deno.test("chizat-mean-field --sweep --widths: the fit of the m-vs-2m gap runs over the given m", async () => {
  const out = await inProcess(explore, ["chizat-mean-field", "--sweep", "--instances", "6", "--widths", "8,16,32"]);
  assert.ok(!/sweeps no width/.test(out.stderr), out.stderr);
  assert.match(out.stdout, /m = 8, 16, 32 in turn/);
  assert.match(out.stdout, /over m = 8…32 \(6 instances\)/);
});

Deno.test("yang-tstar --sweep --widths is refused with the reason of its design, one line, exit 2", async () => {
  const out = await inProcess(explore, ["yang-tstar", "--sweep", "--widths", "16,64,256"]);
  assert.equal(out.code, 2);
  assert.match(out.stderr, /^error: --widths: yang-tstar cannot take other widths: .*false alarm.*\n$/);
});

Deno.test("lemma-11.19 --sweep --widths: the law × width cells are the given widths (laws fastest, then widths)", async () => {
  const out = await inProcess(explore, ["lemma-11.19", "--sweep", "--instances", "24", "--widths", "64,256,1024"]);
  assert.ok(!/sweeps no width/.test(out.stderr), out.stderr);
  // 24 instances, 2 laws: each (law, width) cell gets 4 draws; only n = 1024 reaches the Rademacher n₀.
  assert.match(out.stdout, /cell rademacher, n=1024: failed 0 of 4/);
  assert.doesNotMatch(out.stdout, /n=128\b/);
  const records = await sweepRecords("lemma-11.19", 6, [64, 256, 1024]);
  assert.deepEqual(records.map((r) => r.description.match(/^n = (\d+)/)![1]), [
    "64",
    "64",
    "256",
    "256",
    "1024",
    "1024",
  ]);
});

Deno.test("lemma-11.22 --sweep --widths: its frequency cells are keyed by the given widths", async () => {
  const out = await inProcess(explore, ["lemma-11.22", "--sweep", "--instances", "30", "--widths", "4,64,1024"]);
  assert.ok(!/sweeps no width/.test(out.stderr), out.stderr);
  assert.match(out.stdout, /n = 4, 64, 1024 in turn/);
  assert.match(out.stdout, /n=1024, gaussian/);
});

Deno.test("prop-11.28 --sweep --widths is refused with the reason of its power plan, one line, exit 2", async () => {
  const out = await inProcess(explore, ["prop-11.28", "--sweep", "--widths", "4,16,64"]);
  assert.equal(out.code, 2);
  assert.match(
    out.stderr,
    /^error: --widths: prop-11.28 cannot take other widths: .*planned at its largest width.*\n$/,
  );
});
