import { closeSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { analyzeStories, type AnalyzeOptions, type ArticleInput, type StoryInput } from './analyze';
import { FramelensError, isFramelensError, type InputFailure } from './errors';
import { ANALYZER_IDS } from './findings';
import { decodeJsonLines, decodeText, idFromPath, validateActors } from './inputs';
import { buildLexicons, type LexiconOverrides } from './lexicons';
import type { ActorSpec } from './actors';
import { renderText } from './render/text';
import { renderMarkdown } from './render/markdown';
import { renderHtml } from './render/html';
import { REPORT_SCHEMA_VERSION, reportJsonLines, type FramelensReport } from './report';
import { createAnalyzePool, defaultJobs, MAX_JOBS, type AnalyzePool } from './parallel';
import { createProgress, type Progress } from './render/progress';
import { analyzeInOrder, readInputBytes, streamStories, writableSink, writeJsonLinesReport, writeJsonReport } from './stream';

const FORMATS = ['json', 'jsonl', 'md', 'html', 'text'] as const;
type Format = (typeof FORMATS)[number];

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.text', '.markdown']);
const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

const HELP = `framelens: how news outlets frame the same story

Usage:
  framelens analyze PATH... [options]

PATH is a .txt or .md article, a directory (its files are one story; a directory whose
subfolders hold articles is one story per subfolder), a JSON Lines file ({"id", "text"} per line,
optional "title", "outlet", "date", "url", "story"), or - for standard input.

Options:
  --format FORMAT      json, jsonl (JSON Lines: a compact line per story), md (Markdown),
                       html (one self-contained page) or text
                       (default: from the --out extension, else text)
  --out FILE           write the report to FILE instead of standard output
  --only IDS           run only these analyzers (comma-separated)
  --skip IDS           skip these analyzers (comma-separated)
  --lexicon FILE       JSON file {"add": {"loaded": [entries]}, "remove": ["id", ...]}
  --actors FILE        JSON file [{"name", "aliases"?, "type"?}, ...]
  --jobs N             analyse on N threads (default: the number of cores)
  -h, --help           show this help

Analyzers: ${ANALYZER_IDS.join(', ')}

Examples:
  framelens analyze corpus
  framelens analyze corpus --format json --out report.json
  framelens analyze news.jsonl --out report.jsonl      # thousands of articles, streamed
  framelens analyze corpus --out report.html        # open report.html in a browser
  framelens analyze corpus --format md > report.md
  framelens analyze corpus --lexicon examples/custom-lexicon.json
  framelens analyze news.jsonl --only scare-quote,attribution
  cat article.txt | framelens analyze -

A progress bar is drawn on standard error when it is a terminal and the run takes a moment.

Exit codes: 0 all inputs analysed, 1 some inputs failed (the report lists them),
            2 usage error (bad option, unknown analyzer, unreadable lexicon or actors file).
`;

/** A usage error: exit code 2. */
class UsageError extends Error {}

interface CliArgs {
  readonly paths: string[];
  readonly format: Format;
  readonly out?: string;
  readonly options: AnalyzeOptions;
  readonly jobs?: number;
}

function parseArgs(argv: readonly string[]): CliArgs | 'help' {
  const args = [...argv];
  if (args.length === 0 || args.includes('-h') || args.includes('--help')) return 'help';
  const command = args.shift();
  if (command !== 'analyze') throw new UsageError(`unknown command "${command}"; try "framelens analyze PATH"`);
  const paths: string[] = [];
  let format: Format | undefined;
  let out: string | undefined;
  let only: string[] | undefined;
  let skip: string[] | undefined;
  let lexicon: LexiconOverrides | undefined;
  let actors: ActorSpec[] | undefined;
  let jobs: number | undefined;
  while (args.length > 0) {
    const arg = args.shift()!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args.shift();
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--format': {
        const chosen = value();
        if (!(FORMATS as readonly string[]).includes(chosen)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${chosen}"`);
        format = chosen as Format;
        break;
      }
      case '--out':
        out = value();
        break;
      case '--only':
        only = value().split(',').map((id) => id.trim()).filter((id) => id !== '');
        break;
      case '--skip':
        skip = value().split(',').map((id) => id.trim()).filter((id) => id !== '');
        break;
      case '--lexicon':
        lexicon = readLexiconFile(value());
        break;
      case '--jobs': {
        const chosen = value();
        if (!/^[1-9]\d{0,2}$/.test(chosen) || Number(chosen) > MAX_JOBS) throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${chosen}"`);
        jobs = Number(chosen);
        break;
      }
      case '--actors':
        actors = readActorsFile(value());
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option "${flag}"`);
        paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError('analyze needs at least one PATH');
  for (const [name, ids] of [['--only', only], ['--skip', skip]] as const) {
    for (const id of ids ?? []) {
      if (!(ANALYZER_IDS as readonly string[]).includes(id)) throw new UsageError(`${name}: unknown analyzer "${id}"; expected one of ${ANALYZER_IDS.join(', ')}`);
    }
  }
  const options: AnalyzeOptions = {
    ...(only ? { only } : {}),
    ...(skip ? { skip } : {}),
    ...(lexicon ? { lexicon } : {}),
    ...(actors ? { actors } : {}),
  };
  return { paths, format: format ?? formatOfPath(out) ?? 'text', ...(out !== undefined ? { out } : {}), options, ...(jobs !== undefined ? { jobs } : {}) };
}

/** The format an output file's extension asks for: report.html, report.md, report.json, report.jsonl. */
function formatOfPath(path: string | undefined): Format | undefined {
  const extension = path === undefined ? '' : extname(path).toLowerCase();
  if (extension === '.html' || extension === '.htm') return 'html';
  if (extension === '.md' || extension === '.markdown') return 'md';
  if (extension === '.json') return 'json';
  if (JSONL_EXTENSIONS.has(extension)) return 'jsonl';
  return undefined;
}

/** The report in the chosen format (JSON is streamed by `streamJson` instead). */
function renderReport(report: FramelensReport, format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'jsonl':
      return reportJsonLines(report);
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'text':
      return renderText(report);
  }
}

function readJsonFile(path: string, code: 'invalid-lexicon' | 'invalid-actors'): unknown {
  let text: string;
  try {
    text = decodeText(readInputBytes(path, path, false), path);
  } catch (cause) {
    if (isFramelensError(cause)) throw cause;
    throw new FramelensError('unreadable-path', `cannot read: ${(cause as Error).message}`, { input: path, cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new FramelensError(code, `malformed JSON: ${(cause as Error).message}`, { input: path, cause });
  }
}

function readLexiconFile(path: string): LexiconOverrides {
  const value = readJsonFile(path, 'invalid-lexicon');
  // The library's checks, naming the file: unknown keys at every level, each entry, removed ids.
  buildLexicons(value as LexiconOverrides, path);
  return value as LexiconOverrides;
}

function readActorsFile(path: string): ActorSpec[] {
  return validateActors(readJsonFile(path, 'invalid-actors'), path);
}

/** Standard input holds JSON Lines when its first character after white space (and a BOM) is "{". */
function startsWithBrace(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b;
}

/** Read the inputs named on the command line into stories, keeping every failure. */
export function collectStories(paths: readonly string[], readStdin: () => Uint8Array): { stories: StoryInput[]; failures: InputFailure[] } {
  const stories = new Map<string, (ArticleInput | FramelensError)[]>();
  const failures: InputFailure[] = [];
  const add = (story: string, article: ArticleInput | FramelensError): void => {
    const list = stories.get(story) ?? [];
    list.push(article);
    stories.set(story, list);
  };
  const readBytes = (path: string, jsonLines: boolean): Uint8Array | FramelensError => {
    try {
      return path === '-' ? readStdin() : readInputBytes(path, path, jsonLines);
    } catch (error) {
      if (isFramelensError(error)) return error;
      return new FramelensError('unreadable-path', `cannot read: ${(error as Error).message}`, { input: path === '-' ? 'stdin' : path, cause: error });
    }
  };
  // JSON Lines are decoded line by line, so a bad byte or a broken line costs only its own line.
  const addJsonLines = (bytes: Uint8Array, input: string, defaultStory: string): void => {
    for (const record of decodeJsonLines(bytes, input)) {
      if (record instanceof FramelensError) add(defaultStory, record);
      else add(record.story ?? defaultStory, { text: record.text, ...(record.meta ? { meta: record.meta } : {}) });
    }
  };
  const addArticle = (bytes: Uint8Array, input: string, story: string, meta: ArticleInput['meta']): void => {
    try {
      add(story, { text: decodeText(bytes, input), ...(meta ? { meta } : {}) });
    } catch (error) {
      if (!isFramelensError(error)) throw error;
      add(story, error);
    }
  };
  const addFile = (path: string, story: string): void => {
    const jsonLines = JSONL_EXTENSIONS.has(extname(path).toLowerCase());
    const bytes = readBytes(path, jsonLines);
    if (bytes instanceof FramelensError) return add(story, bytes);
    if (jsonLines) return addJsonLines(bytes, path, idFromPath(path));
    addArticle(bytes, path, story, { id: idFromPath(path), path });
  };
  const articleFiles = (dir: string): { files: string[]; dirs: string[] } => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // A symbolic link counts as what it points to; a broken one as a file, so it fails loudly instead of vanishing.
    const kind = (entry: { name: string; isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): 'file' | 'dir' | 'other' => {
      if (!entry.isSymbolicLink()) return entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'other';
      try {
        const target = statSync(join(dir, entry.name));
        return target.isFile() ? 'file' : target.isDirectory() ? 'dir' : 'other';
      } catch {
        return 'file';
      }
    };
    return {
      files: entries.filter((entry) => kind(entry) === 'file' && (ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase()) || JSONL_EXTENSIONS.has(extname(entry.name).toLowerCase()))).map((entry) => join(dir, entry.name)),
      dirs: entries.filter((entry) => kind(entry) === 'dir' && !entry.name.startsWith('.')).map((entry) => join(dir, entry.name)),
    };
  };
  for (const path of paths) {
    if (path === '-') {
      const bytes = readBytes('-', true);
      if (bytes instanceof FramelensError) add('stdin', bytes);
      else if (startsWithBrace(bytes)) addJsonLines(bytes, 'stdin', 'stdin');
      else addArticle(bytes, 'stdin', 'stdin', { id: 'stdin' });
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      failures.push(new FramelensError('unreadable-path', `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { input: path }).toJSON());
      continue;
    }
    if (!isDirectory) {
      addFile(path, 'files');
      continue;
    }
    let files: string[];
    let storyDirs: string[];
    try {
      const listing = articleFiles(path);
      files = listing.files;
      storyDirs = listing.dirs.filter((dir) => articleFiles(dir).files.length > 0);
    } catch (error) {
      failures.push(new FramelensError('unreadable-path', `cannot list: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { input: path }).toJSON());
      continue;
    }
    for (const file of files) addFile(file, basename(path));
    for (const dir of storyDirs) for (const file of articleFiles(dir).files) addFile(file, basename(dir));
    if (files.length === 0 && storyDirs.length === 0) {
      failures.push(new FramelensError('unsupported-input', 'the directory holds no .txt, .md or .jsonl files', { input: path }).toJSON());
    }
  }
  return { stories: [...stories.entries()].map(([id, articles]) => ({ id, articles })), failures };
}

/** A worker costs about as much to start (its own model) as analysing this many articles. */
const ARTICLES_PER_WORKER = 48;

/** The threads to use: as asked, or by default one per core but only as many as the input is worth. */
function jobsFor(requested: number | undefined, articles: number): number {
  return requested ?? Math.max(1, Math.min(defaultJobs(), Math.ceil(articles / ARTICLES_PER_WORKER)));
}

type CliIo = { stdout: NodeJS.WritableStream | { write(chunk: string): boolean }; stderr: { write(chunk: string): unknown }; readStdin: () => Uint8Array };

/** JSON and JSON Lines reports are written as they are analysed; other formats render the whole report. */
function streamsJson(args: CliArgs): boolean {
  return args.format === 'json' || args.format === 'jsonl';
}

/**
 * JSON output, streamed: stories are read, analysed on the pool and written one at a time, so
 * memory stays flat however long a JSON Lines corpus is.
 */
async function streamJson(args: CliArgs, io: CliIo): Promise<number> {
  const input = streamStories(args.paths, { collect: (path) => collectStories([path], io.readStdin) });
  let fd: number | undefined;
  if (args.out) {
    try {
      fd = openSync(args.out, 'w');
    } catch (error) {
      io.stderr.write(`framelens: cannot write ${args.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
  }
  const pool = withProgress(createAnalyzePool(args.options, { jobs: jobsFor(args.jobs, input.articleCount) }), progressOn(io, input.articleCount));
  try {
    const out = fd;
    let writeError: NodeJS.ErrnoException | undefined;
    const toFile = (chunk: string | Uint8Array): void => {
      try {
        if (typeof chunk === 'string') writeSync(out!, chunk);
        else writeSync(out!, chunk);
      } catch (error) {
        throw (writeError = error as NodeJS.ErrnoException);
      }
    };
    // Standard output may be any writer of strings (tests pass one): give it text.
    const stdout = writableSink(io.stdout as { write(chunk: string): boolean });
    const decoder = new TextDecoder();
    const sink = out !== undefined ? { write: toFile } : { write: (chunk: string | Uint8Array) => stdout.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk)) };
    let failures: readonly InputFailure[];
    try {
      const write = args.format === 'jsonl' ? writeJsonLinesReport : writeJsonReport;
      ({ failures } = await write(input.stories, input.failures, pool, sink));
    } catch (error) {
      if (writeError === undefined || error !== writeError) throw error;
      io.stderr.write(`framelens: cannot write ${args.out}: ${writeError.code ?? writeError.message}\n`);
      return 2;
    }
    for (const failure of failures) io.stderr.write(`framelens: ${failure.message}\n`);
    return failures.length > 0 ? 1 : 0;
  } finally {
    if (fd !== undefined) closeSync(fd);
    await pool.close();
  }
}

/** A progress bar on standard error, drawn only when it is a terminal (see `createProgress`). */
function progressOn(io: CliIo, total: number): Progress {
  const stderr = io.stderr as { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  return createProgress({ total, write: (chunk) => stderr.write(chunk), isTTY: stderr.isTTY === true, ...(stderr.columns ? { columns: stderr.columns } : {}) });
}

/** The pool, advancing the progress bar as each story is done and erasing it on close. */
function withProgress(pool: AnalyzePool, progress: Progress): AnalyzePool {
  const count = (story: StoryInput) => <T>(result: T): T => {
    progress.advance(story.articles.length);
    return result;
  };
  return {
    ...pool,
    analyzeStory: (story) => pool.analyzeStory(story).then(count(story)),
    analyzeStoryJson: (story, prefix) => pool.analyzeStoryJson(story, prefix).then(count(story)),
    close: async () => {
      progress.finish();
      await pool.close();
    },
  };
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, readStdin: () => readInputBytes(0, 'stdin', true) }): Promise<number> {
  let args: CliArgs | 'help';
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError || isFramelensError(error)) {
      io.stderr.write(`framelens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (args === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  if (streamsJson(args)) return streamJson(args, io);
  const { stories, failures } = collectStories(args.paths, io.readStdin);
  const total = stories.reduce((sum, story) => sum + story.articles.length, 0);
  const pool = withProgress(createAnalyzePool(args.options, { jobs: jobsFor(args.jobs, total) }), progressOn(io, total));
  let report: FramelensReport;
  try {
    report = { schemaVersion: REPORT_SCHEMA_VERSION, stories: await analyzeInOrder(stories, pool), failures: [...failures] };
  } finally {
    await pool.close();
  }
  const output = renderReport(report, args.format);
  if (args.out) {
    try {
      writeFileSync(args.out, output);
    } catch (error) {
      io.stderr.write(`framelens: cannot write ${args.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
  } else io.stdout.write(output);
  const failed = report.failures.length + report.stories.reduce((sum, story) => sum + story.failures.length, 0);
  for (const failure of [...report.failures, ...report.stories.flatMap((story) => story.failures)]) {
    io.stderr.write(`framelens: ${failure.message}\n`);
  }
  return failed > 0 ? 1 : 0;
}
