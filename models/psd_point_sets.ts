/**
 * Point sets that stress PSD tests of kernel matrices (Definition 11.8, Example 11.10): spread,
 * clustered (near-singular G), with duplicates (singular G), rescaled.
 *
 * @module
 */
import type { Rng } from "../numerics/random.ts";
import type { ParameterSpec } from "../engine/claim.ts";

/** Names of the point-set kinds, by `kind` mod 4. */
export const POINT_KINDS = ["spread", "clustered (spread 1e-4)", "with duplicates", "rescaled"];

/**
 * The `points` parameter of the claims drawing these point sets (the kind, 0–3).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { POINT_KIND_PARAMETER } from "./psd_point_sets.ts";
 * assert.equal(POINT_KIND_PARAMETER.help, "0 spread, 1 clustered, 2 with duplicates, 3 rescaled");
 * ```
 */
export const POINT_KIND_PARAMETER: ParameterSpec = {
  type: "integer",
  min: 0,
  max: POINT_KINDS.length - 1,
  help: "0 spread, 1 clustered, 2 with duplicates, 3 rescaled",
};

/**
 * Point sets that stress PSD tests, by `kind` mod 4: spread, clustered (near-singular G), with
 * duplicates (singular G), rescaled.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { pointSet } from "./psd_point_sets.ts";
 * const pts = pointSet(createRng(1), 6, 2, 2);
 * assert.ok(pts.length === 6 && pts[0].every((v, k) => v === pts[3][k]));
 * ```
 */
export function pointSet(rng: Rng, m: number, d: number, kind: number): Float64Array[] {
  const gauss = () => Float64Array.from({ length: d }, () => rng.normal());
  switch (kind % 4) {
    case 0:
      return Array.from({ length: m }, gauss);
    case 1: {
      const centre = gauss();
      return Array.from({ length: m }, () => centre.map((v) => v + 1e-4 * rng.normal()));
    }
    case 2: {
      const base = Array.from({ length: Math.max(1, m >> 1) }, gauss);
      return Array.from({ length: m }, (_, i) => Float64Array.from(base[i % base.length]));
    }
    default: {
      const s = 10 ** rng.uniform(-2, 1);
      return Array.from({ length: m }, () => gauss().map((v) => s * v));
    }
  }
}
