import { checkArticle } from '../inputs';
import { spanFields, type Article } from '../article';
import type { AttributionFinding } from '../findings';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { readSpeech, speakerFields } from './speech';

/**
 * Reporting verbs and phrases in the writer's voice with their speaker and stance: "said" is
 * neutral, "claimed" casts doubt, "revealed" endorses, "slammed" dramatises hostility, "hailed"
 * praises, "admitted" implies culpability, "stressed" emphasises (Wikipedia MOS:SAID).
 *
 * @example
 * findAttributions(readArticle('Gantz claimed the deal was historic.'), context)[0].stance; // 'doubt'
 */
export function findAttributions(article: Article, context: AnalyzerContext): AttributionFinding[] {
  checkArticle(article);
  return readSpeech(article, context).events.map((event): AttributionFinding => {
    const speaker = event.speaker;
    return {
      analyzer: 'attribution',
      rule: event.entry.id,
      ...spanFields(article, event.start, event.end),
      verb: event.verb,
      stance: event.stance,
      ...speakerFields(speaker),
    };
  });
}

/** The attribution analyzer's descriptor. */
export const attributionAnalyzer: Analyzer<'attribution'> = {
  id: 'attribution',
  summary: 'Reporting verbs and phrases with their speaker and stance (neutral, doubt, endorsement, ...).',
  analyze: findAttributions,
};
