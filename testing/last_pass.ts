/**
 * Tests that await the pool's work, registered in a last pass when the whole suite runs (`all_test.ts`): Deno runs
 * tests in registration order, and a test awaiting a worker's run early would hold this thread idle while the
 * tests after it, which need only this thread, wait. Run alone, a test module registers them at once.
 *
 * @module
 */

/** The registrations held for the last pass, in order. */
const held: (() => void)[] = [];
let holding = false;

/** Called by `all_test.ts` first: from now on `testLast` holds its tests for {@link registerHeldTests}. */
export function holdAwaitingTests(): void {
  holding = true;
}

/**
 * `Deno.test`, but held for the last pass while the whole suite is being imported.
 */
export function testLast(name: string, fn: (t: Deno.TestContext) => void | Promise<void>): void;
/** `Deno.test` with a definition, held likewise. */
export function testLast(definition: Deno.TestDefinition): void;
export function testLast(
  nameOrDefinition: string | Deno.TestDefinition,
  fn?: (t: Deno.TestContext) => void | Promise<void>,
): void {
  const register = () =>
    typeof nameOrDefinition === "string" ? Deno.test(nameOrDefinition, fn!) : Deno.test(nameOrDefinition);
  if (holding) held.push(register);
  else register();
}

/** Registers the held tests (called by `all_test.ts` last); any `testLast` after it registers at once. */
export function registerHeldTests(): void {
  holding = false;
  for (const register of held.splice(0)) register();
}
