import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { ArticleInput, StoryInput } from './analyze';
import { FramelensError, isFramelensError, type InputFailure } from './errors';
import { expectArray, idFromPath, parseJsonLine } from './inputs';
import { joinParts } from './json-parts';
import type { AnalyzePool, StoryJson } from './parallel';
import { REPORT_SCHEMA_VERSION, type StoryReport } from './report';

/**
 * Streaming input and output, so memory stays flat however long a JSON Lines corpus is.
 *
 * Input: a JSON Lines file is read twice in chunks. The first pass only learns how many articles
 * each story has; the second reads the articles and hands a story on as soon as its last article
 * is read. Stories come out in order of first appearance, as `collectStories` returns them, so the
 * report is the same as reading everything at once. Consecutive lines of a story (the usual
 * layout) keep one story in memory at a time; a story whose lines are scattered holds the stories
 * that started after it until its last line (the output order needs it), so scattering costs
 * memory, never correctness. Other inputs (directories, article files, standard input) are read
 * whole, as before.
 */
export interface StreamStoriesOptions {
  /** Read a path that is not a JSON Lines file (a directory, an article, `-`) the ordinary way. */
  readonly collect: (path: string) => { readonly stories: readonly StoryInput[]; readonly failures: readonly InputFailure[] };
  /** Bytes per read (default 1 MiB). */
  readonly chunkSize?: number;
}

/** The stories of a run, counted before any is read, and the inputs that failed as a whole. */
export interface StreamedStories {
  /** Number of stories and of articles (failed ones included) the inputs hold. */
  readonly storyCount: number;
  readonly articleCount: number;
  /** Inputs that failed as a whole (unreadable paths, empty directories), in path order. */
  readonly failures: readonly InputFailure[];
  /** The stories, each complete, in order of first appearance. Iterate once. */
  readonly stories: Iterable<StoryInput>;
}

const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
const DEFAULT_CHUNK_SIZE = 1 << 20;

type Source =
  | { readonly kind: 'jsonl'; readonly path: string; readonly story: string }
  | { readonly kind: 'collected'; readonly stories: readonly StoryInput[] };

type Item = ArticleInput | FramelensError;

/**
 * Stories from the paths, read as a stream where the input allows.
 *
 * @example
 * const { stories } = streamStories(['news.jsonl'], { collect: (path) => collectStories([path], readStdin) });
 * for (const story of stories) await pool.analyzeStory(story);
 */
export function streamStories(paths: readonly string[], options: StreamStoriesOptions): StreamedStories {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const sources: Source[] = [];
  const failures: InputFailure[] = [];
  const remaining = new Map<string, number>();
  const count = (story: string, n: number): void => {
    remaining.set(story, (remaining.get(story) ?? 0) + n);
  };

  for (const path of paths) {
    const storyCounts = isJsonLinesFile(path) ? countJsonLineStories(path, chunkSize) : undefined;
    if (storyCounts) {
      sources.push({ kind: 'jsonl', path, story: idFromPath(path) });
      for (const [story, n] of storyCounts) count(story, n);
      continue;
    }
    const collected = options.collect(path);
    sources.push({ kind: 'collected', stories: collected.stories });
    for (const story of collected.stories) count(story.id, story.articles.length);
    for (const failure of collected.failures) failures.push(failure);
  }
  let articleCount = 0;
  for (const n of remaining.values()) articleCount += n;
  const storyCount = remaining.size;

  function* stories(): Generator<StoryInput> {
    const order = [...remaining.keys()];
    const buffers = new Map<string, Item[]>();
    let next = 0;
    function* add(story: string, item: Item): Generator<StoryInput> {
      let list = buffers.get(story);
      if (!list) buffers.set(story, (list = []));
      list.push(item);
      remaining.set(story, (remaining.get(story) ?? 1) - 1);
      while (next < order.length && remaining.get(order[next]!)! <= 0) {
        const id = order[next++]!;
        const articles = buffers.get(id) ?? [];
        buffers.delete(id);
        yield { id, articles };
      }
    }
    for (const source of sources) {
      if (source.kind === 'collected') {
        for (const story of source.stories) for (const article of story.articles) yield* add(story.id, article);
        continue;
      }
      for (const { line, number } of readJsonLines(source.path, chunkSize)) {
        const record = parseLine(line, source.path, number);
        if (record instanceof FramelensError) yield* add(source.story, record);
        else yield* add(record.story ?? source.story, { text: record.text, ...(record.meta ? { meta: record.meta } : {}) });
      }
    }
    // Only if a file changed between the passes: hand on what is left, in order.
    for (; next < order.length; next++) {
      const id = order[next]!;
      if (buffers.has(id)) yield { id, articles: buffers.get(id)! };
    }
  }

  return { storyCount, articleCount, failures, stories: { [Symbol.iterator]: stories } };
}

function isJsonLinesFile(path: string): boolean {
  if (path === '-' || !JSONL_EXTENSIONS.has(extname(path).toLowerCase())) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function parseLine(line: string, path: string, number: number): ReturnType<typeof parseJsonLine> | FramelensError {
  try {
    return parseJsonLine(line, path, number);
  } catch (error) {
    if (error instanceof FramelensError) return error;
    throw error;
  }
}

/**
 * First pass over a JSON Lines file: articles per story. Undefined when the file is not clean
 * UTF-8 text; it is then read whole, so it fails exactly as it does without streaming.
 */
function countJsonLineStories(path: string, chunkSize: number): Map<string, number> | undefined {
  const fallback = idFromPath(path);
  const counts = new Map<string, number>();
  try {
    for (const { line, number } of readJsonLines(path, chunkSize, true)) {
      const record = parseLine(line, path, number);
      const story = record instanceof FramelensError ? fallback : (record.story ?? fallback);
      counts.set(story, (counts.get(story) ?? 0) + 1);
    }
  } catch {
    return undefined;
  }
  return counts;
}

/**
 * The non-blank lines of a JSON Lines file with their 1-based numbers, read in chunks. Lines split
 * as `parseJsonLines` splits them (`\n` or `\r\n`), and a leading byte-order mark is dropped.
 * With `strict`, a NUL byte or invalid UTF-8 throws.
 */
export function* readJsonLines(path: string, chunkSize = DEFAULT_CHUNK_SIZE, strict = false): Generator<{ line: string; number: number }> {
  const fd = openSync(path, 'r');
  const decoder = new TextDecoder('utf-8', { fatal: strict, ignoreBOM: true });
  const buffer = Buffer.allocUnsafe(chunkSize);
  let pieces: string[] = [];
  let number = 0;
  const emit = (raw: string, last: boolean): { line: string; number: number } | undefined => {
    number++;
    let line = !last && raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (number === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    return line.trim() === '' ? undefined : { line, number };
  };
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkSize, null);
      if (read === 0) break;
      const bytes = buffer.subarray(0, read);
      if (strict && bytes.indexOf(0) !== -1) throw new Error('NUL byte');
      const text = decoder.decode(bytes, { stream: true });
      let from = 0;
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', from)) {
        pieces.push(text.slice(from, at));
        const line = emit(pieces.length === 1 ? pieces[0]! : pieces.join(''), false);
        pieces = [];
        from = at + 1;
        if (line) yield line;
      }
      if (from < text.length) pieces.push(text.slice(from));
    }
    pieces.push(decoder.decode());
    const line = emit(pieces.join(''), true);
    if (line) yield line;
  } finally {
    closeSync(fd);
  }
}

/** Where a streamed report goes: `write` may return a promise to apply back-pressure. */
export interface ReportSink {
  write(chunk: string | Uint8Array): void | Promise<void>;
}

export interface WriteJsonReportOptions {
  /** Stories analysed ahead of the one being written (default: 4 per job). */
  readonly ahead?: number;
}

/** What a streamed run wrote: counts and every failure, top-level ones first. */
export interface WriteJsonReportResult {
  readonly stories: number;
  readonly failures: readonly InputFailure[];
}

/**
 * Check a streamed writer's arguments before anything is written (a bad one found at the end
 * would leave a partial report), and give the number of stories to analyse ahead.
 */
function checkWriteArguments(failures: unknown, pool: AnalyzePool, options: WriteJsonReportOptions): number {
  expectArray(failures, 'failures');
  if (typeof pool !== 'object' || pool === null || typeof pool.analyzeStoryJson !== 'function') {
    throw new FramelensError('invalid-argument', 'expected an AnalyzePool from createAnalyzePool()', { field: 'pool' });
  }
  const ahead = options.ahead ?? pool.jobs * 4;
  if (!Number.isInteger(ahead) || ahead < 1) {
    throw new FramelensError('invalid-option', `ahead must be a whole number of at least 1, not ${String(ahead)}`, { field: 'ahead' });
  }
  return ahead;
}

/**
 * Analyse stories on a pool, `ahead` at a time, and hand each story's JSON to `write` in input
 * order; resolves to the stories written and their failures. The failures of stories too large
 * to write are also in `unwritten`: with no story to hold them, they go in the report's own list.
 */
async function writeStoriesInOrder(stories: Iterable<StoryInput>, pool: AnalyzePool, prefix: string | null, ahead: number, write: (json: readonly string[], index: number) => Promise<void>): Promise<{ written: number; failures: InputFailure[]; unwritten: InputFailure[] }> {
  const pending: Promise<StoryJson>[] = [];
  const failures: InputFailure[] = [];
  const unwritten: InputFailure[] = [];
  let written = 0;
  const writeNext = async (): Promise<void> => {
    let result: StoryJson;
    try {
      result = await pending.shift()!;
    } catch (error) {
      // A story too large to write is a failure of that story; the stories after it still come.
      if (!isFramelensError(error) || error.code !== 'story-too-large') throw error;
      failures.push(error.toJSON());
      unwritten.push(error.toJSON());
      return;
    }
    for (const failure of result.failures) failures.push(failure);
    await write(result.json, written++);
  };
  try {
    for (const story of stories) {
      const result = pool.analyzeStoryJson(story, prefix);
      result.catch(() => undefined); // awaited in order below; this only keeps it from counting as unhandled
      pending.push(result);
      while (pending.length >= ahead) await writeNext();
    }
    while (pending.length > 0) await writeNext();
  } catch (error) {
    for (const result of pending) result.catch(() => undefined);
    throw error;
  }
  return { written, failures, unwritten };
}

/**
 * Analyse stories on a pool and write the report as JSON, one story at a time, in input order:
 * the same text as `JSON.stringify(analyzeStories(...), null, 2) + '\n'`, without ever holding the
 * whole report.
 *
 * @example
 * const { stories, failures } = streamStories(paths, { collect });
 * await writeJsonReport(stories, failures, pool, { write: (chunk) => void process.stdout.write(chunk) });
 */
export async function writeJsonReport(stories: Iterable<StoryInput>, failures: readonly InputFailure[], pool: AnalyzePool, sink: ReportSink, options: WriteJsonReportOptions = {}): Promise<WriteJsonReportResult> {
  const ahead = checkWriteArguments(failures, pool, options);
  await sink.write(`{\n  "schemaVersion": ${JSON.stringify(REPORT_SCHEMA_VERSION)},\n  "stories": [`);
  const result = await writeStoriesInOrder(stories, pool, '    ', ahead, (json, index) => writeParts(sink, [index === 0 ? '\n    ' : ',\n    ', ...json]));
  const tail = JSON.stringify([...failures, ...result.unwritten], null, 2).replace(/\n/g, '\n  ');
  await sink.write(`${result.written === 0 ? '' : '\n  '}],\n  "failures": ${tail}\n}\n`);
  return { stories: result.written, failures: [...failures, ...result.failures] };
}

/**
 * Analyse stories on a pool and write the report as JSON Lines, in input order: one line
 * `{"schemaVersion":1,"story":{...}}` per story (a `StoryReport`, compact), then one line
 * `{"schemaVersion":1,"failure":{...}}` per input that belongs to no story. Compact lines are less
 * than half the size of the indented report, and each line stands alone, for `jq -c`, pandas'
 * `read_json(lines=True)` or a reader that streams.
 *
 * @example
 * const { stories, failures } = streamStories(paths, { collect });
 * await writeJsonLinesReport(stories, failures, pool, { write: (chunk) => void process.stdout.write(chunk) });
 */
export async function writeJsonLinesReport(stories: Iterable<StoryInput>, failures: readonly InputFailure[], pool: AnalyzePool, sink: ReportSink, options: WriteJsonReportOptions = {}): Promise<WriteJsonReportResult> {
  const ahead = checkWriteArguments(failures, pool, options);
  const head = `{"schemaVersion":${JSON.stringify(REPORT_SCHEMA_VERSION)},`;
  const result = await writeStoriesInOrder(stories, pool, null, ahead, (json) => writeParts(sink, [`${head}"story":`, ...json, '}\n']));
  for (const failure of [...failures, ...result.unwritten]) await sink.write(`${head}"failure":${JSON.stringify(failure)}}\n`);
  return { stories: result.written, failures: [...failures, ...result.failures] };
}

/** Write pieces of text, joined into writes of up to JSON_PIECE_CHARS characters. */
async function writeParts(sink: ReportSink, parts: readonly string[]): Promise<void> {
  for (const chunk of joinParts(parts)) await sink.write(chunk);
}

/**
 * Analyse stories on a pool into reports, in input order (for formats rendered from the whole
 * report).
 *
 * @example
 * const reports = await analyzeInOrder(stories, pool);
 */
export async function analyzeInOrder(stories: Iterable<StoryInput>, pool: AnalyzePool): Promise<StoryReport[]> {
  const results: Promise<StoryReport>[] = [];
  for (const story of stories) {
    const result = pool.analyzeStory(story);
    result.catch(() => undefined);
    results.push(result);
  }
  return Promise.all(results);
}

/**
 * A sink over a Node writable (a file stream or standard output) that waits when its buffer is full.
 *
 * @example
 * const sink = writableSink(fs.createWriteStream('report.json'));
 */
export function writableSink(stream: { write(chunk: string | Uint8Array): boolean; once?(event: 'drain', listener: () => void): unknown }): ReportSink {
  return {
    write(chunk) {
      if (stream.write(chunk) || !stream.once) return undefined;
      return new Promise<void>((resolve) => stream.once!('drain', resolve));
    },
  };
}
