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
 * Hedges inside quoted words (speech, a partial quotation, a quote-led headline, a quoted title or
 * a mentioned word) are someone else's, not the writer's, and are left out; scare quotes stay.
 *
 * @example
 * findHedges(readArticle('The forces reportedly forged an agreement.'), context)[0].category; // 'distancing'
 */
export function findHedges(article: Article, context: AnalyzerContext): HedgeFinding[] {
  checkArticle(article);
  const tokens = article.tokens;
  const findings: HedgeFinding[] = [];
  const matches = context.matches('hedges', tokens);
  // A hedge inside someone else's quoted words is not the writer's distancing.
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

/**
 * The insides of the quotations that hold someone else's words, outermost only, in text order:
 * speech, partial quotations and quote-led headlines, and also quoted titles and mentioned words
 * ("titled “Allegedly Safe”"). Only scare quotes and stray marks are the writer's own voice.
 */
function speakerWords(article: Article, context: AnalyzerContext): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const { quote, role } of readSpeech(article, context).quotes) {
    if (quote.depth === 0 && (isSpeechRole(role) || role === 'title' || role === 'mention')) spans.push({ start: quote.innerStart, end: quote.innerEnd });
  }
  return spans;
}

/** The hedge analyzer's descriptor. */
export const hedge: Analyzer<'hedge'> = {
  id: 'hedge',
  summary: 'Hedges, distancing and weasel wording ("reportedly", "allegedly", "as per", "critics say"), with a category.',
  analyze: findHedges,
};
