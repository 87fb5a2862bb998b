import { FRAMING_ANALYZERS, isFramingFinding, type Finding } from '../findings';
import type { InputFailure } from '../errors';
import type { ArticleReport, FramelensReport, StoryReport } from '../report';
import { clip, escapeIsolatedMarkdown, escapeMarkdown, formatNumber } from './escape';
import { analyzerName, describeFinding } from './wording';
import { articleHeadline } from './labels';
import { comparisonMarkdown } from './markdown-comparison';
import { checkRenderOptions, checkRenderedReport, givenOptions, integerOption, type OptionRule } from './check';

export interface RenderMarkdownOptions {
  /** Longest evidence quoted, in characters (default 80). */
  readonly maxEvidence?: number;
  /** Most findings listed per article (default 25); the rest are counted. */
  readonly maxFindings?: number;
  /** Heading level of the report title (default 1); stories and sections go below it. */
  readonly headingLevel?: 1 | 2 | 3;
}

/** The defaults of `renderMarkdown`. */
export const DEFAULT_MARKDOWN_OPTIONS: Readonly<Required<RenderMarkdownOptions>> = Object.freeze({ maxEvidence: 80, maxFindings: 25, headingLevel: 1 });

const MARKDOWN_OPTION_RULES: Readonly<Record<keyof RenderMarkdownOptions, OptionRule>> = Object.freeze({
  maxEvidence: integerOption(1),
  maxFindings: integerOption(0),
  headingLevel: integerOption(1, 3),
});

/**
 * A Markdown report: per story the summary, the comparison's sections (naming, event wording,
 * quotes, metrics, distinctive terms, coverage, similarity), the scores per article and each
 * article's notable findings with short quoted evidence. Every string from the report is escaped.
 *
 * @example
 * fs.writeFileSync('report.md', renderMarkdown(analyzeStories(stories)));
 */
export function renderMarkdown(report: FramelensReport, options: RenderMarkdownOptions = {}): string {
  checkRenderedReport(report);
  checkRenderOptions(options, MARKDOWN_OPTION_RULES, 'RenderMarkdownOptions');
  const settings: Settings = { ...DEFAULT_MARKDOWN_OPTIONS, ...givenOptions(options) };
  const h = (level: number): string => '#'.repeat(Math.min(6, settings.headingLevel + level));
  const articles = report.stories.reduce((sum, story) => sum + story.articles.length, 0);
  const failed = report.failures.length + report.stories.reduce((sum, story) => sum + story.failures.length, 0);
  const out: string[] = [`${h(0)} framelens report`, ''];
  out.push(`${plural(report.stories.length, 'story', 'stories')}, ${plural(articles, 'article')} analysed${failed > 0 ? `, ${plural(failed, 'input')} failed` : ''}.`, '');
  for (const story of report.stories) for (const line of storyMarkdown(story, settings, h)) out.push(line);
  if (report.failures.length > 0) {
    out.push(`${h(1)} Inputs that failed`, '');
    for (const line of failureLines(report.failures)) out.push(line);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

type Settings = Required<RenderMarkdownOptions>;

function storyMarkdown(story: StoryReport, settings: Settings, h: (level: number) => string): string[] {
  const out = [`${h(1)} Story ${code(story.id)}`, ''];
  // Lines are pushed one at a time: spreading a long list into push() overflows the call stack.
  const append = (lines: readonly string[]): void => {
    for (const line of lines) out.push(line);
  };
  append(articlesTable(story.articles));
  out.push('');
  append(comparisonMarkdown(story, { h: (level) => h(level + 1), maxEvidence: settings.maxEvidence }));
  append(scoresTable(story.articles));
  out.push('');
  if (story.articles.length > 0) out.push(`${h(2)} Notable findings`, '');
  for (const article of story.articles) {
    append(articleFindings(article, settings, h));
    out.push('');
  }
  if (story.failures.length > 0) {
    out.push(`${h(2)} Inputs that failed`, '');
    append(failureLines(story.failures));
    out.push('');
  }
  return out;
}

function articlesTable(articles: readonly ArticleReport[]): string[] {
  if (articles.length === 0) return ['No article of this story could be analysed.'];
  const rows = articles.map((article) => {
    const headline = articleHeadline(article);
    const outlet = [article.meta.outlet, article.meta.date].filter((part) => part).join(', ');
    return row([code(article.id), escapeMarkdown(clip(headline ?? '', 90)), escapeMarkdown(outlet), String(article.bodyTokens), formatNumber(article.tone.comparative, 3)]);
  });
  return [row(['Article', 'Headline', 'Outlet', 'Body tokens', 'Tone per word']), row(['---', '---', '---', '---:', '---:']), ...rows];
}

function scoresTable(articles: readonly ArticleReport[]): string[] {
  if (articles.length === 0) return [];
  const header = row(['Article', ...FRAMING_ANALYZERS.map(analyzerName)]);
  const align = row(['---', ...FRAMING_ANALYZERS.map(() => '---:')]);
  const rows = articles.map((article) =>
    row([escapeMarkdown(article.id), ...FRAMING_ANALYZERS.map((id) => (article.counts[id] > 0 ? `${formatNumber(article.scores[id])} (${article.counts[id]})` : '·'))]),
  );
  return ['**Framing scores**: findings per 1,000 body tokens (count in brackets).', '', header, align, ...rows];
}

function articleFindings(article: ArticleReport, settings: Settings, h: (level: number) => string): string[] {
  const headline = articleHeadline(article);
  const out = [`${h(3)} ${code(article.id)}${headline ? ` — ${escapeMarkdown(clip(headline, 90))}` : ''}`, ''];
  const notable = article.findings.filter((finding) => !finding.boilerplate && isFramingFinding(finding));
  if (notable.length === 0) return [...out, '_No framing findings._'];
  for (const finding of notable.slice(0, settings.maxFindings)) out.push(findingLine(finding, settings.maxEvidence));
  if (notable.length > settings.maxFindings) out.push(`- … and ${notable.length - settings.maxFindings} more`);
  return out;
}

/**
 * One finding as a Markdown list item: analyzer, quoted evidence, meaning, offsets.
 *
 * @example
 * findingLine(finding, 80); // '- **Scare quote** “'Israel'” — “Israel” in single quotation marks… (8–16)'
 */
export function findingLine(finding: Finding, maxEvidence: number): string {
  return `- **${analyzerName(finding.analyzer)}** “${escapeMarkdown(clip(finding.text, maxEvidence))}” — ${escapeIsolatedMarkdown(describeFinding(finding))} (${finding.start}–${finding.end})`;
}

function failureLines(failures: readonly InputFailure[]): string[] {
  return failures.map((failure) => `- ${code(failure.code)}: ${escapeMarkdown(failure.message)}`);
}

/**
 * A table row; cells are already escaped.
 *
 * @example
 * row(['a', '', 'b']); // '| a |   | b |'
 */
export function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => (cell === '' ? ' ' : cell)).join(' | ')} |`;
}

/**
 * An id in bold, escaped.
 *
 * @example
 * code('scare-quote'); // '**scare-quote**'
 * code('a*b'); // '**a\\*b**'
 */
export function code(value: string): string {
  return `**${escapeMarkdown(value)}**`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
