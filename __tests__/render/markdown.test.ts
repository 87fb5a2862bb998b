import { ANALYZER_IDS, isFramingFinding } from '../../src/findings';
import { renderMarkdown } from '../../src/render/markdown';
import { renderHtml } from '../../src/render/html';
import { analyzerName } from '../../src/render/wording';
import { escapeMarkdown } from '../../src/render/escape';
import { articleWith, findingAt, hostileArticle, hostileReport, hostileStory, seedReport, spanOf } from './fixture';

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

  test('a speaker only one article names is shown by its name, not its actor id', () => {
    // The naming table holds actors two or more articles name; "Yomiuri" is named by 000 alone.
    expect(story.comparison.naming.some((actor) => actor.actor === 'yomiuri')).toBe(false);
    expect(markdown).toMatch(/\| #1 000_9cc5f9112ddb2de0 \|.*Yomiuri \(1\) \|/);
    expect(markdown).not.toMatch(/yomiuri \(1\)/);
    expect(renderHtml(seedReport())).toContain('Yomiuri (1)');
  });

  test('a summary line\'s evidence never repeats itself nor a wording the line already quotes', () => {
    const summary = markdown.slice(markdown.indexOf('### Summary'), markdown.indexOf('###', markdown.indexOf('### Summary') + 3));
    const lines = summary.split('\n').filter((line) => line.startsWith('  - '));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      const [text, evidence = ''] = line.split(/: (?=“[^”]*”(?: · “[^”]*”)*$)/);
      const shown = evidence === '' ? [] : evidence.split(' · ');
      expect(new Set(shown).size).toBe(shown.length);
      for (const item of shown) expect(text).not.toContain(item);
    }
    expect(summary).toContain('label for Israel: “Israeli occupation”; the others write “Israel”\n');
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

/** The deepest nesting of direction isolates in `text`, and how many are still open at its end. */
function isolateDepth(text: string): { deepest: number; open: number } {
  let open = 0;
  let deepest = 0;
  for (const char of text) {
    if (char >= '\u2066' && char <= '\u2068') deepest = Math.max(deepest, ++open);
    else if (char === '\u2069') open--;
  }
  return { deepest, open };
}

describe('renderMarkdown isolates each user string once', () => {
  const HAMAS = '\u05d7\u05de\u05d0\u05e1';
  const ISRAEL = '\u0625\u0633\u0631\u0627\u0626\u064a\u0644';

  test('a finding’s description isolates its right-to-left names, not the English phrase around them', () => {
    const text = 'The regime of Hamas claimed a \'victory\'.\nIt held.';
    const findings = [
      findingAt(text, spanOf(text, 'regime'), { analyzer: 'label', label: 'regime', family: 'regime', actor: HAMAS, alternative: 'government' }),
      findingAt(text, spanOf(text, "'victory'"), { analyzer: 'scare-quote', term: '\u202Evictory', mark: 'single', actor: ISRAEL }),
    ];
    const md = renderMarkdown({ schemaVersion: 1, failures: [], stories: [{ ...hostileStory(), articles: [articleWith('rtl', text, findings)] }] });
    const lines = md.split('\n');
    const label = lines.find((line) => line.startsWith('- **Label**'))!;
    const scare = lines.find((line) => line.startsWith('- **Scare quote**'))!;
    const description = (line: string): string => line.slice(line.indexOf(' — ') + 3, line.lastIndexOf(' ('));
    expect(description(label)).toBe(`“regime” (regime) standing for \u2068${HAMAS}\u2069; neutral wording: “government”`);
    expect(description(scare).match(/\u2068/g)).toHaveLength(2);
    expect(description(scare).startsWith('“\u2068\u202Evictory\u202C\u2069”')).toBe(true);
    for (const line of [label, scare]) {
      expect(isolateDepth(description(line))).toEqual({ deepest: 1, open: 0 });
      expect(isolateDepth(line).open).toBe(0);
    }
  });

  test('a summary line isolates the actor and each wording once, and leaves none open', () => {
    const story = hostileStory();
    const article = story.articles[0]!.id;
    const item = { kind: 'naming' as const, weight: 1, actor: ISRAEL, divergence: 'label' as const, values: [`${HAMAS} rule`, 'regime'], others: [ISRAEL], findings: [] };
    const md = renderMarkdown({ schemaVersion: 1, failures: [], stories: [{ ...story, comparison: { ...story.comparison, naming: [], summary: [{ article, items: [item] }] } }] });
    const line = md.split('\n').find((candidate) => candidate.includes('label for '))!;
    expect(line).toBe(`  - label for \u2068${ISRAEL}\u2069: “\u2068${HAMAS} rule\u2069”, “regime”; the others write “\u2068${ISRAEL}\u2069”`);
    expect(isolateDepth(line)).toEqual({ deepest: 1, open: 0 });
  });
});
