import type { Article, Token } from './article';
import { compilePhrases, DEFAULT_LEXICONS, matcherOf, type LexiconEntry, type PhraseMatch, type PhraseMatcher } from './lexicons';
import demonyms from './lexicons/demonyms.json';
import { checkArticle, checkOptionsObject, expectArray, validateActors } from './inputs';
import { describeType, FramelensError } from './errors';
import { isKnownGivenName, mayBeOnePerson } from './names';

export type ActorType = 'person' | 'country' | 'organization' | 'unknown';

/** One place where an article names an actor. */
export interface ActorMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Token index range [tokenStart, tokenEnd) of the mention. */
  readonly tokenStart?: number;
  readonly tokenEnd?: number;
  /** True when the mention lies in a boilerplate block (page furniture). */
  readonly boilerplate?: boolean;
}

/** An actor of an article, with every surface form it goes by ("Gantz", "Benny Gantz"). */
export interface Actor {
  /** A key shared across articles of a story ("gantz", "israel"). */
  readonly id: string;
  /** The fullest name seen (a country's table name: "Israel"). */
  readonly name: string;
  readonly type: ActorType;
  /** Distinct surface forms, most frequent first. */
  readonly forms: readonly string[];
  readonly mentions: readonly ActorMention[];
  /** Where the actor comes from: the user's actor list, the country table, or proper nouns of the text. */
  readonly origin?: 'spec' | 'country' | 'text';
}

/** An actor a user names: its name, other names it goes by, and its type. */
export interface ActorSpec {
  readonly id?: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly type?: ActorType;
}

export interface FindActorsOptions {
  /** Actors to look for by name and aliases (matched case-insensitively on whole tokens). */
  readonly actors?: readonly ActorSpec[];
  /** Title entries whose words are not part of a name ("Defense Minister Benny Gantz"); default: the shipped titles. */
  readonly titles?: readonly LexiconEntry[];
}

/** One country of the nationality table: an id, its name and the forms that name it. */
export interface CountryEntry {
  readonly id: string;
  readonly name: string;
  readonly forms: readonly string[];
}

/** The shipped country and nationality table (CIA World Factbook nationality forms). */
export const COUNTRIES: readonly CountryEntry[] = Object.freeze(
  (demonyms as { countries: CountryEntry[] }).countries.map((entry) => Object.freeze({ ...entry, forms: Object.freeze([...entry.forms]) })),
);

// Words that end organisation names ("Israel Defense Forces", "Kyodo News") or start them
// ("Ministry of Defense"): a closed class, kept in code like a tokenizer's abbreviations.
const ORG_HEADS = new Set([
  'forces', 'force', 'army', 'navy', 'corps', 'command', 'guard', 'guards', 'police', 'ministry', 'department', 'agency', 'office',
  'council', 'committee', 'commission', 'congress', 'parliament', 'senate', 'assembly', 'cabinet', 'government', 'administration',
  'party', 'union', 'league', 'alliance', 'front', 'movement', 'brigade', 'brigades', 'organization', 'organisation', 'association',
  'institute', 'institution', 'foundation', 'fund', 'bank', 'court', 'university', 'college', 'school', 'group', 'company',
  'corporation', 'corp', 'corp.', 'inc', 'inc.', 'ltd', 'ltd.', 'news', 'post', 'times', 'journal', 'tribune', 'herald', 'press',
  'telegraph', 'guardian', 'agency', 'network', 'television', 'radio', 'magazine', 'daily', 'review', 'service', 'services',
  'authority', 'board', 'bureau', 'center', 'centre', 'coalition', 'federation', 'house', 'caucus', 'club', 'network', 'times', 'patrol',
]);
const ORG_FIRST = new Set(['ministry', 'department', 'bank', 'university', 'house', 'office', 'state', 'federal', 'national', 'supreme']);
// Words that make a name a place rather than a person ("Nansei Islands", "Middle East").
const PLACE_LAST = new Set([
  'islands', 'island', 'isles', 'east', 'west', 'north', 'south', 'pacific', 'atlantic', 'sea', 'ocean', 'gulf', 'strait', 'bank',
  'strip', 'valley', 'river', 'peninsula', 'heights', 'coast', 'city', 'county', 'province', 'region', 'mountains', 'desert', 'bay',
  'canal', 'square', 'street', 'avenue', 'hill', 'airport', 'base', 'continent', 'border', 'borders', 'district', 'state', 'states',
]);
// Words that make a name a thing (a war, a law, a programme, an accord), never a person's name:
// "World War II", "Second Amendment", "Social Security", "Affordable Care Act".
const THING_LAST = new Set([
  'war', 'wars', 'amendment', 'amendments', 'act', 'bill', 'treaty', 'accord', 'accords', 'agreement', 'doctrine', 'plan',
  'program', 'programme', 'security', 'revolution', 'crisis', 'summit', 'award', 'awards', 'prize', 'cup', 'games', 'olympics',
  'declaration', 'constitution', 'initiative', 'project', 'report', 'festival', 'protocol', 'resolution', 'article', 'chapter',
  'phase', 'title',
]);
// ("Law", "Deal" and "Day" are left out: surnames of Tyler Law, Nathan Deal, Doris Day.)
// Members of political parties name groups or describe people, never name them: "Senate Democrats",
// "Iowa Republican", "College Republican" (parties after Wikipedia's "Political parties in the
// United States" and "List of political parties in the United Kingdom").
const PARTY_MEMBERS = new Set([
  'republican', 'republicans', 'democrat', 'democrats', 'democratic', 'conservative', 'conservatives', 'liberal', 'liberals',
  'libertarian', 'libertarians', 'labour', 'tories', 'independent', 'independents', 'progressive', 'progressives',
]);
// ("Tory" is left out: the surname of Toronto's mayor John Tory.)
// The first person: "I’m" at a sentence's start is tagged a proper noun but names nobody. (A bare
// "I" is no such form: it is the numeral of "World War I".)
const FIRST_PERSON = new Set(["i'm", "i've", "i'll", "i'd"]);
const PLACE_FIRST = new Set(['north', 'south', 'east', 'west', 'middle', 'central', 'upper', 'lower', 'new', 'san', 'los', 'las', 'saint', 'st.', 'fort', 'mount', 'lake', 'cape', 'gulf', 'port', 'greater']);
/** Honorifics before a name ("Mr.", "Dr.", "Sheikh"), in lower case: no part of the name. */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr', 'prof.', 'sir', 'dame', 'lord', 'lady', 'rev.', 'sheikh', 'rabbi', 'imam']);
/** Generational and regnal suffixes after a surname ("Martin Luther King Jr."), in lower case: part of the name, never its key. */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv', 'vi', 'vii', 'viii']);
/**
 * One-word titles that are also surnames: "King" is the 34th most common surname in the United
 * States (US Census Bureau, 2010 Census surname file), so "Steve King", "Dr. King" and "King said"
 * name a person, while "Saudi King Salman" and "the King said" name an office; so with "David
 * Sheriff" and "Sheriff Joe Arpaio".
 */
const SURNAME_TITLES = new Set(['king', 'sheriff']);
/** Offices the titles lexicon does not hold, written before a surname ("Judge Kavanaugh", "Special Agent Strzok"), in lower case: no given name. */
export const OFFICE_WORDS: ReadonlySet<string> = new Set(['judge', 'agent', 'detective', 'coach', 'pres', 'pres.', 'presidents']);
/**
 * More words written before a surname that describe a person and are no given name, in lower
 * case: abbreviations of titles without their period and plurals ("Sen Graham", "Generals
 * Kelly"), roles ("Candidate Trump", "Professor Bret Weinstein", "Father Brown"), the "Team" of
 * a campaign and picture credits run into a name ("AP Photos Clinton", "Getty Images").
 */
const DESCRIBING_WORDS: ReadonlySet<string> = new Set([
  'professor', 'candidate', 'nominee', 'father', 'team', 'top', 'sen', 'senators', 'rep', 'reps', 'gov', 'gen', 'generals', 'lt', 'col',
  'sgt', 'capt', 'adm', 'maj', 'committeeman', 'committeewoman', 'councilman', 'councilwoman', 'commissioner', 'trooper', 'drs', 'drs.',
  'photo', 'photos', 'images',
]);
/**
 * Single-word names of US states and of the continents, which stand before a surname as a place
 * ("in California Reagan ..."), never as a given name (US Census Bureau state names).
 */
const PLACE_NAMES = new Set([
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida', 'hawaii',
  'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland', 'massachusetts', 'michigan',
  'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada', 'ohio', 'oklahoma', 'oregon', 'pennsylvania', 'tennessee',
  'texas', 'utah', 'vermont', 'washington', 'wisconsin', 'wyoming', 'africa', 'asia', 'europe', 'america', 'antarctica', 'oceania',
  'australia',
]);
// ("Virginia" and "Georgia" are left out: given names as well; Georgia is a country of the table.)
/** A middle initial or initials as written: "J.", "H.W.". */
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const TITLE_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', "'s", '\u2019s', 'and', 'former', 'late', 'new']);

/**
 * True when a one-word title that is also a surname stands in a name here, not as a title: after
 * an honorific ("Dr. King"), before a generational suffix ("King Jr."), after a given name with no
 * name after it ("Steve King"), or alone with no determiner, possessive or country before it and
 * no name after it ("King said"). A name after it makes it a title ("Former King Juan Carlos").
 * `isCountry` tells whether a token names a country ("Saudi King Salman").
 *
 * @example
 * isSurnameTitle(readArticle('Rep. Steve King spoke.').tokens, 2, 3, () => false); // true
 */
export function isSurnameTitle(tokens: readonly Token[], tokenStart: number, tokenEnd: number, isCountry: (index: number) => boolean): boolean {
  if (tokenEnd - tokenStart !== 1 || !SURNAME_TITLES.has(tokens[tokenStart]!.lower)) return false;
  const token = tokens[tokenStart]!;
  const before = tokenStart > 0 && tokens[tokenStart - 1]!.sentence === token.sentence ? tokens[tokenStart - 1] : undefined;
  const after = tokenEnd < tokens.length && tokens[tokenEnd]!.sentence === token.sentence ? tokens[tokenEnd] : undefined;
  if (after && NAME_SUFFIXES.has(after.lower)) return true;
  if (before && HONORIFICS.has(before.lower)) return true;
  // A name after it makes it the title, whatever stands before: "Former King Juan Carlos", "Obama Hosts King Abdullah".
  if (after && after.pos === 'PROPN' && isCapitalized(after.value)) return false;
  if (before && isCountry(tokenStart - 1)) return false;
  if (before && before.pos === 'PROPN' && isCapitalized(before.value)) return true;
  return !(before && TITLE_DETERMINERS.has(before.lower));
}
const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan.', 'feb.', 'aug.', 'sept.', 'sep.', 'oct.', 'nov.', 'dec.',
]);

const countryMatcherCache: { matcher?: PhraseMatcher } = {};

/**
 * The matcher of the country table's forms (compiled once).
 *
 * @example
 * countryMatcher().match(readArticle('Japan and Israel met.').tokens).map((m) => m.entry.id); // ['japan', 'israel']
 */
export function countryMatcher(): PhraseMatcher {
  if (!countryMatcherCache.matcher) {
    countryMatcherCache.matcher = compilePhrases(
      COUNTRIES.map((country) => ({ id: country.id, terms: country.forms, category: 'country', note: country.name, source: 'demonyms' })),
    );
  }
  return countryMatcherCache.matcher;
}

/** No user actors: one list, so that matchers compiled for it are cached. */
export const NO_ACTORS: readonly ActorSpec[] = Object.freeze([]);

const specMatcherCache = new WeakMap<readonly ActorSpec[], PhraseMatcher>();

/**
 * The matcher of user actors' names and aliases; an entry's id is the actor's index in `specs`.
 *
 * @example
 * specMatcher([{ name: 'Benny Gantz', aliases: ['Gantz'] }]).match(readArticle('Gantz spoke.').tokens)[0].entry.id; // '0'
 */
export function specMatcher(specs: readonly ActorSpec[]): PhraseMatcher {
  let matcher = specMatcherCache.get(specs);
  if (!matcher) {
    matcher = compilePhrases(
      specs.map((spec, index): LexiconEntry => ({
        id: String(index),
        terms: [spec.name, ...(spec.aliases ?? [])].filter((term) => term.trim() !== ''),
        category: 'actor',
        note: '',
        source: 'user',
      })),
    );
    specMatcherCache.set(specs, matcher);
  }
  return matcher;
}

const titleWordCache = new WeakMap<readonly LexiconEntry[], Set<string>>();

/**
 * Every word of a titles lexicon's terms, in lower case ("defense", "minister", "brig."), found once per lexicon.
 *
 * @example
 * titleWordsOf(DEFAULT_LEXICONS.titles).has('secretary'); // true
 */
export function titleWordsOf(titles: readonly LexiconEntry[]): ReadonlySet<string> {
  let words = titleWordCache.get(titles);
  if (!words) {
    words = new Set(titles.flatMap((entry) => entry.terms.flatMap((term) => term.toLowerCase().split(/\s+/))));
    titleWordCache.set(titles, words);
  }
  return words;
}

const COUNTRY_BY_ID = new Map(COUNTRIES.map((country) => [country.id, country]));
const COUNTRY_BY_FORM = new Map(COUNTRIES.flatMap((country) => country.forms.filter((form) => !/\s/.test(form)).map((form) => [form, country.id] as const)));

/**
 * The country entry of an actor id ("israel"), if it is one.
 *
 * @example
 * countryById('israel')?.forms; // ['Israel', 'Israeli', 'Israelis', 'State of Israel']
 * countryById('gantz'); // undefined
 */
export function countryById(id: string): CountryEntry | undefined {
  return COUNTRY_BY_ID.get(id);
}

/**
 * A name part in the form ids are made of: lower case, without diacritics or curly apostrophes.
 *
 * @example
 * keyWord('Müller'); // 'muller'
 */
export function keyWord(value: string): string {
  // Plain ASCII has nothing to decompose: most words of English news skip the Unicode steps.
  if (isAscii(value)) return value.toLowerCase();
  return value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\u2019/g, "'");
}

/** A token's `keyWord`: an ASCII token's lower-case form is already its key. */
function tokenKey(token: Token): string {
  return isAscii(token.value) ? token.lower : keyWord(token.value);
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

const CAPITAL_START = /^[\p{Lu}\p{N}]/u;

function isCapitalized(value: string): boolean {
  const code = value.charCodeAt(0);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  return CAPITAL_START.test(value);
}

function isUpperWord(value: string): boolean {
  return /^\p{Lu}[\p{Lu}'\u2019-]+$/u.test(value);
}

function isAcronym(value: string): boolean {
  return /^(?:\p{Lu}{2,4}|(?:\p{Lu}\.){2,4})$/u.test(value);
}

function stripPossessive(value: string): string {
  return value.length > 3 && /['\u2019]s$/.test(value) ? value.slice(0, -2) : value;
}

/** True when a country form matches the token's case: all-capital forms ("US") exactly, others capitalized. */
function countryCaseOk(tokens: readonly Token[], match: PhraseMatch): boolean {
  const first = tokens[match.tokenStart]!.value;
  if (/^[\p{Lu}.]+$/u.test(match.term.replace(/\s/g, ''))) {
    const written = tokens.slice(match.tokenStart, match.tokenEnd).map((token) => token.value).join('');
    return written === match.term.replace(/\s/g, '');
  }
  return isCapitalized(first);
}

interface RawMention {
  key: string;
  type: ActorType;
  origin: 'spec' | 'country' | 'text';
  tokenStart: number;
  tokenEnd: number;
  /** For persons: the surname's key, and the given names' keys, first name first (for telling people of one surname apart and placing single-word mentions). */
  surname?: string;
  givens?: readonly string[];
  /** Middle initials ("h.w."), and a generational suffix ("jr"): empty when the name has none. */
  initials?: string;
  suffix?: string;
  /** Preceded by a title or honorific: a person. */
  titled?: boolean;
  /** The last word of a title right before it ("president" in "President Joe Biden"). */
  title?: string;
  name?: string;
}

/**
 * Find the actors of an article: people, countries and organisations from proper-noun
 * sequences, the country table and user-supplied actors, grouping surface forms under one id
 * shared across articles ("Benny Gantz", "Benjamin Gantz", "Gantz" → "gantz"; "HAMADA
 * Yasukazu", "Yasukazu Hamada" → "hamada"; "Israel", "Israeli", "Israelis" → "israel").
 * Titles are not part of names, and actors named only in boilerplate are left out.
 *
 * @example
 * findActors(readArticle('Defense Minister Benny Gantz met Hamada. Gantz said...')).map((a) => a.id); // ['gantz', 'hamada']
 */
export function findActors(article: Article, options: FindActorsOptions = {}): Actor[] {
  checkArticle(article);
  const { actors, titles } = checkOptionsObject(options, FIND_ACTORS_OPTION_KEYS, 'FindActorsOptions');
  if (actors !== undefined) validateActors(actors, 'actors', 'invalid-option');
  if (titles !== undefined && !Array.isArray(titles)) throw new FramelensError('invalid-option', `"titles" must be an array of lexicon entries, got ${describeType(titles)}`, { field: 'titles' });
  const tokens = article.tokens;
  return actorsOf(article, options, {
    specs: specMatcher(options.actors ?? NO_ACTORS).match(tokens),
    countries: countryMatcher().match(tokens),
    titles: matcherOf(options.titles ?? DEFAULT_LEXICONS.titles).match(tokens),
  });
}

const FIND_ACTORS_OPTION_KEYS: Readonly<Record<keyof FindActorsOptions, true>> = { actors: true, titles: true };

/** The phrase matches `findActors` reads: of `specMatcher`, `countryMatcher` and the titles' matcher. */
export interface ActorMatches {
  readonly specs: readonly PhraseMatch[];
  readonly countries: readonly PhraseMatch[];
  readonly titles: readonly PhraseMatch[];
}

/**
 * `findActors` on its phrase matches found already (`analyzeArticle` finds them with the lexicons', in one pass).
 *
 * @example
 * const { tokens } = article;
 * actorsOf(article, {}, { specs: [], countries: countryMatcher().match(tokens), titles: matcherOf(DEFAULT_LEXICONS.titles).match(tokens) });
 * // the same actors as findActors(article)
 */
export function actorsOf(article: Article, options: FindActorsOptions, matches: ActorMatches): Actor[] {
  const tokens = article.tokens;
  const n = tokens.length;
  // What each token already belongs to: 0 free, 1 user actor, 2 country, 3 title word.
  const claim = new Uint8Array(n);
  const raw: RawMention[] = [];

  const specs = options.actors ?? [];
  for (const match of matches.specs) {
    const spec = specs[Number(match.entry.id)]!;
    raw.push({ key: spec.id ?? specKey(spec), type: spec.type ?? 'unknown', origin: 'spec', tokenStart: match.tokenStart, tokenEnd: match.tokenEnd, name: spec.name });
    claim.fill(1, match.tokenStart, match.tokenEnd);
  }

  const countryAt = new Map<number, PhraseMatch>();
  for (const match of matches.countries) {
    if (claim[match.tokenStart] !== 0 || !countryCaseOk(tokens, match)) continue;
    countryAt.set(match.tokenStart, match);
  }
  for (const match of matches.titles) {
    if (claim[match.tokenStart] !== 0 || !isCapitalized(tokens[match.tokenStart]!.value)) continue;
    if (isSurnameTitle(tokens, match.tokenStart, match.tokenEnd, (k) => countryAt.has(k))) continue;
    claim.fill(3, match.tokenStart, match.tokenEnd);
  }

  const lowerWords = new Set<string>();
  for (const token of tokens) if (!isCapitalized(token.value)) lowerWords.add(tokenKey(token));
  const titleWords = titleWordsOf(options.titles ?? DEFAULT_LEXICONS.titles);
  // A word of a name that can be a given name: no initial or other abbreviation, no word in
  // capitals ("AP Photos Clinton"), suffix, title or other describing word, party member,
  // nationality or place ("Republican Mitt Romney", "Judge Kavanaugh"). A common word of the text
  // is one inside a sentence, or when it is a known given name ("Bill Clinton" in a story about a
  // bill), not where any word may be capitalised: first in a sentence or in a headline ("Former
  // Trump aide", "Creepy Biden").
  const isGiven = (index: number, key: string): boolean => {
    if (!isGivenWord(tokens[index]!.value, key, titleWords)) return false;
    return !lowerWords.has(key) || isKnownGivenName(key) || (index > 0 && tokens[index - 1]!.sentence === tokens[index]!.sentence && article.blocks[article.sentences[tokens[index]!.sentence]!.block]!.role !== 'headline');
  };

  const nameLike = (i: number): boolean => {
    const token = tokens[i]!;
    return claim[i] === 0 && (token.pos === 'PROPN' || countryAt.has(i)) && isCapitalized(token.value) && !CALENDAR.has(token.lower) && !FIRST_PERSON.has(token.lower);
  };

  for (let i = 0; i < n; ) {
    if (!nameLike(i)) {
      i++;
      continue;
    }
    // A run of name words in one sentence: hyphens glued to names ("Self-Defense") and "of"
    // after an organisation word ("Ministry of Defense") continue it; titles end it.
    const sentence = tokens[i]!.sentence;
    let j = i + 1;
    while (j < n && tokens[j]!.sentence === sentence) {
      if (nameLike(j)) {
        j++;
        continue;
      }
      const token = tokens[j]!;
      const glued = token.value === '-' && tokens[j - 1]!.end === token.start && j + 1 < n && tokens[j + 1]!.start === token.end && nameLike(j + 1);
      const previous = tokens[j - 1]!.lower;
      const of = token.lower === 'of' && (ORG_FIRST.has(previous) || ORG_HEADS.has(previous)) && j + 1 < n && nameLike(j + 1);
      if ((glued || of) && tokens[j + 1]!.sentence === sentence) {
        j += 2;
        continue;
      }
      break;
    }
    addRun(i, j);
    i = j;
  }

  function addRun(from: number, to: number): void {
    let start = from;
    // "…, Jr." after a comma: the suffix of the name before it, no actor of its own.
    if (to - from === 1 && NAME_SUFFIXES.has(tokens[from]!.lower)) return;
    const titled = start > 0 && (claim[start - 1] === 3 || HONORIFICS.has(tokens[start - 1]!.lower));
    const title = start > 0 && claim[start - 1] === 3 ? tokens[start - 1]!.lower : undefined;
    while (start < to && HONORIFICS.has(tokens[start]!.lower)) start++;
    if (start >= to) return;
    const country = countryAt.get(start);
    if (country && country.tokenEnd <= to) {
      if (country.tokenEnd === to) {
        raw.push({ key: country.entry.id, type: 'country', origin: 'country', tokenStart: start, tokenEnd: to });
        return;
      }
      const rest = classify(country.tokenEnd, to, false, undefined);
      const isName = tokens[start]!.lower === keyWord(country.entry.note);
      const placeBefore = start > 0 && (tokens[start - 1]!.pos === 'ADP' || claim[start - 1] === 3);
      if (rest.type === 'organization') {
        raw.push({ ...classify(start, to, titled, title), type: 'organization' });
        return;
      }
      // "Japan Rahm Emmanuel" after "to" is a place then a person; "Jordan Peterson" is a name.
      if (!isName || placeBefore || rest.type === 'country') {
        raw.push({ key: country.entry.id, type: 'country', origin: 'country', tokenStart: start, tokenEnd: country.tokenEnd });
        addRun(country.tokenEnd, to);
        return;
      }
    }
    raw.push(classify(start, to, titled, title));
  }

  function classify(from: number, to: number, titled: boolean, title: string | undefined): RawMention {
    const words = tokens.slice(from, to);
    const values = words.map((token) => token.value).filter((value) => value !== '-');
    const nameTokens = words.flatMap((token, k) => (token.value !== '-' ? [from + k] : []));
    const glued = words.length !== values.length;
    // A possessive the tokenizer left on the word ("Israel’s") is not part of the name.
    values[values.length - 1] = stripPossessive(values[values.length - 1]!);
    // "Martin Luther King Jr.": the suffix is not the surname, though a thing's numeral stays in its key ("World War II").
    let named = values.length;
    while (named > 1 && NAME_SUFFIXES.has(values[named - 1]!.toLowerCase())) named--;
    const last = keyWord(values[named - 1]!);
    const first = keyWord(values[0]!);
    // "Affordable Care Act": the tagger may read the thing's last word as a verb, outside the run.
    const after = tokens[to];
    const thing = THING_LAST.has(last) || (after !== undefined && after.sentence === tokens[from]!.sentence && isCapitalized(after.value) && THING_LAST.has(after.lower));
    const mention = (key: string, type: ActorType, origin: RawMention['origin'] = 'text'): RawMention => ({ key, type, origin, tokenStart: from, tokenEnd: to, titled, ...(title !== undefined ? { title } : {}) });
    // "George H.W. Bush Jr.": the given names, the middle initials and the suffix tell people of one surname apart.
    // `names`: the indexes of the name's tokens before the surname (after it, in Japanese order).
    const person = (surname: string, names: readonly number[], type: ActorType = 'person'): RawMention => ({
      key: surname,
      type,
      origin: 'text',
      tokenStart: from,
      tokenEnd: to,
      titled,
      surname,
      givens: names.map((index) => [index, tokenKey(tokens[index]!)] as const).filter(([index, key]) => key !== surname && isGiven(index, key)).map(([, key]) => key),
      initials: initialsOf(names.map((index) => tokens[index]!.value)),
      suffix: suffixOf(values.slice(named)),
      ...(title !== undefined ? { title } : {}),
    });
    if (ORG_HEADS.has(last) || ORG_FIRST.has(first) && values.length > 1 || words.some((token) => token.lower === 'of')) {
      return mention(slug(values), 'organization');
    }
    // After a title or honorific a person is named even by such a word ("Mayor John Tory").
    if (!titled && (thing || PARTY_MEMBERS.has(last))) return mention(slug(values), 'unknown');
    if (values.length === 1) {
      const country = COUNTRY_BY_FORM.get(values[0]!);
      if (country) return mention(country, 'country', 'country');
      return mention(last, isAcronym(values[0]!) ? 'organization' : titled ? 'person' : 'unknown');
    }
    if (!titled && (glued || PLACE_LAST.has(last) || PLACE_FIRST.has(first))) return mention(slug(values), 'unknown');
    // Title words ("Defense Cooperation") and common nouns of the text are not sure names: the
    // type stays open, but the key is the one a person would get, so it agrees across articles.
    if (!titled && titleWords.has(first)) return mention(last, 'unknown');
    if (!titled && lowerWords.has(last)) return person(last, nameTokens.slice(0, named - 1), 'unknown');
    // Japanese order with the surname in capitals first: "HAMADA Yasukazu".
    if (values.length === 2 && isUpperWord(values[0]!) && values[0]!.length >= 3 && !isUpperWord(values[1]!)) {
      return person(first, [nameTokens[1]!]);
    }
    if (values.every((value) => isAcronym(value))) return mention(slug(values), 'organization');
    // A run right before a title in its sentence qualifies the title and is no sure person: "Former
    // FBI | Director James Comey", "Joint Staff | Director". Its key is the one a person would get,
    // so "Trump Nominates Mike Pompeo | Secretary Of State" still joins the Pompeo of the story.
    if (to < n && claim[to] === 3 && tokens[to]!.sentence === tokens[from]!.sentence) return mention(last, 'unknown');
    return person(last, nameTokens.slice(0, named - 1));
  }

  return groupMentions(article, raw, lowerWords);
}

function slug(values: readonly string[]): string {
  return values.map(keyWord).join('-').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

function specKey(spec: ActorSpec): string {
  const words = spec.name.trim().split(/\s+/);
  if (spec.type === 'person' || (spec.type === undefined && words.length === 2 && words.every((word) => isCapitalized(word)))) {
    return keyWord(words[words.length - 1]!);
  }
  return slug(words);
}

/**
 * The surname key inside a person's id: the id itself, or the surname of another person of that
 * surname, whose id is given name, surname and suffix.
 *
 * @example
 * [surnameOfId('gantz'), surnameOfId('hunter-biden'), surnameOfId('donald-trump-jr')]; // ['gantz', 'biden', 'trump']
 */
export function surnameOfId(id: string): string {
  const parts = id.split('-');
  while (parts.length > 1 && NAME_SUFFIXES.has(parts[parts.length - 1]!)) parts.pop();
  return parts[parts.length - 1]!;
}

/**
 * The id of a person of a surname who is not the one keeping the bare surname: the first name most
 * often written (`firstNames`, by count), middle initials, surname and suffix ("hunter-biden",
 * "george-w-bush", "donald-trump-jr").
 *
 * @example
 * otherPersonId(new Map([['george', 2]]), 'bush', { givens: ['george'], initials: 'w.', suffix: '' }); // 'george-w-bush'
 */
export function otherPersonId(firstNames: ReadonlyMap<string, number>, surname: string, parts: NameParts): string {
  const given = [...firstNames].sort((a, b) => b[1] - a[1])[0]?.[0] ?? parts.givens[0]!;
  return [given, parts.initials.replace(/\./g, ''), surname, parts.suffix].filter((part) => part !== '').join('-');
}

/** The middle initials of a name's words before the surname ("H.W." → "h.w."), and the key of its suffix words ("Jr." → "jr"). */
function initialsOf(names: readonly string[]): string {
  return names.filter((value) => INITIALS.test(value)).join('').toLowerCase();
}
function suffixOf(suffixes: readonly string[]): string {
  return suffixes.map((value) => keyWord(value).replace(/\./g, '')).join(' ');
}

/** What tells people of one surname apart in a written full name: its given names (keys, first name first), middle initials and suffix. */
export interface NameParts {
  readonly givens: readonly string[];
  readonly initials: string;
  readonly suffix: string;
}

const SHIPPED_TITLE_WORDS: { words?: ReadonlySet<string> } = {};

/**
 * The name parts of a written form of a person whose surname key is `surname` ("Hunter Biden",
 * "Donald J. Trump Jr."), read with the rules the actor finder uses for a name inside a sentence
 * (the shipped titles' words are no given names); undefined when the form does not end in the
 * surname (before a suffix or a possessive) or names no one by a given name.
 *
 * @example
 * namePartsOf('Donald J. Trump Jr.', 'trump'); // { givens: ['donald'], initials: 'j.', suffix: 'jr' }
 */
export function namePartsOf(form: string, surname: string): NameParts | undefined {
  const words = form.trim().split(/\s+/);
  let named = words.length;
  while (named > 1 && NAME_SUFFIXES.has(words[named - 1]!.toLowerCase())) named--;
  if (named < 2 || keyWord(stripPossessive(words[named - 1]!)) !== surname) return undefined;
  const titleWords = (SHIPPED_TITLE_WORDS.words ??= titleWordsOf(DEFAULT_LEXICONS.titles));
  const names = words.slice(0, named - 1);
  const givens = names.map((value) => [value, keyWord(value)] as const).filter(([value, key]) => key !== surname && isGivenWord(value, key, titleWords)).map(([, key]) => key);
  if (givens.length === 0) return undefined;
  return { givens, initials: initialsOf(names), suffix: suffixOf(words.slice(named)) };
}

/** A word of a name that can be a given name, by the word alone: no initial or other abbreviation, no word in capitals, suffix, title or other describing word, party member, nationality or place. */
function isGivenWord(value: string, key: string, titleWords: ReadonlySet<string>): boolean {
  if (value.endsWith('.') || /^\p{L}$/u.test(value) || isUpperWord(value) || isAcronym(value) || COUNTRY_BY_FORM.has(value)) return false;
  return !(NAME_SUFFIXES.has(key) || HONORIFICS.has(key) || titleWords.has(key) || OFFICE_WORDS.has(key) || DESCRIBING_WORDS.has(key) || PARTY_MEMBERS.has(key) || PLACE_NAMES.has(key));
}

/** One person among the people of a surname an article names in full. */
interface Bearer {
  readonly surname: string;
  /** The given names of the first full mention ("hunter"). */
  readonly givens: readonly string[];
  /** Middle initials ("h.w."), the first written; empty while none is. */
  initials: string;
  /** A generational suffix ("jr"), or empty. */
  readonly suffix: string;
  /** The last words of the titles written before the full mentions ("president"). */
  readonly titles: Set<string>;
  readonly first: number;
  /** A person the caller declared (`actors` option): it keeps its id. */
  readonly declared: boolean;
  /** Its mentions, once those by surname or given name alone are placed. */
  mentions: number;
  /** How often each first given name is written in its full mentions: the most written names it ("hunter-biden"). */
  readonly firstNames: Map<string, number>;
}

/**
 * Whether a full name may name this person: given names that may be one person's, the same
 * suffix, no other middle initials.
 *
 * @example
 * mayBeNamed({ givens: ['george'], initials: 'w.', suffix: '' }, { givens: ['george'], initials: 'h.w.', suffix: '' }); // false
 */
export function mayBeNamed(person: NameParts, name: NameParts): boolean {
  return person.suffix === name.suffix && (person.initials === '' || name.initials === '' || person.initials === name.initials) && mayBeOnePerson(person.givens, name.givens);
}

/**
 * Tells apart the people of one surname an article names in full ("Joe Biden", "Hunter Biden"),
 * whose given names cannot be one person's (`mayBeOnePerson`), or whose suffixes or middle
 * initials differ ("Donald Trump", "Donald Trump Jr."; "George H.W. Bush", "George W. Bush"). A
 * mention by surname alone ("Biden", "Mr. Biden") goes to the person of that surname named in full
 * after that title ("President Biden" after "President Joe Biden"), else to a person of that
 * surname the caller declared, else to the person of that surname named in full first: news names
 * its main person in full first and by surname after, and another person of that surname in full
 * or by given name each time (AP style: "Jesse Jackson Jr. ... Jackson said ... Sandra Jackson").
 * On the bench articles this placed more surnames right than the nearest person of that surname
 * before them, the order of the multi-pass sieve for names (Lee et al. 2013), which gave "Bill
 * Clinton has caused some problems for the Clinton campaign" to Bill. The one mentioned most (by
 * surname, full name or given name alone) keeps the surname as its id, as every person of a
 * surname named alone does, so it agrees across articles; the others are "hunter-biden",
 * "donald-trump-jr". A declared person keeps its id. A surname with one person keeps its keys:
 * `keyOf` holds only the mentions of surnames with several people. `givenToKey` places a given
 * name alone ("Hunter"), null where it names two people.
 */
function peopleOfSurnames(raw: readonly RawMention[], surnames: ReadonlySet<string>): { keyOf: Map<RawMention, string>; givenToKey: Map<string, string | null> } {
  const bySurname = new Map<string, Bearer[]>();
  const bearerOf = new Map<RawMention, Bearer>();
  const givenBearer = new Map<string, Bearer | null>();
  const add = (surname: string, givens: readonly string[], initials: string, suffix: string, first: number, declared: boolean): Bearer => {
    let people = bySurname.get(surname);
    if (!people) bySurname.set(surname, (people = []));
    let bearer = people.find((person) => mayBeNamed(person, { givens, initials, suffix }));
    if (!bearer) people.push((bearer = { surname, givens, initials, suffix, titles: new Set(), first, declared, mentions: 0, firstNames: new Map() }));
    if (bearer.initials === '') bearer.initials = initials;
    return bearer;
  };
  // A person the caller declared ("Donald Trump") is a person of its surname, named before the text.
  for (const mention of raw) {
    if (mention.origin !== 'spec' || !surnames.has(mention.key) || bySurname.has(mention.key)) continue;
    const words = (mention.name ?? '').trim().split(/\s+/);
    if (words.length >= 2 && keyWord(words[words.length - 1]!) === mention.key) add(mention.key, words.slice(0, -1).map(keyWord), '', '', -1, true);
  }
  const named = raw.filter((mention) => mention.origin === 'text' && mention.surname !== undefined && mention.givens!.length > 0);
  named.sort((a, b) => a.tokenStart - b.tokenStart);
  for (const mention of named) {
    const bearer = add(mention.surname!, mention.givens!, mention.initials!, mention.suffix!, mention.tokenStart, false);
    if (mention.title !== undefined) bearer.titles.add(mention.title);
    bearerOf.set(mention, bearer);
    const given = mention.givens![0]!;
    bearer.firstNames.set(given, (bearer.firstNames.get(given) ?? 0) + 1);
    givenBearer.set(given, givenBearer.get(given) === undefined || givenBearer.get(given) === bearer ? bearer : null);
  }
  const keyOf = new Map<RawMention, string>();
  const several = new Set([...bySurname].filter(([, people]) => people.length > 1).map(([surname]) => surname));
  if (several.size === 0) return { keyOf, givenToKey: new Map([...givenBearer].map(([given, bearer]) => [given, bearer && bearer.surname] as const)) };
  for (const mention of raw) {
    if (mention.origin !== 'text' || (mention.type !== 'person' && mention.type !== 'unknown')) continue;
    if (mention.tokenEnd - mention.tokenStart === 1 && !surnames.has(mention.key) && !bySurname.has(mention.key)) {
      // A given name alone ("Melania") names its person too.
      const bearer = givenBearer.get(mention.key);
      if (bearer) bearer.mentions++;
      continue;
    }
    if (!several.has(mention.key)) continue;
    let bearer = bearerOf.get(mention);
    if (!bearer) {
      const people = bySurname.get(mention.key)!;
      const titled = mention.title !== undefined ? people.filter((person) => person.titles.has(mention.title!)) : [];
      bearer = titled.length === 1 ? titled[0]! : (people.find((person) => person.declared) ?? people[0]!);
      bearerOf.set(mention, bearer);
    }
    bearer.mentions++;
  }
  const keys = new Map<Bearer, string>();
  for (const [surname, people] of bySurname) {
    const main = people.find((person) => person.declared) ?? [...people].sort((a, b) => b.mentions - a.mentions || a.first - b.first)[0];
    for (const person of people) keys.set(person, person === main || !several.has(surname) ? surname : otherPersonId(person.firstNames, surname, person));
  }
  for (const [mention, bearer] of bearerOf) if (several.has(bearer.surname)) keyOf.set(mention, keys.get(bearer)!);
  return { keyOf, givenToKey: new Map([...givenBearer].map(([given, bearer]) => [given, bearer && keys.get(bearer)!] as const)) };
}

/** `lowerWords`: the keys of the article's words that do not start with a capital. */
function groupMentions(article: Article, raw: RawMention[], lowerWords: ReadonlySet<string>): Actor[] {
  const tokens = article.tokens;
  // Surnames and given names of the people named in full, to place "Gantz" and "Benny".
  const surnames = new Set<string>();
  for (const mention of raw) if (mention.type === 'person' && mention.surname) surnames.add(mention.surname);
  const { keyOf, givenToKey } = peopleOfSurnames(raw, surnames);
  const acronyms = new Map<string, string>();
  // "Self-Defense Forces (SDF)", "Israeli Defense Forces – IDF": the acronym joins the name.
  for (const mention of raw) {
    if (mention.type !== 'organization' || mention.origin !== 'text') continue;
    const next = mention.tokenEnd;
    const open = tokens[next];
    const acronym = tokens[next + 1];
    if (open && acronym && /^[(\u2013\u2014-]$/.test(open.value) && isAcronym(acronym.value) && open.sentence === acronym.sentence) {
      acronyms.set(keyWord(acronym.value), mention.key);
    }
  }

  const groups = new Map<string, { type: ActorType; origin: 'spec' | 'country' | 'text'; name: string; forms: Map<string, number>; mentions: ActorMention[]; body: number }>();
  for (const mention of raw) {
    let { key, type } = mention;
    key = keyOf.get(mention) ?? key;
    if (mention.origin === 'text' && mention.tokenEnd - mention.tokenStart === 1) {
      if (surnames.has(mention.key)) type = 'person';
      else if (givenToKey.get(key)) {
        key = givenToKey.get(key)!;
        type = 'person';
      } else if (acronyms.has(key)) {
        key = acronyms.get(key)!;
        type = 'organization';
      } else if (type === 'unknown' && lowerWords.has(key)) {
        continue; // a common word capitalized at a sentence start or in a headline
      }
    }
    const start = tokens[mention.tokenStart]!.start;
    const lastToken = tokens[mention.tokenEnd - 1]!;
    const end = lastToken.start + stripPossessive(lastToken.value).length;
    const text = article.text.slice(start, end);
    const block = article.blocks[article.sentences[tokens[mention.tokenStart]!.sentence]!.block]!;
    const boilerplate = block.role === 'boilerplate';
    let group = groups.get(key);
    if (!group) {
      group = { type, origin: mention.origin, name: mention.name ?? text, forms: new Map(), mentions: [], body: 0 };
      groups.set(key, group);
    }
    if (group.type === 'unknown' && type !== 'unknown') group.type = type;
    if (mention.origin === 'spec') group.origin = 'spec';
    if (!mention.name && group.origin === 'text' && text.length > group.name.length) group.name = text;
    group.forms.set(text, (group.forms.get(text) ?? 0) + 1);
    group.mentions.push({ start, end, text, tokenStart: mention.tokenStart, tokenEnd: mention.tokenEnd, boilerplate });
    if (!boilerplate) group.body++;
  }

  const actors: Actor[] = [];
  for (const [id, group] of groups) {
    if (group.body === 0) continue;
    const country = group.type === 'country' ? COUNTRY_BY_ID.get(id) : undefined;
    const mentions = group.mentions.sort((a, b) => a.start - b.start);
    actors.push({
      id,
      name: group.origin === 'country' && country ? country.name : group.name,
      type: group.type,
      forms: [...group.forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([form]) => form),
      mentions,
      origin: group.origin,
    });
  }
  return actors.sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0]!.start - b.mentions[0]!.start);
}

/**
 * The actor mentioned exactly or partly within [start, end), if any.
 *
 * @example
 * findActorAt(actors, finding.start, finding.end)?.id; // 'gantz'
 */
export function findActorAt(actors: readonly Actor[], start: number, end: number): Actor | undefined {
  for (const actor of actors) {
    for (const mention of actor.mentions) if (mention.start < end && start < mention.end) return actor;
  }
  return undefined;
}

/** `findActorAt` over one list of actors, asked many times. */
export type ActorLocator = (start: number, end: number) => Actor | undefined;

/**
 * `findActorAt` for a list of actors that is asked about many spans: the mentions are sorted
 * once, and each question is a binary search, so an analyzer that asks once per sentence stays
 * linear in the text. The list must not change while the locator is in use.
 *
 * @example
 * const actorAt = actorLocator(actors);
 * actorAt(finding.start, finding.end)?.id; // 'gantz', as findActorAt(actors, finding.start, finding.end)
 */
export function actorLocator(actors: readonly Actor[]): ActorLocator {
  expectArray(actors, 'actors');
  const entries: { start: number; end: number; order: number }[] = [];
  actors.forEach((actor, order) => {
    for (const mention of actor.mentions) {
      // A mention without finite offsets overlaps nothing, as in findActorAt; it must not make
      // `longest` NaN for the others.
      if (Number.isFinite(mention.start) && Number.isFinite(mention.end)) entries.push({ start: mention.start, end: mention.end, order });
    }
  });
  entries.sort((a, b) => a.start - b.start || a.order - b.order);
  const starts = new Float64Array(entries.length);
  const ends = new Float64Array(entries.length);
  const order = new Int32Array(entries.length);
  let longest = 0;
  entries.forEach((entry, k) => {
    starts[k] = entry.start;
    ends[k] = entry.end;
    order[k] = entry.order;
    longest = Math.max(longest, entry.end - entry.start);
  });
  return (start, end) => {
    // The mentions that start before `end`, read back from the last of them for as long as a
    // mention as long as the longest could still reach past `start`; the first actor in list
    // order wins, as in findActorAt.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < end) low = mid + 1;
      else high = mid;
    }
    let best = -1;
    for (let k = low - 1; k >= 0 && starts[k]! > start - longest; k--) {
      if (start < ends[k]! && (best === -1 || order[k]! < best)) best = order[k]!;
    }
    return best === -1 ? undefined : actors[best];
  };
}

/**
 * An index from token positions to the actor mentioned there, for analyzers that look at
 * the words next to a title or label in constant time.
 *
 * @example
 * const at = indexActorTokens(actors); at.get(12)?.actor.id; // 'gantz'
 */
export function indexActorTokens(actors: readonly Actor[]): Map<number, { readonly actor: Actor; readonly mention: ActorMention }> {
  expectArray(actors, 'actors');
  const index = new Map<number, { actor: Actor; mention: ActorMention }>();
  for (const actor of actors) {
    for (const mention of actor.mentions) {
      if (mention.tokenStart === undefined || mention.tokenEnd === undefined) continue;
      for (let t = mention.tokenStart; t < mention.tokenEnd; t++) index.set(t, { actor, mention });
    }
  }
  return index;
}
