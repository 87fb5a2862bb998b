import type { SummaryItem } from '../compare/summary';
import type { ArticleReport, StoryReport } from '../report';
import { clip, formatNumber, isolateText } from './escape';
import { metricName, namingKindName } from './wording';

/** One summary item in words: a plain-text sentence and the quoted evidence behind it. */
export interface SummaryLine {
  readonly text: string;
  readonly evidence: readonly string[];
}

/**
 * Put a comparison summary item into words, with its evidence looked up in the story (finding
 * texts, sentence texts, quotation renderings). Plain text: the caller escapes it; `text` has its
 * user strings isolated already, so it is not isolated again (Markdown: `escapeIsolatedMarkdown`).
 *
 * @example
 * describeSummaryItem(story, '000_…', item).text; // 'scare quotes on Israel: ‘Israel’ (the others: none)'
 */
export function describeSummaryItem(story: StoryReport, articleId: string, item: SummaryItem): SummaryLine {
  const article = story.articles.find((candidate) => candidate.id === articleId);
  const findings = (indexes: readonly number[]): string[] => (article ? indexes.flatMap((index) => (article.findings[index] ? [article.findings[index]!.text] : [])) : []);
  const sentences = (indexes: readonly number[]): string[] => indexes.flatMap((index) => sentenceText(story, article, index) ?? []);
  switch (item.kind) {
    case 'naming': {
      const actor = story.comparison.naming.find((entry) => entry.actor === item.actor)?.name ?? item.actor;
      const others = item.others.length > 0 ? `; the others write ${item.others.map(quote).join(', ')}` : '; the others use none';
      // Evidence that only repeats a value the line already quotes ("Israeli occupation") says nothing more.
      const shown = new Set(item.values.map((value) => value.toLowerCase()));
      const evidence = [...new Set(findings(item.findings))].filter((text) => !shown.has(text.toLowerCase()));
      return { text: `${namingKindName(item.divergence)} for ${isolateText(actor)}: ${item.values.map(quote).join(', ')}${others}`, evidence };
    }
    case 'metric-outlier':
      return {
        text: `${item.value > item.median ? 'high' : 'low'} ${metricName(item.metric).toLowerCase()}: ${formatNumber(item.value, 3)} against a story median of ${formatNumber(item.median, 3)}`,
        evidence: [...new Set([...findings(item.findings), ...sentences(item.sentences)])],
      };
    case 'unique-coverage':
      return { text: `${item.unique} ${item.unique === 1 ? 'statement' : 'statements'} no other article makes (${formatNumber(item.share * 100, 0)}% of its statements)`, evidence: sentences(item.sentences) };
    case 'quote-rendering': {
      const group = story.comparison.quotes.groups.find((entry) => entry.id === item.group);
      const own = group?.renderings.find((rendering) => rendering.article === articleId);
      const reference = group?.renderings[group.reference];
      return {
        text: `quotes a statement in other words than the fullest rendering (${formatNumber(item.changed * 100, 0)}% of words differ)`,
        evidence: [own?.text, reference && reference.article !== articleId ? `fullest (${isolateText(reference.article)}): ${reference.text}` : undefined].filter((text): text is string => text !== undefined),
      };
    }
    case 'event-wording':
      return { text: `names the event ${quote(item.wording)}${item.others.length > 0 ? `; the others: ${item.others.map(quote).join(', ')}` : ''}`, evidence: [] };
    case 'distinctive-terms':
      return { text: `uses far more than the others: ${item.terms.map((term) => quote(term.term)).join(', ')}`, evidence: [] };
    case 'low-similarity':
      return { text: `its words are unlike the other articles’ (mean similarity ${formatNumber(item.mean, 2)})`, evidence: [] };
  }
}

/** Pieces of evidence a report shows per summary line. */
const SUMMARY_EVIDENCE = 2;

/**
 * The evidence a report shows for a summary line: its first `SUMMARY_EVIDENCE` pieces, each clipped
 * to `maxEvidence` characters. Plain text: the caller escapes (and quotes) each piece.
 *
 * @example
 * shownEvidence(describeSummaryItem(story, '000_…', item), 80); // ['as per', 'reportedly']
 */
export function shownEvidence(line: SummaryLine, maxEvidence: number): string[] {
  return line.evidence.slice(0, SUMMARY_EVIDENCE).map((text) => clip(text, maxEvidence));
}

function quote(value: string): string {
  return `“${isolateText(value)}”`;
}

/** The text of sentence `index` of an article, from the comparison's statements or the tone's sentences. */
function sentenceText(story: StoryReport, article: ArticleReport | undefined, index: number): string | undefined {
  if (!article) return undefined;
  const coverage = story.comparison.coverage.find((entry) => entry.article === article.id);
  const statement = coverage?.sentences.find((entry) => entry.sentence === index);
  if (statement) return statement.text;
  const tone = article.tone.sentences.find((entry) => entry.sentence === index);
  return tone ? article.text.slice(tone.start, tone.end) : undefined;
}
