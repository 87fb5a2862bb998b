import { spanFields, type Article } from '../article';
import type { HedgeCategory, HedgeFinding } from '../findings';
import type { Analyzer, AnalyzerContext } from './analyzer';

const CATEGORIES: ReadonlySet<string> = new Set<HedgeCategory>(['hedge', 'distancing', 'weasel']);

/**
 * Hedges and distancing in the writer's account: hedges that soften a claim ("apparently",
 * "it is likely"), distancing that keeps a fact at arm's length ("reportedly", "allegedly",
 * "as per") and weasel attributions to unnamed sources ("critics say", "it is believed").
 *
 * @example
 * findHedges(readArticle('The forces reportedly forged an agreement.'), context)[0].category; // 'distancing'
 */
export function findHedges(article: Article, context: AnalyzerContext): HedgeFinding[] {
  const tokens = article.tokens;
  return context.matcher('hedges').match(tokens).map((match): HedgeFinding => {
    const start = tokens[match.tokenStart]!.start;
    const end = tokens[match.tokenEnd - 1]!.end;
    const category = CATEGORIES.has(match.entry.category) ? (match.entry.category as HedgeCategory) : 'hedge';
    return { analyzer: 'hedge', rule: match.entry.id, ...spanFields(article, start, end), term: match.term, category };
  });
}

/** The hedge analyzer's descriptor. */
export const hedge: Analyzer<'hedge'> = {
  id: 'hedge',
  summary: 'Hedges, distancing and weasel wording ("reportedly", "allegedly", "as per", "critics say"), with a category.',
  analyze: findHedges,
};
