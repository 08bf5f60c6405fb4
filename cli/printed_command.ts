/**
 * Runs a command as the tool prints it (`deno task explore lemma-10.2 --etaBeta 2.05`) in this process, through the
 * main of the module deno.json's task names: its exit code (2 for a UsageError, as `runMain` exits) and what it
 * printed on stdout. For tests that replay printed commands (cli/printed_commands_test.ts, cli/teaching_test.ts).
 *
 * @module
 */
import { join } from "node:path";
import { UsageError } from "./args.ts";
import { main as explore } from "./explore.ts";
import { main as list } from "./list.ts";
import { main as replay } from "./replay.ts";
import { main as report } from "./report.ts";

/** A command's main: its exit code, if not 0, for `runMain`. */
export type Main = (args: string[]) => Promise<number | void>;
const MAINS: Record<string, [Main, string]> = {
  explore: [explore, "cli/explore.ts"],
  replay: [replay, "cli/replay.ts"],
  list: [list, "cli/list.ts"],
  report: [report, "cli/report.ts"],
};

const ROOT = new URL("../", import.meta.url).pathname;
const TASKS: Record<string, string> = JSON.parse(Deno.readTextFileSync(join(ROOT, "deno.json"))).tasks;

/**
 * A printed command's main and arguments: `deno task <name> <args>`, plain words only (no quotes, globs, pipes or
 * placeholders), the task being the one deno.json runs; throws otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseCommand } from "./printed_command.ts";
 * assert.deepEqual(parseCommand("deno task explore lemma-10.2 --lambda -1").args, ["lemma-10.2", "--lambda", "-1"]);
 * assert.deepEqual(parseCommand("deno task list    --kind rate").args, ["--kind", "rate"]); // as a shell splits it
 * assert.throws(() => parseCommand("deno task explore <id>"));
 * ```
 */
export function parseCommand(command: string): { main: Main; args: string[] } {
  const m = /^deno task ([a-z:-]+)((?:\s+[^\s'"`*$<>|;&[\]…]+)*)$/.exec(command.trim());
  if (!m) throw new Error(`not a plain command: ${command}`);
  const [main, module] = MAINS[m[1]] ?? [];
  if (!main) throw new Error(`no main here for deno task ${m[1]}`);
  if (TASKS[m[1]] !== `deno run -A ${module}`) throw new Error(`deno.json's ${m[1]} task is not ${module}`);
  return { main, args: m[2].trim() ? m[2].trim().split(/\s+/) : [] };
}

/** What a command did: its exit code and what it printed. */
export interface Outcome {
  /** The exit code `runMain` would exit with: the main's return value, 0 for none, 2 for a `UsageError`. */
  code: number;
  /** What it printed with console.log, one call a line, each ending in a newline (as a process prints it). */
  stdout: string;
  /** What it printed with console.error, likewise, and for a `UsageError` the line `runMain` prints. */
  stderr: string;
}

/**
 * Runs a command's `main(args)` in this process as `runMain` would run it, console.log and console.error captured
 * (and restored after): the exit code, stdout and stderr a subprocess `deno run -A cli/X.ts args` gives, without
 * starting one (about half a second of CPU each). An error other than a `UsageError` is thrown, as in a process.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { inProcess } from "./printed_command.ts";
 * import { main as list } from "./list.ts";
 * const bad = await inProcess(list, ["--bogus"]);
 * assert.equal(bad.code, 2);
 * assert.match(bad.stderr, /^error: .*\n$/);
 * assert.match((await inProcess(list, [])).stdout, /lemma-10\.2/);
 * ```
 */
export async function inProcess(main: Main, args: string[]): Promise<Outcome> {
  const [log, error] = [console.log, console.error];
  const out: string[] = [], err: string[] = [];
  const lines = (a: string[]) => a.map((l) => l + "\n").join("");
  console.log = (...a: unknown[]) => out.push(a.join(" "));
  console.error = (...a: unknown[]) => err.push(a.join(" "));
  try {
    const code = (await main(args)) || 0;
    return { code, stdout: lines(out), stderr: lines(err) };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.push(`error: ${e.message}`);
    return { code: 2, stdout: lines(out), stderr: lines(err) };
  } finally {
    [console.log, console.error] = [log, error];
  }
}

/**
 * Runs a printed command in this process: its exit code and stdout (stderr is dropped).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runCommand } from "./printed_command.ts";
 * assert.equal((await runCommand("deno task explore --help")).code, 0);
 * assert.equal((await runCommand("deno task explore no-such-claim")).code, 2);
 * ```
 */
export async function runCommand(command: string): Promise<{ code: number; out: string }> {
  const { main, args } = parseCommand(command);
  const [log, error] = [console.log, console.error];
  const out: string[] = [];
  console.log = (...a: unknown[]) => out.push(a.join(" "));
  console.error = () => {};
  try {
    return { code: (await main(args)) || 0, out: out.join("\n") };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, out: `error: ${e.message}` };
    throw e;
  } finally {
    [console.log, console.error] = [log, error];
  }
}
