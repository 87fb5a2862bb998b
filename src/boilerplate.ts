import type { BlockRole, LineSpan } from './article';
import { describeType, FramelensError } from './errors';
import { STOPWORDS } from './boilerplate-stopwords';
import phraseData from './lexicons/boilerplate.json';
import { checkClassifyBlocksOptions, checkOptionsObject, expectArray, expectString } from './inputs';

/** What kind of page furniture a boilerplate block is. */
export type BoilerplateKind =
  | 'navigation'
  | 'promotion'
  | 'related'
  | 'subscription'
  | 'donation'
  | 'republishing'
  | 'credit'
  | 'copyright'
  | 'byline'
  | 'dateline'
  | 'share'
  | 'notice'
  | 'comments'
  | 'caption'
  | 'other';

/** Every boilerplate kind, in the order reports list them. */
export const BOILERPLATE_KINDS: readonly BoilerplateKind[] = Object.freeze([
  'navigation', 'promotion', 'related', 'subscription', 'donation', 'republishing', 'credit',
  'copyright', 'byline', 'dateline', 'share', 'notice', 'comments', 'caption', 'other',
]);

/** The role the classifier gives one block, with the rule that decided it. */
export interface BlockClassification {
  readonly role: BlockRole;
  readonly kind?: BoilerplateKind;
  readonly rule?: string;
}

/** How a phrase is matched against a lower-cased line. */
export type BoilerplatePhraseMatch = 'line' | 'start' | 'contains';

/**
 * A family of phrases that mark page furniture of one kind. `line` phrases are the whole line
 * (trailing punctuation aside), `start` phrases open it, `contains` phrases occur anywhere in it.
 * A line longer than `maxLength` is never decided by the family: long prose stays body. `region`
 * says what the line does to the lines after it: `rest` ends the article (a syndication credit),
 * `box` opens a list of teasers or comments that lasts until the reporting resumes.
 */
export interface BoilerplatePhrase {
  readonly id: string;
  readonly kind: BoilerplateKind;
  readonly match: BoilerplatePhraseMatch;
  readonly terms: readonly string[];
  readonly maxLength?: number;
  readonly region?: 'rest' | 'box';
  readonly note: string;
  readonly source: string;
}

/** A phrase a user adds: matched case-insensitively, anywhere in the line unless `match` says otherwise. */
export interface UserPhrase {
  readonly phrase: string;
  readonly kind: BoilerplateKind;
  readonly match?: BoilerplatePhraseMatch;
}

export interface ClassifyBlocksOptions {
  /** Extra phrases that mark a line as boilerplate of the given kind (case-insensitive). */
  readonly phrases?: readonly UserPhrase[];
  /** Force the role of blocks by index. */
  readonly forceRoles?: Readonly<Record<number, BlockRole>>;
  /**
   * Keys (see `lineKey`) of lines that recur in other articles of the same outlet: such a line is
   * the outlet's furniture, not this article's reporting. ``findRecurringLines` fills it.
   */
  readonly recurring?: ReadonlySet<string>;
}

/** The phrase families framelens ships (src/lexicons/boilerplate.json). */
export const BOILERPLATE_PHRASES: readonly BoilerplatePhrase[] = Object.freeze(
  validatePhrases(phraseData as unknown[]).map((entry) => Object.freeze(entry)),
);

function validatePhrases(entries: readonly unknown[]): BoilerplatePhrase[] {
  const seen = new Set<string>();
  return entries.map((raw, index) => {
    const entry = raw as BoilerplatePhrase;
    const where = `boilerplate[${index}]`;
    const ok =
      typeof entry.id === 'string' && !seen.has(entry.id) && BOILERPLATE_KINDS.includes(entry.kind) &&
      (entry.match === 'line' || entry.match === 'start' || entry.match === 'contains') &&
      Array.isArray(entry.terms) && entry.terms.length > 0 && entry.terms.every((term) => typeof term === 'string' && term === normalize(term) && term !== '') &&
      typeof entry.note === 'string' && typeof entry.source === 'string' && entry.source !== '';
    if (!ok) throw new FramelensError('invalid-lexicon', `boilerplate phrase entry ${where} is malformed`, { field: where });
    seen.add(entry.id);
    return { ...entry, terms: [...entry.terms] };
  });
}

/** Lower case, straight apostrophes, single spaces: the form phrases are matched in. */
function normalize(value: string): string {
  // Only runs of white space and single white space other than " " change: a lone space stays as it is.
  return value.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/**
 * The key under which a line is compared across articles: lower case, single spaces, digits
 * folded (a comment count or a date in a recurring footer still recurs).
 *
 * @example
 * lineKey('  Share this   Article ') // 'share this article'
 */
export function lineKey(value: string): string {
  expectString(value, 'value');
  return normalize(value).replace(/\d+/g, '0');
}

interface MatchedPhrase {
  readonly kind: BoilerplateKind;
  readonly rule: string;
  readonly region?: 'rest' | 'box';
  readonly maxLength: number;
}

interface PhraseIndex {
  /** No phrase can decide a line longer than this: such lines skip phrase matching. */
  readonly longest: number;
  readonly line: Map<string, MatchedPhrase>;
  /** The longest whole-line term: a longer line cannot be one. */
  readonly lineLongest: number;
  readonly start?: { readonly pattern: RegExp; readonly terms: Map<string, MatchedPhrase> };
  readonly contains?: { readonly pattern: RegExp; readonly terms: Map<string, MatchedPhrase> };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation per match mode, longest terms first, so a line costs one regex scan per mode. */
function compilePhrases(phrases: readonly BoilerplatePhrase[], user: readonly UserPhrase[]): PhraseIndex {
  const line = new Map<string, MatchedPhrase>();
  const start = new Map<string, MatchedPhrase>();
  const contains = new Map<string, MatchedPhrase>();
  let longest = 0;
  const add = (mode: BoilerplatePhraseMatch, term: string, matched: MatchedPhrase): void => {
    // A whole-line term still matches with a count or punctuation around it ("Comments (12)").
    longest = Math.max(longest, mode === 'line' ? term.length + 24 : matched.maxLength);
    const table = mode === 'line' ? line : mode === 'start' ? start : contains;
    if (!table.has(term)) table.set(term, matched);
  };
  // User phrases first: they win over shipped ones with the same wording.
  for (const phrase of user) {
    const term = normalize(phrase.phrase);
    if (term === '') continue;
    if (!BOILERPLATE_KINDS.includes(phrase.kind)) {
      throw new FramelensError('invalid-field', `unknown boilerplate kind "${phrase.kind}" for phrase "${phrase.phrase}"`, { field: 'phrases' });
    }
    add(phrase.match ?? 'contains', term, { kind: phrase.kind, rule: `user-phrase:${term}`, maxLength: Infinity });
  }
  for (const family of phrases) {
    const matched: MatchedPhrase = { kind: family.kind, rule: `phrase:${family.id}`, maxLength: family.maxLength ?? Infinity, ...(family.region ? { region: family.region } : {}) };
    for (const term of family.terms) add(family.match, term, matched);
  }
  const compile = (table: Map<string, MatchedPhrase>, anchored: boolean) => {
    if (table.size === 0) return undefined;
    const alternation = [...table.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    // Unanchored terms are found first and their left edge checked after: a lookbehind in front
    // of the alternation would run at every position of every line.
    const pattern = new RegExp(`${anchored ? '^' : ''}(?:${alternation})(?![\\p{L}\\p{N}])`, anchored ? 'u' : 'gu');
    return { pattern, terms: table };
  };
  const startIndex = compile(start, true);
  const containsIndex = compile(contains, false);
  let lineLongest = 0;
  for (const term of line.keys()) lineLongest = Math.max(lineLongest, term.length);
  return { longest, line, lineLongest, ...(startIndex ? { start: startIndex } : {}), ...(containsIndex ? { contains: containsIndex } : {}) };
}

const DEFAULT_INDEX = compilePhrases(BOILERPLATE_PHRASES, []);

/** Edge punctuation and counts a menu label or button may carry: "Share:", "» More", "3 Comments", "Comments (3)". */
const EDGE_NOISE = /^[^\p{L}©]+|[\s:.\-–—|»›>•·()\d]+$/gu;

/** `lower` without EDGE_NOISE; a line that starts with a letter only loses its tail, found without a regex. */
function stripEdgeNoise(lower: string): string {
  const first = lower.charCodeAt(0);
  if (!(first >= 0x61 && first <= 0x7a)) return lower.replace(EDGE_NOISE, '');
  let end = lower.length;
  while (end > 0 && isEdgeNoiseTail(lower.charCodeAt(end - 1))) end--;
  return end === lower.length ? lower : lower.slice(0, end);
}

/** The characters of EDGE_NOISE's tail class `[\s:.\-–—|»›>•·()\d]`. */
function isEdgeNoiseTail(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || code === 0x3a || code === 0x2e || code === 0x2d || code === 0x7c || code === 0x3e || code === 0x28 ||
    code === 0x29 || code === 0x2013 || code === 0x2014 || code === 0xbb || code === 0x203a || code === 0x2022 || code === 0xb7 ||
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function matchPhrase(index: PhraseIndex, lower: string, length: number): MatchedPhrase | undefined {
  const bare = stripEdgeNoise(lower);
  const whole = (bare.length <= index.lineLongest ? index.line.get(bare) : undefined) ?? (lower.length <= index.lineLongest ? index.line.get(lower) : undefined);
  if (whole) return whole;
  const fits = (matched: MatchedPhrase | undefined) => (matched && length <= matched.maxLength ? matched : undefined);
  if (index.start) {
    const found = index.start.pattern.exec(lower) ?? index.start.pattern.exec(bare);
    const matched = fits(found ? index.start.terms.get(found[0]) : undefined);
    if (matched) return matched;
  }
  if (index.contains) {
    const pattern = index.contains.pattern;
    pattern.lastIndex = 0;
    for (let found = pattern.exec(lower); found; found = pattern.exec(lower)) {
      if (found.index > 0 && /[\p{L}\p{N}]/u.test(lower[found.index - 1]!)) {
        pattern.lastIndex = found.index + 1;
        continue;
      }
      return fits(index.contains.terms.get(found[0]));
    }
  }
  return undefined;
}

/** What the classifier reads off one line: cheap character and word counts, no NLP. */
interface LineFeatures {
  readonly value: string;
  readonly lower: string;
  readonly length: number;
  readonly words: number;
  /** Share of words that are function words of some language. */
  readonly stopRatio: number;
  /** Share of words that start with a capital letter, among words that start with a letter. */
  readonly capRatio: number;
  /** Letters present, none of them lower case. */
  readonly allCaps: boolean;
  /** Ends like a sentence: . ? ! … (or their CJK forms), possibly inside closing quotes or brackets. */
  readonly endsSentence: boolean;
  /** Sentence-final marks followed by a space inside the line. */
  readonly innerStops: number;
  /** Menu and breadcrumb separators: | / › » • · > between spaces. */
  readonly separators: number;
  /** Ideographic or kana characters: text written without spaces between words. */
  readonly dense: boolean;
  readonly letters: number;
}

// Character classes for the one-pass scan below.
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const CASELESS = 3;
const DIGIT = 4;
const charClasses = new Map<number, number>();

function classOf(code: number): number {
  if (code < 0x80) {
    if (code >= 0x61 && code <= 0x7a) return LOWER;
    if (code >= 0x41 && code <= 0x5a) return UPPER;
    if (code >= 0x30 && code <= 0x39) return DIGIT;
    return OTHER;
  }
  let cls = charClasses.get(code);
  if (cls === undefined) {
    const char = String.fromCharCode(code);
    cls = /\p{Ll}/u.test(char) ? LOWER : /\p{Lu}|\p{Lt}/u.test(char) ? UPPER : /\p{L}|\p{M}/u.test(char) ? CASELESS : /\p{N}/u.test(char) ? DIGIT : OTHER;
    charClasses.set(code, cls);
  }
  return cls;
}

function isSpaceCode(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x3000 || code === 0xfeff;
}

const SENTENCE_MARKS = '.?!\u2026\u3002\uff01\uff1f\u061f\u0964';
const INNER_MARKS = '.?!\u3002\uff01\uff1f';
const CLOSERS_AFTER_STOP = '"\'\u201d\u2019\u00bb\u203a)]';
const SPACED_SEPARATORS = '/>';
const BARE_SEPARATORS = '|\u203a\u00bb\u2022\u00b7';

/**
 * The ASCII stopwords as a trie over their letters, so most words are looked up in place rather
 * than sliced and lower-cased: `STOP_SLOT` numbers the characters they use, node n's child for
 * slot k is `STOP_NEXT[n * STOP_SLOTS + k]` (0 for none: the root is nobody's child).
 */
const ASCII_WORDS = [...STOPWORDS].filter((word) => /^[\x00-\x7f]+$/.test(word));
const STOP_SLOT = new Int8Array(128).fill(-1);
let STOP_SLOTS = 0;
for (const word of ASCII_WORDS) for (let i = 0; i < word.length; i++) if (STOP_SLOT[word.charCodeAt(i)] === -1) STOP_SLOT[word.charCodeAt(i)] = STOP_SLOTS++;
const stopNext: number[] = new Array<number>(STOP_SLOTS).fill(0);
const stopEnd: boolean[] = [false];
for (const word of ASCII_WORDS) {
  let node = 0;
  for (let i = 0; i < word.length; i++) {
    const at = node * STOP_SLOTS + STOP_SLOT[word.charCodeAt(i)]!;
    if (stopNext[at] === 0) {
      stopNext[at] = stopEnd.length;
      stopEnd.push(false);
      for (let k = 0; k < STOP_SLOTS; k++) stopNext.push(0);
    }
    node = stopNext[at]!;
  }
  stopEnd[node] = true;
}
const STOP_NEXT = Int32Array.from(stopNext);
const STOP_END = Uint8Array.from(stopEnd, (end) => (end ? 1 : 0));

/** Whether value[start, end), lower-cased, is in STOPWORDS. */
function isStopword(value: string, start: number, end: number): boolean {
  let node = 0;
  for (let i = start; i < end; i++) {
    let code = value.charCodeAt(i);
    if (code >= 0x80) return STOPWORDS.has(value.slice(start, end).toLowerCase());
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    const slot = STOP_SLOT[code]!;
    node = slot === -1 ? 0 : STOP_NEXT[node * STOP_SLOTS + slot]!;
    if (node === 0) {
      // Off the ASCII trie, the word may still hold a letter that lower-cases to a stopword's.
      for (let j = i + 1; j < end; j++) if (value.charCodeAt(j) >= 0x80) return STOPWORDS.has(value.slice(start, end).toLowerCase());
      return false;
    }
  }
  return STOP_END[node] === 1;
}

/** One pass over the line's characters: words, function words, capitals, punctuation, scripts. */
function describe(value: string, withLower: boolean): LineFeatures {
  const length = value.length;
  let words = 0;
  let stops = 0;
  let capitals = 0;
  let lettered = 0;
  let letters = 0;
  let cased = 0;
  let lowers = 0;
  let denseChars = 0;
  let innerStops = 0;
  let separators = 0;
  let wordStart = -1;
  let coreStart = -1;
  let coreEnd = -1;
  const closeWord = (): void => {
    if (coreStart === -1) return;
    words++;
    const first = classOf(value.charCodeAt(coreStart));
    if (first === LOWER || first === UPPER || first === CASELESS) {
      lettered++;
      if (first === UPPER) capitals++;
    }
    // Function words are short; longer words need no lookup.
    if (coreEnd - coreStart <= 12 && isStopword(value, coreStart, coreEnd)) stops++;
  };
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (isSpaceCode(code)) {
      closeWord();
      wordStart = -1;
      coreStart = -1;
      continue;
    }
    if (wordStart === -1) wordStart = i;
    const cls = classOf(code);
    if (cls !== OTHER) {
      if (coreStart === -1) coreStart = i;
      coreEnd = i + 1;
      if (cls === LOWER) {
        letters++;
        cased++;
        lowers++;
      } else if (cls === UPPER) {
        letters++;
        cased++;
      } else if (cls === CASELESS) {
        letters++;
        if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) denseChars++;
      }
      continue;
    }
    const char = value[i]!;
    if (BARE_SEPARATORS.includes(char)) separators++;
    else if (SPACED_SEPARATORS.includes(char) && i > 0 && i + 1 < length && isSpaceCode(value.charCodeAt(i - 1)) && isSpaceCode(value.charCodeAt(i + 1))) separators++;
    if (INNER_MARKS.includes(char) && i > 0) {
      const before = classOf(value.charCodeAt(i - 1));
      if (before === LOWER || before === DIGIT || CLOSERS_AFTER_STOP.includes(value[i - 1]!)) {
        let j = i + 1;
        if (j < length && CLOSERS_AFTER_STOP.includes(value[j]!)) j++;
        if (j + 1 < length && isSpaceCode(value.charCodeAt(j)) && !isSpaceCode(value.charCodeAt(j + 1))) innerStops++;
      }
    }
  }
  closeWord();
  let last = length - 1;
  while (last >= 0 && (isSpaceCode(value.charCodeAt(last)) || CLOSERS_AFTER_STOP.includes(value[last]!))) last--;
  const dense = denseChars > length / 3;
  return {
    value,
    lower: withLower ? normalize(value) : '',
    length,
    words: dense ? Math.max(words, Math.round(length / 2)) : words,
    stopRatio: words > 0 ? stops / words : 0,
    capRatio: lettered > 0 ? capitals / lettered : 0,
    allCaps: cased >= 4 && lowers === 0 && cased * 2 > letters,
    endsSentence: last >= 0 && SENTENCE_MARKS.includes(value[last]!),
    innerStops,
    separators,
    dense,
    letters,
  };
}

const MONTH_OR_DAY = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|yesterday|ago|am|pm|a\.m\.|p\.m\.|et|est|edt|pt|pst|gmt|utc|bst|cet|updated|published|posted|modified|last|on|at|min|mins|minutes?|hours?|hrs?|days?|weeks?|read|time)\b/gu;

/** A line that is only a date, a time or a reading time: "Wednesday, August 31, 2022", "5 min read". */
function isDateline(features: LineFeatures): boolean {
  if (features.length > 80 || !/\d/.test(features.value)) return false;
  const rest = features.value.toLowerCase().replace(MONTH_OR_DAY, ' ').replace(/[\d\s,.:/\-–—|()•·]+/g, ' ').trim();
  return rest.split(' ').filter((word) => word.length > 0).length <= 1;
}

const BYLINE = /^(?:[Bb]y|BY|[Ww]ritten [Bb]y|[Pp]osted [Bb]y|[Ww]ords [Bb]y|[Ss]tory [Bb]y|[Vv]on|[Pp]ar|[Dd]i|[Pp]or|[Oo]leh)\s+(\p{Lu}[\p{L}'’.\-]*)(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|and|&|de|van|von|der|da|di|la|le|bin|al-?))*\s*(?:[,|•·\-–—]\s*.*)?$/u;

/** "By Khaldon Azhari", "By Jane Doe and John Roe | Reuters": a name after a byline word. */
function isByline(features: LineFeatures): boolean {
  return features.length <= 100 && !features.endsSentence && BYLINE.test(features.value);
}

const URL_OR_EMAIL = /(?:https?:\/\/|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b/gu;

/** Evidence of one line before context: prose, page furniture (with kind and rule) or undecided. */
type LineClass =
  | { readonly type: 'good'; readonly rule: string }
  | { readonly type: 'near'; readonly rule: string }
  | { readonly type: 'short'; readonly kind?: BoilerplateKind; readonly rule?: string }
  | { readonly type: 'bad'; readonly kind: BoilerplateKind; readonly rule: string; readonly region?: 'rest' | 'box' };

/** Prose: long, or a sentence with enough words, or dense in function words. */
function proseClass(features: LineFeatures): LineClass {
  const { length, words, endsSentence, stopRatio, innerStops, dense } = features;
  const scale = dense ? 2.5 : 1;
  // Title case over most words is a headline or a teaser title, however long.
  const titleCase = features.capRatio >= 0.6 && words <= 25 && !dense;
  if (length * scale >= 200 && !titleCase) return { type: 'good', rule: 'prose' };
  if (titleCase) return endsSentence && words >= 2 && features.capRatio < 0.8 ? { type: 'near', rule: 'sentence' } : { type: 'short' };
  if (endsSentence && length * scale >= 80 && words >= 8) return { type: 'good', rule: 'prose' };
  // Reporting ends its paragraphs with a full stop; a headline-length line without one is
  // usually a teaser title, so only a long one full of function words counts as prose.
  if (words >= 10 && stopRatio >= 0.3 && (endsSentence || length * scale >= 120)) return { type: 'good', rule: 'prose' };
  if (innerStops >= 1 && endsSentence && words >= 6) return { type: 'good', rule: 'prose' };
  if (endsSentence && words >= 2) return { type: 'near', rule: 'sentence' };
  // A sentence that introduces a list: "Here are some of the highlights:"
  if (words >= 5 && features.value.endsWith(':') && stopRatio > 0) return { type: 'near', rule: 'sentence' };
  return { type: 'short' };
}

function classifyLine(features: LineFeatures, index: PhraseIndex, recurring: ReadonlySet<string> | undefined): LineClass {
  const { value, lower, length, words } = features;
  // "3 Comments", "Responses (12)": the heading of a comments section, with its count.
  if (/^(?:\d+\s+(?:comments?|responses?|replies)|(?:comments?|responses?|replies)\s*\(\d+\))$/iu.test(value)) {
    return { type: 'bad', kind: 'comments', rule: 'comments-count', region: 'box' };
  }
  const phrase = length <= index.longest ? matchPhrase(index, lower, length) : undefined;
  if (phrase && phrase.kind === 'byline' && !phrase.rule.startsWith('user-') && !isByline(features) && !/^[\p{L} ]+:/u.test(value)) {
    // "By Tuesday, the ministers had agreed." opens with a byline word but is reporting.
  } else if (phrase && phrase.kind === 'dateline' && !phrase.rule.startsWith('user-') && !/\d/.test(value)) {
    // "Published reports said…": a dateline label needs a date after it.
  } else if (phrase) {
    return { type: 'bad', kind: phrase.kind, rule: phrase.rule, ...(phrase.region ? { region: phrase.region } : {}) };
  }
  // "Milan Griffes on September 12, 2018 at 4:47 pm said:": the header of a reader's comment.
  if (length <= 140 && /\d/.test(value) && /\b(?:said|says|wrote|writes|replied)\s*:$/iu.test(value)) {
    return { type: 'bad', kind: 'comments', rule: 'comment-header', region: 'box' };
  }
  // A teaser stamped with its age: "Apple working on new media apps for Windows ~11 hours ago".
  if (length <= 200 && /\d+\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$/iu.test(value)) {
    return { type: 'bad', kind: 'related', rule: 'timestamp' };
  }
  if (isDateline(features)) return { type: 'bad', kind: 'dateline', rule: 'dateline' };
  if (isByline(features)) return { type: 'bad', kind: 'byline', rule: 'byline' };
  // A dash and a short name closing the article: "–JNS.org", "— AP".
  if (/^[-–—]\s*\S/u.test(value) && length <= 60 && !features.endsSentence && words <= 6) return { type: 'bad', kind: 'credit', rule: 'dash-credit' };
  if (features.separators >= 2 && !(features.endsSentence && words >= 12)) return { type: 'bad', kind: 'navigation', rule: 'separators' };
  const urls = value.includes('@') || value.includes('www.') || value.includes('://') ? value.match(URL_OR_EMAIL) : null;
  if (urls && urls.join('').length >= length * 0.5) return { type: 'bad', kind: 'other', rule: 'url' };
  if (features.letters === 0 || (length <= 2 && !/\d/.test(value))) return { type: 'bad', kind: 'share', rule: 'debris' };
  // Capitals only: a menu, a tagline or a subheading; the lines around it tell which.
  if (features.allCaps && words <= 8 && !features.dense) return { type: 'short', kind: 'navigation', rule: 'all-caps' };
  // A caption glued to its credit by the page-to-text step ("…ate a rabbitCredit: Getty"), or
  // ending in a picture credit with a slash ("(NASA/JPL-Caltech/ASU)", "(AP Photo/Hau Dinh)").
  if ((value.includes(':') && /\p{Ll}(?:Credit|Photo|Image|Picture)s?:\s/u.test(value)) || (!features.endsSentence && value.endsWith(')') && /\([^()]{0,60}\/[^()]{0,60}\)$/u.test(value))) {
    return { type: 'bad', kind: 'caption', rule: 'caption' };
  }
  const prose = proseClass(features);
  // A line the outlet prints on other pages too is its furniture (a bio, a newsletter box); a
  // short one inside the article's run of paragraphs stays with them (a recurring fact box).
  if (recurring?.has(lineKey(value))) {
    return prose.type === 'good' ? { type: 'bad', kind: 'other', rule: 'recurring' } : { type: 'short', kind: 'other', rule: 'recurring' };
  }
  if (prose.type !== 'short') return prose;
  // Title-cased words and no sentence: a menu item, section name or teaser title, unless the
  // lines around it are reporting (a list inside the article).
  if (!features.endsSentence && words <= 12 && features.capRatio >= 0.75 && words >= 1 && !features.dense) {
    return { type: 'short', kind: 'navigation', rule: 'title-like' };
  }
  return prose;
}

/**
 * Give every line of an article a role: headline, body or boilerplate (with its kind and the rule
 * that decided it). Each line is scored on its own (length, function words, sentence punctuation,
 * capitals, separators, URLs, phrase families), then short lines take the class of their
 * neighbours, the region after a closing credit or a "Related" heading is set apart, and the
 * title line before the first paragraph becomes the headline. Linear in the number of lines.
 *
 * @example
 * const text = 'Home / News / Israel\nGantz met Hamada in Tokyo on Tuesday, the ministry said in a statement.';
 * classifyBlocks(text, findLines(text))
 * // [{ role: 'boilerplate', kind: 'navigation', rule: 'separators' }, { role: 'body', rule: 'prose' }]
 */
export function classifyBlocks(
  text: string,
  lines: readonly LineSpan[],
  options: ClassifyBlocksOptions = {},
): BlockClassification[] {
  expectString(text, 'text');
  expectArray(lines, 'lines');
  checkClassifyBlocksOptions(options);
  const index = options.phrases && options.phrases.length > 0 ? compilePhrases(BOILERPLATE_PHRASES, options.phrases) : DEFAULT_INDEX;
  const features = lines.map((line) => describe(text.slice(line.start, line.end), line.end - line.start <= index.longest));
  const classes = features.map((feature) => classifyLine(feature, index, options.recurring));
  const resolved = resolveContext(classes, features);
  readWithoutParagraph(resolved, classes, features);
  applyRegions(resolved, classes, features);
  keepNumberedLists(resolved, classes, features);
  keepMainCore(resolved, features);
  markHeadline(resolved, classes, features);
  joinBylines(resolved, features);
  fillKinds(resolved);
  return resolved.map((result, position) => {
    const forced = options.forceRoles?.[position];
    if (forced) return forced === 'boilerplate' ? { role: forced, kind: result.kind ?? 'other', rule: 'forced' } : { role: forced, rule: 'forced' };
    return result.role === 'boilerplate' ? { role: 'boilerplate', kind: result.kind ?? 'other', rule: result.rule } : { role: result.role, rule: result.rule };
  });
}

interface Working {
  role: BlockRole;
  kind?: BoilerplateKind;
  rule: string;
}

/**
 * jusText's context rule (Pomikálek 2011): a short line takes the class of the nearest decided
 * lines around it; a line that reads as a sentence joins the body when either side is body.
 */
function resolveContext(classes: readonly LineClass[], features: readonly LineFeatures[]): Working[] {
  const n = classes.length;
  const previous = new Array<'good' | 'bad' | undefined>(n);
  const next = new Array<'good' | 'bad' | undefined>(n);
  let last: 'good' | 'bad' | undefined;
  for (let i = 0; i < n; i++) {
    previous[i] = last;
    const type = classes[i]!.type;
    if (type === 'good' || type === 'bad') last = type;
  }
  last = undefined;
  for (let i = n - 1; i >= 0; i--) {
    next[i] = last;
    const type = classes[i]!.type;
    if (type === 'good' || type === 'bad') last = type;
  }
  return classes.map((cls, i): Working => {
    switch (cls.type) {
      case 'good':
        return { role: 'body', rule: cls.rule };
      case 'bad':
        return { role: 'boilerplate', kind: cls.kind, rule: cls.rule };
      case 'near': {
        const before = previous[i];
        const after = next[i];
        if (before === 'good' || after === 'good') return { role: 'body', rule: 'sentence-near-body' };
        return { role: 'boilerplate', rule: 'boilerplate-run' };
      }
      case 'short': {
        const before = previous[i];
        const after = next[i];
        if (before === 'good' && after === 'good') return { role: 'body', rule: 'short-in-body' };
        // A short quoted answer or a sentence fragment right after the body: "“No.”"
        if ((before === 'good' || after === 'good') && !cls.kind && isQuotedOrSentence(features[i]!)) return { role: 'body', rule: 'short-in-body' };
        return cls.kind ? { role: 'boilerplate', kind: cls.kind, rule: cls.rule ?? 'boilerplate-run' } : { role: 'boilerplate', rule: 'boilerplate-run' };
      }
    }
  });
}

/**
 * A text without a single line long enough to be a paragraph (a lede, a short item, one sentence
 * typed into a notebook) has no body for its short lines to join, and jusText's rule would make it
 * all boilerplate: then its sentences are the text, and only lines a boilerplate rule named (a
 * subscription prompt, a byline) or title-like lines stay apart. A text of no sentence at all is
 * read as a headline, its first title line.
 */
function readWithoutParagraph(resolved: Working[], classes: readonly LineClass[], features: readonly LineFeatures[]): void {
  if (resolved.some((result) => result.role === 'body')) return;
  let sentences = 0;
  classes.forEach((cls, i) => {
    const sentence = cls.type === 'near' || (cls.type === 'short' && !cls.kind && isQuotedOrSentence(features[i]!));
    if (sentence) {
      resolved[i] = { role: 'body', rule: 'sentence-without-paragraph' };
      sentences++;
    }
  });
  if (sentences > 0) return;
  // No sentence either: a headline on its own ("Japan, 'Israel' agree on military collaboration").
  // A title-like line of capitalised words is left as navigation: on a page of nothing but furniture it is a menu.
  const title = classes.findIndex((cls, i) => cls.type === 'short' && !cls.kind && features[i]!.words >= 3 && features[i]!.length <= 250);
  if (title !== -1) resolved[title] = { role: 'headline', rule: 'headline' };
}

function isQuotedOrSentence(features: LineFeatures): boolean {
  return features.endsSentence || /^["'\u201c\u2018\u00ab\u201e]/u.test(features.value);
}

/**
 * After a closing credit ("This article originally appeared on …") nothing is the article's own
 * text. After a heading such as "Related articles" or "Comments" come teasers or readers' posts,
 * until two lines of prose in a row show that the reporting resumes.
 */
function applyRegions(resolved: Working[], classes: readonly LineClass[], features: readonly LineFeatures[]): void {
  let seenBody = 0;
  let box: { kind: BoilerplateKind; rule: string } | undefined;
  for (let i = 0; i < resolved.length; i++) {
    const cls = classes[i]!;
    // Readers' comments run to the end of the page once the article has been read.
    const comments = cls.type === 'bad' && cls.kind === 'comments' && cls.region === 'box' && isHeading(features[i]!);
    // A "Comments" label or "Leave a comment" link may sit under the first paragraph: only a
    // comment's own header or a count opens the section right away, a label after a few paragraphs.
    const opens = comments && seenBody >= (cls.rule.startsWith('phrase:') ? 3 : 1);
    if (cls.type === 'bad' && ((cls.region === 'rest' && seenBody > 0) || opens)) {
      const rule = comments ? 'comments-section' : 'after-credit';
      for (let j = i + 1; j < resolved.length; j++) {
        const later = classes[j]!;
        const own = later.type === 'bad' && later.rule.startsWith('phrase:');
        resolved[j] = own ? { role: 'boilerplate', kind: later.kind, rule: later.rule } : comments ? { role: 'boilerplate', kind: 'comments', rule } : { role: 'boilerplate', rule };
      }
      return;
    }
    if (cls.type === 'bad' && cls.region === 'box' && cls.kind !== 'comments' && isHeading(features[i]!)) {
      box = { kind: cls.kind, rule: 'related-list' };
      continue;
    }
    if (box) {
      if (cls.type === 'good' && classes[i + 1]?.type === 'good') {
        box = undefined;
      } else {
        if (!(cls.type === 'bad' && cls.rule.startsWith('phrase:'))) resolved[i] = { role: 'boilerplate', kind: box.kind, rule: box.rule };
        continue;
      }
    }
    if (resolved[i]!.role === 'body') seenBody++;
  }
}

const ENUMERATOR = /^(\d{1,3})[.)]\s+\S/u;
/** Rules that set a line apart whatever it reads like: a phrase, or a region it lies in. */
const REGION_RULES = new Set(['after-credit', 'related-list', 'comments-section']);

/**
 * A numbered list right under a paragraph (1) … 2) … 3) …) is the article's own list, items and
 * the lines between them, unless a phrase or a region already set them apart. Teaser lists under
 * a "Most read" heading are inside a region and stay furniture.
 */
function keepNumberedLists(resolved: Working[], classes: readonly LineClass[], features: readonly LineFeatures[]): void {
  const numbers = features.map((feature) => {
    const match = ENUMERATOR.exec(feature.value);
    return match ? Number(match[1]) : -1;
  });
  let i = 0;
  while (i < numbers.length) {
    if (numbers[i] === -1) {
      i++;
      continue;
    }
    const items = [i];
    let j = i + 1;
    while (j < numbers.length && j - items[items.length - 1]! <= 3) {
      if (numbers[j] === numbers[items[items.length - 1]!]! + 1) items.push(j);
      j++;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    // The list starts at 1, right under a paragraph that introduces it.
    if (items.length >= 3 && numbers[first] === 1 && first > 0 && resolved[first - 1]!.role === 'body') {
      for (let k = first; k <= last; k++) {
        const cls = classes[k]!;
        if (REGION_RULES.has(resolved[k]!.rule) || (cls.type === 'bad' && cls.rule.startsWith('phrase:'))) continue;
        resolved[k] = { role: 'body', rule: 'numbered-list' };
      }
    }
    i = last + 1;
  }
}

/** Lines of furniture in a row that separate the article from text elsewhere on the page. */
const CORE_GAP = 8;

/**
 * The article is one stretch of text with at most a few lines of furniture inside it (ads, captions,
 * inline teasers). Prose far from that stretch, across a long run of furniture, is another text on
 * the page: a teaser blurb, an author bio, a reader's comment.
 */
function keepMainCore(resolved: Working[], features: readonly LineFeatures[]): void {
  const clusters: { first: number; last: number; chars: number }[] = [];
  let gap = Infinity;
  for (let i = 0; i < resolved.length; i++) {
    if (resolved[i]!.role !== 'body') {
      if (resolved[i]!.role === 'boilerplate') gap++;
      continue;
    }
    const current = clusters[clusters.length - 1];
    if (current && gap <= CORE_GAP) {
      current.last = i;
      current.chars += features[i]!.length;
    } else {
      clusters.push({ first: i, last: i, chars: features[i]!.length });
    }
    gap = 0;
  }
  if (clusters.length < 2) return;
  const main = clusters.reduce((best, cluster) => (cluster.chars > best.chars ? cluster : best));
  for (const cluster of clusters) {
    if (cluster === main || cluster.chars >= main.chars * CORE_SHARE) continue;
    for (let i = cluster.first; i <= cluster.last; i++) {
      if (resolved[i]!.role === 'body') resolved[i] = { role: 'boilerplate', rule: 'outside-core' };
    }
  }
}

/** A stretch of prose at least this share of the main one is kept as a second part of the article. */
const CORE_SHARE = 0.5;

function isHeading(features: LineFeatures): boolean {
  return features.words <= 8 && !(features.endsSentence && !features.value.endsWith(':'));
}

/**
 * The headline is the title line nearest before the first paragraph; a sentence-long line
 * between it and the paragraph, with no full stop, is its standfirst.
 */
function markHeadline(resolved: Working[], classes: readonly LineClass[], features: readonly LineFeatures[]): void {
  // The first paragraph is the first body line that reads as sentences; title lines have no full stop.
  const first = resolved.findIndex((result, i) => result.role === 'body' && (features[i]!.endsSentence || features[i]!.innerStops > 0));
  if (first <= 0) return;
  const candidates: number[] = [];
  for (let i = first - 1; i >= 0 && candidates.length < 2; i--) {
    const cls = classes[i]!;
    const feature = features[i]!;
    if (cls.type === 'bad') {
      // Bylines, datelines and buttons may sit between the title and the text.
      if (cls.kind === 'byline' || cls.kind === 'dateline' || cls.kind === 'share' || cls.kind === 'caption') continue;
      if (candidates.length > 0) break;
      continue;
    }
    const titleLike = (feature.words >= 3 || (feature.dense && feature.length >= 6)) && feature.length <= 250 && !/[.]["'\u201d\u2019]?$/u.test(feature.value);
    if (titleLike) candidates.push(i);
    else if (candidates.length > 0 || resolved[i]!.role === 'body') break;
  }
  if (candidates.length === 0) return;
  const [nearest, before] = candidates as [number, number | undefined];
  if (before !== undefined && nearest - before <= 3 && features[nearest]!.words >= 10 && features[nearest]!.stopRatio >= features[before]!.stopRatio) {
    resolved[before] = { role: 'headline', rule: 'headline' };
    resolved[nearest] = { role: 'headline', rule: 'standfirst' };
  } else {
    resolved[nearest] = { role: 'headline', rule: 'headline' };
  }
}

/** A short name line next to a byline or dateline is part of it: "PanOrient News" above "By Khaldon Azhari". */
function joinBylines(resolved: Working[], features: readonly LineFeatures[]): void {
  resolved.forEach((result, i) => {
    if (result.rule !== 'title-like' || features[i]!.words > 4) return;
    const near = [resolved[i - 1], resolved[i + 1]];
    if (near.some((other) => other?.role === 'boilerplate' && (other.kind === 'byline' || other.kind === 'dateline'))) {
      resolved[i] = { role: 'boilerplate', kind: 'byline', rule: 'byline-run' };
    }
  });
}

/** A boilerplate line decided by its neighbours takes the kind of the run it belongs to. */
function fillKinds(resolved: Working[]): void {
  let kind: BoilerplateKind | undefined;
  const pending: number[] = [];
  for (let i = 0; i < resolved.length; i++) {
    const result = resolved[i]!;
    if (result.role !== 'boilerplate') {
      for (const j of pending) resolved[j]!.kind = 'other';
      pending.length = 0;
      kind = undefined;
      continue;
    }
    if (result.kind) {
      for (const j of pending) resolved[j]!.kind = result.kind;
      pending.length = 0;
      kind = result.kind;
    } else if (kind) {
      result.kind = kind;
    } else {
      pending.push(i);
    }
  }
  for (const j of pending) resolved[j]!.kind = 'other';
}

/** Options for `findRecurringLines`. */
export interface FindRecurringLinesOptions {
  /** Lines at most this long (as keys) recur as furniture even across different or unknown outlets (default 60). */
  readonly shortLine?: number;
}

/** What `findRecurringLines` reads of an article: its raw text and, when known, its outlet or URL. */
export interface RecurringLinesInput {
  readonly text: string;
  readonly meta?: { readonly outlet?: string; readonly url?: string };
}

/** The outlet an article's metadata names: its `outlet`, or the host of its `url`. */
function outletOf(meta: RecurringLinesInput['meta']): string | undefined {
  if (meta?.outlet) return meta.outlet.toLowerCase();
  if (meta?.url) {
    try {
      return new URL(meta.url).hostname.replace(/^www\./, '');
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const ANY_LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

/**
 * True for an input whose text and outlet can be read. An article of the wrong shape (a number as
 * text, a number as outlet) becomes a failure of its own when it is analysed; its lines must not
 * count for the others, nor end the story with a TypeError here.
 */
function isReadable(article: RecurringLinesInput | undefined): article is RecurringLinesInput {
  if (typeof article !== 'object' || article === null || typeof article.text !== 'string') return false;
  const meta: unknown = article.meta;
  if (meta === undefined) return true;
  if (typeof meta !== 'object' || meta === null) return false;
  const { outlet, url } = meta as Record<string, unknown>;
  return (outlet === undefined || typeof outlet === 'string') && (url === undefined || typeof url === 'string');
}

/**
 * Story-level evidence, from the raw texts before they are read: for each article, the keys of its
 * lines that recur in another article of the same outlet (menus, footers, newsletter boxes, bios).
 * Across different or unknown outlets only short lines count, since syndicated reporting
 * legitimately repeats whole paragraphs. Pass an article's set as `recurring` to `classifyBlocks`
 * (or `readArticle`'s `boilerplate` option); `undefined` entries (unreadable inputs) are skipped.
 *
 * @example
 * const sets = findRecurringLines(pages.map((text) => ({ text, meta: { outlet: 'Example News' } })));
 * readArticle(pages[0], {}, { boilerplate: { recurring: sets[0] } });
 */
export function findRecurringLines(articles: readonly (RecurringLinesInput | undefined)[], options: FindRecurringLinesOptions = {}): (ReadonlySet<string> | undefined)[] {
  expectArray(articles, 'articles');
  const { shortLine: chosen } = checkOptionsObject(options, { shortLine: true }, 'FindRecurringLinesOptions');
  if (chosen !== undefined && (typeof chosen !== 'number' || !(chosen >= 0))) {
    throw new FramelensError('invalid-option', `"shortLine" must be a number of characters, got ${describeType(chosen)}`, { field: 'shortLine' });
  }
  const shortLine = (chosen as number | undefined) ?? 60;
  // key → outlet → number of articles holding the line
  const seen = new Map<string, Map<string, number>>();
  const keysOf = articles.map((article, position) => {
    if (!isReadable(article)) return undefined;
    const keys = new Set<string>();
    for (const line of article.text.split(ANY_LINE_BREAK)) {
      const key = lineKey(line);
      if (key !== '') keys.add(key);
    }
    const outlet = outletOf(article.meta) ?? `\u0000${position}`;
    for (const key of keys) {
      let outlets = seen.get(key);
      if (!outlets) seen.set(key, (outlets = new Map()));
      outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
    }
    return { keys, outlet };
  });
  return keysOf.map((entry) => {
    if (!entry) return undefined;
    const recurring = new Set<string>();
    for (const key of entry.keys) {
      const outlets = seen.get(key)!;
      let holders = 0;
      for (const count of outlets.values()) holders += count;
      if ((outlets.get(entry.outlet) ?? 0) >= 2 || (holders >= 2 && key.length <= shortLine)) recurring.add(key);
    }
    return recurring;
  });
}
