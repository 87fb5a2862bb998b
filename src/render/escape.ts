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
 * punctuation is backslash-escaped and line breaks become spaces, so text stays one inline run
 * (right-to-left text and direction controls are isolated, see `isolateText`).
 *
 * @example
 * escapeMarkdown('a | b *c*'); // 'a \\| b \\*c\\*'
 */
export function escapeMarkdown(text: string): string {
  expectString(text, 'text');
  return markdownInline(isolateText(text));
}

/**
 * Escape for inline Markdown a phrase whose user strings are already isolated one by one (what
 * `describeFinding` and `describeSummaryItem` return): escaped like `escapeMarkdown`, but not
 * isolated again as a whole, which would nest the isolates and give the phrase the direction of
 * its first name. Its direction controls are still balanced, so none can reach the text after it.
 * Text with raw right-to-left letters goes through `escapeMarkdown` instead.
 *
 * @example
 * escapeIsolatedMarkdown('standing for \u2068\u05d7\u05de\u05d0\u05e1\u2069 | *x*'); // 'standing for \u2068\u05d7\u05de\u05d0\u05e1\u2069 \\| \\*x\\*'
 */
export function escapeIsolatedMarkdown(text: string): string {
  expectString(text, 'text');
  return markdownInline(balanceBidi(text));
}

/** Markdown escaping on one line: line breaks become spaces, HTML is neutralised, Markdown punctuation is backslash-escaped. */
function markdownInline(text: string): string {
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

/** Characters that can reorder the text around a string: right-to-left letters and marks, direction controls. */
const BIDI_SENSITIVE = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u061C\u200F\u202A-\u202E\u2066-\u2069]|[\uD802\uD803\uD83A\uD83B][\uDC00-\uDFFF]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');
const PDF = '\u202C';
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Whether a string holds right-to-left letters or direction controls, which can reorder the text
 * beside it.
 *
 * @example
 * needsIsolation('Haaretz'); // false
 */
export function needsIsolation(text: string): boolean {
  return BIDI_SENSITIVE.test(text);
}

/**
 * A string's direction controls made to close within it: a pop (PDF, PDI) that closes nothing of the
 * string's own is dropped, and every embedding or isolate left open is closed at the end. What the
 * string says then cannot reach the text after it, nor close an isolate around it.
 *
 * @example
 * balanceBidi('\u202Emoc.liame'); // '\u202Emoc.liame\u202C'
 */
export function balanceBidi(text: string): string {
  if (!BIDI_CONTROL.test(text)) return text;
  const open: string[] = [];
  const balanced = text.replace(BIDI_CONTROLS, (char) => {
    if (char === PDF) {
      if (open[open.length - 1] !== PDF) return '';
      open.pop();
    } else if (char === PDI) {
      if (!open.includes(PDI)) return '';
      // An isolate's end also ends the embeddings opened inside it.
      while (open.pop() !== PDI);
    } else {
      open.push(char >= '\u2066' ? PDI : PDF);
    }
    return char;
  });
  return balanced + open.reverse().join('');
}

/**
 * Plain text for a place beside other text (a Markdown line, a tooltip, a page title): a string with
 * right-to-left letters or direction controls goes between FIRST STRONG ISOLATE and POP DIRECTIONAL
 * ISOLATE with its controls balanced, so it keeps its own direction and cannot reorder what follows
 * ("\u202Emoc.liame · 2024-05-01" would otherwise show the date reversed). Other strings are unchanged.
 *
 * @example
 * isolateText('\u202Emoc.liame'); // '\u2068\u202Emoc.liame\u202C\u2069'
 */
export function isolateText(text: string): string {
  return needsIsolation(text) ? `${FSI}${balanceBidi(text)}${PDI}` : text;
}

/**
 * Escape a user string for HTML element content and isolate it like `isolateText`, in a `<bdi>`.
 *
 * @example
 * isolateHtml('\u05d4\u05d0\u05e8\u05e5'); // '<bdi>\u05d4\u05d0\u05e8\u05e5</bdi>'
 */
export function isolateHtml(text: string): string {
  return needsIsolation(text) ? `<bdi>${escapeHtml(balanceBidi(text))}</bdi>` : escapeHtml(text);
}

/**
 * A phrase without the isolates `isolateText` put around its user strings (what `describeSummaryItem`
 * returns): each outermost FIRST STRONG ISOLATE and the POP DIRECTIONAL ISOLATE that closes it. For
 * the terminal, where `escapeTerminal` would show them as escapes (`\u2068`) instead of isolating.
 * A string's own direction controls, inside those isolates, stay, for `escapeTerminal` to show.
 *
 * @example
 * withoutIsolates('label for \u2068\u05d7\u05de\u05d0\u05e1\u2069'); // 'label for \u05d7\u05de\u05d0\u05e1'
 * withoutIsolates('\u2068\u202Emoc.liame\u202C\u2069'); // '\u202Emoc.liame\u202C'
 */
export function withoutIsolates(text: string): string {
  const open: boolean[] = []; // per isolate open: whether it is an outermost FSI, dropped with its PDI
  return text.replace(/[\u2066-\u2069]/g, (char) => {
    if (char === PDI) return open.length === 0 || !open.pop() ? char : '';
    const outermost = char === FSI && open.length === 0;
    open.push(outermost);
    return outermost ? '' : char;
  });
}

/** C0 and C1 controls but line feed and tab, and the direction controls. */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text safe to print on a terminal: control characters (escape sequences among them) and direction
 * controls become visible escapes such as `\x1b` and `\u202e`; line feeds and tabs stay.
 *
 * @example
 * escapeTerminal('\x1b]0;pwned\x07'); // '\\x1b]0;pwned\\x07'
 */
export function escapeTerminal(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
