import assert from "node:assert/strict";
import { createRng } from "../numerics/random.ts";
import { distance } from "../numerics/compare.ts";
import { analyseFeatures, kernelLsInstance, projectOnto } from "./kernel_ls_instances.ts";

Deno.test("kernel_ls_instances: test points marked in (11.2.4) have φ(x) in span{φ(xᵢ)}", () => {
  for (let index = 0; index < 10; index++) {
    const i = kernelLsInstance(createRng(`kls/${index}`), index);
    const a = analyseFeatures(i);
    i.tests.forEach((x, t) => {
      if (!i.testsInSpan[t]) return;
      const fx = i.phi.map(x);
      assert.ok(distance(projectOnto(a.basis, fx), fx) <= 1e-9 * (1 + Math.hypot(...fx)), `${i.family}, test ${t}`);
    });
  }
});

Deno.test("kernel_ls_instances: the feature-space solution satisfies the normal equations", () => {
  const i = kernelLsInstance(createRng(3), 1);
  const a = analyseFeatures(i);
  assert.ok(Math.hypot(...a.model.ls.gradient(a.w)) <= 1e-8 * (1 + Math.hypot(...i.y)));
  assert.ok(a.tolFeature > 0 && a.kappa >= 1);
});
