import type { ArticleReport, FramelensReport, StoryReport } from '../report';
import type { EventSection } from '../compare/event';
import type { SimilaritySection } from '../compare/similarity';
import type { Finding } from '../findings';
import { checkRenderOptions, checkRenderedReport, integerOption } from './check';
import { clip, escapeTerminal, withoutIsolates } from './escape';
import { positionName } from './markdown-comparison';
import { describeSummaryItem, shownEvidence } from './summary';
import { similarityExtremes } from './wording';

export interface RenderTextOptions {
  /** Longest evidence shown, in characters (default 80). */
  readonly maxEvidence?: number;
}

/**
 * A plain-text report for the terminal: per story, each article's page structure, findings with
 * evidence and tone, then how the articles compare (what sets each apart, how each names the event,
 * the most and least alike). Control characters and direction controls from the report (an escape
 * sequence in an id, a file name or the text) are shown as escapes such as `\x1b`, never sent to the
 * terminal.
 *
 * @example
 * console.log(renderText(analyzeStories(stories)));
 */
export function renderText(report: FramelensReport, options: RenderTextOptions = {}): string {
  checkRenderedReport(report, false); // a story without a comparison shows its articles alone
  checkRenderOptions(options, { maxEvidence: integerOption(1) } satisfies Record<keyof RenderTextOptions, unknown>, 'RenderTextOptions');
  const out: string[] = [];
  for (const story of report.stories) for (const line of storyLines(story, options)) out.push(line);
  if (report.failures.length > 0) {
    out.push('', 'Inputs that failed:');
    for (const failure of report.failures) out.push(`  ${failure.code}: ${failure.message}`);
  }
  return escapeTerminal(out.join('\n') + '\n');
}

function storyLines(story: StoryReport, options: RenderTextOptions): string[] {
  const lines = [`Story ${story.id}: ${story.articles.length} article(s)`, '='.repeat(60)];
  for (const article of story.articles) {
    lines.push('');
    append(lines, articleLines(article, options));
  }
  for (const failure of story.failures) lines.push(`  failed: ${failure.code}: ${failure.message}`);
  append(lines, comparisonLines(story, options.maxEvidence ?? 80));
  return lines;
}

/** Add lines one at a time: a spread into push() overflows the stack on a long list. */
function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

/** The story comparison in short: the summary, the event wordings and the most and least alike pair. */
function comparisonLines(story: StoryReport, max: number): string[] {
  // A hand-made report may have stories without a comparison (checkRenderedReport lets them through).
  const comparison = story.comparison as StoryReport['comparison'] | undefined;
  if (!comparison || story.articles.length < 2) return [];
  const sections = [summaryLines(story, max), eventLines(comparison.event, max), similarityLines(comparison.similarity)].filter((lines) => lines.length > 0);
  if (sections.length === 0) return [];
  const lines = ['', 'Comparison', '-'.repeat(60)];
  sections.forEach((section, index) => {
    if (index > 0) lines.push('');
    append(lines, section);
  });
  return lines;
}

/** Per article, what sets it apart, with up to two pieces of evidence (as the Markdown summary). */
function summaryLines(story: StoryReport, max: number): string[] {
  const summaries = story.comparison.summary.filter((summary) => summary.items.length > 0);
  if (summaries.length === 0) return [];
  const lines = ['What sets each article apart:'];
  for (const summary of summaries) {
    lines.push(`  ${summary.article}`);
    for (const item of summary.items) {
      const line = describeSummaryItem(story, summary.article, item);
      // The isolates around names would show as \u2068 escapes: they go, what they held is escaped as it is.
      const evidence = shownEvidence(line, max).map((text) => `“${withoutIsolates(text)}”`);
      lines.push(`    ${withoutIsolates(line.text)}${evidence.length > 0 ? `: ${evidence.join(' · ')}` : ''}`);
    }
  }
  return lines;
}

function eventLines(section: EventSection, max: number): string[] {
  if (section.articles.length === 0) return [];
  const width = section.articles.reduce((widest, wording) => Math.max(widest, wording.article.length), 0);
  const lines = [`How each names the event${section.variants.length > 1 ? ` (${section.variants.length} different wordings)` : ''}:`];
  for (const wording of section.articles) lines.push(`  ${wording.article.padEnd(width)}  “${clip(wording.wording, max)}” (${positionName(wording.position)})`);
  return lines;
}

function similarityLines(section: SimilaritySection): string[] {
  const extremes = similarityExtremes(section);
  return extremes === undefined ? [] : ['Similarity of their words (1: the same words, 0: none shared):', `  ${withoutIsolates(extremes)}`];
}

function articleLines(article: ArticleReport, options: RenderTextOptions): string[] {
  const max = options.maxEvidence ?? 80;
  const lines = [`## ${article.id}${article.path ? `  (${article.path})` : ''}`];
  const headline = article.blocks.find((block) => block.role === 'headline');
  if (headline) lines.push(`   headline: ${clip(article.text.slice(headline.start, headline.end), max)}`);
  const boilerplate = article.blocks.filter((block) => block.role === 'boilerplate');
  const body = article.blocks.filter((block) => block.role === 'body');
  lines.push(`   ${body.length} body block(s), ${boilerplate.length} boilerplate block(s), ${article.bodyTokens} body tokens`);
  for (const block of boilerplate) {
    lines.push(`   [${block.kind ?? 'other'}] ${clip(article.text.slice(block.start, block.end), max)}`);
  }
  const counted = article.findings.filter((finding) => !finding.boilerplate);
  if (counted.length > 0) lines.push('   findings:');
  for (const finding of counted) lines.push(`     ${finding.start}-${finding.end} ${finding.analyzer} ${describe(finding)} "${clip(finding.text, max)}"`);
  lines.push(`   tone: ${article.tone.score} (${article.tone.comparative.toFixed(3)} per word)`);
  const scored = Object.entries(article.scores).filter(([, score]) => score > 0);
  if (scored.length > 0) lines.push(`   per 1,000 tokens: ${scored.map(([id, score]) => `${id} ${score}`).join(', ')}`);
  return lines;
}

function describe(finding: Finding): string {
  switch (finding.analyzer) {
    case 'scare-quote':
      return finding.actor ? `(names ${finding.actor})` : '';
    case 'title-choice':
      return `[${finding.office}]${finding.actor ? ` for ${finding.actor}` : ''}`;
    case 'label':
      return `[${finding.family}] vs "${finding.alternative}"`;
    case 'attribution':
      return `[${finding.stance}] ${finding.verb}${finding.speaker ? ` by ${finding.speaker}` : ''}`;
    case 'loaded-language':
      return `[${finding.category}]`;
    case 'hedge':
      return `[${finding.category}]`;
    case 'quote':
      return finding.speaker ? `by ${finding.speaker}` : '(no speaker)';
    case 'credit':
      return `[${finding.kind}] ${finding.source}`;
  }
}
