import { JUPYTER_DISPLAY, toDisplay } from '../../src/render/notebook';
import { hostileArticle, hostileReport, seedReport } from './fixture';

describe('toDisplay', () => {
  test('a report displays as an HTML fragment, with Markdown and plain text beside it', () => {
    const bundle = toDisplay(seedReport())[Symbol.for('Jupyter.display') as typeof JUPYTER_DISPLAY]();
    expect(Object.keys(bundle).sort()).toEqual(['text/html', 'text/markdown', 'text/plain']);
    expect(bundle['text/html'].startsWith('<div class="fl">')).toBe(true);
    expect(bundle['text/html']).not.toContain('<html');
    expect(bundle['text/markdown']).toContain('# framelens report');
    expect(bundle['text/plain']).toBe('framelens report: 1 story');
  });

  test('a story shows its comparison and a single article its highlighted text', () => {
    const story = toDisplay(seedReport().stories[0]!)[JUPYTER_DISPLAY]();
    expect(story['text/html']).toContain('Framing scores per article');
    const article = toDisplay(hostileArticle())[JUPYTER_DISPLAY]();
    expect(article['text/html']).toContain('<div class="fl-text">');
    expect(article['text/html']).not.toContain('Framing scores per article');
    expect(article['text/plain']).toBe(`framelens article ${hostileArticle().id}: ${hostileArticle().findings.length} findings`);
  });

  test('the display symbol is the one Jupyter kernels look up, and the bundle survives JSON', () => {
    expect(JUPYTER_DISPLAY).toBe(Symbol.for('Jupyter.display'));
    const bundle = toDisplay(hostileReport())[JUPYTER_DISPLAY]();
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
    expect(bundle['text/html']).not.toMatch(/<script/i);
  });
});

describe('toDisplay with direction controls', () => {
  test('the HTML and the plain text isolate an id that reverses text', () => {
    const bundle = toDisplay({ ...hostileArticle(), id: '\u202Edi' })[JUPYTER_DISPLAY]();
    expect(bundle['text/html']).toContain('<bdi>\u202Edi\u202C</bdi>');
    expect(bundle['text/plain']).toMatch(/^framelens article \u2068\u202Edi\u202C\u2069: /);
  });
});
