import type { ArticleReport, FramelensReport, StoryReport } from '../report';
import { FramelensError, describeType } from '../errors';
import { HTML_OPTION_RULES, renderArticleHtml, renderHtml, renderStoryHtml, type RenderHtmlOptions } from './html';
import { checkRenderOptions } from './check';
import { isolateText } from './escape';
import { renderMarkdown } from './markdown';

/** The symbol Jupyter kernels (Deno's among them) call to show a value as rich output. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display') as never;

/** What a notebook shows: HTML for the page, Markdown for plain viewers. */
export interface DisplayBundle {
  readonly 'text/html': string;
  readonly 'text/markdown'?: string;
  readonly 'text/plain': string;
}

/** A value a notebook displays as a rich HTML report. */
export interface Displayable {
  [JUPYTER_DISPLAY](): DisplayBundle;
}

export type ToDisplayOptions = Omit<RenderHtmlOptions, 'fragment'>;

/**
 * Wrap a report, a story or one article so a Jupyter notebook with the Deno kernel shows it as
 * HTML: the last expression of a cell, or `Deno.jupyter.display(value)`. Nothing here depends on
 * Deno; any kernel that honours `Symbol.for("Jupyter.display")` works.
 *
 * @example
 * // in a notebook cell
 * toDisplay(report.stories[0].articles[0]); // the article with its findings highlighted
 */
export function toDisplay(value: FramelensReport | StoryReport | ArticleReport, options: ToDisplayOptions = {}): Displayable {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FramelensError('invalid-argument', `toDisplay takes a FramelensReport, a StoryReport or an ArticleReport, got ${describeType(value)}`, { field: 'value' });
  }
  const { fragment, ...rules } = HTML_OPTION_RULES;
  checkRenderOptions(options, rules, 'ToDisplayOptions');
  const html = { ...options, fragment: true } as const;
  return {
    [JUPYTER_DISPLAY]: (): DisplayBundle => {
      if ('stories' in value) {
        return { 'text/html': renderHtml(value, html), 'text/markdown': renderMarkdown(value), 'text/plain': `framelens report: ${value.stories.length} ${value.stories.length === 1 ? 'story' : 'stories'}` };
      }
      if ('comparison' in value) return { 'text/html': renderStoryHtml(value, html), 'text/plain': `framelens story ${isolateText(value.id)}: ${value.articles.length} articles` };
      return { 'text/html': renderArticleHtml(value, html), 'text/plain': `framelens article ${isolateText(value.id)}: ${value.findings.length} findings` };
    },
  };
}
