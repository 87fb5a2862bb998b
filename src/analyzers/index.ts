import type { Analyzer } from './analyzer';

/** Every analyzer framelens ships, in report order. */
export const ANALYZERS: readonly Analyzer[] = [];

export type { Analyzer, AnalyzerContext } from './analyzer';
export { createContext, lexiconMatcher } from './analyzer';
