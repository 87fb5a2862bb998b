import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { ArticleInput, StoryInput } from './analyze';
import { describeType, FramelensError, isFramelensError, type InputFailure } from './errors';
import { checkOptionsObject, checkStoryInput, decodeJsonLineBytes, expectArray, expectByteLimit, expectString, idFromPath, jsonLineResult, lineEnds, MAX_INPUT_BYTES, type JsonLineResult } from './inputs';
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
  /** Bytes per read (default 1 MiB, at most `MAX_INPUT_BYTES`). */
  readonly chunkSize?: number;
  /** Longest line of a JSON Lines file, in bytes (default `MAX_INPUT_BYTES`); a longer one is a `text-too-large` failure. */
  readonly maxLineBytes?: number;
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
  const { chunkSize, maxLineBytes } = checkStreamStoriesArguments(paths, options);
  const sources: Source[] = [];
  const failures: InputFailure[] = [];
  const remaining = new Map<string, number>();
  const count = (story: string, n: number): void => {
    remaining.set(story, (remaining.get(story) ?? 0) + n);
  };

  for (const path of paths) {
    const storyCounts = isJsonLinesFile(path) ? countJsonLineStories(path, chunkSize, maxLineBytes) : undefined;
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
      for (const item of readJsonLines(source.path, chunkSize, true, maxLineBytes)) {
        const record = parseLine(item, source.path);
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

// Every key of the options type, so that an option added to the type without being added here
// fails to compile rather than being refused at run time.
const STREAM_STORIES_OPTION_KEYS: Readonly<Record<keyof StreamStoriesOptions, true>> = { collect: true, chunkSize: true, maxLineBytes: true };

/** Check `streamStories`' arguments before any file is read, and give its chunk and line sizes. */
function checkStreamStoriesArguments(paths: unknown, options: unknown): { chunkSize: number; maxLineBytes: number } {
  expectArray(paths, 'paths');
  paths.forEach((path, index) => expectString(path, `paths[${index}]`));
  // Required: streamStories cannot read a directory or an article file without `collect`.
  if (options === undefined) throw new FramelensError('invalid-argument', 'streamStories needs options {collect}', { field: 'options' });
  const record = checkOptionsObject(options, STREAM_STORIES_OPTION_KEYS, 'StreamStoriesOptions');
  if (typeof record.collect !== 'function') {
    throw new FramelensError('invalid-option', `"collect" must be a function (path) => {stories, failures}, got ${describeType(record.collect)}`, { field: 'collect' });
  }
  const chunkSize = record.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const maxLineBytes = record.maxLineBytes ?? MAX_INPUT_BYTES;
  checkChunkSize(chunkSize, 'invalid-option');
  expectByteLimit(maxLineBytes, 'maxLineBytes', 'invalid-option');
  return { chunkSize, maxLineBytes };
}

/** Refuse a read size that is not a whole number of bytes from 1 to `MAX_INPUT_BYTES`. */
function checkChunkSize(value: unknown, code: 'invalid-argument' | 'invalid-option'): asserts value is number {
  expectByteLimit(value, 'chunkSize', code);
  if (value > MAX_INPUT_BYTES) throw new FramelensError(code, `"chunkSize" must be at most ${MAX_INPUT_BYTES} bytes, got ${value}`, { field: 'chunkSize' });
}

function isJsonLinesFile(path: string): boolean {
  if (path === '-' || !JSONL_EXTENSIONS.has(extname(path).toLowerCase())) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function parseLine(item: JsonLinesItem, path: string): JsonLineResult {
  return item instanceof FramelensError ? item : jsonLineResult(item.line, path, item.number);
}

/**
 * First pass over a JSON Lines file: articles per story. Undefined when the file cannot be read;
 * it is then read the ordinary way, so it fails exactly as it does without streaming.
 */
function countJsonLineStories(path: string, chunkSize: number, maxLineBytes: number): Map<string, number> | undefined {
  const fallback = idFromPath(path);
  const counts = new Map<string, number>();
  try {
    for (const item of readJsonLines(path, chunkSize, true, maxLineBytes)) {
      const record = parseLine(item, path);
      const story = record instanceof FramelensError ? fallback : (record.story ?? fallback);
      counts.set(story, (counts.get(story) ?? 0) + 1);
    }
  } catch {
    return undefined;
  }
  return counts;
}

/** A non-blank line of a JSON Lines file with its 1-based number, or the typed error of a line that could not be read. */
export type JsonLinesItem = { readonly line: string; readonly number: number } | FramelensError;

/**
 * The non-blank lines of a JSON Lines file with their 1-based numbers, read in chunks of
 * `chunkSize` bytes. Lines end as in `parseJsonLines` (`\n`, `\r\n` or a lone `\r`), and a
 * leading byte-order mark is dropped. A line longer than `maxLineBytes` (default
 * `MAX_INPUT_BYTES`) is a `text-too-large` error in its place; in a file that is not a regular
 * file (a device, a pipe: it may never end) reading stops there. With `strict`, a line of invalid
 * UTF-8 is an `invalid-utf8` error in its place, as `decodeJsonLines` gives it; without, bad bytes
 * read as U+FFFD. A path that cannot be read is `unreadable-path`.
 *
 * @example
 * for (const item of readJsonLines('news.jsonl')) if (!(item instanceof FramelensError)) console.log(item.number, item.line);
 */
export function readJsonLines(path: string, chunkSize = DEFAULT_CHUNK_SIZE, strict = false, maxLineBytes = MAX_INPUT_BYTES): Generator<JsonLinesItem> {
  expectString(path, 'path');
  checkChunkSize(chunkSize, 'invalid-argument');
  if (typeof strict !== 'boolean') throw new FramelensError('invalid-argument', `"strict" must be a boolean, got ${describeType(strict)}`, { field: 'strict', input: path });
  expectByteLimit(maxLineBytes, 'maxLineBytes', 'invalid-argument');
  try {
    statSync(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  return jsonLines(path, chunkSize, strict, maxLineBytes);
}

function unreadable(input: string, error: unknown): FramelensError {
  return new FramelensError('unreadable-path', `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { input, cause: error });
}

function openInput(path: string | Buffer, input = String(path)): number {
  try {
    return openSync(path, 'r');
  } catch (error) {
    throw unreadable(input, error);
  }
}

function readInto(fd: number, buffer: Uint8Array, offset: number, input: string): number {
  try {
    return readSync(fd, buffer, offset, buffer.length - offset, null);
  } catch (error) {
    throw unreadable(input, error);
  }
}

function* jsonLines(path: string, chunkSize: number, strict: boolean, maxLineBytes: number): Generator<JsonLinesItem> {
  const fd = openInput(path);
  try {
    const endless = !fstatSync(fd).isFile();
    const decoder = new TextDecoder('utf-8', { fatal: strict, ignoreBOM: true });
    const buffer = Buffer.allocUnsafe(chunkSize);
    // The line being read: its number, where it starts in the file, its bytes from earlier reads
    // (copies: the buffer is read into again) and how many there are.
    let number = 1;
    let start = 0;
    let held: Uint8Array[] = [];
    let length = 0;
    const finish = (tail: Uint8Array): JsonLinesItem | undefined => {
      const bytes = (): Uint8Array => (held.length === 0 ? tail : Buffer.concat([...held, tail]));
      const line = decodeJsonLineBytes(bytes, length + tail.length, decoder, maxLineBytes, { input: path, line: number, offset: start });
      return typeof line === 'string' ? { line, number } : line;
    };
    let position = 0;
    let afterCR = false;
    for (;;) {
      const read = readInto(fd, buffer, 0, path);
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      const nextEnd = lineEnds(chunk);
      let from = 0;
      // A CR that ended the last read and the LF that starts this one are one line end.
      if (afterCR && chunk[0] === 0x0a) {
        from = 1;
        start = position + 1;
      }
      afterCR = false;
      for (let end = nextEnd(from); end !== -1; end = nextEnd(from)) {
        const item = finish(chunk.subarray(from, end));
        from = end + 1;
        if (chunk[end] === 0x0d) {
          if (from === read) afterCR = true;
          else if (chunk[from] === 0x0a) from++;
        }
        number++;
        start = position + from;
        held = [];
        length = 0;
        if (item) yield item;
      }
      const rest = chunk.subarray(from);
      length += rest.length;
      if (length <= maxLineBytes) {
        if (rest.length > 0) held.push(Buffer.from(rest));
      } else {
        held = [];
        if (endless) {
          yield new FramelensError('text-too-large', `the line has more than ${maxLineBytes} bytes, the limit; this input is not a regular file and was read no further`, { input: path, line: number });
          return;
        }
      }
      position += read;
    }
    const item = finish(new Uint8Array(0));
    if (item) yield item;
  } finally {
    closeSync(fd);
  }
}

/** The largest file Node's readFileSync reads at once (2 GiB - 1). */
const MAX_WHOLE_FILE_BYTES = 2 ** 31 - 1;

/**
 * Read an input whole: a file, or a descriptor such as standard input (0). An input that is not a
 * regular file (a device, a pipe: it may never end) stops past `maxBytes` (default
 * `MAX_INPUT_BYTES`) with `text-too-large`, so `/dev/zero` costs neither a hang nor memory; so does
 * a regular file, unless it may hold `jsonLines`, whose limit is per line (see `decodeJsonLines`).
 * A path that cannot be read is `unreadable-path`.
 *
 * @example
 * readInputBytes('corpus/000.txt', 'corpus/000.txt', false); // the file's bytes
 * readInputBytes(0, 'stdin', true); // standard input, at most MAX_INPUT_BYTES unless redirected from a file
 */
export function readInputBytes(file: string | Buffer | number, input: string, jsonLines: boolean, maxBytes = MAX_INPUT_BYTES): Uint8Array {
  const fd = typeof file === 'number' ? file : openInput(file, input);
  try {
    const stats = fstatSync(fd);
    if (stats.isFile() && jsonLines) {
      // Read whole (a report in text, Markdown or HTML is built whole anyway); Node reads at most 2 GiB at once.
      if (stats.size > MAX_WHOLE_FILE_BYTES) {
        throw new FramelensError('text-too-large', `the JSON Lines file has ${stats.size} bytes, more than the ${MAX_WHOLE_FILE_BYTES} a report built in memory reads; --format json or jsonl streams it`, { input });
      }
      return readFileSync(fd);
    }
    if (stats.isFile() && stats.size > maxBytes) {
      throw new FramelensError('text-too-large', `the file has ${stats.size} bytes, more than the limit of ${maxBytes}`, { input });
    }
    // Reads fill buffers of the file's size (one, for a regular file that keeps its size) or of a
    // chunk, kept until the end: the bytes are never copied to grow a buffer.
    const buffers: Buffer[] = [];
    let total = 0;
    for (let size = stats.isFile() ? stats.size + 1 : DEFAULT_CHUNK_SIZE; ; size = DEFAULT_CHUNK_SIZE) {
      const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes + 1 - total));
      let filled = 0;
      let read = 1;
      while (read > 0 && filled < buffer.length) {
        read = readInto(fd, buffer, filled, input);
        filled += read;
      }
      buffers.push(buffer.subarray(0, filled));
      total += filled;
      if (total > maxBytes) {
        throw new FramelensError('text-too-large', `the input has more than ${maxBytes} bytes, the limit; it was read no further`, { input });
      }
      if (filled < buffer.length) return buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers, total);
    }
  } catch (error) {
    if (isFramelensError(error)) throw error;
    throw unreadable(input, error);
  } finally {
    if (typeof file !== 'number') closeSync(fd);
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

const WRITE_JSON_REPORT_OPTION_KEYS: Readonly<Record<keyof WriteJsonReportOptions, true>> = { ahead: true };

/**
 * Check a streamed writer's arguments before anything is written (a bad one found at the end
 * would leave a partial report), and give the number of stories to analyse ahead. An array of
 * stories is checked story by story here too; the stories of any other iterable are checked as
 * they come, and a bad one becomes a failure of the report.
 */
function checkWriteArguments(stories: unknown, failures: unknown, pool: unknown, sink: unknown, options: unknown): number {
  checkStories(stories);
  expectArray(failures, 'failures');
  checkPool(pool, 'analyzeStoryJson');
  if (typeof sink !== 'object' || sink === null || typeof (sink as { write?: unknown }).write !== 'function') {
    throw new FramelensError('invalid-argument', `expected a sink {write(chunk)}, got ${describeType(sink)}`, { field: 'sink' });
  }
  checkOptionsObject(options, WRITE_JSON_REPORT_OPTION_KEYS, 'WriteJsonReportOptions');
  const ahead = (options as WriteJsonReportOptions).ahead ?? (pool as AnalyzePool).jobs * 4;
  if (!Number.isInteger(ahead) || ahead < 1) {
    throw new FramelensError('invalid-option', `ahead must be a whole number of at least 1, not ${String(ahead)}`, { field: 'ahead' });
  }
  return ahead;
}

/** Refuse stories that are not iterable, and, in an array, any story that is not `{id, articles}`. */
function checkStories(stories: unknown): asserts stories is Iterable<unknown> {
  if (typeof stories !== 'object' || stories === null || typeof (stories as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') {
    throw new FramelensError('invalid-argument', `stories must be an iterable of {id, articles}, got ${describeType(stories)}`, { field: 'stories' });
  }
  if (Array.isArray(stories)) stories.forEach((story, index) => checkStoryInput(story, `stories[${index}]`));
}

function checkPool(pool: unknown, method: keyof AnalyzePool): asserts pool is AnalyzePool {
  if (typeof pool !== 'object' || pool === null || typeof (pool as Partial<AnalyzePool>)[method] !== 'function') {
    throw new FramelensError('invalid-argument', 'expected an AnalyzePool from createAnalyzePool()', { field: 'pool' });
  }
}

/** The typed error of a story that is not `{id, articles}`, or undefined. */
function storyFailure(story: unknown, index: number): FramelensError | undefined {
  try {
    checkStoryInput(story, `stories[${index}]`);
    return undefined;
  } catch (error) {
    if (isFramelensError(error)) return error;
    throw error;
  }
}

/**
 * Analyse stories on a pool, `ahead` at a time, and hand each story's JSON to `write` in input
 * order; resolves to the stories written and their failures. The failures of stories too large
 * to write are also in `unwritten`: with no story to hold them, they go in the report's own list.
 */
async function writeStoriesInOrder(stories: Iterable<StoryInput>, pool: AnalyzePool, prefix: string | null, ahead: number, write: (json: readonly string[], index: number) => Promise<void>): Promise<{ written: number; failures: InputFailure[]; unwritten: InputFailure[] }> {
  // Each story's analysis, or the typed error of a story that is not `{id, articles}`.
  const pending: (Promise<StoryJson> | FramelensError)[] = [];
  const failures: InputFailure[] = [];
  const unwritten: InputFailure[] = [];
  let written = 0;
  const writeNext = async (): Promise<void> => {
    const next = pending.shift()!;
    if (next instanceof FramelensError) {
      failures.push(next.toJSON());
      unwritten.push(next.toJSON());
      return;
    }
    let result: StoryJson;
    try {
      result = await next;
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
    let index = 0;
    for (const story of stories) {
      const failure = storyFailure(story, index++);
      if (failure) {
        pending.push(failure);
      } else {
        const result = pool.analyzeStoryJson(story, prefix);
        result.catch(() => undefined); // awaited in order below; this only keeps it from counting as unhandled
        pending.push(result);
      }
      while (pending.length >= ahead) await writeNext();
    }
    while (pending.length > 0) await writeNext();
  } catch (error) {
    for (const result of pending) if (!(result instanceof FramelensError)) result.catch(() => undefined);
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
  const ahead = checkWriteArguments(stories, failures, pool, sink, options);
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
  const ahead = checkWriteArguments(stories, failures, pool, sink, options);
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
  checkStories(stories);
  checkPool(pool, 'analyzeStory');
  const results: Promise<StoryReport>[] = [];
  let index = 0;
  for (const story of stories) {
    const failure = storyFailure(story, index++);
    if (failure) throw failure;
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
  const { write, once } = (typeof stream === 'object' && stream !== null ? stream : {}) as Partial<typeof stream>;
  if (typeof write !== 'function' || (once !== undefined && typeof once !== 'function')) {
    throw new FramelensError('invalid-argument', `expected a writable stream {write(chunk), once?(event, listener)}, got ${describeType(stream)}`, { field: 'stream' });
  }
  return {
    write(chunk) {
      if (stream.write(chunk) || !stream.once) return undefined;
      return new Promise<void>((resolve) => stream.once!('drain', resolve));
    },
  };
}
