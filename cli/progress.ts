/**
 * Progress on stderr for runs over 2 s: nothing during the first 2 s (a quick run stays quiet); then, when
 * stderr is a terminal, one line that updates in place ("explore thm-11.16: instance 3/20…") and is erased at
 * the end; when it is not (a pipe, a log file, CI), plain lines, at most one every 2 s (none for the last unit of a
 * phase once a line was shown: the run's own output follows; a run of few slow units shows that last unit rather
 * than nothing). Stdout is never touched,
 * so traces and replays stay byte-identical.
 *
 * @module
 */

/** Where and how progress is shown (defaults: stderr, its terminal status, the wall clock). */
export interface ProgressOptions {
  /** Writes text as is (default: to stderr). */
  write?: (text: string) => void;
  /** Whether the output is a terminal (default: `Deno.stderr.isTerminal()`). */
  isTty?: boolean;
  /** The clock in milliseconds (default: `performance.now`). */
  now?: () => number;
  /** Quiet for this long first, in ms (default 2000). */
  after?: number;
}

/**
 * A progress reporter for one run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Progress } from "./progress.ts";
 * let t = 0, text = "";
 * const p = new Progress("explore x", { write: (s) => (text += s), isTty: false, now: () => t });
 * p.update(1, 20, "instance");           // at 0 s: quiet
 * t = 2500;
 * p.update(3, 20, "instance");           // past 2 s: a plain line
 * t = 3000;
 * p.update(4, 20, "instance");           // under 2 s since the last line: quiet
 * t = 6000;
 * p.update(20, 20, "instance");         // the last unit, a line already shown: quiet
 * p.end();
 * assert.equal(text, "explore x: instance 3/20…\n");
 * // Few slow units (each one past 2 s, every one the last of its phase): the first is shown, not nothing.
 * let u = 0, slow = "";
 * const q = new Progress("explore y", { write: (s) => (slow += s), isTty: false, now: () => u });
 * u = 3000;
 * q.update(2, 2, "instance");
 * u = 4000;
 * q.update(1, 1, "searched instance");
 * assert.equal(slow, "explore y: instance 2/2…\n");
 * ```
 */
export class Progress {
  #label: string;
  #write: (text: string) => void;
  #tty: boolean;
  #now: () => number;
  #after: number;
  #start: number;
  #last = -Infinity;
  #shown = false;

  /** Starts the clock of a run called `label`. */
  constructor(label: string, options: ProgressOptions = {}) {
    this.#label = label;
    this.#tty = options.isTty ?? Deno.stderr.isTerminal();
    // A terminal gets raw writes (the line is rewritten in place); plain lines go through console.error, like the
    // commands' other notes (and a test capturing console.error captures them).
    this.#write = options.write ??
      (this.#tty
        ? (s) => Deno.stderr.writeSync(new TextEncoder().encode(s))
        : (s) => console.error(s.replace(/\n$/, "")));
    this.#now = options.now ?? (() => performance.now());
    this.#after = options.after ?? 2000;
    this.#start = this.#now();
  }

  /** `done` of `total` units (instances, draws) finished; `total` infinite when not known in advance. */
  update(done: number, total: number, unit: string): void {
    const t = this.#now();
    if (t - this.#start < this.#after) return;
    const text = `${this.#label}: ${unit} ${done}${Number.isFinite(total) ? `/${total}` : ""}…`;
    if (this.#tty) {
      if (t - this.#last < 100 && done < total) return;
      this.#write(`\r${text}\x1b[K`);
    } else {
      if (t - this.#last < this.#after) return;
      // "20/20" after the fact says little, but it is the only sign of life of a run whose units each take seconds.
      if (done >= total && this.#shown) return;
      this.#write(`${text}\n`);
    }
    this.#last = t;
    this.#shown = true;
  }

  /** The run ended: a terminal's progress line is erased. */
  end(): void {
    if (this.#tty && this.#shown) this.#write("\r\x1b[K");
    this.#shown = false;
  }
}
