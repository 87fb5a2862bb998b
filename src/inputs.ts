import { FramelensError } from './errors';
import type { ArticleInput } from './analyze';
import type { ArticleMeta } from './article';

/**
 * Decode a file's bytes as UTF-8 text, refusing binary content and invalid UTF-8 with typed
 * errors that say where. A leading byte-order mark is kept for `readArticle` to drop.
 *
 * @example
 * decodeText(fs.readFileSync('corpus/000.txt'), 'corpus/000.txt');
 */
export function decodeText(bytes: Uint8Array, input: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new FramelensError('binary-content', `byte ${nul} is NUL: this looks like a binary file, not text`, { input });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    const at = firstInvalidUtf8(bytes);
    throw new FramelensError('invalid-utf8', `invalid UTF-8 at byte ${at}`, { input, cause });
  }
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
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

/** One JSON Lines record: an article, or the typed error that says why its line was refused. */
export type JsonLineResult = (ArticleInput & { readonly story?: string; readonly line: number }) | FramelensError;

const META_FIELDS = ['title', 'outlet', 'date', 'url', 'story'] as const;

/**
 * Parse one JSON Lines record `{"id", "text", "title"?, "outlet"?, "date"?, "url"?, "story"?}`.
 * Throws a `FramelensError` naming the input and line when the record is malformed.
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
  const meta: Record<string, string> = { id: rawId === undefined ? `line-${lineNumber}` : String(rawId), path: input };
  for (const field of META_FIELDS) {
    const fieldValue = own(field);
    if (fieldValue === undefined || fieldValue === null) continue;
    if (typeof fieldValue !== 'string' && typeof fieldValue !== 'number') {
      throw new FramelensError('invalid-field', `"${field}" must be a string`, { input, line: lineNumber, field });
    }
    meta[field] = String(fieldValue);
  }
  return { text, meta: meta as ArticleMeta, line: lineNumber, ...(meta.story !== undefined ? { story: meta.story } : {}) };
}

/**
 * Parse JSON Lines text into articles. A bad line becomes a `FramelensError` in its place, so the
 * rest of the file is still read and nothing is dropped silently. Blank lines are skipped.
 *
 * @example
 * parseJsonLines('{"id":"a","text":"..."}\n{oops', 'news.jsonl'); // [article, FramelensError(line 2)]
 */
export function parseJsonLines(text: string, input: string): JsonLineResult[] {
  const results: JsonLineResult[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const body = index === 0 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    if (body.trim() === '') return;
    try {
      results.push(parseJsonLine(body, input, index + 1));
    } catch (error) {
      if (error instanceof FramelensError) results.push(error);
      else throw error;
    }
  });
  return results;
}

/** The id of an article read from a file: its name without directory or extension. */
export function idFromPath(path: string): string {
  const name = path.split(/[\\/]/).filter((part) => part !== '').pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
