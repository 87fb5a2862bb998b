import { checkArticle } from '../inputs';
import { spanFields, type Article } from '../article';
import type { QuoteFinding } from '../findings';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { isSpeechRole, readSpeech, speakerFields } from './speech';

/**
 * Direct quotations, with their speaker when the text names one ("“…,” said Gantz", "He added: “…”",
 * "According to Gantz, … “…”") and whether they are woven into the writer's sentence (`partial`).
 * A paragraph that opens with a quotation right after a quoted paragraph continues its speaker.
 *
 * @example
 * findQuotations(readArticle('“We open the doors,” Gantz responded.'), context)[0].speaker; // 'Gantz'
 */
export function findQuotations(article: Article, context: AnalyzerContext): QuoteFinding[] {
  checkArticle(article);
  const findings: QuoteFinding[] = [];
  for (const reading of readSpeech(article, context).quotes) {
    if (!isSpeechRole(reading.role)) continue;
    const { quote, speaker } = reading;
    findings.push({
      analyzer: 'quote',
      rule: reading.rule,
      ...spanFields(article, quote.start, quote.end),
      quote: article.text.slice(quote.innerStart, quote.innerEnd),
      innerStart: quote.innerStart,
      innerEnd: quote.innerEnd,
      ...speakerFields(speaker),
      partial: reading.partial,
    });
  }
  return findings;
}

/** The quote analyzer's descriptor. */
export const quoteAnalyzer: Analyzer<'quote'> = {
  id: 'quote',
  summary: 'Direct quotations with their speaker, partial when woven into the writer\u2019s sentence.',
  analyze: findQuotations,
};
