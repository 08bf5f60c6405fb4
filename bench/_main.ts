/**
 * How the bench commands run: `main` on the command-line arguments; an error is one line on stderr and exit
 * code 2, a returned number the exit code.
 *
 * @module
 */

/** Runs `main(Deno.args)`: exits with its returned code, if any, or with 2 and the message when it throws. */
export async function runBenchMain(main: (args: string[]) => Promise<number | void>): Promise<void> {
  try {
    const code = await main(Deno.args);
    if (code !== undefined) Deno.exit(code);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    Deno.exit(2);
  }
}
