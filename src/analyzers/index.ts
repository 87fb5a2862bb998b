import type { Analyzer } from './analyzer';
import { scareQuoteAnalyzer } from './scare-quote';
import { attributionAnalyzer } from './attribution';
import { quoteAnalyzer } from './quote';

/** Every analyzer framelens ships, in report order. */
export const ANALYZERS: readonly Analyzer[] = [scareQuoteAnalyzer, attributionAnalyzer, quoteAnalyzer];

export type { Analyzer, AnalyzerContext } from './analyzer';
export { createContext, lexiconMatcher } from './analyzer';
