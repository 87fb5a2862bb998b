import { FramelensError } from './errors';
import { checkReadArticleArguments, expectArray, expectString } from './inputs';
import { getNlp } from './nlp';
import { lexemeOfWinkToken, rememberLexemes, type Lexeme } from './lexeme';
import { classifyBlocks, type BoilerplateKind, type ClassifyBlocksOptions } from './boilerplate';

/**
 * An article as framelens reads it: the verbatim text and, over it, blocks (one per non-blank
 * line), sentences, tokens and quotation spans. Every `start`/`end` anywhere in framelens is a
 * JavaScript string index into `text`, so `text.slice(start, end)` is always the evidence.
 */
export interface Article {
  readonly id: string;
  /** The verbatim text (a leading byte-order mark is dropped, nothing else changes). */
  readonly text: string;
  readonly meta: ArticleMeta;
  readonly blocks: readonly Block[];
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly quotes: readonly QuoteSpan[];
}

/** What the caller knows of an article; everything is optional. */
export interface ArticleMeta {
  readonly id?: string;
  readonly title?: string;
  readonly outlet?: string;
  readonly date?: string;
  readonly url?: string;
  /** The file path as given on the command line or to `readInputs` (absent for standard input). */
  readonly path?: string;
  /** The story this article belongs to (JSON Lines `story`, or the folder name). */
  readonly story?: string;
  /** The 1-based line of a JSON Lines record, so errors and reports can point at it. */
  readonly line?: number;
}

export type BlockRole = 'headline' | 'body' | 'boilerplate';

/** A non-blank line of the article, without its surrounding white space. */
export interface Block {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly role: BlockRole;
  /** For boilerplate blocks: what kind of page furniture it is. */
  readonly kind?: BoilerplateKind;
  /** The rule or evidence that decided the role, so a user can see and override it. */
  readonly rule?: string;
}

export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Index of the block that holds the sentence: sentences never cross lines. */
  readonly block: number;
  /** Token index range [tokenStart, tokenEnd). */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

export interface Token {
  readonly start: number;
  readonly end: number;
  /** The token's verbatim text. */
  readonly value: string;
  /** Lower-cased value with curly apostrophes straightened: the form lexicons match. */
  readonly lower: string;
  /** Universal part-of-speech tag from wink-nlp (PROPN, NOUN, VERB, PUNCT, ...). */
  readonly pos: string;
  readonly sentence: number;
}

export type QuoteMark = 'double' | 'single' | 'guillemet';

/**
 * A stretch of text between quotation marks. `start`/`end` include the marks,
 * `innerStart`/`innerEnd` do not. An unclosed quotation runs to the end of its block.
 */
export interface QuoteSpan {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly mark: QuoteMark;
  /** Straight ASCII marks (" or ') rather than typographic ones. */
  readonly straight: boolean;
  readonly closed: boolean;
  /** 0 for an outermost quotation, 1 for one nested inside another, ... */
  readonly depth: number;
  /** Index of the enclosing quotation, for nested ones. */
  readonly parent?: number;
  readonly block: number;
}

export interface ReadArticleOptions {
  /** Options for the block classifier (extra phrases, forced roles). */
  readonly boilerplate?: ClassifyBlocksOptions;
  /** Largest accepted text, in UTF-16 code units (default 64 MiB). */
  readonly maxLength?: number;
}

/** The longest text `readArticle` accepts unless `maxLength` says otherwise: 64 MiB, in UTF-16 code units. */
export const DEFAULT_MAX_LENGTH = 64 * 1024 * 1024;

/**
 * Read an article: blocks, sentences, tokens and quotation spans over the verbatim text.
 *
 * @example
 * const article = readArticle("Japan, 'Israel' agree on military collaboration\nGantz met Hamada.", { id: '000' });
 * article.blocks[0].role; // 'headline'
 */
export function readArticle(text: string, meta: ArticleMeta = {}, options: ReadArticleOptions = {}): Article {
  checkReadArticleArguments(text, meta, options);
  const id = meta.id ?? 'article';
  const verbatim = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  validateText(verbatim, { input: meta.path ?? id, ...(meta.line !== undefined ? { line: meta.line } : {}) }, options.maxLength ?? DEFAULT_MAX_LENGTH);

  const lines = findLines(verbatim);
  const { tokens, sentences } = tokenize(verbatim, lines);
  const quotes = findQuotes(verbatim, lines);
  const roles = classifyBlocks(verbatim, lines, options.boilerplate);
  const blocks: Block[] = lines.map((line, index) => ({ index, ...line, ...roles[index]! }));
  return { id, text: verbatim, meta: { ...meta, id }, blocks, sentences, tokens, quotes };
}

/** Where an article came from, for its errors: its path (or id) and JSON Lines line. */
type ArticleWhere = { readonly input: string; readonly line?: number };

function validateText(text: string, where: ArticleWhere, maxLength: number): void {
  // Zero-width and no-break spaces count as blank: such a text has no line to read.
  if (isBlank(text)) throw new FramelensError('empty-text', 'the article has no text', where);
  if (text.length > maxLength) {
    throw new FramelensError('text-too-large', `the article has ${text.length} characters, more than the limit of ${maxLength}`, where);
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    throw new FramelensError('binary-content', `the text holds a NUL character at offset ${nul}: binary content is not an article`, where);
  }
}

/** A line's extent without its surrounding white space. */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;

/**
 * The non-blank lines of a text, trimmed.
 *
 * @example
 * findLines(' a \n\n b'); // [{ start: 1, end: 2 }, { start: 6, end: 7 }]
 */
export function findLines(text: string): LineSpan[] {
  expectString(text, 'text');
  const lines: LineSpan[] = [];
  let lineStart = 0;
  const push = (from: number, to: number): void => {
    let start = from;
    let end = to;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) lines.push({ start, end });
  };
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) {
    push(lineStart, match.index);
    lineStart = match.index + match[0].length;
  }
  push(lineStart, text.length);
  return lines;
}

/**
 * White space, including no-break and zero-width characters, which never carry words.
 *
 * @example
 * isSpace(0xa0); // true (no-break space)
 * isSpace('a'.charCodeAt(0)); // false
 */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0x3000 ||
    code === 0xfeff || code === 0x2028 || code === 0x2029
  );
}

/** wink-nlp reads the text in chunks of whole lines of about this many characters. */
const CHUNK_SIZE = 50_000;

function tokenize(text: string, lines: readonly LineSpan[]): { tokens: Token[]; sentences: Sentence[] } {
  const nlp = getNlp();
  const its = nlp.its;
  const tokens: Token[] = [];
  const lexemes: Lexeme[] = [];
  const sentences: Sentence[] = [];
  let line = 0;
  while (line < lines.length) {
    const chunkStart = lines[line]!.start;
    let last = line;
    while (last + 1 < lines.length && lines[last + 1]!.end - chunkStart <= CHUNK_SIZE) last++;
    const chunkEnd = lines[last]!.end;
    const doc = nlp.readDoc(textForWink(text.slice(chunkStart, chunkEnd)));
    const values = doc.tokens().out(its.value) as string[];
    const ids = doc.tokens().out(its.uniqueId) as number[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const tags = doc.tokens().out(its.pos) as string[];
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];

    // Token offsets: wink keeps every character, so preceding spaces plus values rebuild the text.
    const starts = new Array<number>(values.length);
    let offset = chunkStart;
    for (let i = 0; i < values.length; i++) {
      offset += spaces[i]!.length;
      // Should wink ever drop a character, find the token again rather than shift every later offset.
      if (!text.startsWith(values[i]!, offset)) {
        const found = text.indexOf(values[i]!, offset);
        if (found !== -1 && found < chunkEnd) offset = found;
      }
      starts[i] = offset;
      offset += values[i]!.length;
    }

    let lineIndex = line;
    for (const [first, lastToken] of spans) {
      let current: { start: number; end: number; block: number; tokenStart: number } | undefined;
      const close = (): void => {
        if (!current) return;
        const tokenEnd = tokens.length;
        if (tokenEnd > current.tokenStart) {
          sentences.push({ index: sentences.length, start: current.start, end: current.end, block: current.block, tokenStart: current.tokenStart, tokenEnd });
        }
        current = undefined;
      };
      for (let i = first; i <= lastToken; i++) {
        const value = values[i]!;
        const start = starts[i]!;
        if (isBlank(value)) continue;
        while (lineIndex < last && start >= lines[lineIndex]!.end) lineIndex++;
        if (current && current.block !== lineIndex) close();
        if (!current) current = { start, end: start, block: lineIndex, tokenStart: tokens.length };
        current.end = start + value.length;
        const lexeme = lexemeOfWinkToken(ids[i]!, value);
        lexemes.push(lexeme);
        tokens.push({
          start,
          end: start + value.length,
          value,
          lower: lexeme.lower,
          pos: tags[i]!,
          sentence: sentences.length,
        });
      }
      close();
    }
    line = last + 1;
  }
  rememberLexemes(tokens, lexemes);
  return { tokens, sentences };
}

// wink drops these white-space characters from its tokens' preceding spaces, which would shift
// every later offset, or (the zero-width space) keeps them inside a token, which a line's start
// would then hold or not depending on the lines before it: it reads them as plain spaces, the
// same length.
const WINK_DROPS = /[\u000b\u000c\u0085\u200b\u2028\u2029\ufeff]/g;
// wink's abbreviation test backtracks quadratically on one long word (a pasted base64 blob or a
// 1 MB line without spaces would hang): it reads a space every MAX_WORD characters of such a word.
const MAX_WORD = 500;
const LONG_WORD = new RegExp(`[^\\s\u200b]{${MAX_WORD + 1},}`, 'g');

/** The text wink reads: the same length as `text`, so offsets add up, without wink's pitfalls. */
function textForWink(text: string): string {
  const spaced = text.replace(WINK_DROPS, ' ');
  return spaced.length > MAX_WORD && mayHoldLongWord(spaced) ? spaced.replace(LONG_WORD, breakWord) : spaced;
}

/** False when no run of more than MAX_WORD characters lacks an ASCII space: then LONG_WORD cannot match. */
function mayHoldLongWord(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) run = 0;
    else if (++run > MAX_WORD) return true;
  }
  return false;
}

function breakWord(word: string): string {
  let out = '';
  let from = 0;
  while (word.length - from > MAX_WORD) {
    let at = from + MAX_WORD - 1;
    if (at > 0 && isLowSurrogate(word.charCodeAt(at)) && isHighSurrogate(word.charCodeAt(at - 1))) at++;
    const pair = isHighSurrogate(word.charCodeAt(at)) && isLowSurrogate(word.charCodeAt(at + 1)) ? 2 : 1;
    out += word.slice(from, at) + ' '.repeat(pair);
    from = at + pair;
  }
  return out + word.slice(from);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!isSpace(value.charCodeAt(i))) return false;
  return true;
}

// Quotation marks. Typographic marks say which way they face; straight ones are told apart by
// their neighbours. A mark between letters or before a decade ('90s) is an apostrophe.
const OPENERS: Readonly<Record<string, QuoteMark>> = { '\u201c': 'double', '\u201e': 'double', '\u2018': 'single', '\u201a': 'single', '\u00ab': 'guillemet', '\u2039': 'guillemet' };
const CLOSERS: Readonly<Record<string, QuoteMark>> = { '\u201d': 'double', '\u2019': 'single', '\u00bb': 'guillemet', '\u203a': 'guillemet' };
const QUOTE_CHARS = /["'\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a]/g;

interface OpenQuote {
  readonly start: number;
  readonly mark: QuoteMark;
  readonly straight: boolean;
  readonly index: number;
}

/**
 * Pair the quotation marks of each line into spans, with nesting.
 *
 * @example
 * const text = 'He said "no deal" today.';
 * findQuotes(text, findLines(text)); // [{ index: 0, start: 8, end: 17, innerStart: 9, innerEnd: 16, mark: 'double', straight: true, closed: true, depth: 0, block: 0 }]
 */
export function findQuotes(text: string, lines: readonly LineSpan[]): QuoteSpan[] {
  expectString(text, 'text');
  expectArray(lines, 'lines');
  const quotes: (QuoteSpan | undefined)[] = [];
  lines.forEach((line, block) => {
    const stack: OpenQuote[] = [];
    // Open quotations per mark, so asking "is a double quote open?" costs O(1), not a stack scan:
    // thousands of unbalanced marks on one line must stay linear.
    const openCount: Record<QuoteMark, number> = { double: 0, single: 0, guillemet: 0 };
    const record = (open: OpenQuote, end: number, closed: boolean): void => {
      const parent = stack.length > 0 ? stack[stack.length - 1]!.index : undefined;
      quotes[open.index] = {
        index: open.index,
        start: open.start,
        end: closed ? end + 1 : end,
        innerStart: open.start + 1,
        innerEnd: end,
        mark: open.mark,
        straight: open.straight,
        closed,
        depth: stack.length,
        ...(parent !== undefined ? { parent } : {}),
        block,
      };
    };
    const push = (start: number, mark: QuoteMark, straight: boolean): void => {
      // A quotation does not nest inside one of its own kind: a second opening mark of the same
      // kind means the first was never closed, so it ends here, not at the end of the line. This
      // also keeps thousands of unbalanced marks from making thousands of spans to the line's end.
      if (openCount[mark] > 0) {
        let end = start;
        while (end > line.start && isSpace(text.charCodeAt(end - 1))) end--;
        while (openCount[mark] > 0) {
          const open = pop();
          record(open, Math.max(end, open.start + 1), false);
        }
      }
      const index = quotes.length;
      quotes.push(undefined);
      stack.push({ start, mark, straight, index });
      openCount[mark]++;
    };
    const pop = (): OpenQuote => {
      const open = stack.pop()!;
      openCount[open.mark]--;
      return open;
    };
    const closeMatching = (end: number, mark: QuoteMark): boolean => {
      if (openCount[mark] === 0) return false;
      let depth = stack.length - 1;
      while (depth >= 0 && stack[depth]!.mark !== mark) depth--;
      if (depth < 0) return false;
      // Quotations opened inside the one being closed and never closed end here.
      while (stack.length - 1 > depth) {
        const open = pop();
        record(open, end, false);
      }
      const open = pop();
      record(open, end, true);
      return true;
    };
    const segment = text.slice(line.start, line.end);
    QUOTE_CHARS.lastIndex = 0;
    for (let match = QUOTE_CHARS.exec(segment); match; match = QUOTE_CHARS.exec(segment)) {
      const at = line.start + match.index;
      const char = match[0];
      const before = at > line.start ? text[at - 1]! : ' ';
      const after = at + 1 < line.end ? text[at + 1]! : ' ';
      const canOpen = !isWordChar(after) ? isOpeningContext(before) && !isSpaceChar(after) && !isClosingPunct(after) : isOpeningContext(before);
      const canClose = !isSpaceChar(before) && !isOpeningContext(before) && (isSpaceChar(after) || isPunctChar(after) || at + 1 >= line.end);
      if (char === "'" || char === '\u2019') {
        if (isWordChar(before) && isWordChar(after)) continue; // Israel’s, won't
        if (/^\d\ds\b/.test(text.slice(at + 1, at + 5)) && !isWordChar(before)) continue; // '90s
      }
      if (char in OPENERS) {
        // ‘ is sometimes used where ’ belongs (‘90s); treat like a straight mark if it cannot open.
        if (canOpen || !canClose) push(at, OPENERS[char]!, false);
        else closeMatching(at, OPENERS[char]!);
        continue;
      }
      if (char in CLOSERS) {
        const mark = CLOSERS[char]!;
        if (!closeMatching(at, mark) && char !== '\u2019' && canOpen && !canClose) push(at, mark, false);
        continue;
      }
      const mark: QuoteMark = char === '"' ? 'double' : 'single';
      const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
      const hasOpen = openCount[mark] > 0;
      if (hasOpen && canClose && (!canOpen || top?.mark === mark)) {
        closeMatching(at, mark);
      } else if (canOpen) {
        push(at, mark, true);
      } else if (hasOpen) {
        closeMatching(at, mark);
      }
      // Otherwise a stray straight mark (s' possessive, inch marks): not a quotation.
    }
    while (stack.length > 0) {
      const open = pop();
      record(open, line.end, false);
    }
  });
  // Keep only the spans that were recorded, renumbered in text order.
  const spans = quotes.filter((quote): quote is QuoteSpan => quote !== undefined);
  const renumber = new Map<number, number>();
  spans.forEach((quote, index) => renumber.set(quote.index, index));
  return spans.map((quote) => {
    const parent = quote.parent !== undefined ? renumber.get(quote.parent) : undefined;
    const { parent: _parent, ...rest } = quote;
    return { ...rest, index: renumber.get(quote.index)!, ...(parent !== undefined ? { parent } : {}) };
  });
}

function isSpaceChar(char: string): boolean {
  return isSpace(char.charCodeAt(0));
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char);
}

function isPunctChar(char: string): boolean {
  return /[\p{P}\p{S}]/u.test(char);
}

function isClosingPunct(char: string): boolean {
  return /[.,;:!?)\]}]/.test(char);
}

function isOpeningContext(char: string): boolean {
  return isSpaceChar(char) || /[([{\u2014\u2013\-/:\u201c\u2018"'\u00ab\u2039]/.test(char);
}

/**
 * The innermost quotation that contains the range [start, end), if any.
 *
 * @example
 * const article = readArticle('He said "no deal" today.');
 * quoteAround(article, 9, 16)?.start; // 8
 * quoteAround(article, 0); // undefined
 */
export function quoteAround(article: Article, start: number, end: number = start): QuoteSpan | undefined {
  let found: QuoteSpan | undefined;
  for (const quote of article.quotes) {
    if (quote.start > start) break;
    if (quote.start <= start && end <= quote.end && (!found || quote.depth > found.depth)) found = quote;
  }
  return found;
}

/**
 * The spans of direct speech: the insides of closed quotations of more than `maxTermWords` words
 * (longer than a term in scare quotes), in text order; a quotation inside one is part of it. Each
 * character is read at most once, however deep the quotations nest.
 *
 * @example
 * speechSpans(readArticle('He said "we will sign the deal today" and left.'), 5); // [{ start: 9, end: 36 }]
 */
export function speechSpans(article: Article, maxTermWords: number): readonly { readonly start: number; readonly end: number }[] {
  // A story's comparison asks for each article's speech twice (naming, event wording): found once.
  const known = SPEECH.get(article);
  if (known?.maxTermWords === maxTermWords) return known.spans;
  const spans: { start: number; end: number }[] = [];
  for (const quote of article.quotes) {
    if (!quote.closed || (spans.length > 0 && quote.innerStart < spans[spans.length - 1]!.end)) continue;
    const words = article.text.slice(quote.innerStart, quote.innerEnd).match(WORD_RUN)?.length ?? 0;
    if (words > maxTermWords) spans.push({ start: quote.innerStart, end: quote.innerEnd });
  }
  SPEECH.set(article, { maxTermWords, spans });
  return spans;
}

const SPEECH = new WeakMap<Article, { readonly maxTermWords: number; readonly spans: readonly { readonly start: number; readonly end: number }[] }>();

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * True when [start, end) lies inside one of the disjoint spans, given in text order.
 *
 * @example
 * insideSpans([{ start: 9, end: 36 }], 12, 20); // true
 */
export function insideSpans(spans: readonly { readonly start: number; readonly end: number }[], start: number, end: number): boolean {
  const span = spans[firstStartingAt(spans, start + 1) - 1];
  return span !== undefined && span.start <= start && end <= span.end;
}

/**
 * Index of the sentence that holds the offset, or -1 between sentences.
 *
 * @example
 * const article = readArticle('He said "no deal" today. Talks end.');
 * [sentenceAt(article, 0), sentenceAt(article, 26), sentenceAt(article, 24)]; // [0, 1, -1]: offset 24 is the space between
 */
export function sentenceAt(article: Article, offset: number): number {
  const sentences = article.sentences;
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const sentence = sentences[mid]!;
    if (offset < sentence.start) high = mid - 1;
    else if (offset >= sentence.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Index of the first span (in order of `start`) that starts at or after `offset`; the length of
 * the list when none does. Tokens, quotation spans and blocks are all in text order.
 *
 * @example
 * firstStartingAt(article.tokens, 120); // the first token at offset 120 or later
 */
export function firstStartingAt(spans: readonly { readonly start: number }[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Index of the block that holds the offset, or -1 between blocks.
 *
 * @example
 * const article = readArticle('Japan, Israel sign pact\n\nTalks in Tokyo ended.');
 * [blockAt(article, 0), blockAt(article, 25), blockAt(article, 23)]; // [0, 1, -1]: offset 23 is the blank line between
 */
export function blockAt(article: Article, offset: number): number {
  const blocks = article.blocks;
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = blocks[mid]!;
    if (offset < block.start) high = mid - 1;
    else if (offset >= block.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The tokens of a sentence.
 *
 * @example
 * const article = readArticle('He said "no deal" today. Talks end.');
 * sentenceTokens(article, article.sentences[1]).map((token) => token.value); // ['Talks', 'end', '.']
 */
export function sentenceTokens(article: Article, sentence: Sentence): readonly Token[] {
  return article.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
}

/**
 * True when the offset lies in a block the classifier set apart as page furniture.
 *
 * @example
 * const article = readArticle('Home / News / Israel\n\nIsrael, Japan sign pact\n\nJapan and Israel signed a defense pact in Tokyo on Tuesday, after two days of talks.');
 * [isInBoilerplate(article, 0), isInBoilerplate(article, 22)]; // [true, false]: the breadcrumb line, then the headline
 */
export function isInBoilerplate(article: Article, offset: number): boolean {
  const block = blockAt(article, offset);
  return block !== -1 && article.blocks[block]!.role === 'boilerplate';
}

/** The position fields every finding carries, for the range [start, end) of an article. */
export interface SpanFields {
  readonly start: number;
  readonly end: number;
  /** The evidence: exactly `article.text.slice(start, end)`. */
  readonly text: string;
  /** Index of the sentence that holds the start, or -1. */
  readonly sentence: number;
  /** Index of the block that holds the start. */
  readonly block: number;
  /** True when the span lies in page boilerplate: kept, but never counted in scores. */
  readonly boilerplate: boolean;
}

/**
 * Position fields for a finding over [start, end): evidence text, sentence, block, boilerplate flag.
 *
 * @example
 * spanFields(readArticle('Japan and Israel signed a defense pact in Tokyo on Tuesday.'), 10, 16);
 * // { start: 10, end: 16, text: 'Israel', sentence: 0, block: 0, boilerplate: false }
 */
export function spanFields(article: Article, start: number, end: number): SpanFields {
  const block = blockAt(article, start);
  return {
    start,
    end,
    text: article.text.slice(start, end),
    sentence: sentenceAt(article, start),
    block,
    boilerplate: block !== -1 && article.blocks[block]!.role === 'boilerplate',
  };
}
