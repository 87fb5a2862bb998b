import { checkArticle } from '../inputs';
import { insideSpans, spanFields, type Article } from '../article';
import type { HedgeCategory, HedgeFinding } from '../findings';
import { HEDGE_CATEGORIES } from '../lexicons';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { isSpeechRole, readSpeech } from './speech';

const CATEGORIES: ReadonlySet<string> = new Set<HedgeCategory>(HEDGE_CATEGORIES);

/**
 * Hedges and distancing in the writer's account: hedges that soften a claim ("apparently",
 * "it is likely"), distancing that keeps a fact at arm's length ("reportedly", "allegedly",
 * "as per") and weasel attributions to unnamed sources ("critics say", "it is believed").
 * Hedges inside quoted words (a quotation the quote analyzer reads as speech, a partial quotation or
 * a quote-led headline) are the speaker's, not the writer's, and are left out.
 *
 * @example
 * findHedges(readArticle('The forces reportedly forged an agreement.'), context)[0].category; // 'distancing'
 */
export function findHedges(article: Article, context: AnalyzerContext): HedgeFinding[] {
  checkArticle(article);
  const tokens = article.tokens;
  const findings: HedgeFinding[] = [];
  const matches = context.matches('hedges', tokens);
  // A speaker's own hedge inside quoted words is not the writer's distancing.
  const speech = matches.length > 0 ? speakerWords(article, context) : [];
  for (const match of matches) {
    const start = tokens[match.tokenStart]!.start;
    const end = tokens[match.tokenEnd - 1]!.end;
    if (insideSpans(speech, start, end)) continue;
    const category = CATEGORIES.has(match.entry.category) ? (match.entry.category as HedgeCategory) : 'hedge';
    findings.push({ analyzer: 'hedge', rule: match.entry.id, ...spanFields(article, start, end), term: match.term, category });
  }
  return findings;
}

/** The insides of the quotations read as someone's words, outermost only, in text order. */
function speakerWords(article: Article, context: AnalyzerContext): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const { quote, role } of readSpeech(article, context).quotes) {
    if (quote.depth === 0 && isSpeechRole(role)) spans.push({ start: quote.innerStart, end: quote.innerEnd });
  }
  return spans;
}

/** The hedge analyzer's descriptor. */
export const hedge: Analyzer<'hedge'> = {
  id: 'hedge',
  summary: 'Hedges, distancing and weasel wording ("reportedly", "allegedly", "as per", "critics say"), with a category.',
  analyze: findHedges,
};
