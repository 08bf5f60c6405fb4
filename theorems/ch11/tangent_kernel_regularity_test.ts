import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { tangentKernelRegularity } from "./tangent_kernel_regularity.ts";
import { testLast } from "../../testing/last_pass.ts";

testLast(
  "asm-11.12 is verified at the test budget, with regular and singular kernel matrices of every family",
  async () => {
    const { result, records } = await wholeRun(
      startWholeRun(new URL("./tangent_kernel_regularity.ts", import.meta.url), "tangentKernelRegularity"),
    );
    assert.equal(result.status, "verified", result.reason);
    const details = records.map((r) => `${r.description} | ${r.conclusion!.detail}`);
    assert.ok(details.some((d) => /^generic.*G regular/.test(d)));
    for (const family of ["duplicated input", "output layer v = 0", "P < m"]) {
      assert.ok(details.some((d) => d.startsWith(family) && /G singular/.test(d)), family);
    }
    // A singular G with n ≥ m: the rank, not the count, decides.
    assert.ok(details.some((d) => /G singular/.test(d) && /^(duplicated|output)/.test(d)));
  },
);

Deno.test("asm-11.12 catches the near miss: regular iff m ≤ n", async () => {
  const counting = tangentKernelRegularity((_rank, m, n) => m <= n);
  const caught = await firstCaughtInstance(counting, 1, "test");
  assert.match(caught!.description, /duplicated|output layer/);
});

Deno.test("asm-11.12 catches full column rank taken for full row rank: regular iff rank J = n", async () => {
  assert.notEqual(await firstCaughtInstance(tangentKernelRegularity((rank, _m, n) => rank === n), 1, "test"), null);
});
