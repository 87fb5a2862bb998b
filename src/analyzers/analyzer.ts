import type { Article } from '../article';
import type { Actor } from '../actors';
import type { AnalyzerId, FindingOf } from '../findings';
import type { Token } from '../article';
import { joinMatchers, LEXICON_NAMES, matcherOf, type LexiconName, type Lexicons, type PhraseMatch, type PhraseMatcher } from '../lexicons';

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

/** The cached matcher of one lexicon of a lexicon set. */
export function lexiconMatcher(lexicons: Lexicons, name: LexiconName): PhraseMatcher {
  return matcherOf(lexicons[name]);
}

/** Every lexicon's matches over one token array, by lexicon. */
export interface LexiconMatches {
  readonly tokens: readonly Token[];
  readonly byName: { readonly [N in LexiconName]: readonly PhraseMatch[] };
}

/** The lexicons' matches, in `LEXICON_NAMES` order, as `LexiconMatches`. */
export function lexiconMatches(tokens: readonly Token[], lists: readonly (readonly PhraseMatch[])[]): LexiconMatches {
  const byName = {} as Record<LexiconName, readonly PhraseMatch[]>;
  LEXICON_NAMES.forEach((name, index) => (byName[name] = lists[index]!));
  return { tokens, byName };
}

/** The matchers of a lexicon set's lexicons, in `LEXICON_NAMES` order. */
export function lexiconMatchers(lexicons: Lexicons): PhraseMatcher[] {
  return LEXICON_NAMES.map((name) => lexiconMatcher(lexicons, name));
}

const jointCache = new WeakMap<Lexicons, ReturnType<typeof joinMatchers>>();

/**
 * A context for analysing articles with a lexicon set and an article's actors. `found`, the
 * lexicons' matches over an article's tokens found already, spares the context its own pass.
 */
export function createContext(lexicons: Lexicons, actors: readonly Actor[], found?: LexiconMatches): AnalyzerContext {
  let last = found;
  return {
    lexicons,
    actors,
    matcher: (name) => lexiconMatcher(lexicons, name),
    matches(name, tokens) {
      if (last?.tokens !== tokens) {
        let joint = jointCache.get(lexicons);
        if (!joint) jointCache.set(lexicons, (joint = joinMatchers(lexiconMatchers(lexicons))));
        last = lexiconMatches(tokens, joint.match(tokens));
      }
      return last.byName[name];
    },
  };
}
