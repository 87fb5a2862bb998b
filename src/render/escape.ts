import { expectString } from '../inputs';

/**
 * Escaping for every string a renderer takes from a report: article text, ids, evidence, terms.
 * Nothing from a report reaches HTML or Markdown output without passing through one of these.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape text for HTML element content and quoted attribute values.
 *
 * @example
 * escapeHtml('<img src=x onerror=alert(1)>'); // '&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(text: string): string {
  expectString(text, 'text');
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * Escape text for inline Markdown (a list item or table cell): HTML is neutralised, Markdown
 * punctuation is backslash-escaped and line breaks become spaces, so text stays one inline run.
 *
 * @example
 * escapeMarkdown('a | b *c*'); // 'a \\| b \\*c\\*'
 */
export function escapeMarkdown(text: string): string {
  expectString(text, 'text');
  return text
    .replace(/\s+/g, ' ')
    .replace(/[&<>]/g, (char) => HTML_ESCAPES[char]!)
    .replace(/[\\`*[\]|~#]/g, (char) => `\\${char}`)
    // An underscore inside a word never starts emphasis, so only a word-edge one is escaped.
    .replace(/_/g, (char, at: number, all: string) => (WORD_CHAR.test(all[at - 1] ?? '') && WORD_CHAR.test(all[at + 1] ?? '') ? char : '\\_'));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Shorten text to at most `max` characters on one line, ending with an ellipsis when cut.
 *
 * @example
 * clip('a  long\nline', 6); // 'a lon…'
 */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Never cut a surrogate pair in half.
  let end = Math.max(0, max - 1);
  const code = flat.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${flat.slice(0, end)}…`;
}

/**
 * Format a number for a report: integers as they are, others with up to `digits` decimals.
 *
 * @example
 * formatNumber(3.14159); // '3.14'
 */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '–';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(digits)));
}
