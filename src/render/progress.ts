/**
 * A progress bar for a terminal: it draws on an injected `write` (the CLI passes standard error),
 * only when that is a terminal and the work is big (more than `minArticles`) or slow (running
 * longer than `delayMs`), and erases itself when done so the report's output stays clean.
 */
export interface ProgressOptions {
  /** Articles to analyse. */
  readonly total: number;
  readonly write: (chunk: string) => unknown;
  /** Whether `write` goes to a terminal; without one nothing is drawn. */
  readonly isTTY: boolean;
  /** Terminal width in columns (default 80). */
  readonly columns?: number;
  /** Draw once the work has run this long (default 500 ms)… */
  readonly delayMs?: number;
  /** …or from the start when there are more articles than this (default 20). */
  readonly minArticles?: number;
  /** Redraw at most this often (default 100 ms). */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

export interface Progress {
  /** Count `articles` more as done. */
  advance(articles: number): void;
  /** Erase the bar and stop its timer. */
  finish(): void;
}

/** The defaults of `createProgress`. */
export const DEFAULT_PROGRESS_OPTIONS = Object.freeze({ columns: 80, delayMs: 500, minArticles: 20, intervalMs: 100 });

/**
 * Start a progress bar.
 *
 * @example
 * const progress = createProgress({ total: 120, write: (s) => process.stderr.write(s), isTTY: process.stderr.isTTY });
 * progress.advance(5); progress.finish();
 */
export function createProgress(options: ProgressOptions): Progress {
  const settings = { ...DEFAULT_PROGRESS_OPTIONS, ...options };
  const now = options.now ?? Date.now;
  const started = now();
  let done = 0;
  let drawn = false;
  let lastDraw = -Infinity;
  const due = (): boolean => settings.isTTY && settings.total > 0 && (settings.total > settings.minArticles || now() - started >= settings.delayMs);
  const draw = (force: boolean): void => {
    if (!due()) return;
    const time = now();
    if (!force && time - lastDraw < settings.intervalMs) return;
    lastDraw = time;
    drawn = true;
    settings.write(`\r${formatProgress(done, settings.total, time - started, settings.columns)}\u001b[K`);
  };
  const timer = settings.isTTY ? setInterval(() => draw(false), settings.intervalMs) : undefined;
  timer?.unref?.();
  return {
    advance(articles) {
      done = Math.min(settings.total, done + articles);
      draw(done === settings.total);
    },
    finish() {
      if (timer) clearInterval(timer);
      if (drawn) settings.write('\r\u001b[K');
    },
  };
}

/**
 * One line of progress, at most `columns` wide: `[#######·····] 12/40 articles 3.1 s`.
 *
 * @example
 * formatProgress(10, 40, 2500, 60); // '[##########······························] 10/40 articles 2.5 s'
 */
export function formatProgress(done: number, total: number, elapsedMs: number, columns: number): string {
  const tail = ` ${done}/${total} articles ${(elapsedMs / 1000).toFixed(1)} s`;
  const width = Math.max(5, Math.min(40, columns - tail.length - 3));
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return `[${'#'.repeat(filled)}${'·'.repeat(width - filled)}]${tail}`;
}
