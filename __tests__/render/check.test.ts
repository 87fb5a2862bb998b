import { FramelensError } from '../../src/errors';
import { renderArticleHtml, renderHtml, renderStoryHtml } from '../../src/render/html';
import { renderMarkdown } from '../../src/render/markdown';
import { renderText } from '../../src/render/text';
import { JUPYTER_DISPLAY, toDisplay } from '../../src/render/notebook';
import { escapeHtml, escapeMarkdown } from '../../src/render/escape';
import { articleWith, hostileArticle, hostileReport, hostileStory } from './fixture';

/** The FramelensError a call throws (failing the test when it throws anything else or nothing). */
function thrown(call: () => unknown): FramelensError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(FramelensError);
    return error as FramelensError;
  }
  throw new Error('expected a FramelensError, nothing was thrown');
}

const REPORT_RENDERERS = { renderHtml, renderMarkdown, renderText } as Record<string, (report: unknown, options?: unknown) => string>;
const ALL_RENDERERS: Record<string, (value: unknown, options?: unknown) => string> = {
  ...REPORT_RENDERERS,
  renderStoryHtml: renderStoryHtml as (value: unknown, options?: unknown) => string,
  renderArticleHtml: renderArticleHtml as (value: unknown, options?: unknown) => string,
  toDisplay: (value: unknown, options?: unknown) => toDisplay(value as never, options as never)[JUPYTER_DISPLAY]()['text/html'],
};

describe('renderers refuse what is not a report with a typed error naming the argument', () => {
  test.each(Object.keys(ALL_RENDERERS))('%s: null, a number, a string and an array', (name) => {
    for (const value of [null, undefined, 42, 'report', [], {}]) {
      const error = thrown(() => ALL_RENDERERS[name]!(value));
      expect(error.code).toBe('invalid-argument');
      expect(error.field).toBeDefined();
    }
  });

  test.each(Object.keys(REPORT_RENDERERS))('%s: a story\'s or an article\'s report where the whole report belongs says what to pass instead', (name) => {
    expect(thrown(() => REPORT_RENDERERS[name]!(hostileStory())).message).toMatch(/got object: a StoryReport \(from analyzeStory\); pass analyzeStories\(\[story\]\)/);
    expect(thrown(() => REPORT_RENDERERS[name]!(hostileArticle())).message).toMatch(/got object: an ArticleReport; render it with renderArticleHtml or toDisplay$/);
  });

  test('toDisplay(null) fails when called, before anything is displayed', () => {
    const error = thrown(() => toDisplay(null as never)[JUPYTER_DISPLAY]());
    expect(error).toMatchObject({ code: 'invalid-argument', field: 'value' });
  });

  test.each(Object.keys(REPORT_RENDERERS))('%s: a null story names its place in the report', (name) => {
    const error = thrown(() => REPORT_RENDERERS[name]!({ stories: [null], failures: [] }));
    expect(error).toMatchObject({ code: 'invalid-argument', field: 'report.stories[0]' });
  });

  test.each(Object.keys(REPORT_RENDERERS))('%s: an article, finding or failure missing a field names the field', (name) => {
    const story = hostileStory();
    const article = hostileArticle();
    const cases: [unknown, string][] = [
      [{ ...story, articles: [{ ...article, findings: [{ ...article.findings[0], start: undefined }] }] }, 'report.stories[0].articles[0].findings[0].start'],
      [{ ...story, articles: [{ ...article, blocks: [{ start: 0 }] }] }, 'report.stories[0].articles[0].blocks[0].end'],
      [{ ...story, articles: [{ ...article, meta: null }] }, 'report.stories[0].articles[0].meta'],
      [{ ...story, articles: [{ ...article, findings: [{ ...article.findings[0], analyzer: 'nonsense' }] }] }, 'report.stories[0].articles[0].findings[0].analyzer'],
      [{ ...story, failures: [{ code: 'empty-text' }] }, 'report.stories[0].failures[0].message'],
    ];
    for (const [bad, field] of cases) {
      const error = thrown(() => REPORT_RENDERERS[name]!({ stories: [bad], failures: [] }));
      expect(error).toMatchObject({ code: 'invalid-argument', field });
    }
  });

  test.each(Object.keys(REPORT_RENDERERS))('%s: a scare quote\'s mark and a credit\'s kind must be one of their values (a direction control there would reorder the words after it)', (name) => {
    const story = hostileStory();
    const span = { start: 0, end: 4, text: 'Word', boilerplate: false };
    const article = articleWith('a', 'Word and more words', [
      { ...span, analyzer: 'scare-quote', term: 'Word', mark: '\u2067x', actor: undefined },
      { ...span, analyzer: 'credit', source: 'JTA', kind: 'syndication' },
    ] as never);
    const error = thrown(() => REPORT_RENDERERS[name]!({ stories: [{ ...story, articles: [article] }], failures: [] }));
    expect(error).toMatchObject({ code: 'invalid-argument', field: 'report.stories[0].articles[0].findings[0].mark' });
    expect(error.message).toContain('one of double, single, guillemet');
    const credit = articleWith('a', 'Word and more words', [{ ...span, analyzer: 'credit', source: 'JTA', kind: '\u202eevil' }] as never);
    expect(thrown(() => REPORT_RENDERERS[name]!({ stories: [{ ...story, articles: [credit] }], failures: [] }))).toMatchObject({ code: 'invalid-argument', field: 'report.stories[0].articles[0].findings[0].kind' });
  });

  test('a comparison missing a section is named where it is rendered', () => {
    const story = hostileStory();
    for (const render of [renderHtml, renderMarkdown, renderText]) {
      const error = thrown(() => render({ schemaVersion: 1, stories: [{ ...story, comparison: { ...story.comparison, quotes: { groups: [] } } }], failures: [] } as never));
      expect(error).toMatchObject({ code: 'invalid-argument', field: 'report.stories[0].comparison.quotes.articles' });
    }
  });

  test('offsets outside the text and blocks out of order are refused', () => {
    const article = articleWith('a', 'One line\nTwo line', []);
    const outside = { ...article, findings: [{ ...hostileArticle().findings[0]!, start: 3, end: 400 }] };
    expect(thrown(() => renderArticleHtml(outside))).toMatchObject({ code: 'invalid-argument', field: 'article.findings[0]' });
    const reversed = { ...article, blocks: [...article.blocks].reverse() };
    expect(thrown(() => renderArticleHtml(reversed))).toMatchObject({ code: 'invalid-argument', field: 'article.blocks[1]' });
  });
});

describe('render options', () => {
  test.each(Object.keys(ALL_RENDERERS))('%s: an unknown option key is invalid-option naming the key', (name) => {
    const value = name === 'renderStoryHtml' ? hostileStory() : name === 'renderArticleHtml' ? hostileArticle() : hostileReport();
    expect(thrown(() => ALL_RENDERERS[name]!(value, { titel: 'x' }))).toMatchObject({ code: 'invalid-option', field: 'titel' });
    expect(thrown(() => ALL_RENDERERS[name]!(value, null))).toMatchObject({ code: 'invalid-argument', field: 'options' });
    expect(thrown(() => ALL_RENDERERS[name]!(value, 'title'))).toMatchObject({ code: 'invalid-argument', field: 'options' });
  });

  test('values out of range or of the wrong type are invalid-option naming the option', () => {
    const report = hostileReport();
    const cases: [() => unknown, string][] = [
      [() => renderMarkdown(report, { headingLevel: -5 as never }), 'headingLevel'],
      [() => renderMarkdown(report, { headingLevel: 4 as never }), 'headingLevel'],
      [() => renderMarkdown(report, { maxFindings: -1 }), 'maxFindings'],
      [() => renderMarkdown(report, { maxEvidence: Number.NaN }), 'maxEvidence'],
      [() => renderText(report, { maxEvidence: 0 }), 'maxEvidence'],
      [() => renderHtml(report, { maxEvidence: 2.5 }), 'maxEvidence'],
      [() => renderHtml(report, { title: 42 as never }), 'title'],
      [() => renderHtml(report, { articleText: 'no' as never }), 'articleText'],
      [() => renderStoryHtml(hostileStory(), { fragment: 1 as never }), 'fragment'],
      [() => toDisplay(report, { fragment: false } as never), 'fragment'],
    ];
    for (const [call, field] of cases) expect(thrown(call)).toMatchObject({ code: 'invalid-option', field });
  });

  test('an option given as undefined keeps its default', () => {
    const report = hostileReport();
    expect(renderHtml(report, { title: undefined })).toBe(renderHtml(report));
    expect(renderMarkdown(report, { headingLevel: undefined })).toBe(renderMarkdown(report));
  });

  test('the escaping functions refuse what is not a string', () => {
    for (const escape of [escapeHtml, escapeMarkdown]) expect(thrown(() => escape(null as never))).toMatchObject({ code: 'invalid-argument', field: 'text' });
  });
});
