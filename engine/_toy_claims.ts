/**
 * Small claims for the engine's own tests and examples (the engine never imports `theorems/`). Each
 * export builds one with no arguments, so a worker can rebuild it (`importClaim`).
 *
 * @module
 */
import { defineClaim } from "./claim.ts";
import type { Claim } from "./claim.ts";

/**
 * `toy-square`: x² ≥ 0 for x ~ N(0, 1); always verified.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { squareNonNegative } from "./_toy_claims.ts";
 * assert.equal(squareNonNegative().id, "toy-square");
 * ```
 */
export function squareNonNegative(): Claim {
  return defineClaim<number, { square: number }>({
    id: "toy-square",
    title: "x² ≥ 0",
    kind: "exact",
    source: { document: "none", where: "none" },
    statement: "$x^2 \\ge 0$",
    tightness: "−x² over 0",
    instances: { test: 3, report: 3 },
    generate: ({ rng }) => rng.normal(),
    describe: (x) => `x = ${x}`,
    hypotheses: [],
    conclusion: {
      statement: "$x^2 \\ge 0$",
      check: (x) => ({
        holds: x * x >= 0,
        observed: -x * x,
        bound: 0,
        tightness: 0,
        detail: "",
        data: { square: x * x },
      }),
    },
    unbreakable: "no hypothesis",
  });
}

/**
 * `toy-bounded`: x ≤ 1 ⇒ x < 3/2 for x uniform on (−2, 2): verified; about a quarter of the
 * instances miss the hypothesis. Its parameter `x` and scenario `above-one-and-a-half` (x = 1.8, where
 * the conclusion fails) serve the mutation and exploration tests.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bounded } from "./_toy_claims.ts";
 * assert.equal(bounded().hypotheses.length, 1);
 * ```
 */
export function bounded(): Claim {
  return defineClaim<number>({
    id: "toy-bounded",
    title: "x ≤ 1 ⇒ x < 3/2",
    kind: "exact",
    source: { document: "none", where: "none" },
    statement: "$x \\le 1 \\Rightarrow x < 3/2$",
    tightness: "x over 3/2",
    instances: { test: 12, report: 12 },
    generate: ({ rng, params }) => {
      const drawn = rng.uniform(-2, 2);
      return params?.x ?? drawn;
    },
    describe: (x) => `x = ${x}`,
    hypotheses: [{
      statement: "$x \\le 1$",
      certainty: "certified",
      method: "exact comparison",
      check: (x) => ({ holds: x <= 1, value: `x = ${x}` }),
    }],
    conclusion: {
      statement: "$x < 3/2$",
      check: (x) => ({ holds: x < 1.5, observed: x, bound: 1.5, tightness: x / 1.5, detail: `x = ${x}` }),
    },
    parameters: { x: { type: "number", min: -2, max: 2, help: "the instance" } },
    scenarios: [{ name: "above-one-and-a-half", breaks: "x ≤ 1 (x = 1.8)", params: { x: 1.8 } }],
  });
}
