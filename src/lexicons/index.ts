import { FramelensError } from '../errors';
import { checkKnownKeys, checkLexiconOverrides, everyValue, expectArray } from '../inputs';
import type { AttributionStance, HedgeCategory, LoadedCategory } from '../findings';
import { getNlp } from '../nlp';
import type { Token } from '../article';
import { lexemesOf, lowerForm } from '../lexeme';
import titles from './titles.json';
import labels from './labels.json';
import attribution from './attribution.json';
import loaded from './loaded.json';
import hedges from './hedges.json';
import credits from './credits.json';

/** The lexicons framelens ships, one data file each. */
export const LEXICON_NAMES = ['titles', 'labels', 'attribution', 'loaded', 'hedges', 'credits'] as const;
export type LexiconName = (typeof LEXICON_NAMES)[number];

/**
 * One lexicon entry: an id, its terms (word sequences, matched case-insensitively on whole
 * tokens), a category, a short note and the source that justifies it. Some lexicons use
 * extra fields: `alternative` (a neutral wording), `office` (the office a title stands for),
 * `stance` (an attribution verb's stance), `lemma` (a verb's base form).
 */
export interface LexiconEntry {
  readonly id: string;
  readonly terms: readonly string[];
  readonly category: string;
  readonly note: string;
  readonly source: string;
  readonly alternative?: string;
  readonly office?: string;
  readonly stance?: string;
  readonly lemma?: string;
}

export type Lexicons = { readonly [N in LexiconName]: readonly LexiconEntry[] };

/** User changes to the shipped lexicons: entries to add and entry ids to drop. */
export interface LexiconOverrides {
  readonly add?: { readonly [N in LexiconName]?: readonly LexiconEntry[] };
  readonly remove?: readonly string[];
}

/** Longest lexicon term accepted, in characters. */
export const MAX_TERM_LENGTH = 1000;

const REQUIRED_FIELDS = ['id', 'category', 'note', 'source'] as const;
const OPTIONAL_STRING_FIELDS = ['alternative', 'office', 'stance', 'lemma'] as const;
const ENTRY_FIELDS: Readonly<Record<keyof LexiconEntry, true>> = { id: true, terms: true, category: true, note: true, source: true, alternative: true, office: true, stance: true, lemma: true };

/**
 * The values an analyzer reads in a lexicon's `category`, where it reads them as a closed set: the
 * loaded-word and hedge categories, the credit kinds. Any other value would be replaced by a
 * default or dropped without a word, so a user's entry with one is refused.
 */
/** The loaded-word categories, as the loaded-language analyzer reads them. */
export const LOADED_CATEGORIES: readonly LoadedCategory[] = everyValue<LoadedCategory>({ intensifier: true, puffery: true, emotive: true, pejorative: true, euphemism: true, sensational: true, moralizing: true });
/** The hedge categories, as the hedge analyzer reads them. */
export const HEDGE_CATEGORIES: readonly HedgeCategory[] = everyValue<HedgeCategory>({ hedge: true, distancing: true, weasel: true });

const CATEGORIES: Partial<Readonly<Record<LexiconName, readonly string[]>>> = {
  loaded: LOADED_CATEGORIES,
  hedges: HEDGE_CATEGORIES,
  credits: ['agency', 'outlet', 'read-more', 'originally-appeared', 'source'],
};

/** An attribution entry's `stance`, which the attribution analyzer needs: an entry without one is never found. */
const STANCES: readonly string[] = everyValue<AttributionStance>({ neutral: true, doubt: true, endorsement: true, hostility: true, praise: true, admission: true, emphasis: true });

/**
 * Check a lexicon's entries and return clean copies (own properties only, so `__proto__`
 * or `constructor` keys in a user file change nothing outside the entry).
 *
 * @example
 * validateLexicon('hedges', [{ id: 'x', terms: ['reportedly'], category: 'hedge', note: '', source: 'AP' }], 'my.json')
 */
export function validateLexicon(name: LexiconName, entries: unknown, input: string = name): LexiconEntry[] {
  if (!Array.isArray(entries)) {
    throw new FramelensError('invalid-lexicon', `lexicon "${name}" must be an array of entries`, { input, field: name });
  }
  const seen = new Set<string>();
  return entries.map((raw, index): LexiconEntry => {
    const where = `${name}[${index}]`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new FramelensError('invalid-lexicon', `entry ${where} must be an object`, { input, field: where });
    }
    const record = raw as Record<string, unknown>;
    const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
    checkKnownKeys(record, ENTRY_FIELDS, `lexicon entry ${where}`, { input, path: where, code: 'invalid-lexicon' });
    for (const field of REQUIRED_FIELDS) {
      if (typeof own(field) !== 'string' || (field === 'id' && (own(field) as string).trim() === '')) {
        throw new FramelensError('invalid-lexicon', `entry ${where} needs a string "${field}"`, { input, field: `${where}.${field}` });
      }
    }
    const id = own('id') as string;
    if (seen.has(id)) throw new FramelensError('invalid-lexicon', `entry ${where} repeats the id "${id}"`, { input, field: `${where}.id` });
    seen.add(id);
    const terms = own('terms');
    if (!Array.isArray(terms) || terms.length === 0 || terms.some((term) => typeof term !== 'string' || term.trim() === '')) {
      throw new FramelensError('invalid-lexicon', `entry "${id}" (${where}) needs "terms": a non-empty array of non-empty strings`, { input, field: `${where}.terms` });
    }
    // wink's tokenizer backtracks quadratically inside one long word: a huge term could stall the
    // compile, and no word or phrase worth matching is this long.
    const long = (terms as string[]).findIndex((term) => term.length > MAX_TERM_LENGTH);
    if (long !== -1) {
      throw new FramelensError('invalid-lexicon', `entry "${id}" (${where}) has a term longer than ${MAX_TERM_LENGTH} characters`, { input, field: `${where}.terms[${long}]` });
    }
    const categories = CATEGORIES[name];
    if (categories && !categories.includes(own('category') as string)) {
      throw new FramelensError('invalid-lexicon', `entry "${id}" (${where}) has the category "${own('category') as string}"; a ${name} category is one of ${categories.join(', ')}`, { input, field: `${where}.category` });
    }
    if (name === 'attribution' && !STANCES.includes(own('stance') as string)) {
      const stance = own('stance');
      throw new FramelensError('invalid-lexicon', `entry "${id}" (${where}) ${stance === undefined ? 'needs a "stance"' : `has the stance "${String(stance)}"`}: one of ${STANCES.join(', ')}`, { input, field: `${where}.stance` });
    }
    const entry: Record<string, unknown> = {
      id,
      terms: [...(terms as string[])],
      category: own('category'),
      note: own('note'),
      source: own('source'),
    };
    for (const field of OPTIONAL_STRING_FIELDS) {
      const value = own(field);
      if (value === undefined) continue;
      if (typeof value !== 'string') {
        throw new FramelensError('invalid-lexicon', `entry "${id}" (${where}) has a non-string "${field}"`, { input, field: `${where}.${field}` });
      }
      entry[field] = value;
    }
    return Object.freeze(entry) as unknown as LexiconEntry;
  });
}

/** The shipped lexicons, validated once and frozen. */
export const DEFAULT_LEXICONS: Lexicons = Object.freeze({
  titles: Object.freeze(validateLexicon('titles', titles)),
  labels: Object.freeze(validateLexicon('labels', labels)),
  attribution: Object.freeze(validateLexicon('attribution', attribution)),
  loaded: Object.freeze(validateLexicon('loaded', loaded)),
  hedges: Object.freeze(validateLexicon('hedges', hedges)),
  credits: Object.freeze(validateLexicon('credits', credits)),
});

/**
 * The shipped lexicons with a user's additions and removals, built into fresh arrays: the
 * shipped tables never change. An added entry with a shipped id replaces that entry.
 *
 * @example
 * const lexicons = buildLexicons({ add: { loaded: [myEntry] }, remove: ['loaded.historic'] });
 */
export function buildLexicons(overrides: LexiconOverrides = {}, input = 'lexicon options'): Lexicons {
  checkLexiconOverrides(overrides, input);
  const remove = new Set(overrides.remove ?? []);
  const result = {} as Record<LexiconName, readonly LexiconEntry[]>;
  const add = overrides.add ?? {};
  for (const key of Object.keys(add)) {
    if (!(LEXICON_NAMES as readonly string[]).includes(key)) {
      throw new FramelensError('invalid-lexicon', `unknown lexicon "add.${key}"; expected one of ${LEXICON_NAMES.join(', ')}`, { input, field: `add.${key}` });
    }
  }
  const removed = new Set<string>();
  for (const name of LEXICON_NAMES) {
    const added = Object.prototype.hasOwnProperty.call(add, name) ? validateLexicon(name, add[name], input) : [];
    const byId = new Map<string, LexiconEntry>();
    for (const entry of DEFAULT_LEXICONS[name]) byId.set(entry.id, entry);
    for (const entry of added) byId.set(entry.id, entry);
    for (const id of remove) if (byId.delete(id)) removed.add(id);
    result[name] = Object.freeze([...byId.values()]);
  }
  // A misspelled id would otherwise remove nothing without a word.
  const unknown = (overrides.remove ?? []).findIndex((id) => !removed.has(id));
  if (unknown !== -1) {
    throw new FramelensError('invalid-lexicon', `"remove[${unknown}]": no lexicon entry has the id "${overrides.remove![unknown]}"`, { input, field: `remove[${unknown}]` });
  }
  return Object.freeze(result);
}

/** A match of a lexicon term on the tokens [tokenStart, tokenEnd). */
export interface PhraseMatch {
  readonly entry: LexiconEntry;
  readonly term: string;
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/** Finds lexicon terms in a token sequence: whole tokens, case-insensitive, longest first. */
export interface PhraseMatcher {
  /** All non-overlapping matches in tokens[from, to), scanning left to right, longest match first. */
  match(tokens: readonly Token[], from?: number, to?: number): PhraseMatch[];
  /** The matches that start at token `at`, longest first. */
  matchAt(tokens: readonly Token[], at: number): PhraseMatch[];
}

interface CompiledTerm {
  readonly entry: LexiconEntry;
  readonly term: string;
  readonly words: readonly string[];
  /** `words` as ids of `WORD_IDS`. */
  readonly ids: Int32Array;
}

/** A number for every word some compiled term holds, shared by all matchers; it only grows. */
const WORD_IDS = new Map<string, number>();

function wordId(word: string): number {
  let id = WORD_IDS.get(word);
  if (id === undefined) {
    id = WORD_IDS.size;
    WORD_IDS.set(word, id);
  }
  return id;
}

/** Token word ids of one token array, and how many words had ids when they were taken. */
interface TokenIds {
  readonly ids: Int32Array;
  readonly known: number;
}

const tokenIdCache = new WeakMap<readonly Token[], TokenIds>();

/**
 * The `WORD_IDS` id of each token's lower-case form, -1 for a word no term holds: one look-up per
 * token for all the matchers that read an article, instead of one per token and matcher.
 */
function tokenWordIds(tokens: readonly Token[]): Int32Array {
  const cached = tokenIdCache.get(tokens);
  if (cached && cached.known === WORD_IDS.size && cached.ids.length === tokens.length) return cached.ids;
  const ids = new Int32Array(tokens.length);
  const lexemes = lexemesOf(tokens);
  const known = WORD_IDS.size;
  for (let i = 0; i < tokens.length; i++) {
    const lexeme = lexemes[i]!;
    if (lexeme.wordIdsKnown !== known) {
      lexeme.wordId = WORD_IDS.get(lexeme.lower) ?? -1;
      lexeme.wordIdsKnown = known;
    }
    ids[i] = lexeme.wordId;
  }
  tokenIdCache.set(tokens, { ids, known: WORD_IDS.size });
  return ids;
}

/**
 * Split a lexicon term into the tokens wink-nlp makes of it, in the form tokens are matched.
 *
 * @example
 * termWords("Israel's"); // ['israel', "'s"]
 * termWords('so-called'); // ['so', '-', 'called']
 */
export function termWords(term: string): string[] {
  tokenizeTerms([term]);
  return [...TERM_WORDS.get(term)!];
}

/** Words of every term tokenized so far: terms recur (lexicons, actor lists given per article). */
const TERM_WORDS = new Map<string, readonly string[]>();

/** The blank line between terms read together; wink splits words at white space first. */
const TERM_SEPARATOR = '\n\n';

/**
 * Tokenize the terms not seen before in one wink pass rather than one per term: wink cuts text at
 * white space before it splits words, so terms read together split as they do alone.
 */
function tokenizeTerms(terms: readonly string[]): void {
  const fresh = [...new Set(terms.filter((term) => !TERM_WORDS.has(term)))];
  if (fresh.length === 0) return;
  const nlp = getNlp();
  const doc = nlp.readDoc(fresh.join(TERM_SEPARATOR));
  const values = doc.tokens().out(nlp.its.value) as string[];
  const spaces = doc.tokens().out(nlp.its.precedingSpaces) as string[];
  const words: string[][] = fresh.map(() => []);
  let term = 0;
  let termEnd = fresh[0]!.length;
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i]!.length;
    while (term < fresh.length - 1 && offset >= termEnd + TERM_SEPARATOR.length) termEnd += TERM_SEPARATOR.length + fresh[++term]!.length;
    const value = values[i]!;
    if (value.trim() !== '') words[term]!.push(lowerForm(value));
    offset += value.length;
  }
  fresh.forEach((text, index) => TERM_WORDS.set(text, Object.freeze(words[index]!)));
}

/** The terms of a compiled matcher by their first word, longest first. */
const COMPILED = new WeakMap<PhraseMatcher, ReadonlyMap<string, readonly CompiledTerm[]>>();

/**
 * Compile entries into a matcher: a map from a term's first word to its terms, so matching
 * costs one map look-up per token whatever the lexicon's size, and user terms never become
 * regular expressions.
 *
 * @example
 * const matcher = compilePhrases(lexicons.hedges);
 * matcher.match(article.tokens).map((m) => m.entry.id);
 */
export function compilePhrases(entries: readonly LexiconEntry[]): PhraseMatcher {
  expectArray(entries, 'entries');
  const byFirst = new Map<string, CompiledTerm[]>();
  tokenizeTerms(entries.flatMap((entry) => entry.terms));
  for (const entry of entries) {
    for (const term of entry.terms) {
      const words = TERM_WORDS.get(term)!;
      if (words.length === 0) continue;
      const list = byFirst.get(words[0]!) ?? [];
      list.push({ entry, term, words, ids: Int32Array.from(words, wordId) });
      byFirst.set(words[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

  /** Whether `candidate` matches at token `at`, within one sentence and before `to`. */
  const matchesAt = (tokens: readonly Token[], at: number, to: number, candidate: CompiledTerm): boolean => {
    const words = candidate.words;
    if (at + words.length > to) return false;
    const sentence = tokens[at]!.sentence;
    for (let k = 1; k < words.length; k++) {
      const token = tokens[at + k]!;
      if (token.lower !== words[k] || token.sentence !== sentence) return false;
    }
    return true;
  };

  let alone: JointMatcher | undefined;
  const matcher: PhraseMatcher = {
    matchAt(tokens, at) {
      const candidates = byFirst.get(tokens[at]!.lower);
      if (!candidates) return [];
      const found: PhraseMatch[] = [];
      for (const candidate of candidates) {
        if (matchesAt(tokens, at, tokens.length, candidate)) found.push({ entry: candidate.entry, term: candidate.term, tokenStart: at, tokenEnd: at + candidate.words.length });
      }
      return found;
    },
    match(tokens, from = 0, to = tokens.length) {
      alone ??= joinMatchers([matcher]);
      return alone.match(tokens, from, to)[0]!;
    },
  };
  COMPILED.set(matcher, byFirst);
  return matcher;
}

/** Several matchers that find their terms in one pass over the tokens. */
export interface JointMatcher {
  /** What `matchers[k].match(tokens, from, to)` gives, for every k, in one pass. */
  match(tokens: readonly Token[], from?: number, to?: number): PhraseMatch[][];
}

/** For one word id, the matchers (by index) with terms that begin with it, and those terms. */
type JointCandidates = readonly (readonly [number, readonly CompiledTerm[]])[];

/**
 * Join matchers made by `compilePhrases` so that one pass over the tokens, with one table look-up
 * per token, finds the matches of all of them: a token no term of any matcher begins with (most
 * tokens) costs one look-up however many matchers there are.
 *
 * @example
 * const joint = joinMatchers([matcherOf(DEFAULT_LEXICONS.hedges), matcherOf(DEFAULT_LEXICONS.labels)]);
 * joint.match(readArticle('The Israeli occupation reportedly ended.').tokens).map((matches) => matches.map((m) => m.entry.id));
 * // [['hedge.reportedly'], ['label.occupation']]: each matcher's matches, in the order given
 */
export function joinMatchers(matchers: readonly PhraseMatcher[]): JointMatcher {
  const table: (JointCandidates | undefined)[] = [];
  matchers.forEach((matcher, index) => {
    const byFirst = COMPILED.get(matcher);
    if (!byFirst) throw new FramelensError('invalid-argument', `matcher ${index} was not made by compilePhrases`, { field: `matchers[${index}]` });
    for (const [word, candidates] of byFirst) {
      const id = WORD_IDS.get(word)!;
      while (table.length <= id) table.push(undefined);
      table[id] = [...(table[id] ?? []), [index, candidates] as const];
    }
  });
  return {
    match(tokens, from = 0, to = tokens.length) {
      const found: PhraseMatch[][] = matchers.map(() => []);
      // Each matcher's matches do not overlap: a token inside one of its matches starts none of its terms.
      const free = new Array<number>(matchers.length).fill(from);
      const ids = tokenWordIds(tokens);
      for (let i = from; i < to; i++) {
        const id = ids[i]!;
        const joint = id >= 0 && id < table.length ? table[id] : undefined;
        if (!joint) continue;
        for (const [index, candidates] of joint) {
          if (i < free[index]!) continue;
          // The longest term at a token wins: candidates are sorted longest first, so the first that fits is the match.
          for (const candidate of candidates) {
            if (!idsMatchAt(tokens, ids, i, to, candidate)) continue;
            free[index] = i + candidate.ids.length;
            found[index]!.push({ entry: candidate.entry, term: candidate.term, tokenStart: i, tokenEnd: free[index]! });
            break;
          }
        }
      }
      return found;
    },
  };
}

/** Whether `candidate` matches at token `at` by word ids, within one sentence and before `to`. */
function idsMatchAt(tokens: readonly Token[], ids: Int32Array, at: number, to: number, candidate: CompiledTerm): boolean {
  const words = candidate.ids;
  if (at + words.length > to) return false;
  const sentence = tokens[at]!.sentence;
  for (let k = 1; k < words.length; k++) {
    if (ids[at + k] !== words[k] || tokens[at + k]!.sentence !== sentence) return false;
  }
  return true;
}

const matcherByEntries = new WeakMap<readonly LexiconEntry[], PhraseMatcher>();

/**
 * The matcher of a list of entries, compiled once per list.
 *
 * @example
 * matcherOf(DEFAULT_LEXICONS.hedges) === matcherOf(DEFAULT_LEXICONS.hedges); // true: compiled once
 */
export function matcherOf(entries: readonly LexiconEntry[]): PhraseMatcher {
  let matcher = matcherByEntries.get(entries);
  if (!matcher) {
    matcher = compilePhrases(entries);
    matcherByEntries.set(entries, matcher);
  }
  return matcher;
}
