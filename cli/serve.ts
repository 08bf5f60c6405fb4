/**
 * `deno task serve [--port P] [--host H] [--report PATH] [--runs N] [--time-limit S]`: the web explorer
 * (web/server.ts) on Deno's own server, bound to 127.0.0.1 unless `--host` says otherwise, on the port given
 * or a free one, printed on start.
 *
 * @module
 */
import { createServer } from "../web/server.ts";
import { RunPool } from "../web/pool.ts";
import { integerFlag, parseCommand, runMain, UsageError } from "./args.ts";

const HELP = `deno task serve [flags]   — the web explorer: the index of claims, a page per claim, the run API
  --port P          port (0..65535, default 0: a free one, printed on start)
  --host H          address to listen on (default 127.0.0.1: this machine only)
  --report PATH     the report JSON to take the verdicts from (default report/report.json, else report/results.json;
                    claims it lacks run at the test budget in the background)
  --runs N          runs at once (1..16, default 2); more get 503
  --time-limit S    seconds a run may take (1..3600, default 60)`;

/**
 * Starts the server for `args`; resolves when it stops (Ctrl-C). Throws `UsageError` on bad input.
 *
 * @example
 * ```ts ignore
 * import { main } from "./serve.ts";
 * await main(["--port", "8080"]);
 * ```
 */
export async function main(args: string[]): Promise<number | void> {
  const parsed = parseCommand(args, HELP, ["port", "host", "report", "runs", "time-limit"]);
  if (!parsed) return;
  const { values, positionals } = parsed;
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const port = integerFlag("port", values.port, 0, 0, 65535);
  const hostname = values.host ?? "127.0.0.1";
  const runs = integerFlag("runs", values.runs, 2, 1, 16);
  const timeLimit = integerFlag("time-limit", values["time-limit"], 60, 1, 3600);
  if (values.report !== undefined) {
    try {
      await Deno.stat(values.report);
    } catch {
      throw new UsageError(`--report: no such file "${values.report}"`);
    }
  }
  const pool = new RunPool({ maxConcurrent: runs, timeoutMs: timeLimit * 1000 });
  const server = await createServer({ pool, reports: values.report ? [values.report] : undefined });
  let http: Deno.HttpServer;
  try {
    http = Deno.serve({
      port,
      hostname,
      onListen: ({ hostname, port }) => {
        const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
        console.log(`gd-check explorer on http://${shown}:${port}/`);
      },
    }, server.handler);
  } catch (e) {
    server.close();
    pool.close();
    throw new UsageError(`cannot listen on ${hostname}:${port}: ${(e as Error).message.split("\n")[0]}`);
  }
  const stop = () => {
    server.close();
    pool.close();
    http.shutdown();
  };
  Deno.addSignalListener("SIGINT", stop);
  await http.finished;
}

if (import.meta.main) await runMain(() => main(Deno.args));
