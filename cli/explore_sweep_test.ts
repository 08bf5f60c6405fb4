/** `--sweep --widths` reaches the instances of a claim whose laws vary fastest, then widths (Claim.sweepStride). */
import assert from "node:assert/strict";
import { main as explore } from "./explore.ts";
import { inProcess } from "./printed_command.ts";

Deno.test("thm-11.16 --sweep --widths: the fit runs over the given widths and its summary names them", async () => {
  const out = await inProcess(explore, ["thm-11.16", "--sweep", "--instances", "18", "--widths", "8,24,40"]);
  assert.ok(!/sweeps no width/.test(out.stderr), out.stderr);
  // Not the test design's widths 2⁴..2¹²: the summary's "RMS … at n = 8 → … at n = 40" comes from the records.
  assert.match(out.stdout, /at n = 8 → [^;]* at n = 40/);
  assert.doesNotMatch(out.stdout, /at n = 16 →/);
});
