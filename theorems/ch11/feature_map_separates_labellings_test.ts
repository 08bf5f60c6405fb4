import { startWholeRun, wholeRun } from "../../testing/whole_run.ts";
import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import { affineFeatures } from "../../models/kernels.ts";
import { featureMapSeparatesLabellings, laplaceFeaturesFor } from "./feature_map_separates_labellings.ts";
import { testLast } from "../../testing/last_pass.ts";

Deno.test("ex-11.33 catches a construction that is too weak: affine features (1, x) in place of (K(x, xⱼ))ⱼ", async () => {
  const caught = await firstCaughtInstance(
    featureMapSeparatesLabellings((points) => affineFeatures(points[0].length)),
    1,
    "test",
  );
  assert.equal(caught?.corrected?.holds, false);
});

Deno.test("ex-11.33 catches the near miss: (K(x, xⱼ))_{j<m}, one feature short", async () => {
  const oneShort = featureMapSeparatesLabellings((points) => {
    const phi = laplaceFeaturesFor(points);
    return { ...phi, dim: phi.dim - 1, map: (x) => phi.map(x).slice(0, -1), error: (x) => phi.error(x).slice(0, -1) };
  });
  const caught = await firstCaughtInstance(oneShort, 1, "test");
  assert.equal(caught?.corrected?.holds, false);
});

testLast("ex-11.33 as printed fails exactly on the instances with a repeated point (erratum)", async () => {
  const { result, records } = await wholeRun(
    startWholeRun(new URL("./feature_map_separates_labellings.ts", import.meta.url), "featureMapSeparatesLabellings"),
  );
  assert.equal(result.status, "erratum");
  for (const r of records) assert.equal(r.conclusion!.holds, !r.description.includes("repeated"));
});

testLast(
  "ex-11.33: the printed form holds on distinct points; it fails only under strict separation of index labellings",
  async () => {
    const { result } = await wholeRun(
      startWholeRun(new URL("./feature_map_separates_labellings.ts", import.meta.url), "featureMapSeparatesLabellings"),
    );
    const { inside, outside } = result.scope!;
    assert.ok(inside.tried > 0 && inside.held === inside.tried, JSON.stringify(inside));
    assert.ok(outside.tried > 0 && outside.failed === outside.tried, JSON.stringify(outside));
    assert.deepEqual(result.readings!.map((g) => g.verdict), ["fails", "holds", "holds"]);
  },
);
