import type { ArticleReport, FramelensReport, StoryReport } from '../report';
import type { Finding } from '../findings';
import { checkRenderOptions, checkRenderedReport, integerOption } from './check';
import { escapeTerminal } from './escape';

export interface RenderTextOptions {
  /** Longest evidence shown, in characters (default 80). */
  readonly maxEvidence?: number;
}

/**
 * A plain-text report for the terminal: per story, each article's page structure, findings with
 * evidence and tone. Control characters and direction controls from the report (an escape sequence
 * in an id, a file name or the text) are shown as escapes such as `\x1b`, never sent to the terminal.
 *
 * @example
 * console.log(renderText(analyzeStories(stories)));
 */
export function renderText(report: FramelensReport, options: RenderTextOptions = {}): string {
  checkRenderedReport(report, false);
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
    for (const line of articleLines(article, options)) lines.push(line); // a spread into push() overflows the stack
  }
  for (const failure of story.failures) lines.push(`  failed: ${failure.code}: ${failure.message}`);
  return lines;
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

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
