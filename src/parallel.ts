import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits, type WorkerOptions } from 'node:worker_threads';
import { analyzeInput, analyzeStory, assembleStory, type AnalyzeOptions, type AnalyzedArticle, type ArticleInput, type StoryInput } from './analyze';
import type { ArticleMeta } from './article';
import { findRecurringLines } from './boilerplate';
import { describeType, FramelensError, isFramelensError, type InputFailure } from './errors';
import { META_KEYS, articleInputFailure, checkKnownKeys, checkPartReport, checkReadArticleArguments, checkStoryInput, expectArray, isRecord } from './inputs';
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
 *
 * Workers start when there is work for them (a task waiting and every started worker busy), up
 * to `jobs`. A worker that stops in the middle of a task fails that task with `worker-failed`
 * and is replaced; a worker that cannot start fails every pending and later call the same way.
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
  /** Starts every thread and resolves once each has loaded its model and lexicons. */
  ready(): Promise<void>;
  /** Stop the workers. Pending analyses fail. */
  close(): Promise<void>;
}

export interface CreateAnalyzePoolOptions {
  /** Threads to use, 1 to `MAX_JOBS` (default: `defaultJobs()`); 1 analyses on the calling thread. */
  readonly jobs?: number;
  /** Stories with more articles than this are split across threads (default 32). */
  readonly splitAbove?: number;
  /** Heap limits of each worker (default `WORKER_RESOURCE_LIMITS`). */
  readonly resourceLimits?: ResourceLimits;
}

export const DEFAULT_SPLIT_ABOVE = 32;

/** The most threads a pool may use: each worker costs its own model (~60 MB, ~0.85 s to start). */
export const MAX_JOBS = 256;

/**
 * The default `--jobs`: the cores this process may use, at most `MAX_JOBS`.
 *
 * @example
 * defaultJobs(); // os.availableParallelism() up to MAX_JOBS: 8 on an eight-core machine
 */
export function defaultJobs(): number {
  return Math.min(MAX_JOBS, Math.max(1, availableParallelism()));
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

function isWireFailure(article: unknown): article is { readonly failure: InputFailure } {
  return isRecord(article) && 'failure' in article;
}

/** A failure back in its class, so that `toJSON` gives exactly what was sent. */
function fromWire(article: WireArticle): ArticleInput | FramelensError {
  return isWireFailure(article) ? FramelensError.fromFailure(article.failure) : article;
}


/** An article ready to cross to a worker; `whole` is false when the article holds more than crosses. */
interface Outbound {
  readonly wire: WireArticle;
  readonly whole: boolean;
}

/**
 * An article as it crosses to a worker: the failure `analyzeInput` would report for it before
 * reading its text, found on this thread, or its text and the metadata the analysis reads, as plain
 * data. Either way nothing a worker cannot receive (a function, a symbol, a proxy) is sent. It is
 * not whole when it is such a failure (its text still counts for the story's recurring lines) or
 * when its meta holds keys of the caller's own, which one thread keeps in the report's meta.
 */
function toOutbound(input: ArticleInput | FramelensError, fallbackId: string): Outbound {
  if (input instanceof FramelensError) return { wire: { failure: input.toJSON() }, whole: true };
  const failure = readFailure(input, fallbackId);
  if (failure) return { wire: { failure }, whole: false };
  if (input.meta === undefined) return { wire: { text: input.text }, whole: true };
  const meta: Record<string, unknown> = {};
  let whole = true;
  for (const key of Object.keys(input.meta)) {
    if (Object.prototype.hasOwnProperty.call(META_KEYS, key)) meta[key] = (input.meta as Record<string, unknown>)[key];
    else whole = false;
  }
  return { wire: { text: input.text, meta: meta as ArticleMeta }, whole };
}

/** The failure `analyzeInput` reports for an article before it reads the text, or undefined. */
function readFailure(input: unknown, fallbackId: string): InputFailure | undefined {
  const invalid = articleInputFailure(input, fallbackId);
  if (invalid) return invalid.toJSON();
  const { text, meta } = input as ArticleInput;
  try {
    checkReadArticleArguments(text, { ...meta, id: meta?.id ?? fallbackId }, {});
  } catch (error) {
    if (!isFramelensError(error)) throw error;
    return error.toJSON();
  }
  return undefined;
}

/** An analysed article with all the meta its input gave, as `analyzeInput` leaves it on one thread. */
function withInputMeta(result: AnalyzedArticle | InputFailure, input: ArticleInput | FramelensError): AnalyzedArticle | InputFailure {
  if (!('report' in result) || input instanceof FramelensError) return result;
  const meta = { ...input.meta, id: result.article.meta.id };
  return { article: { ...result.article, meta }, report: { ...result.report, meta } };
}

function checkPrefix(prefix: unknown): asserts prefix is string | null {
  if (prefix !== null && typeof prefix !== 'string') throw new FramelensError('invalid-argument', `"prefix" must be a string or null, got ${describeType(prefix)}`, { field: 'prefix' });
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
  checkPartReport(report, 'story');
  checkPrefix(prefix);
  try {
    return joinParts(jsonParts(report, prefix));
  } catch (error) {
    // One part of the report (a single value) no longer fits in a string.
    if (!(error instanceof RangeError)) throw error;
    throw new FramelensError('story-too-large', `a part of the report of this story of ${report.articles.length} articles is longer than the longest string JavaScript can hold; give the articles "story" fields to compare them in smaller stories`, { input: report.id, cause: error });
  }
}

/**
 * Run one pool task (in a worker, or on the calling thread for one job).
 *
 * @example
 * const reply = runTask({ id: 1, kind: 'story', story: 'talks', articles: [{ text: 'Officials said the talks would resume.' }] }, {});
 * 'report' in reply && reply.report.articles[0].id; // 'talks#1'
 */
export function runTask(task: PoolTask, options: AnalyzeOptions): PoolReply {
  if (!isRecord(task) || (task.kind !== 'story' && task.kind !== 'articles') || !Array.isArray(task.articles)) {
    throw new FramelensError('invalid-argument', `a pool task must be {id, kind: 'story' | 'articles', story, articles}, got ${describeType(task)}`, { field: 'task' });
  }
  if (task.kind === 'articles') {
    const results = task.articles.map((article, index) => (isWireFailure(article) ? article.failure : analyzeInput(article, `${task.story}#${task.offset + index + 1}`, options, task.recurring[index])));
    return { id: task.id, results };
  }
  const report = analyzeStory({ id: task.story, articles: task.articles.map(fromWire) }, options);
  return task.json !== undefined ? { id: task.id, json: storyJsonParts(report, task.json), failures: report.failures } : { id: task.id, report };
}

// Every key of the pool options and of a worker's resource limits, so that an option added to a
// type without being added here fails to compile rather than being refused at run time.
const POOL_OPTION_KEYS: Readonly<Record<keyof CreateAnalyzePoolOptions, true>> = { jobs: true, splitAbove: true, resourceLimits: true };
const RESOURCE_LIMIT_KEYS: Readonly<Record<keyof ResourceLimits, true>> = { maxYoungGenerationSizeMb: true, maxOldGenerationSizeMb: true, codeRangeSizeMb: true, stackSizeMb: true };

function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : describeType(value);
}

/** The pool options with their defaults, or a typed error naming the option at fault. */
function checkPoolOptions(poolOptions: unknown): { jobs: number; splitAbove: number; resourceLimits: ResourceLimits } {
  if (!isRecord(poolOptions)) throw new FramelensError('invalid-argument', `pool options must be an object {jobs?, splitAbove?, resourceLimits?}, got ${describeType(poolOptions)}`, { field: 'poolOptions' });
  checkKnownKeys(poolOptions, POOL_OPTION_KEYS, 'CreateAnalyzePoolOptions');
  const { jobs = defaultJobs(), splitAbove = DEFAULT_SPLIT_ABOVE, resourceLimits = WORKER_RESOURCE_LIMITS } = poolOptions as CreateAnalyzePoolOptions;
  if (typeof jobs !== 'number' || !Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) {
    throw new FramelensError('invalid-option', `jobs must be a whole number from 1 to ${MAX_JOBS}, not ${shown(jobs)}`, { field: 'jobs' });
  }
  if (typeof splitAbove !== 'number' || !(splitAbove >= 0) || !(Number.isInteger(splitAbove) || splitAbove === Infinity)) {
    throw new FramelensError('invalid-option', `splitAbove must be a whole number of at least 0 (or Infinity), not ${shown(splitAbove)}`, { field: 'splitAbove' });
  }
  if (!isRecord(resourceLimits)) throw new FramelensError('invalid-option', `resourceLimits must be an object of sizes in MB, got ${describeType(resourceLimits)}`, { field: 'resourceLimits' });
  checkKnownKeys(resourceLimits, RESOURCE_LIMIT_KEYS, 'resourceLimits', { path: 'resourceLimits' });
  for (const [key, size] of Object.entries(resourceLimits)) {
    if (size !== undefined && !(typeof size === 'number' && size > 0 && Number.isFinite(size))) {
      throw new FramelensError('invalid-option', `resourceLimits.${key} must be a positive number of MB, not ${shown(size)}`, { field: `resourceLimits.${key}` });
    }
  }
  return { jobs, splitAbove, resourceLimits };
}

/**
 * Start a pool of up to `jobs` analysis threads.
 *
 * @example
 * const pool = createAnalyzePool({ jobs: 4 });
 * const reports = await Promise.all(stories.map((story) => pool.analyzeStory(story)));
 * await pool.close();
 */
export function createAnalyzePool(options: AnalyzeOptions = {}, poolOptions: CreateAnalyzePoolOptions = {}): AnalyzePool {
  const { jobs, splitAbove, resourceLimits } = checkPoolOptions(poolOptions);
  analyzeStory({ id: 'options', articles: [] }, options); // option errors surface here, not in a worker
  if (jobs === 1) return createLocalPool(options);
  return createWorkerPool(options, jobs, splitAbove, resourceLimits);
}

function createLocalPool(options: AnalyzeOptions): AnalyzePool {
  // Closed, it refuses work as a pool of workers does, so code that runs with one job behaves the same with more.
  let closed = false;
  const open = (): void => {
    if (closed) throw closedError();
  };
  return {
    jobs: 1,
    analyzeStory: async (story) => {
      open();
      return analyzeStory(story, options);
    },
    analyzeStoryJson: async (story, prefix = '') => {
      open();
      checkPrefix(prefix);
      const report = analyzeStory(story, options);
      return { json: storyJsonParts(report, prefix), failures: report.failures };
    },
    ready: async () => {
      open();
      analyzeStory(WARM_UP, options);
    },
    close: async () => {
      closed = true;
    },
  };
}

function closedError(): FramelensError {
  return new FramelensError('invalid-argument', 'the analysis pool is closed', { field: 'pool' });
}

/** A tiny story each thread analyses first, so loading the model and compiling lexicons is done. */
export const WARM_UP: StoryInput = Object.freeze({ id: 'warm-up', articles: [{ text: 'Officials said the talks would resume.' }] });

/**
 * How the pool starts a worker and hands it a task. Tests replace them to count the workers a pool
 * starts, to make a hand-over fail and to stop a worker in the middle of a task.
 */
export const poolSeams = {
  startWorker: (script: URL | string, options: WorkerOptions): Worker => new Worker(script, options),
  post: (worker: Worker, task: PoolTask): void => worker.postMessage(task),
};

interface Pending {
  readonly task: PoolTask;
  readonly resolve: (reply: PoolReply) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  /** Settles once the worker has loaded its model, or has failed to. */
  readonly started: Promise<void>;
  readonly refuse: (error: Error) => void;
  ready: boolean;
  busy?: Pending;
  /** What stopped the worker (its `error` event). */
  error?: Error;
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The options as a worker receives them. What the analysis reads of them is strings, numbers,
 * arrays and objects; a function or symbol among them (a key of the caller's own, which one
 * thread ignores) cannot cross, so it is left out.
 */
function optionsForWorkers(options: AnalyzeOptions): AnalyzeOptions {
  try {
    return structuredClone(options);
  } catch {
    const seen = new Set<object>();
    const plain = (value: unknown): unknown => {
      if (typeof value !== 'object' || value === null) return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
      if (seen.has(value)) return undefined;
      seen.add(value);
      const copy = Array.isArray(value) ? value.map(plain) : Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (typeof item === 'function' || typeof item === 'symbol' ? [] : [[key, plain(item)]])));
      seen.delete(value);
      return copy;
    };
    try {
      return structuredClone(plain(options)) as AnalyzeOptions;
    } catch (cause) {
      throw new FramelensError('invalid-option', `the analysis options hold a value a worker thread cannot receive (${messageOf(cause)}); give them as plain data`, { field: 'options', cause });
    }
  }
}

function createWorkerPool(options: AnalyzeOptions, jobs: number, splitAbove: number, resourceLimits: ResourceLimits): AnalyzePool {
  const workerOptions = optionsForWorkers(options);
  const script = workerScript();
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let failed: Error | undefined;

  /** Every pending and later call fails with the first such error; the workers stop. */
  const fail = (error: Error): Promise<unknown> => {
    failed ??= error;
    const stopping = slots.splice(0).map((slot) => {
      slot.busy?.reject(failed!);
      slot.busy = undefined;
      if (!slot.ready) slot.refuse(failed!);
      return slot.worker.terminate();
    });
    for (const pending of queue.splice(0)) pending.reject(failed);
    return Promise.all(stopping);
  };

  const release = (slot: Slot): Pending | undefined => {
    const pending = slot.busy;
    slot.busy = undefined;
    if (queue.length === 0) slot.worker.unref(); // an idle pool never keeps the process alive
    return pending;
  };

  const send = (slot: Slot, pending: Pending): void => {
    slot.busy = pending;
    slot.worker.ref();
    try {
      poolSeams.post(slot.worker, pending.task);
    } catch (cause) {
      release(slot);
      pending.reject(new FramelensError('invalid-argument', `the story could not be handed to a worker thread: ${messageOf(cause)}`, { input: pending.task.story, cause }));
    }
  };

  const dispatch = (): void => {
    while (queue.length > 0 && !failed) {
      const slot = slots.find((candidate) => !candidate.busy) ?? (slots.length < jobs ? spawn() : undefined);
      if (!slot) return;
      send(slot, queue.shift()!);
    }
  };

  const spawn = (): Slot | undefined => {
    let worker: Worker;
    try {
      worker = poolSeams.startWorker(script, { workerData: { options: workerOptions }, eval: typeof script === 'string', resourceLimits });
    } catch (cause) {
      void fail(new FramelensError('worker-failed', `a worker thread could not start: ${messageOf(cause)}`, { cause }));
      return undefined;
    }
    let refuse!: (error: Error) => void;
    let markReady!: () => void;
    const started = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      refuse = reject;
    });
    started.catch(() => undefined); // reported through the calls and `ready()`, never as unhandled
    const slot: Slot = { worker, started, refuse, ready: false };
    slots.push(slot);
    worker.on('message', (message: PoolReply | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        markReady();
        if (!slot.busy) worker.unref();
        return;
      }
      const pending = release(slot);
      if (!pending) return;
      if ('error' in message) {
        const { failure } = message.error;
        const error = failure ? FramelensError.fromFailure(failure) : new Error(`framelens worker: ${message.error.message}`);
        error.stack = message.error.stack;
        pending.reject(error);
      } else {
        pending.resolve(message);
      }
      dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      slot.error = error;
      if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY' || !slot.busy || failed) return;
      // Too big for a worker's heap: analyse it here, where the heap is not capped; a fresh worker takes the next task.
      const pending = slot.busy;
      slot.busy = undefined;
      try {
        pending.resolve(runTask(pending.task, options));
      } catch (cause) {
        pending.reject(cause as Error);
      }
    });
    worker.on('exit', (code) => {
      const at = slots.indexOf(slot);
      if (at === -1) return; // stopped by `fail` or `close`
      const why = slot.error ? slot.error.message : `exit code ${code}`;
      if (!slot.ready) {
        // One that cannot start says the next would not either: fail rather than start them in a loop.
        void fail(new FramelensError('worker-failed', `a worker thread stopped before it was ready (${why})`, { cause: slot.error }));
        return;
      }
      slots.splice(at, 1);
      const pending = slot.busy;
      slot.busy = undefined;
      pending?.reject(new FramelensError('worker-failed', `the worker thread analysing this story stopped (${why}) before it answered; the story was not analysed`, { input: pending.task.story, cause: slot.error }));
      dispatch();
    });
    return slot;
  };

  const run = (task: PoolTask extends infer T ? (T extends PoolTask ? Omit<T, 'id'> : never) : never): Promise<PoolReply> =>
    new Promise((resolve, reject) => {
      if (failed) return reject(failed);
      queue.push({ task: { ...task, id: nextId++ } as PoolTask, resolve, reject });
      dispatch();
    });

  /** The story's articles as they cross, checked as `analyzeStory` checks them. */
  const outbound = (story: StoryInput): Outbound[] => {
    checkStoryInput(story);
    // Array.from: a hole in the list is a missing article, reported as one, as analyzeStory does.
    return Array.from(story.articles, (input, index) => toOutbound(input, `${story.id}#${index + 1}`));
  };

  /**
   * A story analysed article by article across the threads and compared here: a big one, or one
   * with articles that do not cross whole, whose results get back what stayed on this thread.
   */
  const splits = (story: StoryInput, articles: readonly Outbound[]): boolean => articles.length > splitAbove || articles.some((article) => !article.whole);

  const splitStory = async (story: StoryInput, articles: readonly Outbound[]): Promise<StoryReport> => {
    // As `analyzeStory` does: lines an outlet repeats across the story are boilerplate.
    const inputs = Array.from(story.articles);
    const recurring = findRecurringLines(inputs.map((input) => (input instanceof FramelensError ? undefined : input)));
    const batch = Math.max(1, Math.ceil(articles.length / (jobs * 4)));
    const parts: Promise<PoolReply>[] = [];
    for (let offset = 0; offset < articles.length; offset += batch) {
      const wire = articles.slice(offset, offset + batch).map((article) => article.wire);
      parts.push(run({ kind: 'articles', story: story.id, offset, articles: wire, recurring: recurring.slice(offset, offset + batch) }));
    }
    const results = (await Promise.all(parts)).flatMap((reply) => ('results' in reply ? reply.results : []));
    return assembleStory(story.id, results.map((result, index) => (articles[index]!.whole ? result : withInputMeta(result, inputs[index]!))));
  };

  return {
    jobs,
    async analyzeStory(story) {
      const articles = outbound(story);
      if (splits(story, articles)) return splitStory(story, articles);
      const reply = await run({ kind: 'story', story: story.id, articles: articles.map((article) => article.wire) });
      if (!('report' in reply)) throw new Error('framelens worker: unexpected reply');
      return reply.report;
    },
    async analyzeStoryJson(story, prefix = '') {
      checkPrefix(prefix);
      const articles = outbound(story);
      if (splits(story, articles)) {
        const report = await splitStory(story, articles);
        return { json: storyJsonParts(report, prefix), failures: report.failures };
      }
      const reply = await run({ kind: 'story', story: story.id, articles: articles.map((article) => article.wire), json: prefix });
      if (!('json' in reply)) throw new Error('framelens worker: unexpected reply');
      return { json: reply.json, failures: reply.failures };
    },
    async ready() {
      while (!failed && slots.length < jobs && spawn());
      if (failed) throw failed;
      await Promise.all(slots.map((slot) => slot.started));
    },
    async close() {
      await fail(closedError());
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
  expectArray(stories, 'stories');
  expectArray(failures, 'failures');
  for (const story of stories) checkStoryInput(story); // as one thread would, before any worker starts
  const pool = createAnalyzePool(options, poolOptions);
  try {
    const reports = await Promise.all(stories.map((story) => pool.analyzeStory(story)));
    return { schemaVersion: REPORT_SCHEMA_VERSION, stories: reports, failures: [...failures] };
  } finally {
    await pool.close();
  }
}
