/**
 * A claims module for the engine's own tests and examples (`importClaims`): the shape of a user's file,
 * an array of claims exported as `claims`.
 *
 * @module
 */
import { type Claim, defineClaim } from "./claim.ts";

/** `toy-module-square`: x² ≥ 0 for x ~ N(0, 1), as a claims module exports it. */
export const claims: Claim[] = [
  defineClaim<number>({
    id: "toy-module-square",
    title: "x² ≥ 0 (from a claims module)",
    kind: "exact",
    source: { document: "none", where: "none" },
    statement: "$x^2 \\ge 0$",
    tightness: "−x² over 0",
    instances: { test: 4, report: 4 },
    generate: ({ rng }) => rng.normal(),
    describe: (x) => `x = ${x}`,
    hypotheses: [],
    conclusion: {
      statement: "$x^2 \\ge 0$",
      check: (x) => ({ holds: x * x >= 0, observed: -x * x, bound: 0, tightness: 0, detail: `x² = ${x * x}` }),
    },
  }),
];
