import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { analyzeInput, analyzeStory, assembleStory, type AnalyzeOptions, type AnalyzedArticle, type ArticleInput, type StoryInput } from './analyze';
import { findRecurringLines } from './boilerplate';
import { FramelensError, type InputFailure } from './errors';
import { joinParts, jsonParts } from './json-parts';
import { REPORT_SCHEMA_VERSION, type FramelensReport, type StoryReport } from './report';

/**
 * A pool that analyses stories on several threads, one wink model per thread. Results come back
 * in the order they are asked for, identical to `analyzeStory` on one thread.
 *
 * A story is the unit of work: its articles are analysed and compared where they were read, so
 * only the report (or its JSON text) crosses threads, never the tokens. A story of more than
 * `splitAbove` articles is split into batches of articles instead, so one big story still uses
 * every thread; its articles come back to be compared on the calling thread.
 */
export interface AnalyzePool {
  /** Number of threads analysing (1: the calling thread, no workers). */
  readonly jobs: number;
  /** Analyse and compare one story, as `analyzeStory` does. */
  analyzeStory(story: StoryInput): Promise<StoryReport>;
  /**
   * The story's report as `JSON.stringify(report, null, 2)` with `prefix` after every line
   * break, ready to be written inside an indented report, and the story's failures. A `prefix`
   * of `null` gives compact JSON on one line (`JSON.stringify(report)`), for JSON Lines. The text
   * comes in pieces (`StoryJson`).
   */
  analyzeStoryJson(story: StoryInput, prefix?: string | null): Promise<StoryJson>;
  /** Resolves once every thread has loaded its model and lexicons. */
  ready(): Promise<void>;
  /** Stop the workers. Pending analyses fail. */
  close(): Promise<void>;
}

export interface CreateAnalyzePoolOptions {
  /** Threads to use (default: `os.availableParallelism()`); 1 analyses on the calling thread. */
  readonly jobs?: number;
  /** Stories with more articles than this are split across threads (default 32). */
  readonly splitAbove?: number;
  /** Heap limits of each worker (default `WORKER_RESOURCE_LIMITS`). */
  readonly resourceLimits?: ResourceLimits;
}

export const DEFAULT_SPLIT_ABOVE = 32;

/** The default `--jobs`: the cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** A story's report as JSON text, with the inputs that failed (for messages and the exit code). */
export interface StoryJson {
  /**
   * The JSON text in pieces of at most 16,384 characters (a longer string value is one piece), to
   * be written one after another: one string of a whole report would be copied into
   * V8's large-object space at its first read, which costs far more than the same copy in small
   * strings. Workers send the pieces as strings: V8 copies them into the calling thread's heap,
   * which gives the memory back as it collects, where bytes moved between threads left the
   * process's resident memory creeping up over a long run.
   */
  readonly json: readonly string[];
  readonly failures: readonly InputFailure[];
}

/** An article or a failure as it travels between threads (errors lose their class on the way). */
export type WireArticle = ArticleInput | { readonly failure: InputFailure };

/** A message to a worker. */
export type PoolTask =
  | { readonly id: number; readonly kind: 'story'; readonly story: string; readonly articles: readonly WireArticle[]; readonly json?: string | null }
  | { readonly id: number; readonly kind: 'articles'; readonly story: string; readonly offset: number; readonly articles: readonly WireArticle[]; readonly recurring: readonly (ReadonlySet<string> | undefined)[] };

/** A worker's answer to one task. */
export type PoolReply =
  | { readonly id: number; readonly report: StoryReport }
  | { readonly id: number; readonly json: readonly string[]; readonly failures: readonly InputFailure[] }
  | { readonly id: number; readonly results: readonly (AnalyzedArticle | InputFailure)[] }
  | { readonly id: number; readonly error: { readonly message: string; readonly stack: string; readonly failure?: InputFailure } };

function toWire(article: ArticleInput | FramelensError): WireArticle {
  return article instanceof FramelensError ? { failure: article.toJSON() } : article;
}

/** A failure back in its class, so that `toJSON` gives exactly what was sent. */
function fromWire(article: WireArticle): ArticleInput | FramelensError {
  if (!('failure' in article)) return article;
  return FramelensError.fromFailure(article.failure);
}

/**
 * The JSON of a story report as it sits inside an indented report, or compact on one line when
 * `prefix` is `null`, in small pieces to be written one after another (see `jsonParts`).
 *
 * @example
 * storyJsonParts(report, '    ').join(''); // JSON.stringify(report, null, 2) with four spaces after each line break
 * storyJsonParts(report, null).join(''); // JSON.stringify(report)
 */
export function storyJsonParts(report: StoryReport, prefix: string | null = ''): string[] {
  try {
    return joinParts(jsonParts(report, prefix));
  } catch (error) {
    // One part of the report (a single value) no longer fits in a string.
    if (!(error instanceof RangeError)) throw error;
    throw new FramelensError('story-too-large', `a part of the report of this story of ${report.articles.length} articles is longer than the longest string JavaScript can hold; give the articles "story" fields to compare them in smaller stories`, { input: report.id, cause: error });
  }
}

/** Run one pool task (in a worker, or on the calling thread for one job). */
export function runTask(task: PoolTask, options: AnalyzeOptions): PoolReply {
  if (task.kind === 'articles') {
    const results = task.articles.map((article, index) => ('failure' in article ? article.failure : analyzeInput(article, `${task.story}#${task.offset + index + 1}`, options, task.recurring[index])));
    return { id: task.id, results };
  }
  const report = analyzeStory({ id: task.story, articles: task.articles.map(fromWire) }, options);
  return task.json !== undefined ? { id: task.id, json: storyJsonParts(report, task.json), failures: report.failures } : { id: task.id, report };
}

/**
 * Start a pool of `jobs` analysis threads.
 *
 * @example
 * const pool = createAnalyzePool({ jobs: 4 });
 * const reports = await Promise.all(stories.map((story) => pool.analyzeStory(story)));
 * await pool.close();
 */
export function createAnalyzePool(options: AnalyzeOptions = {}, poolOptions: CreateAnalyzePoolOptions = {}): AnalyzePool {
  const jobs = poolOptions.jobs ?? defaultJobs();
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new FramelensError('invalid-option', `jobs must be a whole number of at least 1, not ${jobs}`, { field: 'jobs' });
  }
  analyzeStory({ id: 'options', articles: [] }, options); // option errors surface here, not in a worker
  if (jobs === 1) return createLocalPool(options);
  return createWorkerPool(options, jobs, poolOptions.splitAbove ?? DEFAULT_SPLIT_ABOVE, poolOptions.resourceLimits ?? WORKER_RESOURCE_LIMITS);
}

function createLocalPool(options: AnalyzeOptions): AnalyzePool {
  return {
    jobs: 1,
    analyzeStory: async (story) => analyzeStory(story, options),
    analyzeStoryJson: async (story, prefix = '') => {
      const report = analyzeStory(story, options);
      return { json: storyJsonParts(report, prefix), failures: report.failures };
    },
    ready: async () => {
      analyzeStory(WARM_UP, options);
    },
    close: async () => undefined,
  };
}

/** A tiny story each thread analyses first, so loading the model and compiling lexicons is done. */
export const WARM_UP: StoryInput = Object.freeze({ id: 'warm-up', articles: [{ text: 'Officials said the talks would resume.' }] });

interface Pending {
  readonly task: PoolTask;
  readonly resolve: (reply: PoolReply) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy?: Pending;
}

/**
 * Heap limits of a worker, in MB. V8 lets a heap grow far past its live data before collecting;
 * a worker's live data is its model and one story, so these limits keep the process's memory flat
 * (peak RSS of two workers over 6,000 articles under 400 MB). The old generation's cap has a price
 * in CPU: V8 grows a heap with a small limit by a small factor (1.3 here, 4 from a 2 GB limit), so a
 * worker runs a full mark-compact after every ~10-20 MB promoted (44-46 of them for 1,500 articles
 * on two workers, against 6 on one uncapped thread), on V8's helper threads. The young generation's
 * cap (V8's default lets it grow to 48 MB) has none that five alternating rounds could measure
 * (2 jobs, 1,500 articles: median 23.1 s of CPU with or without it) and saves 30-40 MB of peak RSS
 * (310-316 MB against 340-355 MB). A task that outgrows the limits (a story of huge articles) is run
 * again on the calling thread.
 */
export const WORKER_RESOURCE_LIMITS = Object.freeze({ maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 24 });

function createWorkerPool(options: AnalyzeOptions, jobs: number, splitAbove: number, resourceLimits: ResourceLimits): AnalyzePool {
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let failed: Error | undefined;
  let closed = false;

  const fail = (error: Error): void => {
    failed ??= error;
    for (const slot of slots) {
      slot.busy?.reject(error);
      slot.busy = undefined;
    }
    for (const pending of queue.splice(0)) pending.reject(error);
  };

  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const pending = queue.shift()!;
      slot.busy = pending;
      slot.worker.ref();
      slot.worker.postMessage(pending.task);
    }
  };

  const script = workerScript();
  const started: Promise<void>[] = [];

  const spawn = (slot: Slot | undefined): Slot => {
    const worker = new Worker(script, { workerData: { options }, eval: typeof script === 'string', resourceLimits });
    const own: Slot = slot ?? { worker };
    own.worker = worker;
    let replaced = false;
    const start = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    start.catch(() => undefined); // reported through `fail` and `ready()`, never as unhandled
    if (!slot) started.push(start);
    worker.on('message', (message: PoolReply | { ready: true }) => {
      if ('ready' in message) {
        if (!own.busy) worker.unref(); // an idle pool never keeps the process alive
        return;
      }
      const pending = own.busy;
      own.busy = undefined;
      if (!pending) return;
      if ('error' in message) {
        const { failure } = message.error;
        const error = failure ? FramelensError.fromFailure(failure) : new Error(`framelens worker: ${message.error.message}`);
        error.stack = message.error.stack;
        pending.reject(error);
      } else {
        pending.resolve(message);
      }
      if (queue.length === 0) worker.unref();
      dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY' || !own.busy || closed || failed) return fail(error);
      // Too big for a worker's heap: analyse it here, where the heap is not capped, and start afresh.
      replaced = true;
      const pending = own.busy;
      own.busy = undefined;
      if (pending) {
        try {
          pending.resolve(runTask(pending.task, options));
        } catch (cause) {
          pending.reject(cause as Error);
        }
      }
      spawn(own);
      dispatch();
    });
    worker.on('exit', (code) => {
      if (!closed && !replaced) fail(new Error(`framelens worker stopped with exit code ${code}`));
    });
    return own;
  };
  for (let i = 0; i < jobs; i++) slots.push(spawn(undefined));

  const run = (task: PoolTask extends infer T ? (T extends PoolTask ? Omit<T, 'id'> : never) : never): Promise<PoolReply> =>
    new Promise((resolve, reject) => {
      if (failed) return reject(failed);
      if (closed) return reject(new Error('the analysis pool is closed'));
      queue.push({ task: { ...task, id: nextId++ } as PoolTask, resolve, reject });
      dispatch();
    });

  const splitStory = async (story: StoryInput): Promise<StoryReport> => {
    // As `analyzeStory` does: lines an outlet repeats across the story are boilerplate.
    const recurring = findRecurringLines(story.articles.map((input) => (input instanceof FramelensError ? undefined : input)));
    const batch = Math.max(1, Math.ceil(story.articles.length / (jobs * 4)));
    const parts: Promise<PoolReply>[] = [];
    for (let offset = 0; offset < story.articles.length; offset += batch) {
      const articles = story.articles.slice(offset, offset + batch).map(toWire);
      parts.push(run({ kind: 'articles', story: story.id, offset, articles, recurring: recurring.slice(offset, offset + batch) }));
    }
    const results = (await Promise.all(parts)).flatMap((reply) => ('results' in reply ? reply.results : []));
    return assembleStory(story.id, results);
  };

  return {
    jobs,
    async analyzeStory(story) {
      if (story.articles.length > splitAbove) return splitStory(story);
      const reply = await run({ kind: 'story', story: story.id, articles: story.articles.map(toWire) });
      if (!('report' in reply)) throw new Error('framelens worker: unexpected reply');
      return reply.report;
    },
    async analyzeStoryJson(story, prefix = '') {
      if (story.articles.length > splitAbove) {
        const report = await splitStory(story);
        return { json: storyJsonParts(report, prefix), failures: report.failures };
      }
      const reply = await run({ kind: 'story', story: story.id, articles: story.articles.map(toWire), json: prefix });
      if (!('json' in reply)) throw new Error('framelens worker: unexpected reply');
      return { json: reply.json, failures: reply.failures };
    },
    async ready() {
      await Promise.all(started);
    },
    async close() {
      closed = true;
      fail(new Error('the analysis pool is closed'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/**
 * Where the worker entry is: `worker.js` or `worker.cjs` beside the built module, or, when
 * framelens runs from its TypeScript sources (tests, `tsx`), `src/worker.ts` through tsx.
 */
function workerScript(): URL | string {
  const here = import.meta.url;
  if (/\.[cm]?ts$/.test(here)) {
    const source = new URL('./worker.ts', here).href;
    return `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  }
  return new URL(here.endsWith('.cjs') ? './worker.cjs' : './worker.js', here);
}

/**
 * Analyse several stories on `jobs` threads into one report, identical to `analyzeStories`.
 *
 * @example
 * const report = await analyzeStoriesParallel(stories, {}, { jobs: 2 });
 */
export async function analyzeStoriesParallel(stories: readonly StoryInput[], options: AnalyzeOptions = {}, poolOptions: CreateAnalyzePoolOptions = {}, failures: readonly InputFailure[] = []): Promise<FramelensReport> {
  const pool = createAnalyzePool(options, poolOptions);
  try {
    const reports = await Promise.all(stories.map((story) => pool.analyzeStory(story)));
    return { schemaVersion: REPORT_SCHEMA_VERSION, stories: reports, failures: [...failures] };
  } finally {
    await pool.close();
  }
}
