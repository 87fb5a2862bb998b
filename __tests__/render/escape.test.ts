import { balanceBidi, clip, escapeHtml, escapeIsolatedMarkdown, escapeMarkdown, escapeTerminal, formatNumber, isolateHtml, isolateText, withoutIsolates } from '../../src/render/escape';
import { ownValue } from '../../src/render/own';

describe('escaping', () => {
  test('escapeHtml escapes the five characters that end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test('escapeMarkdown keeps text on one line and neutralises HTML, tables, links and emphasis', () => {
    expect(escapeMarkdown('a | b\n*c* [d](e) <f> `g` ~h~ #i')).toBe('a \\| b \\*c\\* \\[d\\](e) &lt;f&gt; \\`g\\` \\~h\\~ \\#i');
  });

  test('an underscore inside a word is left alone; one at a word edge is escaped', () => {
    expect(escapeMarkdown('000_9cc5 _lead trail_')).toBe('000_9cc5 \\_lead trail\\_');
  });

  test('clip shortens to the limit without splitting a surrogate pair', () => {
    expect(clip('a  long\nline', 6)).toBe('a lon…');
    expect(clip('short', 10)).toBe('short');
    const clipped = clip('ab😀cdef', 4);
    expect(clipped).toBe('ab…');
  });

  test('formatNumber rounds and shows integers as they are', () => {
    expect(formatNumber(3.14159)).toBe('3.14');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(Number.NaN)).toBe('–');
  });

  test('ownValue never reads Object.prototype', () => {
    expect(ownValue({ a: 1 }, 'constructor')).toBeUndefined();
    expect(ownValue({ a: 1 }, '__proto__')).toBeUndefined();
    expect(ownValue({ a: 1 }, 'a')).toBe(1);
  });
});

describe('direction isolation and terminal escapes', () => {
  test('a string closes every embedding and isolate it opens and drops pops that close nothing of its own', () => {
    expect(balanceBidi('\u202Emoc.liame')).toBe('\u202Emoc.liame\u202C');
    expect(balanceBidi('a\u2067b\u202Bc')).toBe('a\u2067b\u202Bc\u202C\u2069');
    expect(balanceBidi('\u2069\u202Cab\u2066c\u202Ad\u2069e')).toBe('ab\u2066c\u202Ad\u2069e');
    expect(balanceBidi('plain')).toBe('plain');
  });

  test('only right-to-left or direction-controlled strings are isolated', () => {
    expect(isolateText('Haaretz 2024')).toBe('Haaretz 2024');
    expect(isolateText('הארץ')).toBe('\u2068הארץ\u2069');
    expect(isolateHtml('<b>\u202E')).toBe('<bdi>&lt;b&gt;\u202E\u202C</bdi>');
    expect(isolateHtml('<b>')).toBe('&lt;b&gt;');
  });

  test('an already isolated phrase is escaped for Markdown without a second isolate, its stray controls still closed', () => {
    const phrase = `standing for ${isolateText('\u05d7\u05de\u05d0\u05e1 | *x*')}`;
    expect(escapeMarkdown(phrase)).toBe('\u2068standing for \u2068\u05d7\u05de\u05d0\u05e1 \\| \\*x\\*\u2069\u2069');
    expect(escapeIsolatedMarkdown(phrase)).toBe('standing for \u2068\u05d7\u05de\u05d0\u05e1 \\| \\*x\\*\u2069');
    expect(escapeIsolatedMarkdown('a\u202Eb\u2069 <c>')).toBe('a\u202Eb &lt;c&gt;\u202C');
  });

  test('the isolates around the names of a phrase go for the terminal; a name\'s own direction controls stay', () => {
    const phrase = `label for ${isolateText('\u05d7\u05de\u05d0\u05e1')}: ${isolateText('a\u2068b\u202Ec')} and ${isolateText('plain')}`;
    expect(withoutIsolates(phrase)).toBe('label for \u05d7\u05de\u05d0\u05e1: a\u2068b\u202Ec\u202C\u2069 and plain');
    expect(withoutIsolates('stray \u2069 and \u2067open')).toBe('stray \u2069 and \u2067open');
  });

  test('terminal escapes become visible, line feeds and tabs stay', () => {
    expect(escapeTerminal('\x1b]0;t\x07\x1b[2J\r\x9b a\tb\nc \u202E\u2066')).toBe('\\x1b]0;t\\x07\\x1b[2J\\x0d\\x9b a\tb\nc \\u202e\\u2066');
  });
});
