import type { Article, Token } from '../article';
import { detach, lexemesOf, lowerForm } from '../lexeme';

/**
 * The words of an article that the comparison reads: tokens of headline and body blocks only,
 * so page boilerplate never feeds a story comparison. The content words are kept in flat arrays,
 * not one object each: a story holds some 5,000 of them, and the comparison reads only their
 * stems and token indexes.
 */
export interface ComparedText {
  readonly article: Article;
  /** Indexes of the sentences that lie in headline or body blocks, in text order. */
  readonly sentences: readonly number[];
  /**
   * Where each of those sentences' content words lie in `stems` and `tokens`: sentence `i` holds
   * positions `bounds[i]` up to, not including, `bounds[i + 1]` (one more entry than `sentences`).
   */
  readonly bounds: readonly number[];
  /**
   * Comparison key of each content word, in text order: lower case, possessive and plural endings
   * removed ("collaborations" → "collaboration").
   */
  readonly stems: readonly string[];
  /** Index into `article.tokens` of each content word (parallel to `stems`). */
  readonly tokens: readonly number[];
  /** Word tokens (letters or digits) outside boilerplate. */
  readonly words: number;
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB', 'ADV', 'NUM']);

// Function words the tagger sometimes tags as content (and light verbs that say nothing of framing).
const STOPWORDS = new Set(
  ('a an the and or but if then than so as of in on at by for with from to into onto upon over under about ' +
    'after before between through during without within against among across around this that these those ' +
    'it its it\'s he him his she her hers they them their theirs we us our ours you your yours i me my mine ' +
    'who whom whose which what when where why how there here not no nor also too very just only even still ' +
    'be is are was were been being am do does did done doing have has had having will would shall should can ' +
    'could may might must said says say saying told tell added add according per s \'s one ones such own ' +
    'other another some any each every all both more most many much few less least well mr mrs ms mr. mrs. ms.')
    .split(/\s+/),
);

// Words ending in -s that are not plurals: keep their ending.
const NOT_PLURAL = new Set(['news', 'us', 'u.s', 'series', 'species', 'status', 'always', 'perhaps', 'was', 'has', 'is', 'this', 'its', 'his', 'hers', 'ours', 'yours', 'theirs', 'crisis', 'analysis', 'basis', 'thesis']);

/**
 * The comparison key of a word: lower case, curly apostrophe straightened, possessive and a
 * regular plural ending removed, so "Israel's" and "Israel", "collaborations" and "collaboration"
 * count as one term.
 *
 * @example
 * stemWord('Countries'); // 'country'
 */
export function stemWord(value: string): string {
  return formOf(value).stem;
}

function computeStem(value: string): string {
  let word = lowerForm(value);
  if (word.endsWith("'s")) word = word.slice(0, -2);
  else if (word.endsWith("s'")) word = word.slice(0, -1);
  if (word.length <= 3 || NOT_PLURAL.has(word) || !/^[\p{L}'-]+$/u.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(?:ss|us|is|ous)$/.test(word)) return word;
  if (/(?:sses|shes|ches|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** What the comparison needs of a word form: its stem, and for a lower-case form whether it is a function word. */
interface Form {
  readonly stem: string;
  readonly stop: boolean;
}

// Forms by the string stemWord was given: a story repeats its words, so each is stemmed once.
// Cleared when full, so memory stays flat over any number of articles.
const FORMS = new Map<string, Form>();
const FORMS_LIMIT = 100_000;

function formOf(value: string): Form {
  let form = FORMS.get(value);
  if (form === undefined) {
    if (FORMS.size >= FORMS_LIMIT) FORMS.clear();
    const stem = computeStem(value);
    const key = detach(value);
    form = { stem: stem === value ? key : detach(stem), stop: STOPWORDS.has(value) || STOPWORDS.has(stem) };
    if (value.length <= 64) FORMS.set(key, form); // a longer form (a pasted blob) would hold megabytes
  }
  return form;
}

const WORDISH = /[\p{L}\p{N}]/u;

/** True for a string that holds a letter or a digit; ASCII is read by character code. */
function hasWordChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128) return WORDISH.test(value);
    const folded = code | 32;
    if ((code >= 48 && code <= 57) || (folded >= 97 && folded <= 122)) return true;
  }
  return false;
}

/**
 * True for a token that holds a letter or a digit.
 *
 * @example
 * isWordToken(article.tokens[0]); // false for "“", true for "Today"
 */
export function isWordToken(token: Token): boolean {
  return hasWordChar(token.value);
}

/**
 * True for a token that carries meaning: an open-class part of speech and not a function word.
 *
 * @example
 * isContentToken(token); // true for "agreement" (NOUN), false for "the" or "said"
 */
export function isContentToken(token: Token): boolean {
  return CONTENT_POS.has(token.pos) && hasWordChar(token.value) && !formOf(token.lower).stop;
}

/**
 * Prepare an article for comparison: its non-boilerplate sentences and their content words.
 *
 * @example
 * const { stems, bounds } = prepareText(readArticle(text));
 * stems.slice(bounds[0], bounds[1]); // the first sentence's content-word stems
 */
export function prepareText(article: Article): ComparedText {
  const sentences: number[] = [];
  const bounds: number[] = [0];
  const stems: string[] = [];
  const tokens: number[] = [];
  const lexemes = lexemesOf(article.tokens);
  let words = 0;
  for (const sentence of article.sentences) {
    if (article.blocks[sentence.block]!.role === 'boilerplate') continue;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      const token = article.tokens[i]!;
      if (!hasWordChar(token.value)) continue;
      words++;
      if (!CONTENT_POS.has(token.pos)) continue;
      const lexeme = lexemes[i]!;
      const form = (lexeme.form ??= formOf(token.lower));
      if (form.stop) continue;
      stems.push(form.stem);
      tokens.push(i);
    }
    sentences.push(sentence.index);
    bounds.push(stems.length);
  }
  return { article, sentences, bounds, stems, tokens, words };
}

/**
 * Content-word stems of a piece of text, read with a plain word pattern (for quotation text).
 *
 * @example
 * textStems('Our countries share a common goal'); // ['country', 'share', 'common', 'goal']
 */
export function textStems(text: string): string[] {
  return readWords(text).stems;
}

/**
 * The number of words of a text (as `splitWords` finds them) and the stems of its content words,
 * in one reading.
 *
 * @example
 * readWords('Our countries share a common goal'); // { words: 6, stems: ['country', 'share', 'common', 'goal'] }
 */
export function readWords(text: string): { readonly words: number; readonly stems: string[] } {
  const stems: string[] = [];
  let words = 0;
  WORD_SCAN.lastIndex = 0;
  for (let match = WORD_SCAN.exec(text); match !== null; match = WORD_SCAN.exec(text)) {
    words++;
    const form = formOf(lowerForm(match[0]));
    if (!form.stop) stems.push(form.stem);
  }
  return { words, stems };
}

/** A word with inner apostrophes or hyphens ("Israel’s", "military-to-military"). */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['\u2019.-][\p{L}\p{N}]+)*/gu;

// A private copy to scan with `exec`, so the shared pattern's `lastIndex` is never touched.
const WORD_SCAN = new RegExp(WORD_PATTERN.source, WORD_PATTERN.flags);

/**
 * The words of a text with their offsets (relative to the text).
 *
 * @example
 * splitWords('Israel’s ally'); // [{ value: 'Israel’s', start: 0, end: 8 }, { value: 'ally', start: 9, end: 13 }]
 */
export function splitWords(text: string): { readonly value: string; readonly start: number; readonly end: number }[] {
  const out: { value: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) out.push({ value: match[0], start: match.index!, end: match.index! + match[0].length });
  return out;
}

/**
 * Round to four decimals, the precision of every float in the comparison.
 *
 * @example
 * round4(0.785714); // 0.7857
 */
export function round4(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const rounded = Math.round(value * 10_000) / 10_000;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * Compare strings by code unit, for stable sort orders independent of locale.
 *
 * @example
 * ['b', 'B', 'a'].sort(compareText); // ['B', 'a', 'b']
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
