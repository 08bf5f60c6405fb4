/**
 * The toy repository of `cli/mutate_test.ts` (two files, three mutants) and its mutation run, done in a worker
 * (testing/early.ts `startInWorker`): the run's type checks are subprocesses of a few seconds.
 *
 * @module
 */
import { mutationRun } from "../cli/mutate.ts";
import { stableDir } from "./stable_dir.ts";

/** The run on the toy repository, and its `lib/toy.ts` after the run (the working tree must be untouched). */
export interface ToyMutationRun {
  /** What `mutationRun` returned. */
  run: Awaited<ReturnType<typeof mutationRun>>;
  /** `lib/toy.ts` read back after the run. */
  toySource: string;
}

/** A temporary repository with `lib/toy.ts` and its test. */
async function toyRepo(): Promise<string> {
  const root = await Deno.makeTempDir({ prefix: "mutate-toy-" });
  await Deno.mkdir(`${root}/lib`);
  // Three mutants: `+` → `-` (killed), `!` dropped (survives: `not` is untested), `true` → `false` (a compile
  // error: the type is the literal `true`). Each costs a type check (~1.5 s), hence so few.
  await Deno.writeTextFile(
    `${root}/lib/toy.ts`,
    [
      "export const add = (a: number, b: number): number => a + b;",
      "export const not = (x: boolean) => !x;",
      "export const yes: true = true;",
      "",
    ].join("\n"),
  );
  await Deno.writeTextFile(
    `${root}/lib/toy_test.ts`,
    [
      'import { add } from "./toy.ts";',
      'Deno.test("toy", () => { if (add(2, 3) !== 5) throw new Error("toy"); });',
      "",
    ].join("\n"),
  );
  return root;
}

/**
 * Builds the toy repository, runs `deno task mutate` on it (all its mutants, seed 1), reads it back, removes it. The
 * run works in a directory at the same path every time (testing/stable_dir.ts), so its four type checks are cached
 * while the toy and its mutants stay as they are.
 */
export async function toyMutationRun(): Promise<ToyMutationRun> {
  const root = await toyRepo();
  const work = await stableDir("mutate-toy-work-");
  try {
    const run = await mutationRun({
      root,
      dirs: ["lib"],
      exclude: [],
      sample: 100,
      seed: 1,
      timeout: 60,
      log: () => {},
      workDir: work.path,
    });
    return { run, toySource: await Deno.readTextFile(`${root}/lib/toy.ts`) };
  } finally {
    await Deno.remove(root, { recursive: true });
    await work.release();
  }
}
