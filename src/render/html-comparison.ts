import type { DiffRun } from '../compare/diff';
import type { ArticleDistinctiveTerms } from '../compare/distinctive';
import type { EventSection } from '../compare/event';
import type { ActorNaming } from '../compare/naming';
import type { QuotesSection } from '../compare/quotes';
import type { ArticleCoverage } from '../compare/coverage';
import type { MetricRow } from '../compare/metrics';
import type { SimilaritySection } from '../compare/similarity';
import type { StoryReport } from '../report';
import { balanceBidi, clip, escapeHtml, formatNumber, isolateHtml, isolateText, needsIsolation } from './escape';
import { ownValue } from './own';
import { metricName, namingKindName } from './wording';
import { describeSummaryItem, shownEvidence } from './summary';
import { MAX_METRIC_EVIDENCE, SECTION_ORDER, actorNames, type ComparisonSection, divergentFirst, namingCell, positionName } from './markdown-comparison';

export interface ComparisonHtmlOptions {
  readonly maxEvidence: number;
}

/**
 * The comparison sections of a story in HTML: every section the comparison holds.
 *
 * @example
 * comparisonHtml(story, { maxEvidence: 80 }); // '<section class="fl-part"><h3>Summary</h3>…' then Naming, Similarity and the rest (the seed story)
 */
export function comparisonHtml(story: StoryReport, options: ComparisonHtmlOptions): string {
  const comparison = story.comparison;
  const articles = comparison.articles;
  // One renderer per section: a section added to the comparison without one fails to compile.
  const sections: { readonly [K in ComparisonSection]: () => string } = {
    summary: () => summaryHtml(story, options),
    naming: () => namingHtml(comparison.naming, articles),
    event: () => eventHtml(comparison.event, articles),
    quotes: () => quotesHtml(comparison.quotes, articles, options, actorNames(comparison.naming, story.articles)),
    metrics: () => metricsHtml(comparison.metrics, articles, options),
    distinctive: () => distinctiveHtml(comparison.distinctive),
    coverage: () => coverageHtml(comparison.coverage, articles, options),
    similarity: () => similarityHtml(comparison.similarity, articles),
  };
  // The heatmap sits by the naming table: both are read across articles at a glance.
  const order: readonly ComparisonSection[] = ['summary', 'naming', 'similarity', ...SECTION_ORDER.filter((section) => !['summary', 'naming', 'similarity'].includes(section))];
  return order
    .map((section) => sections[section]())
    .filter((section) => section !== '')
    .join('\n');
}

/**
 * Per article, what most sets its framing apart, with short quoted evidence.
 *
 * @example
 * summaryHtml(story, { maxEvidence: 80 }); // '<section class="fl-part"><h3>Summary</h3><p class="fl-note">What most sets each article’s framing apart, strongest first.</p>…'
 */
export function summaryHtml(story: StoryReport, options: ComparisonHtmlOptions): string {
  const summaries = story.comparison.summary.filter((summary) => summary.items.length > 0);
  if (summaries.length === 0) return '';
  const items = summaries.map((summary) => {
    const lines = summary.items.map((item) => {
      const line = describeSummaryItem(story, summary.article, item);
      const evidence = shownEvidence(line, options.maxEvidence).map((text) => `<q>${isolateHtml(text)}</q>`);
      return `<li>${escapeHtml(line.text)}${evidence.length > 0 ? `<br><span class="fl-ev">${evidence.join(' · ')}</span>` : ''}</li>`;
    });
    return `<li><strong>${articleNumber(story.comparison.articles, summary.article)} ${isolateHtml(summary.article)}</strong><ul>${lines.join('')}</ul></li>`;
  });
  return part('Summary', `<ul class="fl-summary">${items.join('')}</ul>`, 'What most sets each article’s framing apart, strongest first.');
}

/**
 * Which statements each article shares with the others and which only it makes.
 *
 * @example
 * coverageHtml(comparison.coverage, comparison.articles, { maxEvidence: 80 }); // '<section class="fl-part"><h3>Coverage</h3>…'
 * coverageHtml(comparison.coverage, ['000'], { maxEvidence: 80 }); // '': one article shares nothing
 */
export function coverageHtml(coverage: readonly ArticleCoverage[], articles: readonly string[], options: ComparisonHtmlOptions): string {
  if (articles.length < 2 || coverage.every((entry) => entry.statements === 0)) return '';
  const rows = coverage.map((entry) => {
    const share = Math.min(100, Math.max(0, entry.uniqueShare * 100));
    return `<tr><th scope="row">${articleNumber(articles, entry.article)} ${isolateHtml(entry.article)}</th><td class="fl-num">${entry.statements}</td><td class="fl-num">${entry.shared}</td><td class="fl-num">${entry.unique}</td><td class="fl-num"><span class="fl-bar" aria-hidden="true"><span style="width:${share.toFixed(0)}%"></span></span> ${formatNumber(share, 0)}%</td></tr>`;
  });
  const lists = coverage
    .filter((entry) => entry.unique > 0)
    .map((entry) => {
      const unique = entry.sentences.filter((statement) => statement.counterparts.length === 0).slice(0, 3);
      return `<li><strong>${isolateHtml(entry.article)}</strong><ul>${unique.map((statement) => `<li><q>${isolateHtml(clip(statement.text, options.maxEvidence * 2))}</q></li>`).join('')}</ul></li>`;
    });
  return part(
    'Coverage',
    `${table('Statements shared and made only once', ['Article', 'Statements', 'Shared', 'Only here', 'Share only here'], rows)}${lists.length > 0 ? `<details><summary>Some statements only one article makes</summary><ul>${lists.join('')}</ul></details>` : ''}`,
    'Statements (sentences) an article shares with at least one other article, and those only it makes.',
  );
}

function part(title: string, body: string, note?: string): string {
  return `<section class="fl-part"><h3>${escapeHtml(title)}</h3>${note ? `<p class="fl-note">${note}</p>` : ''}${body}</section>`;
}

function table(caption: string, head: readonly string[], rows: readonly string[]): string {
  return `<div class="fl-scroll"><table><caption>${caption}</caption><thead><tr>${head.map((cell) => `<th scope="col">${cell}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Column headers for articles: their number, with the id as a tooltip. */
function articleHeads(articles: readonly string[]): string[] {
  return articles.map((id, index) => `<abbr title="${escapeHtml(isolateText(id))}">#${index + 1}</abbr>`);
}

function articleKey(articles: readonly string[]): string {
  return `<p class="fl-note">${articles.map((id, index) => `#${index + 1} ${isolateHtml(id)}`).join(' · ')}</p>`;
}

/**
 * Each metric beside the story median, outliers marked, with the evidence behind them.
 *
 * @example
 * metricsHtml(comparison.metrics, comparison.articles, { maxEvidence: 80 }); // '<section class="fl-part"><h3>Metrics</h3>…'
 */
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
        const all = value.evidence ?? [];
        const evidence = all.slice(0, MAX_METRIC_EVIDENCE).map((item) => `<q>${isolateHtml(clip(item.text, options.maxEvidence))}</q>${item.score !== undefined ? ` <span class="fl-note">tone ${formatNumber(item.score)}</span>` : ''}`);
        const more = all.length > evidence.length ? ` <span class="fl-note">and ${all.length - evidence.length} more</span>` : '';
        return `<li><strong>${isolateHtml(value.article)}</strong>: ${value.value > metric.median ? 'high' : 'low'} ${escapeHtml(metricName(metric.metric).toLowerCase())} (${formatNumber(value.value, 3)} against a median of ${formatNumber(metric.median, 3)})${evidence.length > 0 ? `<br><span class="fl-ev">${evidence.join(' · ')}${more}</span>` : ''}</li>`;
      }),
  );
  return part(
    'Metrics',
    `${table('Values per article', ['Metric', 'Median', ...articleHeads(articles)], body)}${articleKey(articles)}${outliers.length > 0 ? `<h4>Outliers</h4><ul>${outliers.join('')}</ul>` : ''}`,
    'Each article’s value beside the story median; marked values are outliers by a robust z-score.',
  );
}

/**
 * The words and phrases each article uses far more than the rest of the story.
 *
 * @example
 * distinctiveHtml(comparison.distinctive); // '<section class="fl-part"><h3>Distinctive terms</h3>…'
 * distinctiveHtml([]); // ''
 */
export function distinctiveHtml(sections: readonly ArticleDistinctiveTerms[]): string {
  if (!sections.some((section) => section.terms.length > 0)) return '';
  const items = sections
    .filter((section) => section.terms.length > 0)
    .map((section) => `<li><strong>${isolateHtml(section.article)}</strong><ul class="fl-terms">${section.terms.map((term) => `<li title="${escapeHtml(`${term.count} here, ${term.otherCount} in the other articles; z ${formatNumber(term.z, 1)}`)}">${isolateHtml(term.term)} <span class="fl-note">${term.count}/${term.otherCount}</span></li>`).join('')}</ul></li>`);
  return part('Distinctive terms', `<ul>${items.join('')}</ul>`, 'Words and phrases an article uses far more than the other articles (count here / elsewhere).');
}

/**
 * The similarity matrix as a heatmap table: darker cells are more alike.
 *
 * @example
 * similarityHtml(comparison.similarity, comparison.articles); // '<section class="fl-part"><h3>Similarity</h3>…'
 */
export function similarityHtml(section: SimilaritySection, articles: readonly string[]): string {
  if (articles.length < 2) return '';
  const rows = articles.map((a, index) => {
    const cells = articles.map((b) => {
      const score = ownValue(ownValue(section.matrix, a), b);
      if (score === undefined) return '<td class="fl-num">·</td>';
      return `<td class="fl-num" style="${heat(score)}" title="${escapeHtml(`${isolateText(a)} and ${isolateText(b)}: ${formatNumber(score, 3)}`)}">${formatNumber(score, 2)}</td>`;
    });
    const mean = ownValue(section.mean, a);
    return `<tr><th scope="row"><abbr title="${escapeHtml(isolateText(a))}">#${index + 1}</abbr></th>${cells.join('')}<td class="fl-num">${mean === undefined ? '·' : formatNumber(mean, 2)}</td></tr>`;
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

function articleNumber(articles: readonly string[], id: string): string {
  const index = articles.indexOf(id);
  return index === -1 ? isolateHtml(id) : `<abbr title="${escapeHtml(isolateText(id))}">#${index + 1}</abbr>`;
}

/**
 * The naming table: per actor, how each article names it; cells that set an article apart are marked.
 *
 * @example
 * namingHtml(comparison.naming, comparison.articles); // '<section class="fl-part"><h3>Naming</h3>…'
 */
export function namingHtml(actors: readonly ActorNaming[], articles: readonly string[]): string {
  if (actors.length === 0) return '';
  const rows = divergentFirst(actors).map((actor) => {
    const distinct = new Set(actor.divergences.flatMap((divergence) => divergence.distinct));
    const cells = articles.map((id) => {
      const naming = actor.articles.find((candidate) => candidate.article === id);
      if (!naming) return '<td class="fl-note">·</td>';
      const pills = namingCell(naming).map((part) => `<span class="fl-pill">${isolateHtml(part)}</span>`);
      return `<td${distinct.has(id) ? ' class="fl-diff" title="differs from the other articles"' : ''}>${pills.join(' ')}</td>`;
    });
    return `<tr><th scope="row">${isolateHtml(actor.name)}</th>${cells.join('')}</tr>`;
  });
  const divergences = actors.flatMap((actor) =>
    actor.divergences.map((divergence) => {
      const variants = divergence.variants.map((variant) => `<q>${isolateHtml(variant.value)}</q> (${variant.articles.map((id) => articleNumber(articles, id)).join(', ')})`);
      const without = divergence.without.length > 0 ? `; none in ${divergence.without.map((id) => articleNumber(articles, id)).join(', ')}` : '';
      return `<li><strong>${isolateHtml(actor.name)}</strong>, ${escapeHtml(namingKindName(divergence.kind))}: ${variants.join(', ')}${without}</li>`;
    }),
  );
  return part(
    'Naming',
    `${table('How each article names each actor', ['Actor', ...articleHeads(articles)], rows)}${articleKey(articles)}${divergences.length > 0 ? `<h4>Where the articles differ</h4><ul>${divergences.join('')}</ul>` : ''}`,
    'Actors that two or more articles mention: name forms, titles, labels, scare quotes and the reporting verbs that take a stance. Marked cells set an article apart.',
  );
}

/**
 * How each article names the event itself.
 *
 * @example
 * eventHtml(comparison.event, comparison.articles); // '<section class="fl-part"><h3>How each article names the event</h3>…'
 */
export function eventHtml(section: EventSection, articles: readonly string[]): string {
  if (section.articles.length === 0) return '';
  const rows = section.articles.map((wording) => `<tr><th scope="row">${articleNumber(articles, wording.article)} ${isolateHtml(wording.article)}</th><td><q>${isolateHtml(wording.wording)}</q></td><td>${escapeHtml(positionName(wording.position))}</td></tr>`);
  const variants = section.variants.length > 1 ? `<p>${section.variants.length} different wordings: ${section.variants.map((variant) => `<q>${isolateHtml(variant.wording)}</q> (${variant.articles.map((id) => articleNumber(articles, id)).join(', ')})`).join(', ')}.</p>` : '';
  return part('How each article names the event', `${table('Event wording', ['Article', 'Wording', 'Where'], rows)}${variants}`);
}

/**
 * Whom each article quotes, and statements quoted by several articles with their differences.
 *
 * @example
 * quotesHtml(comparison.quotes, comparison.articles, { maxEvidence: 80 }, actorNames(comparison.naming, story.articles)); // '<section class="fl-part"><h3>Quotations</h3>…'
 */
export function quotesHtml(section: QuotesSection, articles: readonly string[], options: ComparisonHtmlOptions, name: (speaker: string) => string = (speaker) => speaker): string {
  if (section.groups.length === 0 && section.articles.every((article) => article.quotes === 0)) return '';
  const rows = section.articles.map((quoting) => {
    const speakers = quoting.speakers.slice(0, 4).map((speaker) => `${isolateHtml(speaker.speaker === null ? 'unnamed' : name(speaker.speaker))} (${speaker.quotes})`).join(', ');
    return `<tr><th scope="row">${articleNumber(articles, quoting.article)} ${isolateHtml(quoting.article)}</th><td class="fl-num">${quoting.quotes}</td><td class="fl-num">${quoting.quotedWords}</td><td class="fl-num">${formatNumber(quoting.share * 100, 1)}%</td><td>${speakers}</td></tr>`;
  });
  const groups = section.groups.map((group) => {
    const reference = group.renderings[group.reference];
    if (!reference) return '';
    const others = group.renderings
      .map((rendering, index) => {
        if (index === group.reference) return '';
        const same = rendering.diff.every((run) => run.op === 'equal');
        return `<li>${articleNumber(articles, rendering.article)}${rendering.speaker ? ` (${isolateHtml(name(rendering.speaker))})` : ''}: ${same ? 'the same words' : `<q>${diffHtml(rendering.diff)}</q>`}</li>`;
      })
      .join('');
    return `<li><blockquote>${isolateHtml(clip(reference.text, options.maxEvidence * 3))}</blockquote><span class="fl-note">fullest in ${articleNumber(articles, reference.article)}${reference.speaker ? `, ${isolateHtml(name(reference.speaker))}` : ''}</span><ul>${others}</ul></li>`;
  });
  const body = `${rows.length > 0 ? table('Quotations per article', ['Article', 'Quotations', 'Quoted words', 'Share of body', 'Speakers'], rows) : ''}${groups.length > 0 ? `<h4>Statements quoted by more than one article</h4><p class="fl-note">Against the fullest rendering: <del>struck</del> words are missing, <ins>underlined</ins> words added.</p><ul>${groups.join('')}</ul>` : ''}`;
  return part('Quotations', body);
}

/** A word diff, isolated as a whole: its runs are one quotation, in one direction. */
function diffHtml(runs: readonly DiffRun[]): string {
  const html = runs
    .map((run) => {
      const text = escapeHtml(balanceBidi(run.text));
      return run.op === 'equal' ? text : run.op === 'delete' ? `<del>${text}</del>` : `<ins>${text}</ins>`;
    })
    .join(' ');
  return runs.some((run) => needsIsolation(run.text)) ? `<bdi>${html}</bdi>` : html;
}
