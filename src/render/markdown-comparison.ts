import type { DiffRun } from '../compare/diff';
import type { ArticleDistinctiveTerms } from '../compare/distinctive';
import type { EventSection } from '../compare/event';
import type { ArticleNaming, ActorNaming } from '../compare/naming';
import type { QuotesSection } from '../compare/quotes';
import type { ArticleCoverage } from '../compare/coverage';
import type { MetricRow } from '../compare/metrics';
import type { SimilaritySection } from '../compare/similarity';
import type { StoryComparison } from '../compare';
import type { ArticleReport, StoryReport } from '../report';
import { clip, escapeIsolatedMarkdown, escapeMarkdown, formatNumber } from './escape';
import { ownValue } from './own';
import { metricName, namingKindName, similarityExtremes } from './wording';
import { describeSummaryItem, shownEvidence } from './summary';

export interface ComparisonMarkdownOptions {
  /** Heading marks for a level below the story heading (1: a section of the story). */
  readonly h: (level: number) => string;
  readonly maxEvidence: number;
}

/**
 * The comparison sections of a story in Markdown: every section the comparison holds.
 *
 * @example
 * const options = { h: (level: number) => '#'.repeat(level + 1), maxEvidence: 80 };
 * comparisonMarkdown(story, options).join('\n'); // '## Summary\n\nWhat most sets each article’s framing apart, strongest first.\n…' (the seed story)
 */
export function comparisonMarkdown(story: StoryReport, options: ComparisonMarkdownOptions): string[] {
  const comparison = story.comparison;
  const articles = comparison.articles;
  // One renderer per section: a section added to the comparison without one fails to compile.
  const sections: { readonly [K in ComparisonSection]: () => string[] } = {
    summary: () => summaryMarkdown(story, options),
    naming: () => namingMarkdown(comparison.naming, articles, options),
    event: () => eventMarkdown(comparison.event, articles, options),
    quotes: () => quotesMarkdown(comparison.quotes, articles, options, actorNames(comparison.naming, story.articles)),
    metrics: () => metricsMarkdown(comparison.metrics, articles, options),
    distinctive: () => distinctiveMarkdown(comparison.distinctive, options),
    coverage: () => coverageMarkdown(comparison.coverage, articles, options),
    similarity: () => similarityMarkdown(comparison.similarity, articles, options),
  };
  return SECTION_ORDER.map((section) => sections[section]()).filter((lines) => lines.length > 0).flatMap((lines) => [...lines, '']);
}

/** The sections of a story comparison (every key but its version and article list). */
export type ComparisonSection = Exclude<keyof StoryComparison, 'schemaVersion' | 'articles'>;

/** The order sections appear in: what sets articles apart first, the figures behind it last. */
export const SECTION_ORDER: readonly ComparisonSection[] = Object.freeze(['summary', 'naming', 'event', 'quotes', 'metrics', 'distinctive', 'coverage', 'similarity']);

/**
 * Per article, what most sets its framing apart, with short quoted evidence.
 *
 * @example
 * summaryMarkdown(story, options)[4]; // '- **000_9cc5f9112ddb2de0**', after the heading and its note (the seed story)
 */
export function summaryMarkdown(story: StoryReport, options: ComparisonMarkdownOptions): string[] {
  const summaries = story.comparison.summary.filter((summary) => summary.items.length > 0);
  if (summaries.length === 0) return [];
  const out = [`${options.h(1)} Summary`, '', 'What most sets each article’s framing apart, strongest first.', ''];
  for (const summary of summaries) {
    out.push(`- **${escapeMarkdown(summary.article)}**`);
    for (const item of summary.items) {
      const line = describeSummaryItem(story, summary.article, item);
      const evidence = shownEvidence(line, options.maxEvidence).map((text) => `“${escapeMarkdown(text)}”`);
      out.push(`  - ${escapeIsolatedMarkdown(line.text)}${evidence.length > 0 ? `: ${evidence.join(' · ')}` : ''}`);
    }
  }
  return out;
}

/**
 * Which statements each article shares with the others and which only it makes.
 *
 * @example
 * coverageMarkdown(comparison.coverage, comparison.articles, options)[6]; // '| #1 000_9cc5f9112ddb2de0 | 13 | 6 | 7 | 54% |'
 */
export function coverageMarkdown(coverage: readonly ArticleCoverage[], articles: readonly string[], options: ComparisonMarkdownOptions): string[] {
  if (articles.length < 2 || coverage.every((entry) => entry.statements === 0)) return [];
  const out = [`${options.h(1)} Coverage`, '', 'Statements (sentences) an article shares with at least one other article, and those only it makes.', ''];
  out.push(row(['Article', 'Statements', 'Shared', 'Only here', 'Share only here']), row(['---', '---:', '---:', '---:', '---:']));
  for (const entry of coverage) {
    out.push(row([`${articleNumber(articles, entry.article)} ${escapeMarkdown(entry.article)}`, String(entry.statements), String(entry.shared), String(entry.unique), `${formatNumber(entry.uniqueShare * 100, 0)}%`]));
  }
  const lists = coverage.filter((entry) => entry.unique > 0);
  if (lists.length > 0) out.push('', 'Some statements only one article makes:', '');
  for (const entry of lists) {
    const unique = entry.sentences.filter((statement) => statement.counterparts.length === 0).slice(0, 3);
    out.push(`- **${escapeMarkdown(entry.article)}**`);
    for (const statement of unique) out.push(`  - “${escapeMarkdown(clip(statement.text, options.maxEvidence * 2))}”`);
  }
  return out;
}

/** Evidence items quoted per outlying value. */
export const MAX_METRIC_EVIDENCE = 4;

function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => (cell === '' ? ' ' : cell)).join(' | ')} |`;
}

/**
 * Each metric beside the story median; outliers in bold with the evidence behind them.
 *
 * @example
 * metricsMarkdown(comparison.metrics, comparison.articles, options)[6]; // '| Scare quotes per 1,000 tokens | 0 | **2.674** (z 4) | 0 | 0 | 0 | 0 |'
 */
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
      const evidence = value.evidence ?? [];
      const shown = evidence.slice(0, MAX_METRIC_EVIDENCE).map((item) => `“${escapeMarkdown(clip(item.text, options.maxEvidence))}”${item.score !== undefined ? ` (tone ${formatNumber(item.score)})` : ''}`);
      if (shown.length > 0) out.push(`  - ${shown.join(' · ')}${evidence.length > shown.length ? ` (and ${evidence.length - shown.length} more)` : ''}`);
    }
  }
  return out;
}

/**
 * The words and phrases each article uses far more than the rest of the story.
 *
 * @example
 * distinctiveMarkdown(comparison.distinctive, options)[4]; // '- **000_9cc5f9112ddb2de0**: attack base (2 vs 0), gantz met (2 vs 0), …'
 */
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

/**
 * The pairwise similarity matrix as a table, with the most and least alike pairs.
 *
 * @example
 * similarityMarkdown(comparison.similarity, comparison.articles, options)[6]; // '| #1 | 1 | 0.14 | 0.17 | 0.14 | 0.19 | 0.16 |'
 */
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
  const extremes = similarityExtremes(section);
  if (extremes !== undefined) out.push('', `${escapeIsolatedMarkdown(extremes)}.`);
  return out;
}

/**
 * The key to numbered article columns: "Articles: #1 000_…, #2 001_…."
 *
 * @example
 * articleKey(['000_a', '001_b']); // 'Articles: #1 000_a, #2 001_b.'
 */
export function articleKey(articles: readonly string[]): string {
  return `Articles: ${articles.map((id, index) => `#${index + 1} ${escapeMarkdown(id)}`).join(', ')}.`;
}

/**
 * Per actor: how each article names it, then the divergences.
 *
 * @example
 * namingMarkdown(comparison.naming, comparison.articles, options)[6]; // '| **Benny Gantz** | Benny Gantz ×2; Gantz ×2; title: security minister | …'
 */
export function namingMarkdown(actors: readonly ActorNaming[], articles: readonly string[], options: ComparisonMarkdownOptions): string[] {
  if (actors.length === 0) return [];
  const out = [`${options.h(1)} Naming`, '', 'How each article names the actors that two or more articles mention: name forms, titles, labels, scare quotes and the reporting verbs that take a stance.', ''];
  out.push(row(['Actor', ...articles.map((_, index) => `#${index + 1}`)]), row(['---', ...articles.map(() => '---')]));
  for (const actor of divergentFirst(actors)) {
    const cells = articles.map((id) => {
      const naming = actor.articles.find((candidate) => candidate.article === id);
      return naming ? namingCell(naming).map(escapeMarkdown).join('; ') : '·';
    });
    out.push(row([`**${escapeMarkdown(actor.name)}**`, ...cells]));
  }
  out.push('', articleKey(articles));
  const divergences = actors.flatMap((actor) => actor.divergences.map((divergence) => ({ actor, divergence })));
  if (divergences.length > 0) {
    out.push('', 'Where the articles differ:', '');
    for (const { actor, divergence } of divergences) {
      const variants = divergence.variants.map((variant) => `“${escapeMarkdown(variant.value)}” (${variant.articles.map((id) => articleNumber(articles, id)).join(', ')})`);
      const without = divergence.without.length > 0 ? `; none in ${divergence.without.map((id) => articleNumber(articles, id)).join(', ')}` : '';
      out.push(`- **${escapeMarkdown(actor.name)}**, ${escapeMarkdown(namingKindName(divergence.kind))}: ${variants.join(', ')}${without}`);
    }
  }
  return out;
}

/**
 * Speaker and actor ids to the fullest name the story gives them: the comparison's naming table,
 * then the articles' own actors (an actor one article names alone); other speakers stay as written.
 *
 * @example
 * actorNames(comparison.naming, story.articles)('hamada'); // 'Yasukazu Hamada'
 * actorNames(comparison.naming, story.articles)('yomiuri'); // 'Yomiuri' (named by one article only)
 * actorNames(comparison.naming)('Kyodo'); // 'Kyodo'
 */
export function actorNames(actors: readonly ActorNaming[], articles: readonly Pick<ArticleReport, 'actors'>[] = []): (id: string) => string {
  const names = new Map(actors.map((actor) => [actor.actor, actor.name]));
  for (const article of articles) for (const actor of article.actors ?? []) if (!names.has(actor.id)) names.set(actor.id, actor.name);
  return (id) => names.get(id) ?? id;
}

/**
 * Actors the articles name differently first, each group in the comparison's order.
 *
 * @example
 * divergentFirst(comparison.naming).map((actor) => actor.actor).slice(0, 4); // ['gantz', 'hamada', 'israel', 'japan'] (the seed story)
 */
export function divergentFirst(actors: readonly ActorNaming[]): ActorNaming[] {
  return [...actors.filter((actor) => actor.divergences.length > 0), ...actors.filter((actor) => actor.divergences.length === 0)];
}

/**
 * The parts of one article's naming of an actor, plain text.
 *
 * @example
 * namingCell(comparison.naming[0].articles[0]); // ['Benny Gantz ×2', 'Gantz ×2', 'title: security minister']
 */
export function namingCell(naming: ArticleNaming): string[] {
  const parts = naming.forms.slice(0, 3).map((form) => (form.count > 1 ? `${form.form} ×${form.count}` : form.form));
  const unique = (choices: readonly { readonly value: string }[]): string[] => [...new Set(choices.map((choice) => choice.value))];
  for (const title of unique(naming.titles)) parts.push(`title: ${title}`);
  for (const label of unique(naming.labels)) parts.push(`label: ${label}`);
  for (const quoted of unique(naming.scareQuotes)) parts.push(`scare quotes: ‘${quoted}’`);
  // "said" and its kin are the norm: only a verb that takes a stance is a choice worth a cell.
  for (const verb of unique((naming.verbs ?? []).filter((choice) => choice.group !== 'neutral'))) parts.push(`verb: ${verb}`);
  return parts;
}

/** "#3" for an article id, or the id when it is not in the list. */
function articleNumber(articles: readonly string[], id: string): string {
  const index = articles.indexOf(id);
  return index === -1 ? escapeMarkdown(id) : `#${index + 1}`;
}

/**
 * How each article names the event itself, and which wordings they share.
 *
 * @example
 * eventMarkdown(comparison.event, comparison.articles, options)[4]; // '| #1 000_9cc5f9112ddb2de0 | “military collaboration” | headline |'
 */
export function eventMarkdown(section: EventSection, articles: readonly string[], options: ComparisonMarkdownOptions): string[] {
  if (section.articles.length === 0) return [];
  const out = [`${options.h(1)} How each article names the event`, ''];
  out.push(row(['Article', 'Wording', 'Where']), row(['---', '---', '---']));
  for (const wording of section.articles) {
    out.push(row([`${articleNumber(articles, wording.article)} ${escapeMarkdown(wording.article)}`, `“${escapeMarkdown(wording.wording)}”`, positionName(wording.position)]));
  }
  if (section.variants.length > 1) {
    out.push('', `${section.variants.length} different wordings: ${section.variants.map((variant) => `“${escapeMarkdown(variant.wording)}” (${variant.articles.map((id) => articleNumber(articles, id)).join(', ')})`).join(', ')}.`);
  }
  return out;
}

/**
 * Where an event wording stands: "headline", or "body sentence 2" for the body's second sentence (`position` 1).
 *
 * @example
 * positionName('headline'); // 'headline'
 * positionName(1); // 'body sentence 2'
 */
export function positionName(position: 'headline' | number): string {
  return position === 'headline' ? 'headline' : `body sentence ${position + 1}`;
}

/**
 * Statements quoted by several articles, each rendering's difference from the fullest, and whom each article quotes.
 *
 * @example
 * quotesMarkdown(comparison.quotes, comparison.articles, options, actorNames(comparison.naming, story.articles))[4];
 * // '| #1 000_9cc5f9112ddb2de0 | 3 | 31 | 9.7% | Benny Gantz (1), Yasukazu Hamada (1), Yomiuri (1) |'
 */
export function quotesMarkdown(section: QuotesSection, articles: readonly string[], options: ComparisonMarkdownOptions, name: (speaker: string) => string = (speaker) => speaker): string[] {
  if (section.groups.length === 0 && section.articles.every((article) => article.quotes === 0)) return [];
  const out = [`${options.h(1)} Quotations`, ''];
  if (section.articles.length > 0) {
    out.push(row(['Article', 'Quotations', 'Quoted words', 'Share of body', 'Speakers']), row(['---', '---:', '---:', '---:', '---']));
    for (const quoting of section.articles) {
      const speakers = quoting.speakers.slice(0, 4).map((speaker) => `${escapeMarkdown(speaker.speaker === null ? 'unnamed' : name(speaker.speaker))} (${speaker.quotes})`).join(', ');
      out.push(row([`${articleNumber(articles, quoting.article)} ${escapeMarkdown(quoting.article)}`, String(quoting.quotes), String(quoting.quotedWords), `${formatNumber(quoting.share * 100, 1)}%`, speakers]));
    }
    out.push('');
  }
  if (section.groups.length > 0) {
    out.push(`Statements quoted by more than one article (${section.groups.length}); ~~struck~~ words are missing from a rendering, **bold** ones added, against the fullest rendering:`, '');
    for (const group of section.groups) {
      const reference = group.renderings[group.reference];
      if (!reference) continue;
      out.push(`- ${articleNumber(articles, reference.article)}${reference.speaker ? ` (${escapeMarkdown(name(reference.speaker))})` : ''}: “${escapeMarkdown(clip(reference.text, options.maxEvidence * 3))}”`);
      group.renderings.forEach((rendering, index) => {
        if (index === group.reference) return;
        const same = rendering.diff.every((run) => run.op === 'equal');
        const body = same ? 'the same words' : `“${diffMarkdown(rendering.diff)}”`;
        out.push(`  - ${articleNumber(articles, rendering.article)}${rendering.speaker ? ` (${escapeMarkdown(name(rendering.speaker))})` : ''}: ${body}`);
      });
    }
  }
  return out;
}

/** A word diff in Markdown: deletions struck through, insertions in bold. */
function diffMarkdown(runs: readonly DiffRun[]): string {
  return runs
    .map((run) => {
      const text = escapeMarkdown(run.text);
      return run.op === 'equal' ? text : run.op === 'delete' ? `~~${text}~~` : `**${text}**`;
    })
    .join(' ');
}
