/**
 * Every claim's text, as the terminal prints it (engine/unicode_math.ts), has no `$` and no `\macro` left:
 * the converter knows every macro the catalog uses, and no claim has an unbalanced math span.
 */
import assert from "node:assert/strict";
import { texToUnicode } from "../engine/unicode_math.ts";
import { claims } from "./catalog.ts";

/** Every string a claim holds (statement, hypotheses, conclusion, erratum, scenarios, parameters …). */
function strings(v: unknown, depth = 0, out: string[] = []): string[] {
  if (depth > 6) return out;
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) { for (const x of v) strings(x, depth + 1, out); }
  else if (v && typeof v === "object") { for (const x of Object.values(v)) strings(x, depth + 1, out); }
  return out;
}

Deno.test("every claim's text renders in plain Unicode: no $ and no \\macro left", () => {
  const left: string[] = [];
  for (const claim of claims) {
    for (const text of strings(claim)) {
      const rendered = texToUnicode(text);
      const found = rendered.match(/\\[a-zA-Z]+|\$/g);
      if (found) left.push(`${claim.id}: ${found.join(" ")} in "${rendered.slice(0, 80)}…"`);
    }
  }
  assert.deepEqual(left, []);
  assert.ok(strings(claims[0]).length > 5);
});
