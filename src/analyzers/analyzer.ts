import type { Article, Token } from '../article';
import { countryMatcher, NO_ACTORS, specMatcher, type Actor, type ActorSpec } from '../actors';
import type { AnalyzerId, FindingOf } from '../findings';
import { joinMatchers, LEXICON_NAMES, matcherOf, type JointMatcher, type LexiconName, type Lexicons, type PhraseMatch, type PhraseMatcher } from '../lexicons';

/** What every analyzer receives besides the article: lexicons, their matchers and the actors. */
export interface AnalyzerContext {
  readonly lexicons: Lexicons;
  /** The compiled matcher of a lexicon (compiled once per lexicon set and cached). */
  matcher(name: LexiconName): PhraseMatcher;
  /**
   * What `matcher(name).match(tokens)` gives, with every lexicon matched in the same single pass
   * over the tokens, kept for the token array last asked about.
   */
  matches(name: LexiconName, tokens: readonly Token[]): readonly PhraseMatch[];
  readonly actors: readonly Actor[];
}

/** An analyzer: an id, a one-line summary and a pure function from an article to findings. */
export interface Analyzer<A extends AnalyzerId = AnalyzerId> {
  readonly id: A;
  readonly summary: string;
  readonly analyze: (article: Article, context: AnalyzerContext) => FindingOf<A>[];
}

/**
 * The cached matcher of one lexicon of a lexicon set.
 *
 * @example
 * lexiconMatcher(DEFAULT_LEXICONS, 'hedges').match(readArticle('The talks reportedly ended.').tokens)[0].entry.id; // 'hedge.reportedly'
 */
export function lexiconMatcher(lexicons: Lexicons, name: LexiconName): PhraseMatcher {
  return matcherOf(lexicons[name]);
}

/** Every lexicon's matches over one token array, by lexicon. */
export interface LexiconMatches {
  readonly tokens: readonly Token[];
  readonly byName: { readonly [N in LexiconName]: readonly PhraseMatch[] };
}

/**
 * The lexicons' matches, in `LEXICON_NAMES` order, as `LexiconMatches`.
 *
 * @example
 * const { tokens } = readArticle('The talks reportedly ended.');
 * lexiconMatches(tokens, articleMatcher(DEFAULT_LEXICONS).match(tokens)).byName.hedges[0].entry.id; // 'hedge.reportedly'
 */
export function lexiconMatches(tokens: readonly Token[], lists: readonly (readonly PhraseMatch[])[]): LexiconMatches {
  const byName = {} as Record<LexiconName, readonly PhraseMatch[]>;
  LEXICON_NAMES.forEach((name, index) => (byName[name] = lists[index]!));
  return { tokens, byName };
}

/** Where `articleMatcher`'s lists hold the country table's and the user actors' matches, after the lexicons'. */
export const COUNTRIES_AT = LEXICON_NAMES.length;
export const SPECS_AT = COUNTRIES_AT + 1;

const articleMatchers = new WeakMap<Lexicons, WeakMap<readonly ActorSpec[], JointMatcher>>();

/**
 * The lexicons (in `LEXICON_NAMES` order), the country table and the user's actors, matched together
 * in one pass over an article's tokens. Joining them costs more than analysing a short article: they
 * are joined once per lexicon set and actor list, and only when first asked for, so that checking
 * options (as a pool does on the calling thread, whose workers analyse) loads no model.
 *
 * @example
 * articleMatcher(DEFAULT_LEXICONS).match(readArticle('Japan and Israel met.').tokens)[COUNTRIES_AT].map((m) => m.entry.id); // ['japan', 'israel']
 */
export function articleMatcher(lexicons: Lexicons, actors: readonly ActorSpec[] = NO_ACTORS): JointMatcher {
  let byActors = articleMatchers.get(lexicons);
  if (!byActors) articleMatchers.set(lexicons, (byActors = new WeakMap()));
  let matcher = byActors.get(actors);
  if (!matcher) {
    matcher = joinMatchers([...LEXICON_NAMES.map((name) => lexiconMatcher(lexicons, name)), countryMatcher(), specMatcher(actors)]);
    byActors.set(actors, matcher);
  }
  return matcher;
}

/**
 * A context for analysing articles with a lexicon set and an article's actors. `found`, the
 * lexicons' matches over an article's tokens found already, spares the context its own pass.
 *
 * @example
 * const article = readArticle("Japan, 'Israel' agree on military collaboration");
 * findScareQuotes(article, createContext(DEFAULT_LEXICONS, findActors(article)))[0].term; // 'Israel'
 */
export function createContext(lexicons: Lexicons, actors: readonly Actor[], found?: LexiconMatches): AnalyzerContext {
  let last = found;
  return {
    lexicons,
    actors,
    matcher: (name) => lexiconMatcher(lexicons, name),
    matches(name, tokens) {
      if (last?.tokens !== tokens) last = lexiconMatches(tokens, articleMatcher(lexicons).match(tokens));
      return last.byName[name];
    },
  };
}
