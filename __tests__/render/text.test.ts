import { analyzeStories } from '../../src/analyze';
import type { StoryComparison } from '../../src/compare';
import { renderText } from '../../src/render/text';
import { articleWith, findingAt, hostileStory, seedReport, seedStory } from './fixture';

describe('renderText on terminal escapes', () => {
  test('escape sequences and direction controls from ids, file names and text are shown, not sent', () => {
    const text = 'Officials \x1b[2J met\nThe deal \u202Ereportedly held.\x9b';
    const hedge = findingAt(text, { start: text.indexOf('\u202E'), end: text.indexOf(' held') }, { analyzer: 'hedge', term: 'reportedly', category: 'hedge' });
    const article = { ...articleWith('id\x1b]0;pwned\x07', text, [hedge]), path: 'dir/\x1b[31mred.txt' };
    const out = renderText({ schemaVersion: 1, stories: [{ ...hostileStory(), id: 'story\u2066', articles: [article] }], failures: [{ code: 'unreadable-path', message: 'x\x1bc: missing' }] });
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    expect(out).toContain('Story story\\u2066:');
    expect(out).toContain('## id\\x1b]0;pwned\\x07  (dir/\\x1b[31mred.txt)');
    expect(out).toContain('headline: Officials \\x1b[2J met');
    expect(out).toContain('"\\u202ereportedly"');
    expect(out).toContain('unreadable-path: x\\x1bc: missing');
  });

  test('line breaks and tabs stay', () => {
    const article = articleWith('tab\tid', 'Officials met\nThe deal held.', []);
    const out = renderText({ schemaVersion: 1, stories: [{ ...hostileStory(), articles: [article] }], failures: [] });
    expect(out).toContain('## tab\tid');
    expect(out.split('\n').length).toBeGreaterThan(3);
  });
});

describe('renderText on the story comparison', () => {
  const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

  test('the seed story ends with its comparison: what sets each article apart, how each names the event, the most and least alike', () => {
    const report = seedReport();
    const out = renderText(report);
    const comparison = out.slice(out.indexOf('\nComparison\n'));
    expect(out.indexOf('\nComparison\n')).toBeGreaterThan(out.indexOf('## 004_34a31c767a3c9782'));
    expect(comparison).toContain('What sets each article apart:\n  000_9cc5f9112ddb2de0\n    label for Israel: “Israeli occupation”; the others write “Israel”\n');
    expect(comparison).toContain('    reporting verb for Benny Gantz: “claims”; the others write “say”\n');
    const event = report.stories[0]!.comparison.event;
    expect(event.articles).toHaveLength(5);
    for (const wording of event.articles) expect(comparison).toContain(`  ${wording.article}  “${wording.wording}” (`);
    expect(comparison).toContain('  003_2af063e02a49688b  “memorandum for defense cooperation” (body sentence 1)\n');
    expect(comparison).toMatch(/\n {2}Most alike: 0\d\d_\w+ and 0\d\d_\w+ \(0\.\d+\); least alike: 0\d\d_\w+ and 0\d\d_\w+ \(0\.\d+\)\n/);
  });

  test('evidence is clipped to maxEvidence, two pieces at most', () => {
    const out = renderText(seedReport(), { maxEvidence: 12 });
    expect(out).toContain('    7 statements no other article makes (44% of its statements): “Gantz, who …” · ““In Israel,…”\n');
  });

  test('a story of one article, or without a comparison, shows its articles alone', () => {
    const story = seedStory();
    const two = analyzeStories([{ ...story, articles: story.articles.slice(0, 2) }]);
    expect(renderText(two)).toContain('\nComparison\n');
    const one = analyzeStories([{ ...story, articles: story.articles.slice(0, 1) }]);
    expect(renderText(one)).not.toContain('Comparison');
    const without = { ...two, stories: [{ ...two.stories[0]!, comparison: undefined }] };
    const out = renderText(without as never);
    expect(out).toContain('## 000_9cc5f9112ddb2de0');
    expect(out).not.toContain('Comparison');
  });

  test('control characters and direction controls in the comparison are shown as escapes, without the isolates around names', () => {
    const text = 'Officials \x1b[2J met\nThe deal \u202Ereportedly held.';
    const hedge = findingAt(text, { start: text.indexOf('\u202E'), end: text.indexOf(' held') }, { analyzer: 'hedge', term: 'reportedly', category: 'hedge' });
    const [a, b, c] = ['a\x1b[31m', 'b\u2067', 'c'];
    const base = hostileStory().comparison;
    const comparison: StoryComparison = {
      ...base,
      articles: [a, b, c],
      summary: [
        {
          article: a,
          items: [
            { kind: 'naming', weight: 1, actor: '\u202Eliame', divergence: 'label', values: ['occupation\x1b[2J'], others: ['\u05d7\u05de\u05d0\u05e1'], findings: [] },
            { kind: 'metric-outlier', weight: 1, metric: 'hedge', value: 100, median: 0, z: 9, findings: [0], sentences: [] },
          ],
        },
      ],
      event: { articles: [{ article: a, wording: 'deal\x07', start: 0, end: 4, sentence: 0, position: 'headline', head: 'deal', modifiers: [], support: 0 }], variants: [{ wording: 'deal\x07', articles: [a] }] },
      similarity: { matrix: {}, mean: {}, pairs: [{ a, b, score: 0.5 }, { a: b, b: c, score: 0.1 }] },
    };
    const articles = [articleWith(a, text, [hedge]), articleWith(b, 'Plain text\nhere.', []), articleWith(c, 'More text\nhere.', [])];
    const out = renderText({ schemaVersion: 1, stories: [{ id: 's', articles, failures: [], comparison }], failures: [] });
    expect(out).not.toMatch(UNSAFE);
    expect(out).not.toContain('\\u2068');
    expect(out).toContain('  a\\x1b[31m\n    label for \\u202eliame\\u202c: “occupation\\x1b[2J”; the others write “\u05d7\u05de\u05d0\u05e1”\n');
    expect(out).toContain('    high hedges per 1,000 tokens: 100 against a story median of 0: “\\u202ereportedly”\n');
    expect(out).toContain('  a\\x1b[31m  “deal\\x07” (headline)\n');
    expect(out).toContain('  Most alike: a\\x1b[31m and b\\u2067\\u2069 (0.5); least alike: b\\u2067\\u2069 and c (0.1)\n');
  });
});
