/**
 * JSON text in small pieces. `JSON.stringify` builds its result as a rope of parts, and the first
 * read of it (writing it out, sending it to another thread) copies the whole text into one new
 * string. A story's report is some 300,000 characters, so that copy lands in V8's large-object
 * space, on freshly mapped pages: it cost 6-12 ns a character, against 0.3-0.4 ns for the same copy
 * into strings of a few thousand characters, which stay in the young generation. Written in
 * pieces, the 1,500-article benchmark took ~97,000 page faults instead of ~130,000 on one thread,
 * and 103,000-107,000 instead of ~182,000 with two workers, whose main thread then spent 0.5 s
 * instead of 0.9-1.1 s.
 */

/**
 * Below this many levels of arrays and objects, a value is one piece: in a story's report, an
 * article's text or list of findings, one entry of a comparison section. A level deeper, a story
 * was ~1,900 pieces instead of ~250, and the calls cost more than the copies they saved (13 % more
 * instructions than one `JSON.stringify`, where three levels take 4-11 % fewer).
 */
export const JSON_PART_DEPTH = 3;

/**
 * `JSON.stringify(value)` (or, with an indentation `prefix`, `JSON.stringify(value, null, 2)` with
 * `prefix` after every line break) as pieces whose concatenation is exactly that text. Arrays and
 * objects `depth` levels down are stringified whole; a single long string value is one piece.
 *
 * @example
 * jsonParts({ a: [1, 2] }, null).join(''); // '{"a":[1,2]}'
 * jsonParts({ a: [1, 2] }, '').join(''); // JSON.stringify({ a: [1, 2] }, null, 2)
 */
export function jsonParts(value: unknown, prefix: string | null, depth: number = JSON_PART_DEPTH): string[] {
  if (depth < 1 || isLeaf(value)) {
    const whole = leafJson(value, prefix);
    return whole === undefined ? [] : [whole];
  }
  const parts: string[] = [];
  addParts(value as object, depth, prefix, parts);
  return parts;
}

/** Characters a joined piece holds at most, unless one part is longer: a string V8 keeps in its young generation. */
export const JSON_PIECE_CHARS = 16_384;

/**
 * Join consecutive parts into pieces of at most `limit` characters (a longer part stays alone),
 * so that few strings cross threads or reach a writer.
 *
 * @example
 * joinParts(['{', '"a":', '1', '}'], 5); // ['{"a":', '1}']
 */
export function joinParts(parts: readonly string[], limit: number = JSON_PIECE_CHARS): string[] {
  const pieces: string[] = [];
  let group: string[] = [];
  let length = 0;
  for (const part of parts) {
    if (length + part.length > limit && group.length > 0) {
      pieces.push(group.length === 1 ? group[0]! : group.join(''));
      group = [];
      length = 0;
    }
    group.push(part);
    length += part.length;
  }
  if (group.length > 0) pieces.push(group.length === 1 ? group[0]! : group.join(''));
  return pieces;
}

/** Stringified as a whole by `JSON.stringify`, which also honours a `toJSON` method. */
function isLeaf(value: unknown): boolean {
  return typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/**
 * The pieces of an array or object. `indent` is what follows a line break at this value's level
 * (the prefix, then two spaces a level), or null for compact JSON.
 */
function addParts(value: object, depth: number, indent: string | null, parts: string[]): void {
  const inner = indent === null ? null : `${indent}  `;
  const newline = inner === null ? '' : `\n${inner}`;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      parts.push('[]');
      return;
    }
    for (let i = 0; i < value.length; i++) {
      parts.push(`${i === 0 ? '[' : ','}${newline}`);
      const item: unknown = value[i];
      if (depth > 1 && !isLeaf(item)) addParts(item as object, depth - 1, inner, parts);
      else parts.push(leafJson(item, inner) ?? 'null'); // what JSON.stringify leaves out of an array is null
    }
    parts.push(indent === null ? ']' : `\n${indent}]`);
    return;
  }
  const record = value as Record<string, unknown>;
  let written = false;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const nested = depth > 1 && !isLeaf(item);
    const whole = nested ? undefined : leafJson(item, inner);
    if (!nested && whole === undefined) continue; // left out, as JSON.stringify leaves it
    parts.push(`${written ? ',' : '{'}${newline}${JSON.stringify(key)}:${inner === null ? '' : ' '}`);
    written = true;
    if (whole !== undefined) parts.push(whole);
    else addParts(item as object, depth - 1, inner, parts);
  }
  if (!written) parts.push('{}');
  else parts.push(indent === null ? '}' : `\n${indent}}`);
}

/** `JSON.stringify(value)`, or with an `indent`, `JSON.stringify(value, null, 2)` with `indent` after each line break. */
function leafJson(value: unknown, indent: string | null): string | undefined {
  if (indent === null || typeof value !== 'object' || value === null) return JSON.stringify(value);
  return indentedLeaf(value, indent);
}

const EVEN_SPACES = /^(?: {2})*$/;

/** `JSON.stringify(value, null, 2)` with `indent` after each line break, for an array or object. */
function indentedLeaf(value: object, indent: string): string | undefined {
  if (!EVEN_SPACES.test(indent) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.stringify(value, null, 2)?.replace(/\n/g, `\n${indent}`);
  }
  // Nested in arrays as deep as the indentation, JSON.stringify indents the value itself; cutting
  // off the arrays' brackets saves a second pass over the text to indent it.
  const levels = indent.length / 2;
  const json = JSON.stringify(nest(value, levels), null, 2);
  const [head, tail] = frameOf(levels);
  return json.slice(head, json.length - tail);
}

/** Where a value nested `levels` arrays deep starts, and how much follows it, in the indented JSON. */
const FRAMES: [number, number][] = [];

function frameOf(levels: number): [number, number] {
  let frame = FRAMES[levels];
  if (frame === undefined) {
    const text = JSON.stringify(nest(0, levels), null, 2);
    const head = text.indexOf('0');
    FRAMES[levels] = frame = [head, text.length - head - 1];
  }
  return frame;
}

function nest(value: unknown, levels: number): unknown {
  let nested = value;
  for (let level = 0; level < levels; level++) nested = [nested];
  return nested;
}
