import { describeType, FramelensError, type InputFailure } from './errors';
import type { AnalyzeOptions, ArticleInput, StoryInput } from './analyze';
import type { ActorSpec, ActorType } from './actors';
import type { Article, ArticleMeta, BlockRole, ReadArticleOptions } from './article';
import { BOILERPLATE_KINDS, type BoilerplatePhraseMatch, type ClassifyBlocksOptions, type UserPhrase } from './boilerplate';
import type { LexiconOverrides } from './lexicons';
import type { ArticleReport } from './report';

/**
 * Largest input read, in bytes (256 MiB): a text file, one line of a JSON Lines file, or an input
 * read whole (standard input, a device, a pipe). Four bytes for each UTF-16 code unit `readArticle`
 * takes by default (`DEFAULT_MAX_LENGTH`): UTF-8 needs at most three, so no article it would take
 * is refused, with room left for JSON escapes; and half the longest string V8 can hold, so reading
 * stops here before decoding could meet that limit.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * Decode a file's bytes as UTF-8 text, refusing text over `maxBytes` (default `MAX_INPUT_BYTES`),
 * binary content and invalid UTF-8 with typed errors that say where. A leading byte-order mark is
 * kept for `readArticle` to drop.
 *
 * @example
 * decodeText(fs.readFileSync('corpus/000.txt'), 'corpus/000.txt');
 */
export function decodeText(bytes: Uint8Array, input: string, maxBytes = MAX_INPUT_BYTES): string {
  expectBytes(bytes, 'bytes', input);
  expectByteLimit(maxBytes, 'maxBytes', 'invalid-argument');
  if (bytes.length > maxBytes) {
    throw new FramelensError('text-too-large', `the text has ${bytes.length} bytes, more than the limit of ${maxBytes}`, { input });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new FramelensError('binary-content', `byte ${nul} is NUL: this looks like a binary file, not text`, { input });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    throw decodingFailure(cause, bytes, 0, { input });
  }
}

/**
 * Refuse a byte limit that is not a whole number of at least 1 (or Infinity).
 *
 * @example
 * expectByteLimit(0, 'chunkSize', 'invalid-option'); // throws 'invalid-option' (field "chunkSize")
 */
export function expectByteLimit(value: unknown, field: string, code: 'invalid-argument' | 'invalid-option'): asserts value is number {
  if (typeof value !== 'number' || !(Number.isInteger(value) || value === Infinity) || value < 1) {
    throw new FramelensError(code, `"${field}" must be a whole number of bytes, at least 1, got ${typeof value === 'number' ? String(value) : describeType(value)}`, { field });
  }
}

/**
 * Whether an error is the engine refusing a string longer than it can hold: V8's `RangeError`
 * when joining, or Node's `ERR_STRING_TOO_LONG` when decoding.
 *
 * @example
 * try { 'x'.repeat(2 ** 30) } catch (error) { isStringTooLong(error) } // true
 */
export function isStringTooLong(error: unknown): boolean {
  if (error instanceof RangeError && error.message === 'Invalid string length') return true;
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_STRING_TOO_LONG';
}

/**
 * The typed error for bytes the decoder refused: too long for a string, or invalid UTF-8 at the
 * first bad byte (`offset` is where the bytes start in the file). Anything else is not the
 * input's fault and is thrown as it is.
 *
 * @example
 * decodingFailure(error, lineBytes, 120, { input: 'news.jsonl', line: 3 }); // 'invalid-utf8' at byte 120 + k
 */
export function decodingFailure(cause: unknown, bytes: Uint8Array, offset: number, where: { readonly input: string; readonly line?: number }): FramelensError {
  if (isStringTooLong(cause)) {
    return new FramelensError('text-too-large', `the text has ${bytes.length} bytes, more than the longest string JavaScript can hold`, { ...where, cause });
  }
  const at = firstInvalidUtf8(bytes);
  if (at === -1) throw cause;
  return new FramelensError('invalid-utf8', `invalid UTF-8 at byte ${offset + at}`, { ...where, cause });
}

/**
 * Offset of the first byte that breaks UTF-8, or -1.
 *
 * @example
 * firstInvalidUtf8(new Uint8Array([0x61, 0xff])); // 1
 * firstInvalidUtf8(new TextEncoder().encode('Tōkyō')); // -1
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  expectBytes(bytes, 'bytes');
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1] ?? 0;
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f) || (byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

/**
 * A search for the next line end in bytes: `\n`, or `\r` alone or before `\n` (old Mac files end
 * lines with a lone `\r`; JSON never holds a raw CR inside a string). Each byte is searched for
 * once, from where it was last found, so finding every line end costs one pass.
 *
 * @example
 * const next = lineEnds(bytes); for (let at = next(0); at !== -1; at = next(at + 1)) ...
 */
export function lineEnds(bytes: Uint8Array): (from: number) => number {
  let lf = -2;
  let cr = -2;
  return (from) => {
    if (lf !== -1 && lf < from) lf = bytes.indexOf(0x0a, from);
    if (cr !== -1 && cr < from) cr = bytes.indexOf(0x0d, from);
    return lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
  };
}

/** One JSON Lines record: an article, or the typed error that says why its line was refused. */
export type JsonLineResult = (ArticleInput & { readonly story?: string; readonly line: number }) | FramelensError;

const META_FIELDS = ['title', 'outlet', 'date', 'url', 'story'] as const;

/**
 * Parse one JSON Lines record `{"id", "text", "title"?, "outlet"?, "date"?, "url"?, "story"?}`.
 * Throws a `FramelensError` naming the input and line when the record is malformed.
 *
 * @example
 * parseJsonLine('{"id":"a","text":"Hi.","outlet":"JNS"}', 'in.jsonl', 1); // { text: 'Hi.', meta: { id: 'a', path: 'in.jsonl', line: 1, outlet: 'JNS' }, line: 1 }
 * parseJsonLine('[]', 'in.jsonl', 2); // throws 'invalid-json': 'in.jsonl:line 2: each line must be a JSON object'
 */
export function parseJsonLine(line: string, input: string, lineNumber: number): ArticleInput & { readonly story?: string; readonly line: number } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (cause) {
    throw new FramelensError('invalid-json', `malformed JSON: ${(cause as Error).message}`, { input, line: lineNumber, cause });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FramelensError('invalid-json', 'each line must be a JSON object', { input, line: lineNumber });
  }
  const record = value as Record<string, unknown>;
  const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
  const text = own('text');
  if (typeof text !== 'string') {
    throw new FramelensError('missing-field', text === undefined ? 'the record has no "text"' : '"text" must be a string', { input, line: lineNumber, field: 'text' });
  }
  const rawId = own('id');
  if (rawId !== undefined && typeof rawId !== 'string' && typeof rawId !== 'number') {
    throw new FramelensError('invalid-field', '"id" must be a string or a number', { input, line: lineNumber, field: 'id' });
  }
  const meta: Record<string, string | number> = { id: rawId === undefined ? `line-${lineNumber}` : String(rawId), path: input, line: lineNumber };
  for (const field of META_FIELDS) {
    const fieldValue = own(field);
    if (fieldValue === undefined || fieldValue === null) continue;
    if (typeof fieldValue !== 'string' && typeof fieldValue !== 'number') {
      throw new FramelensError('invalid-field', `"${field}" must be a string`, { input, line: lineNumber, field });
    }
    meta[field] = String(fieldValue);
  }
  return { text, meta: meta as ArticleMeta, line: lineNumber, ...(meta.story !== undefined ? { story: String(meta.story) } : {}) };
}

/**
 * Parse JSON Lines text into articles. A bad line becomes a `FramelensError` in its place, so the
 * rest of the file is still read and nothing is dropped silently. Lines end with `\n`, `\r\n` or a
 * lone `\r`; blank lines are skipped.
 *
 * @example
 * parseJsonLines('{"id":"a","text":"..."}\n{oops', 'news.jsonl'); // [article, FramelensError(line 2)]
 */
export function parseJsonLines(text: string, input: string): JsonLineResult[] {
  expectString(text, 'text', input);
  const results: JsonLineResult[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const body = withoutBom(line, index + 1);
    if (body.trim() !== '') results.push(jsonLineResult(body, input, index + 1));
  });
  return results;
}

/**
 * `parseJsonLine`, with the typed error of a malformed record returned in its place.
 *
 * @example
 * jsonLineResult('not json', 'in.jsonl', 2); // a FramelensError with code 'invalid-json' and line 2, returned, not thrown
 */
export function jsonLineResult(line: string, input: string, lineNumber: number): JsonLineResult {
  try {
    return parseJsonLine(line, input, lineNumber);
  } catch (error) {
    if (error instanceof FramelensError) return error;
    throw error;
  }
}

/** A line without the byte-order mark that may open the first line of a file. */
function withoutBom(line: string, lineNumber: number): string {
  return lineNumber === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
}

/**
 * One line of a JSON Lines input from its bytes: its text (a first line's byte-order mark dropped),
 * undefined for a blank line, or the typed error of a line of `size` bytes over `maxLineBytes` or of
 * invalid UTF-8 (`offset`: where the bytes start in the file). `bytes` is called only for a line
 * within the limit, so a reader holding a long line in pieces joins them only when they are read.
 * The one reading of a line for `decodeJsonLines` and the streaming reader.
 *
 * @example
 * const bytes = new TextEncoder().encode('{"id":"a"}');
 * const where = { input: 'in.jsonl', line: 1, offset: 0 };
 * decodeJsonLineBytes(() => bytes, bytes.length, new TextDecoder(), 1024, where); // '{"id":"a"}'; with a limit of 8 bytes, a FramelensError 'text-too-large'
 */
export function decodeJsonLineBytes(
  bytes: () => Uint8Array,
  size: number,
  decoder: { decode(bytes: Uint8Array): string },
  maxLineBytes: number,
  where: { readonly input: string; readonly line: number; readonly offset: number },
): string | undefined | FramelensError {
  const { input, line: lineNumber, offset } = where;
  if (size > maxLineBytes) return new FramelensError('text-too-large', `the line has ${size} bytes, more than the limit of ${maxLineBytes}`, { input, line: lineNumber });
  const raw = bytes();
  let line: string;
  try {
    line = decoder.decode(raw);
  } catch (cause) {
    return decodingFailure(cause, raw, offset, { input, line: lineNumber });
  }
  line = withoutBom(line, lineNumber);
  return line.trim() === '' ? undefined : line;
}

/**
 * Read JSON Lines bytes line by line, so that invalid UTF-8 costs only the lines that hold it: each
 * becomes an `invalid-utf8` error with its line and the byte offset in the file, and every other
 * line is parsed as `parseJsonLines` would. A line over `maxLineBytes` (default `MAX_INPUT_BYTES`)
 * is a `text-too-large` error in its place. For files `decodeText` refused as invalid UTF-8.
 *
 * @example
 * decodeJsonLines(readFileSync('news.jsonl'), 'news.jsonl'); // [article, FramelensError(line 2, invalid-utf8), ...]
 */
export function decodeJsonLines(bytes: Uint8Array, input: string, maxLineBytes = MAX_INPUT_BYTES): JsonLineResult[] {
  expectBytes(bytes, 'bytes', input);
  expectByteLimit(maxLineBytes, 'maxLineBytes', 'invalid-argument');
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const results: JsonLineResult[] = [];
  const nextEnd = lineEnds(bytes);
  for (let start = 0, number = 1; start <= bytes.length; number++) {
    const end = nextEnd(start);
    const raw = bytes.subarray(start, end === -1 ? bytes.length : end);
    const line = decodeJsonLineBytes(() => raw, raw.length, decoder, maxLineBytes, { input, line: number, offset: start });
    if (line instanceof FramelensError) results.push(line);
    else if (line !== undefined) results.push(jsonLineResult(line, input, number));
    if (end === -1) break;
    start = end + (bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : 1);
  }
  return results;
}

/**
 * The id of an article read from a file: its name without directory or extension.
 *
 * @example
 * idFromPath('corpus/000_9cc5f9112ddb2de0.txt'); // '000_9cc5f9112ddb2de0'
 */
export function idFromPath(path: string): string {
  expectString(path, 'path');
  const name = path.split(/[\\/]/).filter((part) => part !== '').pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

// Checks of what JavaScript callers pass to the public functions: TypeScript cannot vouch for
// them, so a wrong type or an unknown option becomes a typed error instead of a TypeError deep
// inside the pipeline or an option silently ignored.

/**
 * Refuse a non-string argument with a typed error.
 *
 * @example
 * expectString(42, 'text'); // throws FramelensError 'invalid-argument' (field "text")
 */
export function expectString(value: unknown, field: string, input?: string): asserts value is string {
  if (typeof value !== 'string') throw new FramelensError('invalid-argument', `"${field}" must be a string, got ${describeType(value)}`, { field, ...(typeof input === 'string' ? { input } : {}) });
}

/**
 * Refuse a non-array argument with a typed error.
 *
 * @example
 * expectArray('x', 'lines'); // throws FramelensError 'invalid-argument' (field "lines")
 */
export function expectArray(value: unknown, field: string): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) throw new FramelensError('invalid-argument', `"${field}" must be an array, got ${describeType(value)}`, { field });
}

function expectBytes(value: unknown, field: string, input?: string): asserts value is Uint8Array {
  // The tag, not instanceof: a Buffer from another realm (a VM context, a worker) is still bytes.
  if (Object.prototype.toString.call(value) !== '[object Uint8Array]') throw new FramelensError('invalid-argument', `"${field}" must be a Uint8Array or Buffer, got ${describeType(value)}`, { field, ...(typeof input === 'string' ? { input } : {}) });
}

/**
 * Check that an options argument is an object of known keys (`undefined` is no options), and give
 * it as a record: a misspelled option is refused, never ignored.
 *
 * @example
 * checkOptionsObject({ negatorz: [] }, { negators: true }, 'ScoreToneOptions'); // throws 'invalid-option' (field "negatorz")
 */
export function checkOptionsObject(options: unknown, known: Readonly<Record<string, unknown>>, what: string): Record<string, unknown> {
  if (options === undefined) return {};
  if (!isRecord(options)) throw new FramelensError('invalid-argument', `${what} must be an object, got ${describeType(options)}`, { field: 'options' });
  checkKnownKeys(options, known, what);
  return options;
}

/**
 * True for a Set of strings. By its tag, not `instanceof`: a Set made in another realm (a worker,
 * a notebook's sandbox) is still a Set.
 *
 * @example
 * isStringSet(new Set(['not'])); // true; isStringSet(['not']) is false
 */
export function isStringSet(value: unknown): value is ReadonlySet<string> {
  if (Object.prototype.toString.call(value) !== '[object Set]') return false;
  for (const item of value as Set<unknown>) if (typeof item !== 'string') return false;
  return true;
}

/**
 * Whether a value is a plain object (not null, not an array).
 *
 * @example
 * isRecord({ id: 'a' }); // true
 * isRecord([]); // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Refuse keys a record should not have, naming the key's path (`boilerplate.phrasez`): a
 * misspelled option would otherwise be ignored without a word.
 *
 * @example
 * checkKnownKeys({ onlly: [] }, { only: true }, 'AnalyzeOptions'); // throws 'invalid-option' (field "onlly")
 */
export function checkKnownKeys(
  record: Record<string, unknown>,
  known: Readonly<Record<string, unknown>>,
  what: string,
  { input, path, code = 'invalid-option' }: { readonly input?: string; readonly path?: string; readonly code?: 'invalid-option' | 'invalid-lexicon' | 'invalid-actors' } = {},
): void {
  for (const key of Object.keys(record)) {
    if (!Object.prototype.hasOwnProperty.call(known, key)) {
      const field = path === undefined ? key : `${path}.${key}`;
      throw new FramelensError(code, `unknown ${code === 'invalid-option' ? 'option' : 'key'} "${field}" in ${what}; expected ${Object.keys(known).join(', ')}`, { field, ...(input !== undefined ? { input } : {}) });
    }
  }
}

function checkStringArray(value: unknown, field: string, code: 'invalid-option' | 'invalid-lexicon', input?: string): void {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new FramelensError(code, `"${field}" must be an array of strings, got ${describeType(value)}`, { field, ...(input !== undefined ? { input } : {}) });
  }
}

// Every key of the options type, so that an option added to the type without being added here
// fails to compile rather than being refused at run time.
const ANALYZE_OPTION_KEYS: Readonly<Record<keyof AnalyzeOptions, true>> = { only: true, skip: true, lexicon: true, actors: true, boilerplate: true };
const READ_ARTICLE_OPTION_KEYS: Readonly<Record<keyof ReadArticleOptions, true>> = { boilerplate: true, maxLength: true };
/**
 * Every value of a union of strings, from an object with one key per value: the compiler refuses a
 * missing or an unknown value, so a list of allowed values cannot drift from its type.
 *
 * @example
 * everyValue<BlockRole>({ headline: true, body: true, boilerplate: true }); // ['headline', 'body', 'boilerplate']
 */
export function everyValue<T extends string>(values: Readonly<Record<T, true>>): readonly T[] {
  return Object.keys(values) as T[];
}

const CLASSIFY_BLOCKS_OPTION_KEYS: Readonly<Record<keyof ClassifyBlocksOptions, true>> = { phrases: true, forceRoles: true, recurring: true };
const USER_PHRASE_KEYS: Readonly<Record<keyof UserPhrase, true>> = { phrase: true, kind: true, match: true };
const PHRASE_MATCHES: readonly string[] = everyValue<BoilerplatePhraseMatch>({ line: true, start: true, contains: true });
const LEXICON_OVERRIDE_KEYS: Readonly<Record<keyof LexiconOverrides, true>> = { add: true, remove: true };
const META_STRING_FIELDS = ['id', 'title', 'outlet', 'date', 'url', 'path', 'story'] as const;
/** Longest user boilerplate phrase accepted, in characters. */
export const MAX_BOILERPLATE_PHRASE = 200;
/** The roles a block can have. */
export const BLOCK_ROLES: readonly BlockRole[] = everyValue<BlockRole>({ headline: true, body: true, boilerplate: true });
const ACTOR_TYPES: readonly string[] = everyValue<ActorType>({ person: true, country: true, organization: true, unknown: true });

/** The error for a meta field that should be a string and is not (`meta.outlet` a number), or undefined. */
function metaFieldFailure(meta: Record<string, unknown>, fallbackId?: string): FramelensError | undefined {
  for (const field of META_STRING_FIELDS) {
    const value = ownValue(meta, field);
    if (value !== undefined && typeof value !== 'string') {
      const input = typeof meta.id === 'string' ? meta.id : fallbackId;
      return new FramelensError('invalid-field', `meta "${field}" must be a string, got ${describeType(value)}`, { field: `meta.${field}`, ...(input !== undefined ? { input } : {}) });
    }
  }
  return undefined;
}

/**
 * Check `readArticle`'s arguments: a string text, a meta object of strings, known options.
 *
 * @example
 * checkReadArticleArguments(42, {}, {}); // throws FramelensError 'invalid-argument'
 */
export function checkReadArticleArguments(text: unknown, meta: unknown, options: unknown): asserts meta is ArticleMeta {
  if (!isRecord(meta)) throw new FramelensError('invalid-argument', `article meta must be an object, got ${describeType(meta)}`, { field: 'meta' });
  const fieldFailure = metaFieldFailure(meta);
  if (fieldFailure) throw fieldFailure;
  const input = (meta.path as string | undefined) ?? (meta.id as string | undefined) ?? 'article';
  const line = ownValue(meta, 'line');
  if (line !== undefined && (typeof line !== 'number' || !Number.isInteger(line) || line < 1)) {
    throw new FramelensError('invalid-field', 'meta "line" must be a positive integer', { input, field: 'meta.line' });
  }
  if (typeof text !== 'string') {
    throw new FramelensError('invalid-field', `article text must be a string, got ${describeType(text)}`, { input, field: 'text', ...(typeof line === 'number' ? { line } : {}) });
  }
  if (!isRecord(options)) throw new FramelensError('invalid-argument', `readArticle options must be an object, got ${describeType(options)}`, { field: 'options' });
  checkKnownKeys(options, READ_ARTICLE_OPTION_KEYS, 'ReadArticleOptions');
  const maxLength = ownValue(options, 'maxLength');
  if (maxLength !== undefined && (typeof maxLength !== 'number' || !(maxLength > 0))) {
    throw new FramelensError('invalid-option', '"maxLength" must be a positive number', { field: 'maxLength' });
  }
  if (ownValue(options, 'boilerplate') !== undefined) checkClassifyBlocksOptions(options.boilerplate);
}

/**
 * Check block-classifier options: `phrases` as `{phrase, kind}` objects, `forceRoles` as block
 * index to role.
 *
 * @example
 * checkClassifyBlocksOptions({ forceRoles: { 0: 'footer' } }); // throws 'invalid-option'
 */
export function checkClassifyBlocksOptions(options: unknown): asserts options is ClassifyBlocksOptions {
  if (!isRecord(options)) throw new FramelensError('invalid-option', `"boilerplate" options must be an object, got ${describeType(options)}`, { field: 'boilerplate' });
  checkKnownKeys(options, CLASSIFY_BLOCKS_OPTION_KEYS, 'ClassifyBlocksOptions', { path: 'boilerplate' });
  const phrases = ownValue(options, 'phrases');
  if (phrases !== undefined) {
    if (!Array.isArray(phrases)) throw new FramelensError('invalid-option', '"boilerplate.phrases" must be an array of {phrase, kind}', { field: 'boilerplate.phrases' });
    phrases.forEach((item: unknown, index) => {
      const field = `boilerplate.phrases[${index}]`;
      if (!isRecord(item) || typeof ownValue(item, 'phrase') !== 'string' || (item.phrase as string).trim() === '' || typeof ownValue(item, 'kind') !== 'string') {
        throw new FramelensError('invalid-option', `${field} must be {phrase: non-empty string, kind: string}`, { field });
      }
      checkKnownKeys(item, USER_PHRASE_KEYS, 'a boilerplate phrase', { path: field });
      // Read when a call is made, not when the module loads: boilerplate.ts imports this module too.
      if (!(BOILERPLATE_KINDS as readonly string[]).includes(item.kind as string)) {
        throw new FramelensError('invalid-option', `unknown boilerplate kind "${String(item.kind)}" in ${field}.kind; expected one of ${BOILERPLATE_KINDS.join(', ')}`, { field: `${field}.kind` });
      }
      const match = ownValue(item, 'match');
      if (match !== undefined && !PHRASE_MATCHES.includes(match as string)) {
        throw new FramelensError('invalid-option', `${field}.match must be one of ${PHRASE_MATCHES.join(', ')}`, { field: `${field}.match` });
      }
      // Phrases are searched for in every line: a very long one would cost its length at every
      // character of a long line. Page furniture is a few words.
      if ((item.phrase as string).length > MAX_BOILERPLATE_PHRASE) {
        throw new FramelensError('invalid-option', `${field} is longer than ${MAX_BOILERPLATE_PHRASE} characters`, { field });
      }
    });
  }
  const forceRoles = ownValue(options, 'forceRoles');
  if (forceRoles !== undefined) {
    if (!isRecord(forceRoles)) throw new FramelensError('invalid-option', '"boilerplate.forceRoles" must be an object of block index to role', { field: 'boilerplate.forceRoles' });
    for (const key of Object.keys(forceRoles)) {
      const field = `boilerplate.forceRoles.${key}`;
      if (!/^(0|[1-9]\d*)$/.test(key)) throw new FramelensError('invalid-option', `${field}: "${key}" is not a block index`, { field });
      if (!BLOCK_ROLES.includes(forceRoles[key] as BlockRole)) {
        throw new FramelensError('invalid-option', `${field} must be one of ${BLOCK_ROLES.join(', ')}`, { field });
      }
    }
  }
  const recurring = ownValue(options, 'recurring');
  if (recurring !== undefined && !isStringSet(recurring)) {
    throw new FramelensError('invalid-option', `"boilerplate.recurring" must be a Set of line keys (strings), got ${describeType(recurring)}`, { field: 'boilerplate.recurring' });
  }
}

/**
 * Check analysis options: known keys only, analyzer id lists, lexicon overrides, actors and
 * boilerplate options of the right shape. Unknown analyzer ids are checked by `analyzeArticle`.
 *
 * @example
 * checkAnalyzeOptions({ onlly: ['hedge'] }); // throws 'invalid-option' (field "onlly")
 */
export function checkAnalyzeOptions(options: unknown): asserts options is AnalyzeOptions {
  if (!isRecord(options)) throw new FramelensError('invalid-argument', `analysis options must be an object, got ${describeType(options)}`, { field: 'options' });
  checkKnownKeys(options, ANALYZE_OPTION_KEYS, 'AnalyzeOptions');
  for (const key of ['only', 'skip'] as const) {
    if (ownValue(options, key) !== undefined) checkStringArray(options[key], key, 'invalid-option');
  }
  if (ownValue(options, 'lexicon') !== undefined) checkLexiconOverrides(options.lexicon);
  if (ownValue(options, 'actors') !== undefined) validateActors(options.actors, 'actors option', 'invalid-option');
  if (ownValue(options, 'boilerplate') !== undefined) checkClassifyBlocksOptions(options.boilerplate);
}

/**
 * Check the shape of lexicon overrides (`add` an object, `remove` an array of ids, nothing else);
 * the lexicon names, entries and removed ids are checked by `buildLexicons`.
 *
 * @example
 * checkLexiconOverrides({ remove: 'loaded.historic' }); // throws 'invalid-lexicon' (field "remove")
 */
export function checkLexiconOverrides(overrides: unknown, input = 'lexicon options'): asserts overrides is LexiconOverrides {
  if (!isRecord(overrides)) throw new FramelensError('invalid-lexicon', `lexicon overrides must be an object {add?, remove?}, got ${describeType(overrides)}`, { input });
  checkKnownKeys(overrides, LEXICON_OVERRIDE_KEYS, 'lexicon overrides', { input, code: 'invalid-lexicon' });
  const add = ownValue(overrides, 'add');
  if (add !== undefined && !isRecord(add)) throw new FramelensError('invalid-lexicon', `"add" must be an object of lexicon name to entries, got ${describeType(add)}`, { input, field: 'add' });
  const remove = ownValue(overrides, 'remove');
  if (remove !== undefined) checkStringArray(remove, 'remove', 'invalid-lexicon', input);
}

/** Longest actor name or alias accepted, in characters: wink's tokenizer is quadratic in one long word. */
export const MAX_ACTOR_NAME = 200;
/** Most aliases accepted per actor. */
export const MAX_ACTOR_ALIASES = 100;
const ACTOR_KEYS: Readonly<Record<keyof ActorSpec, true>> = { id: true, name: true, aliases: true, type: true };

/**
 * Check a list of user actors `[{name, aliases?, type?, id?}]` and return clean copies holding
 * own properties only. A name or alias is a non-empty string of at most `MAX_ACTOR_NAME`
 * characters, an actor has at most `MAX_ACTOR_ALIASES` aliases, and no other keys.
 *
 * @example
 * validateActors([{ name: 'Benny Gantz', aliases: ['Gantz'], type: 'person' }], 'actors.json');
 */
export function validateActors(value: unknown, input: string, code: 'invalid-actors' | 'invalid-option' = 'invalid-actors'): ActorSpec[] {
  if (!Array.isArray(value)) throw new FramelensError(code, `actors must be an array of {name, aliases?, type?}, got ${describeType(value)}`, { input, field: 'actors' });
  // Array.from: a hole is an actor that is not an object, not one skipped.
  return Array.from(value, (raw: unknown, index): ActorSpec => {
    const where = `[${index}]`;
    if (!isRecord(raw)) throw new FramelensError(code, `actor ${where} must be an object, got ${describeType(raw)}`, { input, field: where });
    checkKnownKeys(raw, ACTOR_KEYS, `actor ${where}`, { input, path: where, code });
    const checkName = (name: unknown, key: string): void => {
      const field = `${where}.${key}`;
      if (typeof name !== 'string' || name.trim() === '') throw new FramelensError(code, `actor ${where}: "${key}" must be a non-empty string, got ${describeType(name)}`, { input, field });
      if (name.length > MAX_ACTOR_NAME) throw new FramelensError(code, `actor ${where}: "${key}" is longer than ${MAX_ACTOR_NAME} characters`, { input, field });
    };
    const name = ownValue(raw, 'name');
    checkName(name, 'name');
    const aliases = ownValue(raw, 'aliases');
    if (aliases !== undefined) {
      if (!Array.isArray(aliases)) throw new FramelensError(code, `actor ${where} ("${name}") has "aliases" that are not an array of non-empty strings, got ${describeType(aliases)}`, { input, field: `${where}.aliases` });
      if (aliases.length > MAX_ACTOR_ALIASES) throw new FramelensError(code, `actor ${where} ("${name}") has more than ${MAX_ACTOR_ALIASES} aliases`, { input, field: `${where}.aliases` });
      for (let k = 0; k < aliases.length; k++) checkName(aliases[k], `aliases[${k}]`);
    }
    const type = ownValue(raw, 'type');
    if (type !== undefined && !ACTOR_TYPES.includes(type as string)) {
      throw new FramelensError(code, `actor ${where} ("${name}") has an unknown "type"; expected one of ${ACTOR_TYPES.join(', ')}`, { input, field: `${where}.type` });
    }
    const id = ownValue(raw, 'id');
    if (id !== undefined && (typeof id !== 'string' || id.trim() === '')) throw new FramelensError(code, `actor ${where} ("${name}") has an "id" that is not a non-empty string`, { input, field: `${where}.id` });
    return {
      name: name as string,
      ...(id !== undefined ? { id: id as string } : {}),
      ...(aliases !== undefined ? { aliases: [...(aliases as string[])] } : {}),
      ...(type !== undefined ? { type: type as ActorSpec['type'] } : {}),
    };
  });
}

/**
 * Check that a value is an `Article` from `readArticle` (a JavaScript caller may pass raw text).
 *
 * @example
 * checkArticle('Gantz met Hamada.'); // throws 'invalid-argument': call readArticle first
 */
export function checkArticle(article: unknown, field = 'article'): asserts article is Article {
  if (
    !isRecord(article) || typeof article.text !== 'string' || typeof article.id !== 'string' || !isRecord(article.meta) ||
    !Array.isArray(article.blocks) || !Array.isArray(article.sentences) || !Array.isArray(article.tokens) || !Array.isArray(article.quotes)
  ) {
    throw new FramelensError('invalid-argument', `"${field}" must be an Article from readArticle(), got ${describeType(article)}`, { field });
  }
}

/**
 * Check one article to compare: `{article, report}` as `analyzeInput` returns them.
 *
 * @example
 * checkComparedArticle({ article }, 'items[0]'); // throws 'invalid-argument' (field "items[0].report")
 */
export function checkComparedArticle(value: unknown, field: string): asserts value is { readonly article: Article; readonly report: ArticleReport } {
  if (!isRecord(value)) throw new FramelensError('invalid-argument', `"${field}" must be {article, report} from analyzeInput(), got ${describeType(value)}`, { field });
  checkArticle(value.article, `${field}.article`);
  const report = value.report;
  if (
    !isRecord(report) || typeof report.id !== 'string' || typeof report.text !== 'string' || !Array.isArray(report.findings) ||
    !Array.isArray(report.actors) || !isRecord(report.scores) || !isRecord(report.tone)
  ) {
    throw new FramelensError('invalid-argument', `"${field}.report" must be an ArticleReport from analyzeArticle(), got ${describeType(report)}`, { field: `${field}.report` });
  }
}

/**
 * Check that a value is an `InputFailure` (`{code, message, input?, line?, field?}`), as
 * `FramelensError.toJSON()` makes them.
 *
 * @example
 * checkInputFailure('a', 'failures[0]'); // throws 'invalid-argument' (field "failures[0]")
 */
export function checkInputFailure(value: unknown, field: string): asserts value is InputFailure {
  if (!isRecord(value) || typeof value.code !== 'string' || typeof value.message !== 'string') {
    throw new FramelensError('invalid-argument', `"${field}" must be a failure {code, message, input?, line?, field?}, got ${describeType(value)}`, { field });
  }
}

/**
 * Check a story `{id, articles}`; the articles themselves fail one by one, never the story.
 *
 * @example
 * checkStoryInput({ id: 'x', articles: 'text' }); // throws 'invalid-argument'
 */
export function checkStoryInput(story: unknown, field = 'story'): asserts story is StoryInput {
  if (!isRecord(story)) throw new FramelensError('invalid-argument', `a story must be an object {id: string, articles: array}, got ${describeType(story)}`, { field });
  if (typeof story.id !== 'string') throw new FramelensError('invalid-argument', `${field}.id must be a string (the story's name), got ${describeType(story.id)}`, { field: `${field}.id` });
  if (!Array.isArray(story.articles)) {
    throw new FramelensError('invalid-argument', `${field}.articles must be an array of articles {text, meta?}, got ${describeType(story.articles)}`, { field: `${field}.articles`, input: story.id });
  }
}

// An article input's keys: its text and meta, and the JSON Lines line and story a record read from a
// file carries along (see JsonLineResult).
const ARTICLE_INPUT_KEYS: Readonly<Record<string, true>> = { text: true, meta: true, line: true, story: true };
/** Every key of `ArticleMeta`: what the analysis reads of an article's meta. */
export const META_KEYS: Readonly<Record<keyof ArticleMeta, true>> = { id: true, title: true, outlet: true, date: true, url: true, path: true, story: true, line: true };

/**
 * The failure of an article input that is not an object `{text, meta?}` (or holds another key), or undefined.
 *
 * @example
 * articleInputFailure(null, 'story#2'); // FramelensError 'invalid-argument' for story#2
 */
export function articleInputFailure(input: unknown, fallbackId: string): FramelensError | undefined {
  const unknown = isRecord(input) ? Object.keys(input).find((key) => !Object.prototype.hasOwnProperty.call(ARTICLE_INPUT_KEYS, key)) : undefined;
  if (unknown !== undefined) {
    // The usual slip: metadata written beside the text ({id, text}) instead of in meta.
    const hint = Object.prototype.hasOwnProperty.call(META_KEYS, unknown) ? `: "${unknown}" belongs in meta ({text, meta: {${unknown}}})` : '';
    return new FramelensError('invalid-argument', `an article input is {text, meta?}, not a key "${unknown}"${hint}`, { input: fallbackId, field: `article.${unknown}` });
  }
  if (isRecord(input) && input.meta === undefined) return undefined;
  if (isRecord(input) && isRecord(input.meta)) return metaFieldFailure(input.meta, fallbackId);
  return new FramelensError('invalid-argument', isRecord(input) ? `article meta must be an object, got ${describeType(input.meta)}` : `an article input must be an object {text, meta?}, got ${describeType(input)}`, { input: fallbackId, field: isRecord(input) ? 'meta' : 'article' });
}

/**
 * Check that a value is a `FramelensReport` (what the renderers take).
 *
 * @example
 * checkReport(storyReport); // throws 'invalid-argument': pass the whole report from analyzeStories
 */
export function checkReport(report: unknown): void {
  if (!isRecord(report) || !Array.isArray(report.stories) || !Array.isArray(report.failures)) {
    throw new FramelensError('invalid-argument', `expected a FramelensReport from analyzeStories(), got ${describeType(report)}${partHint(report)}`, { field: 'report' });
  }
}

/** What to do with a story's or an article's report given where a whole report belongs. */
function partHint(value: unknown): string {
  if (!isRecord(value)) return '';
  if (typeof value.id === 'string' && Array.isArray(value.articles)) {
    return ': a StoryReport (from analyzeStory); pass analyzeStories([story]) or {schemaVersion: 1, stories: [story], failures: []}, or render it with renderStoryHtml or toDisplay';
  }
  if (typeof value.text === 'string' && Array.isArray(value.findings)) return ': an ArticleReport; render it with renderArticleHtml or toDisplay';
  return '';
}

/**
 * Check that a value is a `StoryReport` (or an `ArticleReport` with `kind` 'article').
 *
 * @example
 * checkPartReport(report, 'story'); // throws 'invalid-argument' for a whole FramelensReport
 */
export function checkPartReport(value: unknown, kind: 'story' | 'article'): void {
  const ok = isRecord(value) && typeof value.id === 'string' && (kind === 'story' ? Array.isArray(value.articles) && Array.isArray(value.failures) : typeof value.text === 'string' && Array.isArray(value.findings));
  if (!ok) throw new FramelensError('invalid-argument', `expected a${kind === 'article' ? 'n ArticleReport' : ' StoryReport'}, got ${describeType(value)}`, { field: kind });
}
