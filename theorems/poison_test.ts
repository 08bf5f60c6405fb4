/**
 * NaN and Inf never pass: every claim's checks are fed instances generated from a random stream
 * whose Gaussian and uniform draws are poisoned. The conclusion must then fail, the hypotheses
 * must fail, or the generator must throw — never a silent pass.
 */
import assert from "node:assert/strict";
import { runInstance } from "../engine/run.ts";
import { createRng, type Rng } from "../numerics/random.ts";
import { claims } from "./catalog.ts";

function poisoned(value: number, seed: string): Rng {
  const clean = createRng(seed);
  return {
    double: () => clean.double(),
    int: (lo, hi) => clean.int(lo, hi),
    normal: () => value,
    uniform: () => value,
  };
}

for (const poison of [NaN, Infinity]) {
  for (const claim of claims) {
    Deno.test(`${claim.id}: a ${poison} in every Gaussian and uniform draw never passes`, async () => {
      for (let index = 0; index < 3; index++) {
        const r = await runInstance(claim, 1, index, "test", 3, { rng: poisoned(poison, `poison/${index}`) });
        const passed = r.met && r.conclusion?.holds === true;
        assert.ok(!passed, `instance ${index} passed with ${poison}: ${r.description} — ${r.conclusion?.detail}`);
      }
    });
  }
}
