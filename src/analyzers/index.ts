import type { Analyzer } from './analyzer';
import type { AnalyzerId } from '../findings';
import { scareQuoteAnalyzer } from './scare-quote';
import { attributionAnalyzer } from './attribution';
import { quoteAnalyzer } from './quote';
import { creditAnalyzer } from './credit';
import { titleChoice } from './title-choice';
import { label } from './label';
import { loadedLanguage } from './loaded-language';
import { hedge } from './hedge';

/** Every analyzer framelens ships, in report order. */
export const ANALYZERS: readonly Analyzer[] = [scareQuoteAnalyzer, titleChoice, label, attributionAnalyzer, loadedLanguage, hedge, quoteAnalyzer, creditAnalyzer].map(widen);

/** A descriptor as the registry holds it (`FindingOf<A>` is a conditional type, which makes `Analyzer<A>` invariant in A). */
function widen(analyzer: { readonly [A in AnalyzerId]: Analyzer<A> }[AnalyzerId]): Analyzer {
  return analyzer as unknown as Analyzer;
}

export type { Analyzer, AnalyzerContext } from './analyzer';
export { articleMatcher, COUNTRIES_AT, createContext, lexiconMatcher, lexiconMatches, SPECS_AT } from './analyzer';
export type { LexiconMatches } from './analyzer';
