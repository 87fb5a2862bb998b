import { checkArticle } from '../inputs';
import { quoteAround, spanFields, type Article } from '../article';
import type { HedgeCategory, HedgeFinding } from '../findings';
import { HEDGE_CATEGORIES } from '../lexicons';
import type { Analyzer, AnalyzerContext } from './analyzer';

const CATEGORIES: ReadonlySet<string> = new Set<HedgeCategory>(HEDGE_CATEGORIES);

/**
 * Hedges and distancing in the writer's account: hedges that soften a claim ("apparently",
 * "it is likely"), distancing that keeps a fact at arm's length ("reportedly", "allegedly",
 * "as per") and weasel attributions to unnamed sources ("critics say", "it is believed").
 * Hedges inside direct speech are the speaker's, not the writer's, and are left out.
 *
 * @example
 * findHedges(readArticle('The forces reportedly forged an agreement.'), context)[0].category; // 'distancing'
 */
export function findHedges(article: Article, context: AnalyzerContext): HedgeFinding[] {
  checkArticle(article);
  const tokens = article.tokens;
  const findings: HedgeFinding[] = [];
  for (const match of context.matches('hedges', tokens)) {
    const start = tokens[match.tokenStart]!.start;
    const end = tokens[match.tokenEnd - 1]!.end;
    // A speaker's own hedge inside direct speech is not the writer's distancing.
    if (isInDirectSpeech(article, start, end)) continue;
    const category = CATEGORIES.has(match.entry.category) ? (match.entry.category as HedgeCategory) : 'hedge';
    findings.push({ analyzer: 'hedge', rule: match.entry.id, ...spanFields(article, start, end), term: match.term, category });
  }
  return findings;
}

/** Direct speech: a quotation of more than three words (shorter ones are terms or scare quotes). */
function isInDirectSpeech(article: Article, start: number, end: number): boolean {
  const quote = quoteAround(article, start, end);
  if (!quote) return false;
  const inner = article.text.slice(quote.innerStart, quote.innerEnd).trim();
  return inner.split(/\s+/).length > 3;
}

/** The hedge analyzer's descriptor. */
export const hedge: Analyzer<'hedge'> = {
  id: 'hedge',
  summary: 'Hedges, distancing and weasel wording ("reportedly", "allegedly", "as per", "critics say"), with a category.',
  analyze: findHedges,
};
