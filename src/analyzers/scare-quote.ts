import { checkArticle } from '../inputs';
import { actorLocator } from '../actors';
import { spanFields, type Article } from '../article';
import type { ScareQuoteFinding } from '../findings';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { readSpeech } from './speech';

/**
 * Scare quotes: a short quoted span (a name or a term, no clause, no sentence punctuation) in the
 * writer's own voice: not direct or partial speech, not inside someone's quoted words, not a
 * Title Case name of a document or concept, not a word being mentioned.
 *
 * @example
 * findScareQuotes(readArticle("Japan, 'Israel' agree on military collaboration"), context)[0].term; // 'Israel'
 */
export function findScareQuotes(article: Article, context: AnalyzerContext): ScareQuoteFinding[] {
  checkArticle(article);
  const findings: ScareQuoteFinding[] = [];
  const findActorAt = actorLocator(context.actors);
  for (const reading of readSpeech(article, context).quotes) {
    if (reading.role !== 'scare') continue;
    const { quote } = reading;
    const actor = findActorAt(quote.innerStart, quote.innerEnd);
    findings.push({
      analyzer: 'scare-quote',
      rule: reading.rule,
      ...spanFields(article, quote.start, quote.end),
      term: article.text.slice(quote.innerStart, quote.innerEnd),
      mark: quote.mark,
      ...(actor ? { actor: actor.id } : {}),
    });
  }
  return findings;
}

/** The scare-quote analyzer's descriptor. */
export const scareQuoteAnalyzer: Analyzer<'scare-quote'> = {
  id: 'scare-quote',
  summary: 'A name or term in quotation marks in the writer\u2019s own voice, not quoted speech or a title.',
  analyze: findScareQuotes,
};
