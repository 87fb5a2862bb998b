import { closeSync, fstatSync, openSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync, writeSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, extname, join, sep } from 'node:path';
import { analyzeStories, type AnalyzeOptions, type ArticleInput, type StoryInput } from './analyze';
import { FramelensError, isFramelensError, type InputFailure } from './errors';
import { ANALYZER_IDS } from './findings';
import { decodeJsonLines, decodeText, firstInvalidUtf8, idFromPath, validateActors } from './inputs';
import { buildLexicons, type LexiconOverrides } from './lexicons';
import type { ActorSpec } from './actors';
import { renderText } from './render/text';
import { escapeTerminal } from './render/escape';
import { renderMarkdown } from './render/markdown';
import { renderHtml } from './render/html';
import { REPORT_SCHEMA_VERSION, reportJsonLines, type FramelensReport } from './report';
import { createAnalyzePool, defaultJobs, MAX_JOBS, type AnalyzePool } from './parallel';
import { createProgress, type Progress } from './render/progress';
import { analyzeInOrder, readInputBytes, streamStories, writeJsonLinesReport, writeJsonReport } from './stream';

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
  --jobs N             analyse on N threads, 1 to 256 (default: the number of cores)
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
  /** The --lexicon and --actors files, which --out must not overwrite either. */
  readonly optionFiles: readonly string[];
}

function parseArgs(argv: readonly string[]): CliArgs | 'help' {
  const args = [...argv];
  if (args.length === 0 || args.includes('-h') || args.includes('--help')) return 'help';
  const command = args.shift();
  if (command !== 'analyze') throw new UsageError(`unknown command "${command}"; try "framelens analyze PATH"`);
  const paths: string[] = [];
  const optionFiles: string[] = [];
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
        optionFiles.push(value());
        lexicon = readLexiconFile(optionFiles.at(-1)!);
        break;
      case '--jobs': {
        const chosen = value();
        if (!/^[1-9]\d{0,2}$/.test(chosen) || Number(chosen) > MAX_JOBS) throw new FramelensError('invalid-option', `--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${chosen}"`, { field: 'jobs' });
        jobs = Number(chosen);
        break;
      }
      case '--actors':
        optionFiles.push(value());
        actors = readActorsFile(optionFiles.at(-1)!);
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option "${flag}"`);
        paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError('analyze needs at least one PATH');
  for (const [name, ids] of [['--only', only], ['--skip', skip]] as const) {
    if (ids?.length === 0) throw new FramelensError('invalid-option', `${name} needs at least one analyzer id, one of ${ANALYZER_IDS.join(', ')}`, { field: name.slice(2) });
    for (const id of ids ?? []) {
      if (!(ANALYZER_IDS as readonly string[]).includes(id)) throw new UsageError(`${name}: unknown analyzer "${id}"; expected one of ${ANALYZER_IDS.join(', ')}`);
    }
  }
  if (ANALYZER_IDS.every((id) => (only !== undefined && !only.includes(id)) || skip?.includes(id))) {
    throw new FramelensError('invalid-option', '--only and --skip leave no analyzer to run', { field: 'skip' });
  }
  const options: AnalyzeOptions = {
    ...(only ? { only } : {}),
    ...(skip ? { skip } : {}),
    ...(lexicon ? { lexicon } : {}),
    ...(actors ? { actors } : {}),
  };
  return { paths, format: format ?? formatOfPath(out) ?? 'text', ...(out !== undefined ? { out } : {}), options, ...(jobs !== undefined ? { jobs } : {}), optionFiles };
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

/**
 * A path as the file system knows it and as messages show it: a name that is not valid UTF-8
 * stays bytes for the file system, and is shown with its bad bytes escaped (`caf\xe9.txt`).
 */
interface ListedPath {
  readonly real: string | Buffer;
  readonly shown: string;
  /** The article id, when `idFromPath` cannot take it from `shown` (whose escapes hold a backslash). */
  readonly id?: string;
  /** Not a regular file (a pipe, socket or device, or a link to one): listed to be reported, never read. */
  readonly special?: boolean;
}

/** A file name from a directory listing, decoded where it is UTF-8 and escaped byte by byte where not. */
function showName(name: Buffer): string {
  let shown = '';
  let rest = name;
  for (let at = firstInvalidUtf8(rest); at !== -1; at = firstInvalidUtf8(rest)) {
    shown += `${rest.subarray(0, at).toString('utf8')}\\x${rest[at]!.toString(16).padStart(2, '0')}`;
    rest = rest.subarray(at + 1);
  }
  return shown + rest.toString('utf8');
}

/** The path of an entry `name` (bytes) in `dir`, with the name as shown and sorted. */
function childPath(dir: ListedPath, name: Buffer): ListedPath & { readonly name: string } {
  const shownName = showName(name);
  if (typeof dir.real === 'string' && firstInvalidUtf8(name) === -1) return { name: shownName, real: join(dir.real, shownName), shown: join(dir.shown, shownName) };
  const dot = shownName.lastIndexOf('.');
  return { name: shownName, real: Buffer.concat([Buffer.from(dir.real), Buffer.from(sep), name]), shown: join(dir.shown, shownName), id: dot > 0 ? shownName.slice(0, dot) : shownName };
}

const isReadExtension = (name: string): boolean => ARTICLE_EXTENSIONS.has(extname(name).toLowerCase()) || JSONL_EXTENSIONS.has(extname(name).toLowerCase());

/** The files a directory holds that are read as inputs, and its subfolders that may be stories. */
function listArticles(dir: ListedPath): { files: ListedPath[]; dirs: ListedPath[] } {
  // A symbolic link counts as what it points to; a broken one as a file, so it fails loudly instead of vanishing.
  const kindOf = (entry: Dirent<Buffer>, real: string | Buffer): 'file' | 'dir' | 'other' => {
    if (!entry.isSymbolicLink()) return entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'other';
    try {
      const target = statSync(real);
      return target.isFile() ? 'file' : target.isDirectory() ? 'dir' : 'other';
    } catch {
      return 'file';
    }
  };
  // Names are read as bytes: Node decodes a name that is not UTF-8 lossily, and could then not open it.
  const entries = readdirSync(dir.real, { withFileTypes: true, encoding: 'buffer' })
    .map((entry) => {
      const child = childPath(dir, entry.name);
      return { ...child, kind: kindOf(entry, child.real) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const plain = ({ real, shown, id }: ListedPath, special = false): ListedPath => ({ real, shown, ...(id !== undefined ? { id } : {}), ...(special ? { special } : {}) });
  return {
    // A pipe or device named like an article is listed, to fail loudly: reading one could wait for ever or never end.
    files: entries.filter((entry) => entry.kind !== 'dir' && isReadExtension(entry.name)).map((entry) => plain(entry, entry.kind === 'other')),
    dirs: entries.filter((entry) => entry.kind === 'dir' && !entry.name.startsWith('.')).map((entry) => plain(entry)),
  };
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * Read the inputs named on the command line into stories, keeping every failure.
 *
 * @example
 * collectStories(['corpus'], () => new Uint8Array()).stories.map((story) => [story.id, story.articles.length]); // [['corpus', 5]]
 */
export function collectStories(paths: readonly string[], readStdin: () => Uint8Array): { stories: StoryInput[]; failures: InputFailure[] } {
  const stories = new Map<string, (ArticleInput | FramelensError)[]>();
  const failures: InputFailure[] = [];
  const add = (story: string, article: ArticleInput | FramelensError): void => {
    const list = stories.get(story) ?? [];
    list.push(article);
    stories.set(story, list);
  };
  const readBytes = (path: ListedPath | '-', jsonLines: boolean): Uint8Array | FramelensError => {
    try {
      return path === '-' ? readStdin() : readInputBytes(path.real, path.shown, jsonLines);
    } catch (error) {
      if (isFramelensError(error)) return error;
      return new FramelensError('unreadable-path', `cannot read: ${(error as Error).message}`, { input: path === '-' ? 'stdin' : path.shown, cause: error });
    }
  };
  // JSON Lines are decoded line by line, so a bad byte or a broken line costs only its own line.
  const addJsonLines = (bytes: Uint8Array, input: string, defaultStory: string): void => {
    for (const record of decodeJsonLines(bytes, input)) {
      if (record instanceof FramelensError) add(defaultStory, record);
      else add(record.story ?? defaultStory, { text: record.text, ...(record.meta ? { meta: record.meta } : {}) });
    }
  };
  const addArticle = (bytes: Uint8Array, input: string, story: string, meta: ArticleInput['meta'], namedByFile = false): void => {
    try {
      const article: ArticleInput = { text: decodeText(bytes, input), ...(meta ? { meta } : {}) };
      if (namedByFile) NAMED_BY_FILE.add(article);
      add(story, article);
    } catch (error) {
      if (!isFramelensError(error)) throw error;
      add(story, error);
    }
  };
  const addFile = (path: ListedPath, story: string): void => {
    if (path.special) return add(story, new FramelensError('unsupported-input', 'not a regular file (a pipe, socket or device): a folder\'s articles are files', { input: path.shown }));
    const jsonLines = JSONL_EXTENSIONS.has(extname(path.shown).toLowerCase());
    const bytes = readBytes(path, jsonLines);
    if (bytes instanceof FramelensError) return add(story, bytes);
    const id = path.id ?? idFromPath(path.shown);
    if (jsonLines) return addJsonLines(bytes, path.shown, id);
    addArticle(bytes, path.shown, story, { id, path: path.shown }, true);
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
      // Node decodes the command line as UTF-8, so a name that is not UTF-8 arrives with U+FFFD in
      // place of its bad bytes and names no file; its folder, listed as bytes, reads it.
      const why = path.includes('\ufffd') && errorCode(error) === 'ENOENT' ? 'ENOENT; the name is not valid UTF-8 as given on the command line: give its folder instead' : errorCode(error);
      failures.push(new FramelensError('unreadable-path', `cannot read: ${why}`, { input: path }).toJSON());
      continue;
    }
    const top: ListedPath = { real: path, shown: path };
    if (!isDirectory) {
      addFile(top, 'files');
      continue;
    }
    let listing: ReturnType<typeof listArticles>;
    try {
      listing = listArticles(top);
    } catch (error) {
      failures.push(new FramelensError('unreadable-path', `cannot list: ${errorCode(error)}`, { input: path }).toJSON());
      continue;
    }
    // A subfolder that cannot be listed is its own failure; the other stories are read.
    const storyDirs: { dir: ListedPath; files: ListedPath[] }[] = [];
    let unlisted = 0;
    for (const dir of listing.dirs) {
      try {
        const { files } = listArticles(dir);
        if (files.length > 0) storyDirs.push({ dir, files });
      } catch (error) {
        failures.push(new FramelensError('unreadable-path', `cannot list: ${errorCode(error)}`, { input: dir.shown }).toJSON());
        unlisted++;
      }
    }
    for (const file of listing.files) addFile(file, basename(path));
    for (const { dir, files } of storyDirs) for (const file of files) addFile(file, basename(dir.shown));
    if (listing.files.length === 0 && storyDirs.length === 0 && unlisted === 0) {
      failures.push(new FramelensError('unsupported-input', 'the directory holds no .txt, .md or .jsonl files', { input: path }).toJSON());
    }
  }
  return { stories: [...stories.entries()].map(([id, articles]) => ({ id, articles: withDistinctFileIds(articles) })), failures };
}

/** Stories as they stream in, with `withDistinctFileIds` applied to each (files given one by one meet only in the stream). */
function* distinctFileIds(stories: Iterable<StoryInput>): Generator<StoryInput> {
  for (const story of stories) yield { id: story.id, articles: withDistinctFileIds(Array.from(story.articles)) };
}

/**
 * An article read from a file is named by its file name without the extension. Two files of one
 * story with the same name in different folders (`d1/art.txt`, `d2/art.txt`) are named by the
 * shortest ending of their paths that tells them apart (`d1/art`, `d2/art`), since a story's ids
 * must be unique. The same file given twice keeps its name, and the story lists the repeat.
 */
function withDistinctFileIds(articles: (ArticleInput | FramelensError)[]): (ArticleInput | FramelensError)[] {
  const byId = new Map<string, Set<string>>();
  for (const article of articles) {
    const path = fileOf(article);
    if (path !== undefined) byId.set(idFromPath(path), (byId.get(idFromPath(path)) ?? new Set()).add(path));
  }
  const renamed = new Map<string, string>();
  for (const spellings of byId.values()) {
    if (spellings.size < 2) continue;
    // One file under two spellings (c/x.txt, ../c/x.txt) is one file: both get its id, and the story lists the repeat.
    const fileOfSpelling = new Map([...spellings].map((path) => [path, realPathOr(path)]));
    const firstSpelling = new Map<string, string>();
    for (const [path, real] of fileOfSpelling) if (!firstSpelling.has(real)) firstSpelling.set(real, path);
    if (firstSpelling.size < 2) continue;
    const paths = [...firstSpelling.values()];
    // Only the platform's separator splits a path: on POSIX a backslash is part of a name (and of an escaped byte, \\xe9).
    const parts = paths.map((path) => withoutExtension(path).split(sep === '\\' ? /[\\/]/ : '/').filter((part) => part !== '' && part !== '.'));
    const ids = paths.map((path, index) => {
      const own = parts[index]!;
      // Endings of different lengths never match, so each path's own shortest distinct ending keeps the ids apart.
      let take = 2;
      while (take < own.length && parts.some((other, at) => at !== index && other.slice(-take).join('/') === own.slice(-take).join('/'))) take++;
      return own.slice(-take).join('/');
    });
    // Files that differ only by extension (a.txt, a.md) keep it.
    const idOfFile = new Map(paths.map((path, index) => [fileOfSpelling.get(path)!, ids.indexOf(ids[index]!) === ids.lastIndexOf(ids[index]!) ? ids[index]! : path]));
    for (const [path, real] of fileOfSpelling) renamed.set(path, idOfFile.get(real)!);
  }
  if (renamed.size === 0) return articles;
  return articles.map((article) => {
    const path = fileOf(article);
    const id = path === undefined ? undefined : renamed.get(path);
    return id === undefined || article instanceof FramelensError ? article : { ...article, meta: { ...article.meta, id } };
  });
}

/** The canonical path of a file, or the path itself if it cannot be resolved. */
function realPathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Articles read from an article file and named after it; a JSON Lines record names itself. */
const NAMED_BY_FILE = new WeakSet<ArticleInput>();

/** The path of an article read from a file and named after it, or undefined. */
function fileOf(article: ArticleInput | FramelensError): string | undefined {
  return article instanceof FramelensError || !NAMED_BY_FILE.has(article) ? undefined : article.meta?.path;
}

function withoutExtension(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? path.slice(0, path.length - (name.length - dot)) : path;
}

/**
 * Refuse an --out file that is one of the inputs, or that lies where an input directory is read
 * (its articles or its subfolders' articles): opening it for writing would empty the input first.
 */
function checkOutIsNoInput(out: string, paths: readonly string[]): void {
  const refuse = (input: string, how: string): never => {
    throw new FramelensError('invalid-option', `--out ${out} ${how} ${input}; write the report to another file`, { field: 'out' });
  };
  let outStat: Stats | undefined;
  let outReal: string;
  try {
    outStat = statSync(out, { throwIfNoEntry: false });
    outReal = outStat ? realpathSync(out) : join(realpathSync(dirname(out)), basename(out));
  } catch {
    return; // a folder on the way cannot be read: opening --out will say so
  }
  const isOut = (path: string | Buffer | number): boolean => {
    if (!outStat) return false;
    try {
      const stat = typeof path === 'number' ? fstatSync(path) : statSync(path);
      return stat.isFile() && stat.dev === outStat.dev && stat.ino === outStat.ino;
    } catch {
      return false;
    }
  };
  for (const path of paths) {
    if (path === '-') {
      if (isOut(0)) refuse('standard input', 'is the same file as');
      continue;
    }
    let dir: string | undefined;
    try {
      dir = statSync(path).isDirectory() ? realpathSync(path) : undefined;
    } catch {
      continue; // reported as an unreadable input
    }
    if (dir === undefined) {
      if (isOut(path)) refuse(path, 'is the same file as the input');
      continue;
    }
    const parent = dirname(outReal);
    if (isReadExtension(outReal) && (parent === dir || (dirname(parent) === dir && !basename(parent).startsWith('.')))) refuse(path, 'would be read as an article of the input directory');
    if (!outStat) continue;
    const listed = (at: ListedPath): ReturnType<typeof listArticles> => {
      try {
        return listArticles(at);
      } catch {
        return { files: [], dirs: [] };
      }
    };
    const listing = listed({ real: path, shown: path });
    for (const file of [...listing.files, ...listing.dirs.flatMap((sub) => listed(sub).files)]) {
      if (isOut(file.real)) refuse(file.shown, 'is the same file as the input');
    }
  }
}

/** A worker costs about as much to start (its own model) as analysing this many articles. */
const ARTICLES_PER_WORKER = 48;

/** The threads to use: as asked, or by default one per core, and never more than there are articles. */
function jobsFor(requested: number | undefined, articles: number): number {
  return Math.max(1, Math.min(requested ?? defaultJobs(), requested === undefined ? Math.ceil(articles / ARTICLES_PER_WORKER) : articles));
}

type CliIo = { stdout: NodeJS.WritableStream | { write(chunk: string): boolean }; stderr: { write(chunk: string): unknown }; readStdin: () => Uint8Array };

/** C0 and C1 controls but line feed and tab, and the bidirectional controls: they could drive the terminal. */
/** A message on standard error, its control characters made visible (`\x1b`, `\u202e`). */
function say(io: CliIo, message: string): void {
  io.stderr.write(`framelens: ${escapeTerminal(message)}\n`);
}

/** The exit code of a run whose reader closed standard output early, as a shell gives one ended by SIGPIPE. */
const EXIT_BROKEN_PIPE = 141;

/**
 * Standard output with its write errors caught: an error (a reader that went away, a full disk)
 * is kept for the exit code instead of becoming an unhandled 'error' event, and every later write
 * throws it, so that a streamed report stops at once.
 */
interface Output {
  write(chunk: string): Promise<void> | undefined;
  /** Resolves, once what was written is handed on, to the write error if there was one. */
  flush(): Promise<NodeJS.ErrnoException | undefined>;
  failed(): NodeJS.ErrnoException | undefined;
}

function guardOutput(stream: CliIo['stdout']): Output {
  let failure: NodeJS.ErrnoException | undefined;
  const fail = (error: Error | null | undefined): void => {
    if (error) failure ??= error;
  };
  // A plain writer of strings (as tests pass) has neither events nor callbacks.
  const node = typeof (stream as NodeJS.WritableStream).on === 'function' ? (stream as NodeJS.WritableStream) : undefined;
  node?.on('error', fail);
  let last: Promise<void> = Promise.resolve();
  return {
    write(chunk) {
      if (failure) throw failure;
      if (!node) return void stream.write(chunk);
      let ready = true;
      last = new Promise((resolve) => {
        ready = node.write(chunk, (error) => resolve(fail(error)));
      });
      if (ready) return undefined;
      return last.then(() => {
        if (failure) throw failure;
      });
    },
    flush: () => last.then(() => failure),
    failed: () => failure,
  };
}

/** Write all of `text` to standard output; resolves to the write error if there was one. */
async function writeAll(stdout: Output, text: string): Promise<NodeJS.ErrnoException | undefined> {
  await stdout.write(text)?.catch(() => undefined);
  return stdout.flush();
}

/** The exit code after a failed write to standard output: a reader that went away ends the run quietly. */
function outputFailed(error: NodeJS.ErrnoException, io: CliIo): number {
  if (error.code === 'EPIPE') return EXIT_BROKEN_PIPE;
  say(io, `cannot write standard output: ${errorCode(error)}`);
  return 2;
}

/** JSON and JSON Lines reports are written as they are analysed; other formats render the whole report. */
function streamsJson(args: CliArgs): boolean {
  return args.format === 'json' || args.format === 'jsonl';
}

/** The analysis pool with its progress bar, or exit code 2 when the options are refused. */
function startPool(args: CliArgs, io: CliIo, articles: number): AnalyzePool | number {
  try {
    return withProgress(createAnalyzePool(args.options, { jobs: jobsFor(args.jobs, articles) }), progressOn(io, articles));
  } catch (error) {
    if (!isFramelensError(error)) throw error;
    say(io, error.message);
    return 2;
  }
}

/**
 * JSON output, streamed: stories are read, analysed on the pool and written one at a time, so
 * memory stays flat however long a JSON Lines corpus is.
 */
async function streamJson(args: CliArgs, io: CliIo, stdout: Output): Promise<number> {
  const input = streamStories(args.paths, { collect: (path) => collectStories([path], io.readStdin) });
  const pool = startPool(args, io, input.articleCount);
  if (typeof pool === 'number') return pool;
  let fd: number | undefined;
  try {
    if (args.out) {
      try {
        fd = openSync(args.out, 'w');
      } catch (error) {
        say(io, `cannot write ${args.out}: ${errorCode(error)}`);
        return 2;
      }
    }
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
    const decoder = new TextDecoder();
    const sink = out !== undefined ? { write: toFile } : { write: (chunk: string | Uint8Array) => stdout.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk)) };
    let failures: readonly InputFailure[];
    try {
      const write = args.format === 'jsonl' ? writeJsonLinesReport : writeJsonReport;
      ({ failures } = await write(distinctFileIds(input.stories), input.failures, pool, sink));
    } catch (error) {
      const failed = stdout.failed();
      if (failed !== undefined && error === failed) return outputFailed(failed, io);
      if (writeError === undefined || error !== writeError) throw error;
      say(io, `cannot write ${args.out}: ${errorCode(writeError)}`);
      return 2;
    }
    const failed = await stdout.flush();
    if (failed) return outputFailed(failed, io);
    for (const failure of failures) say(io, failure.message);
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

/**
 * Run the CLI; resolves to the exit code.
 *
 * @example
 * await main(['analyze', 'corpus', '--format', 'json']); // 0, the report written to stdout
 * await main(['analyze', 'nope']); // 1, after 'framelens: nope: cannot read: ENOENT' on stderr
 */
export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, readStdin: () => readInputBytes(0, 'stdin', true) }): Promise<number> {
  const stdout = guardOutput(io.stdout);
  let args: CliArgs | 'help';
  try {
    args = parseArgs(argv);
    if (args !== 'help' && args.out !== undefined) checkOutIsNoInput(args.out, [...args.paths, ...args.optionFiles]);
  } catch (error) {
    if (error instanceof UsageError || isFramelensError(error)) {
      say(io, error.message);
      return 2;
    }
    throw error;
  }
  if (args === 'help') {
    const failed = await writeAll(stdout, HELP);
    return failed ? outputFailed(failed, io) : 0;
  }
  if (streamsJson(args)) return streamJson(args, io, stdout);
  const { stories, failures } = collectStories(args.paths, io.readStdin);
  const total = stories.reduce((sum, story) => sum + story.articles.length, 0);
  const pool = startPool(args, io, total);
  if (typeof pool === 'number') return pool;
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
      say(io, `cannot write ${args.out}: ${errorCode(error)}`);
      return 2;
    }
  } else {
    const failed = await writeAll(stdout, output);
    if (failed) return outputFailed(failed, io);
  }
  const failed = report.failures.length + report.stories.reduce((sum, story) => sum + story.failures.length, 0);
  for (const failure of [...report.failures, ...report.stories.flatMap((story) => story.failures)]) say(io, failure.message);
  return failed > 0 ? 1 : 0;
}
