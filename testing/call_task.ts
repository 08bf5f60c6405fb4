/**
 * The worker side of `startInWorker` (testing/early.ts): runs the named export of a module on one structured-cloneable
 * argument and answers with its (structured-cloneable) result.
 *
 * @module
 */

/** Which export to run, and on what. */
export interface CallInput {
  /** The module's URL. */
  module: string;
  /** The export's name (a function of one argument). */
  name: string;
  /** Its argument. */
  arg: unknown;
}

/**
 * Runs `module`'s export `name` on `arg`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import call from "./call_task.ts";
 * const module = new URL("../numerics/parallel_example_task.ts", import.meta.url).href;
 * assert.equal(await call({ module, name: "default", arg: 3 }), 9);
 * ```
 */
export default async function call(input: CallInput): Promise<unknown> {
  const mod = await import(input.module);
  if (typeof mod[input.name] !== "function") throw new TypeError(`${input.module} has no function ${input.name}`);
  return await mod[input.name](input.arg);
}
