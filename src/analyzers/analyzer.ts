import type { Article } from '../article';
import type { Actor } from '../actors';
import type { AnalyzerId, FindingOf } from '../findings';
import { compilePhrases, type LexiconName, type Lexicons, type PhraseMatcher } from '../lexicons';

/** What every analyzer receives besides the article: lexicons, their matchers and the actors. */
export interface AnalyzerContext {
  readonly lexicons: Lexicons;
  /** The compiled matcher of a lexicon (compiled once per lexicon set and cached). */
  matcher(name: LexiconName): PhraseMatcher;
  readonly actors: readonly Actor[];
}

/** An analyzer: an id, a one-line summary and a pure function from an article to findings. */
export interface Analyzer<A extends AnalyzerId = AnalyzerId> {
  readonly id: A;
  readonly summary: string;
  readonly analyze: (article: Article, context: AnalyzerContext) => FindingOf<A>[];
}

const matcherCache = new WeakMap<Lexicons, Map<LexiconName, PhraseMatcher>>();

/** The cached matcher of one lexicon of a lexicon set. */
export function lexiconMatcher(lexicons: Lexicons, name: LexiconName): PhraseMatcher {
  let byName = matcherCache.get(lexicons);
  if (!byName) {
    byName = new Map();
    matcherCache.set(lexicons, byName);
  }
  let matcher = byName.get(name);
  if (!matcher) {
    matcher = compilePhrases(lexicons[name]);
    byName.set(name, matcher);
  }
  return matcher;
}

/** A context for analysing one article with a lexicon set and its actors. */
export function createContext(lexicons: Lexicons, actors: readonly Actor[]): AnalyzerContext {
  return { lexicons, actors, matcher: (name) => lexiconMatcher(lexicons, name) };
}
