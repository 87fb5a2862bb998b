import { ANALYZER_IDS, isFramingFinding } from '../../src/findings';
import { renderMarkdown } from '../../src/render/markdown';
import { analyzerName } from '../../src/render/wording';
import { escapeMarkdown } from '../../src/render/escape';
import { articleWith, hostileArticle, hostileReport, hostileStory, seedReport } from './fixture';

/** Cells of a Markdown table row, split at pipes that are not escaped. */
function cells(line: string): string[] {
  return line.replace(/\\\|/g, '\u0000').split('|').slice(1, -1);
}

describe('renderMarkdown on the seed story', () => {
  const markdown = renderMarkdown(seedReport());
  const story = seedReport().stories[0]!;

  test('has the story, its articles table, the comparison sections it holds and the findings', () => {
    expect(markdown.startsWith('# framelens report\n')).toBe(true);
    expect(markdown).toContain('## Story **corpus**');
    expect(markdown).toContain('| Article | Headline | Outlet | Body tokens | Tone per word |');
    expect(markdown).toContain('**Framing scores**');
    expect(markdown).toContain('### Notable findings');
    const comparison = story.comparison;
    if (comparison.summary.some((summary) => summary.items.length > 0)) expect(markdown).toContain('### Summary');
    if (comparison.naming.length > 0) expect(markdown).toContain('### Naming');
    if (comparison.event.articles.length > 0) expect(markdown).toContain('### How each article names the event');
    if (comparison.quotes.groups.length > 0) expect(markdown).toContain('### Quotations');
    if (comparison.metrics.some((row) => row.values.some((value) => value.value !== 0))) expect(markdown).toContain('### Metrics');
    if (comparison.coverage.some((entry) => entry.statements > 0)) expect(markdown).toContain('### Coverage');
    expect(markdown).toContain('### Similarity');
    for (const article of story.articles) expect(markdown).toContain(`#### **${escapeMarkdown(article.id)}**`);
  });

  test('each article lists its notable findings with quoted evidence, or says it has none', () => {
    for (const article of story.articles) {
      const notable = article.findings.filter((finding) => !finding.boilerplate && isFramingFinding(finding));
      const first = notable[0];
      if (first) expect(markdown).toContain(`- **${analyzerName(first.analyzer)}** “${escapeMarkdown(first.text.replace(/\s+/g, ' ').trim()).slice(0, 40)}`);
    }
    if (story.articles.some((article) => !article.findings.some((finding) => !finding.boilerplate && isFramingFinding(finding)))) {
      expect(markdown).toContain('_No framing findings._');
    }
  });

  test('every table row has as many cells as its header', () => {
    const lines = markdown.split('\n');
    let width = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      if (width === 0) width = cells(line).length;
      else expect(cells(line)).toHaveLength(width);
    }
  });

  test('the same report renders to the same Markdown', () => {
    expect(renderMarkdown(seedReport())).toBe(markdown);
  });
});

describe('renderMarkdown on hostile text', () => {
  const markdown = renderMarkdown(hostileReport());

  test('HTML in text, ids and failures is escaped, never passed through', () => {
    expect(markdown).not.toMatch(/<script|<img|<b>|<style/i);
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdown).toContain('hostile &lt;img src=x onerror=alert(1)&gt;');
    expect(markdown).toContain('missing\\|file &lt;script&gt;');
  });

  test('Markdown marks in evidence are escaped so a quote cannot become a link or emphasis', () => {
    const markdown = renderMarkdown({ schemaVersion: 1, failures: [], stories: [{ ...hostileReport().stories[0]!, articles: [hostileArticle()] }] });
    expect(markdown).not.toMatch(/[^\\]\[link\]/);
    expect(markdown).not.toMatch(/[^\\]\*historic/);
  });

  test('a finding of every analyzer has wording', () => {
    for (const id of ANALYZER_IDS) expect(analyzerName(id)).toMatch(/^[A-Z][a-z]/);
    expect(new Set(ANALYZER_IDS.map(analyzerName)).size).toBe(ANALYZER_IDS.length);
  });

  test('overlong evidence is clipped with an ellipsis', () => {
    const long = renderMarkdown(hostileReport(), { maxEvidence: 10 });
    expect(long).toMatch(/“[^”]{1,14}…”/);
  });

  test('the number of findings listed per article is capped and the rest counted', () => {
    const capped = renderMarkdown(hostileReport(), { maxFindings: 1 });
    const notable = hostileArticle().findings.filter((finding) => !finding.boilerplate && isFramingFinding(finding)).length;
    expect(capped).toContain(`- … and ${notable - 1} more`);
  });
});

describe('renderMarkdown with direction controls', () => {
  test('an outlet that reverses text is isolated and closed, so the cells after it read in order', () => {
    const article = articleWith('\u202Edi', 'Officials met\nThe deal held.', [], { outlet: '\u202Emoc.liame', date: '2024-05-01' });
    const md = renderMarkdown({ schemaVersion: 1, stories: [{ ...hostileStory(), id: 'story\u2069', articles: [article] }], failures: [] });
    expect(md).toContain('| **\u2068\u202Edi\u202C\u2069** |');
    expect(md).toContain('\u2068\u202Emoc.liame, 2024-05-01\u202C\u2069');
    expect(md).toContain('## Story **\u2068story\u2069**');
  });
});
