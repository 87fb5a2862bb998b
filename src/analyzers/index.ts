import type { Analyzer } from './analyzer';
import { scareQuoteAnalyzer } from './scare-quote';
import { attributionAnalyzer } from './attribution';
import { quoteAnalyzer } from './quote';
import { creditAnalyzer } from './credit';

/** Every analyzer framelens ships, in report order. */
export const ANALYZERS: readonly Analyzer[] = [scareQuoteAnalyzer, attributionAnalyzer, quoteAnalyzer, creditAnalyzer];

export type { Analyzer, AnalyzerContext } from './analyzer';
export { createContext, lexiconMatcher } from './analyzer';
