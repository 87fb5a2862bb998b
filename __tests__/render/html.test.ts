import fc from 'fast-check';
import { ANALYZER_IDS } from '../../src/findings';
import { renderArticleHtml, renderHtml, renderStoryHtml } from '../../src/render/html';
import { articleWith, findingAt, hostileArticle, hostileReport, hostileStory, seedReport, unbalancedTags, unescapeHtml } from './fixture';

/** Every tag of the page, without the style sheet. */
function tags(html: string): string[] {
  return [...html.replace(/<style>[\s\S]*?<\/style>/g, '').matchAll(/<[^>]*>/g)].map((match) => match[0]);
}

/** The visible text inside the article's `fl-text` div, tags removed and entities undone. */
function articleText(html: string): string {
  const inner = /<div class="fl-text">([\s\S]*?)<\/div>/.exec(html)![1]!;
  return unescapeHtml(inner.replace(/<sup>[\s\S]*?<\/sup>/g, '').replace(/<\/p>\n<p[^>]*>/g, '\n').replace(/<[^>]*>/g, ''));
}

describe('renderHtml on the seed story', () => {
  const html = renderHtml(seedReport());

  test('is one complete document with a content security policy that allows no script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).toContain('<meta name="viewport"');
    expect(html).toMatch(/@media print\{/);
    expect(html).toMatch(/@media \(max-width:600px\)/);
  });

  test('requests nothing: no script, image, frame, external style or font, and no URL in any tag', () => {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<(?:img|iframe|link|object|embed)\b/i);
    expect(html).not.toMatch(/@import|url\(|@font-face/i);
    for (const tag of tags(html)) expect(tag).not.toMatch(/https?:|\/\/|javascript:/i);
  });

  test('has the comparison sections, the chart, the legend and every article', () => {
    const report = seedReport();
    for (const heading of ['Articles', 'Framing scores per article', 'Articles with findings highlighted']) expect(html).toContain(heading);
    const comparison = report.stories[0]!.comparison;
    if (comparison.naming.length > 0) expect(html).toContain('<h3>Naming</h3>');
    if (comparison.articles.length > 1) expect(html).toContain('<h3>Similarity</h3>');
    if (comparison.summary.some((summary) => summary.items.length > 0)) expect(html).toContain('<h3>Summary</h3>');
    for (const article of report.stories[0]!.articles) expect(html).toContain(`<article class="fl-article" id="s0a${report.stories[0]!.articles.indexOf(article)}">`);
    for (const id of ANALYZER_IDS) expect(html).toContain(`fl-swatch fl-c-${id}`);
  });

  test('the similarity heatmap has one coloured cell per pair of articles', () => {
    const n = seedReport().stories[0]!.articles.length;
    const heat = /<div class="fl-heat">([\s\S]*?)<\/table>/.exec(html)![1]!;
    expect(heat.match(/style="background:hsl\(/g)).toHaveLength(n * n);
  });

  test('every tag is closed in order', () => {
    expect(unbalancedTags(html)).toEqual([]);
  });

  test('each article keeps its text verbatim between the highlights', () => {
    for (const article of seedReport().stories[0]!.articles) {
      const expected = article.blocks.map((block) => article.text.slice(block.start, block.end)).join('\n');
      expect(articleText(renderArticleHtml(article))).toBe(expected);
    }
  });

  test('the same report renders to the same page', () => {
    expect(renderHtml(seedReport())).toBe(html);
  });
});

describe('renderHtml on hostile text', () => {
  const html = renderHtml(hostileReport());

  test('markup in article text, ids, titles, outlets, evidence and failures comes out as text', () => {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/<style>body/);
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/mark&gt;&lt;/p&gt;&lt;style&gt;');
    expect(html).toContain('hostile &lt;script&gt;alert(&quot;story&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;script&gt;alert(&quot;outlet&quot;)&lt;/script&gt;');
    expect(html).toContain('missing|file &lt;script&gt;');
  });

  test('no tag carries an event handler, a source or a link out of the page', () => {
    for (const tag of tags(html).filter((tag) => tag !== '<!doctype html>')) {
      // Attribute values are quoted and escaped, so what remains outside quotes is the markup.
      expect(tag.replace(/"[^"]*"/g, '""')).toMatch(/^<\/?[a-z][a-z0-9]*(?:\s[a-zA-Z-]+(?:="")?)*\s*\/?>$/);
      for (const [, name, value] of tag.matchAll(/\s([a-zA-Z-]+)="([^"]*)"/g)) {
        expect(name!.toLowerCase()).not.toMatch(/^(?:on|src|srcset|action|formaction|xlink)/);
        if (name === 'href') expect(value).toMatch(/^#[\w-]*$/);
        if (name === 'style') expect(value).not.toMatch(/url|expression|import/i);
      }
    }
  });

  test('overlapping findings become runs that keep the text and nest properly', () => {
    const article = hostileArticle();
    const fragment = renderArticleHtml(article);
    expect(unbalancedTags(fragment)).toEqual([]);
    expect(articleText(fragment)).toBe(article.blocks.map((block) => article.text.slice(block.start, block.end)).join('\n'));
  });

  test('a run inside several findings lists all of them in its note and takes the shortest one’s colour', () => {
    const fragment = renderArticleHtml(hostileArticle());
    const victory = [...fragment.matchAll(/<mark class="([^"]*)"[^>]*data-tip="([^"]*)">victory<\/mark>/g)];
    expect(victory).toHaveLength(1);
    const [, classes, tip] = victory[0]!;
    expect(classes).toContain('fl-c-loaded-language');
    expect(classes).toContain('fl-multi');
    expect(classes).toContain('fl-inq');
    expect(unescapeHtml(tip!)).toMatch(/Quotation: partial, no speaker named[\s\S]*Scare quote: “victory”[\s\S]*Loaded word: “victory”: emotive/);
  });

  test('boilerplate is greyed with its kind, and its findings are marked as not counted', () => {
    const fragment = renderArticleHtml(hostileArticle());
    expect(fragment).toMatch(/<p class="fl-block fl-bp" data-kind="promotion">Read more: /);
    expect(fragment).toContain('(boilerplate, not counted)');
    expect(fragment).toMatch(/<mark class="fl-m fl-c-credit fl-mbp fl-ctx"/);
  });

  test('each finding is numbered in the text and listed below it', () => {
    const article = hostileArticle();
    const fragment = renderArticleHtml(article);
    article.findings.forEach((_, index) => {
      expect(fragment).toContain(`href="#a0f${index + 1}">${index + 1}</a>`);
      expect(fragment).toContain(`<li id="a0f${index + 1}" value="${index + 1}">`);
    });
  });

  test('the chart has a bar per scored analyzer with an escaped title', () => {
    const fragment = renderStoryHtml(hostileReport().stories[0]!);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(fragment)![0];
    expect(svg.match(/<rect /g)!.length).toBe(new Set(hostileArticle().findings.filter((f) => !f.boilerplate && ['scare-quote', 'attribution', 'label', 'loaded-language', 'hedge'].includes(f.analyzer)).map((f) => f.analyzer)).size);
    expect(svg).toContain('hostile &lt;img src=x onerror=alert(1)&gt;: Scare quote');
  });
});

describe('fragments for notebooks', () => {
  test('a fragment is one styled div with every selector scoped to it', () => {
    const fragment = renderHtml(seedReport(), { fragment: true });
    expect(fragment.startsWith('<div class="fl">')).toBe(true);
    expect(fragment.trimEnd().endsWith('</div>')).toBe(true);
    expect(fragment).not.toContain('<html');
    const css = /<style>([\s\S]*?)<\/style>/.exec(fragment)![1]!;
    const selectors = css.replace(/@media[^{]*\{/g, '').split('}').map((rule) => rule.split('{')[0]!.trim()).filter((selector) => selector !== '');
    for (const selector of selectors) for (const part of selector.split(',')) expect(part.trim()).toMatch(/^\.fl\b/);
  });
});

describe('highlighting as a property', () => {
  test('any findings over any text keep the text and produce balanced tags', () => {
    const text = 'Alpha <b>beta</b> "gamma" & delta\nEpsilon zeta <i>eta</i>\n\nTheta iota kappa';
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom(...ANALYZER_IDS)), { maxLength: 12 }), (spans) => {
        const findings = spans
          .map(([a, b, analyzer]) => ({ start: Math.min(a, b), end: Math.max(a, b), analyzer }))
          .filter((span) => span.end > span.start)
          .map((span) => findingAt(text, span, span.analyzer === 'quote' ? { analyzer: 'quote', quote: '', innerStart: 0, innerEnd: 0, partial: false } : { analyzer: 'hedge', term: 't', category: 'hedge' }));
        const article = articleWith('p', text, findings);
        const fragment = renderArticleHtml(article);
        expect(unbalancedTags(fragment)).toEqual([]);
        expect(articleText(fragment)).toBe(article.blocks.map((block) => text.slice(block.start, block.end)).join('\n'));
      }),
      { numRuns: 150 },
    );
  });
});

/** Findings whose offsets count how often they are read: the work highlighting does, without a clock. */
function countingFindings(text: string, spans: readonly { start: number; end: number }[]): { findings: ReturnType<typeof findingAt>[]; reads: () => number } {
  let reads = 0;
  const findings = spans.map((span) => {
    const finding = { ...findingAt(text, span, { analyzer: 'hedge', term: 'reportedly', category: 'hedge' }) };
    for (const key of ['start', 'end'] as const) {
      const value = finding[key];
      Object.defineProperty(finding, key, { enumerable: true, get: () => (reads++, value) });
    }
    return finding;
  });
  return { findings, reads: () => reads };
}

describe('highlighting grows with text and findings, not their product', () => {
  const N = 3000;
  const sentence = 'The deal reportedly held. ';
  const at = (offset: number) => ({ start: offset + 9, end: offset + 19 });

  test('an article of many lines reads each finding’s offsets a bounded number of times', () => {
    const text = Array.from({ length: N }, () => sentence.trim()).join('\n');
    const { findings, reads } = countingFindings(text, Array.from({ length: N }, (_, line) => at(line * sentence.length)));
    renderArticleHtml(articleWith('lines', text, findings));
    // Sorting once costs some 2 log2(N) ≈ 23 reads a finding; a scan of every finding per block, N.
    expect(reads()).toBeLessThan(100 * N);
  });

  test('one long line with many findings reads each finding’s offsets a bounded number of times', () => {
    const text = sentence.repeat(N);
    const { findings, reads } = countingFindings(text, Array.from({ length: N }, (_, index) => at(index * sentence.length)));
    const html = renderArticleHtml(articleWith('line', text, findings));
    expect(html.match(/<mark /g)).toHaveLength(N);
    expect(reads()).toBeLessThan(100 * N);
  });
});

describe('direction controls and right-to-left strings are isolated', () => {
  const RLO = '\u202E';

  test('an outlet that reverses text cannot reverse the date, URL and path after it', () => {
    const article = { ...articleWith(`${RLO}di`, 'Officials met\nThe deal held.', []), path: 'a/b.txt', meta: { id: `${RLO}di`, outlet: `${RLO}moc.liame`, date: '2024-05-01', url: 'https://example.com/x', title: `${RLO}eltit` } };
    const html = renderArticleHtml(article);
    const meta = /<p class="fl-meta">(.*?)<\/p>/.exec(html)![1]!;
    expect(meta).toBe(`<bdi>${RLO}moc.liame\u202C</bdi> · 2024-05-01 · https://example.com/x · a/b.txt`);
    expect(html).toContain(`<h2><bdi>${RLO}di\u202C</bdi><span class="fl-headline"><bdi>${RLO}eltit\u202C</bdi></span></h2>`);
  });

  test('ids, titles, outlets and quoted evidence in a whole report are isolated, each closing what it opens', () => {
    const text = `Officials met\nThe deal ${RLO}reportedly held.`;
    const hedge = findingAt(text, { start: text.indexOf(RLO), end: text.indexOf(' held') }, { analyzer: 'hedge', term: `${RLO}reportedly`, category: 'hedge' });
    const article = articleWith(`id${RLO}`, text, [hedge], { outlet: 'הארץ', date: '2024-05-01' });
    const report = { schemaVersion: 1, stories: [{ ...hostileStory(), id: `story\u2067`, articles: [article] }], failures: [] };
    const html = renderHtml(report, { title: `\u2069title${RLO}` });
    expect(html).toContain(`<title>\u2068title${RLO}\u202C\u2069</title>`);
    expect(html).toContain(`<h1><bdi>title${RLO}\u202C</bdi></h1>`);
    expect(html).toContain(`<h2>Story: <bdi>story\u2067\u2069</bdi></h2>`);
    expect(html).toContain('<td><bdi>הארץ</bdi>, 2024-05-01</td>');
    expect(html).toContain(`<q><bdi>${RLO}reportedly\u202C</bdi></q> — “\u2068${RLO}reportedly\u202C\u2069”: hedge`);
    // Outside <bdi> and isolates, no direction control is left open.
    const outside = html.replace(/<bdi>.*?<\/bdi>/g, '').replace(/\u2068[^\u2069]*\u2069/g, '');
    expect(outside.replace(/<div class="fl-text">[\s\S]*?<\/div>/, '')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
