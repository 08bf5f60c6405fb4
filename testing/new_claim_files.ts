/**
 * What `cli/new_test.ts` checks of `deno task new`, done in a worker (testing/early.ts `startInWorker`): the files of
 * each kind written to a fresh temporary directory outside the repository, and `deno test -A --doc` run there.
 *
 * @module
 */
import { join } from "node:path";
import { main as newClaim } from "../cli/new.ts";
import { stableDir } from "./stable_dir.ts";

/** The generated claim files (one per kind, in order) and what `deno test --doc` on them printed. */
export interface NewClaimFiles {
  /** Each kind's `my_<kind>.ts`. */
  texts: string[];
  /** `deno test`'s exit code. */
  code: number;
  /** Its stdout and stderr. */
  output: string;
}

/**
 * Writes `deno task new my-<kind> --kind <kind>` for each kind into a directory outside the repository, runs
 * `deno test -A --doc` there (no deno.json of the project), and removes the directory. The directory's path is the
 * same on every run (testing/stable_dir.ts), so Deno's type check of mod.ts's graph from there is cached while no
 * file of it changes.
 */
export async function newClaimFilesTested(kinds: string[]): Promise<NewClaimFiles> {
  const taken = await stableDir("gd-check-new-"), dir = taken.path;
  try {
    for (const kind of kinds) await newClaim([`my-${kind}`, "--kind", kind, "--dir", dir]);
    const texts = await Promise.all(kinds.map((kind) => Deno.readTextFile(join(dir, `my_${kind}.ts`))));
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["test", "-A", "--doc"],
      cwd: dir,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    return {
      texts,
      code: out.code,
      output: new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr),
    };
  } finally {
    await taken.release();
  }
}
