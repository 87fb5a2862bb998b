import fc from 'fast-check';
import { analyzeArticle, analyzeStories } from '../src/analyze';
import { readArticle, type Article } from '../src/article';
import { isFramelensError } from '../src/errors';
import type { Finding } from '../src/findings';
import type { ArticleReport, FramelensReport } from '../src/report';
import { SEED_FILES, seedText } from './helpers/corpus';
import { spanProblems } from './helpers/hostile';

// Pieces of text: words the lexicons and actor finder care about, every kind of quotation mark,
// line breaks of every style, emoji and joiner sequences, right-to-left words, zero-width and
// no-break spaces, combining accents and a lone surrogate.
const PIECES = [
  'Gantz', 'Benny', 'Hamada', 'Israel', 'Japan', 'Iran', 'minister', 'defense', 'said', 'claimed', 'according', 'to',
  'reportedly', 'historic', 'regime', 'occupation', 'so-called', 'the', 'a', 'of', 'and', 'in', 'on', 'Tuesday', 'AP',
  '(JTA)', '—', ',', '.', '!', '?', ':', ';', '"', "'", '“', '”', '‘', '’', '«', '»', '‹', '›', '„', "'90s", "won't",
  '\n', '\r\n', '\n\n', '\r', '\u2028', ' ', ' ', ' ', '\t', '\u00a0', '\u200b', '\u200d', '\u200f', '\uFEFF',
  '😀', '👩‍👩‍👧‍👦', '🇮🇱', '👍🏽', 'שלום', 'مرحبا', 'é', 'e\u0301', '\ud83d', '123', '2023',
];
const piece = fc.constantFrom(...PIECES);

/** Random Unicode text built from the pieces above, with the odd raw grapheme. */
const unicodeText = fc
  .array(fc.oneof({ weight: 6, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) }), { maxLength: 60 })
  .map((parts) => parts.join(''));

const word = fc.constantFrom('Gantz', 'Hamada', 'Israel', 'Japan', 'officials', 'talks', 'deal', 'historic', 'regime', 'reportedly', 'the', 'new', 'defense', 'minister', 'agreed', 'met', 'Tokyo', 'שלום', '😀');
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((list) => list.join(' '));
const sentence = fc.oneof(
  words(3, 10).map((text) => `${text[0]!.toUpperCase()}${text.slice(1)}.`),
  fc.tuple(words(2, 8), fc.constantFrom('said', 'claimed', 'added')).map(([quote, verb]) => `“${quote},” Gantz ${verb}.`),
  fc.tuple(words(2, 6), words(1, 3)).map(([before, quoted]) => `${before} the '${quoted}' deal.`),
  words(2, 6).map((text) => `According to officials, ${text}.`),
);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((list) => list.join(' '));
const boilerplate = fc.constantFrom('Share this article', 'Subscribe to our newsletter', '© 2023 The Times of Israel. All rights reserved.', 'Home / News / World', 'Read more: Japan and Israel sign pact', 'Advertisement');
const headline = words(3, 8).map((text) => text.replace(/(^|\s)\S/g, (first) => first.toUpperCase()));

/** A random article: a headline, paragraphs and page furniture, joined by LF or CRLF blank lines. */
const articleText = fc
  .tuple(headline, fc.array(fc.oneof({ weight: 3, arbitrary: paragraph }, { weight: 1, arbitrary: boilerplate }), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n\n', '\r\n\r\n', '\n'))
  .map(([title, blocks, gap]) => [title, ...blocks].join(gap));

const anyText = fc.oneof(unicodeText, articleText);

/** Read and analyse, or undefined when the text is refused with a typed error (empty text). */
function analyze(text: string): { article: Article; report: ArticleReport } | undefined {
  try {
    const article = readArticle(text, { id: 'prop' });
    return { article, report: analyzeArticle(article) };
  } catch (error) {
    if (isFramelensError(error)) return undefined;
    throw error;
  }
}

// FL_RUNS=5000 npx jest __tests__/properties.test.ts searches more random cases than the 60 each test runs by default.
const RUNS = { numRuns: Number(process.env.FL_RUNS ?? 60) };

describe('properties over random text and articles', () => {
  test('nothing throws but typed errors, and only blank text is refused', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = analyze(text);
        if (!result) expect(text.replace(/[\s\u200b\uFEFF]/g, '')).toBe('');
      }),
      { numRuns: 100 },
    );
  });

  test('every span is in bounds and equal to its evidence', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = analyze(text);
        if (result) expect(spanProblems(result.article, result.report)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  test('the same input gives the same report', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(analyze(text)).toEqual(analyze(text));
      }),
      RUNS,
    );
  });

  test('prepending a paragraph shifts every offset of the original part by its length', () => {
    const prefix = 'The talks went on for hours in a quiet room.\n\n';
    const alone = analyze(prefix)!;
    // The prefix brings no findings or actors of its own that could change the rest.
    expect(alone.report.findings).toEqual([]);
    expect(alone.report.actors).toEqual([]);
    const shift = prefix.length;
    const key = (finding: Finding, by = 0) => `${finding.analyzer} ${finding.rule} ${finding.start + by}-${finding.end + by} ${finding.text}`;
    fc.assert(
      fc.property(anyText, (raw) => {
        // readArticle drops a byte-order mark that opens the text, so offsets of a text that opens
        // with one do not shift with a prefix: leave every leading mark out ("\uFEFF\uFEFF!" found this).
        const text = raw.replace(/^\uFEFF+/, '');
        const original = analyze(text);
        fc.pre(original !== undefined);
        const shifted = analyze(prefix + text)!;
        const tokens = shifted.article.tokens.filter((token) => token.start >= shift);
        expect(tokens.map((token) => [token.start - shift, token.value])).toEqual(original!.article.tokens.map((token) => [token.start, token.value]));
        const blocks = shifted.article.blocks.filter((block) => block.start >= shift);
        expect(blocks.map((block) => [block.start - shift, block.end - shift])).toEqual(original!.article.blocks.map((block) => [block.start, block.end]));
        const quotes = shifted.article.quotes.filter((quote) => quote.start >= shift);
        expect(quotes.map((quote) => [quote.start - shift, quote.end - shift, quote.closed])).toEqual(original!.article.quotes.map((quote) => [quote.start, quote.end, quote.closed]));
        // Findings compare when the classifier gave every original block the same role: a
        // prepended paragraph may rightly turn a headline into body, or a run of page furniture
        // next to it into prose, and analyzers rightly read roles (actors come from the body).
        if (original!.article.blocks.some((block, index) => blocks[index]?.role !== block.role)) return;
        const before = original!.report.findings.map((finding) => key(finding, shift));
        const after = shifted.report.findings.filter((finding) => finding.start >= shift).map((finding) => key(finding));
        expect(after.sort()).toEqual(before.sort());
      }),
      RUNS,
    );
  });

  test.each(SEED_FILES.map((file) => [file]))('prepending a paragraph to seed %s shifts every finding by its length', (file) => {
    const prefix = 'The talks went on for hours in a quiet room.\n\n';
    const text = seedText(file.slice(0, 3));
    const key = (finding: Finding, by = 0) => `${finding.analyzer} ${finding.rule} ${finding.start + by}-${finding.end + by}`;
    const before = analyze(text)!.report.findings.map((finding) => key(finding, prefix.length));
    const after = analyze(prefix + text)!.report.findings.filter((finding) => finding.start >= prefix.length).map((finding) => key(finding));
    expect(before.length).toBeGreaterThan(0);
    expect(after.sort()).toEqual(before.sort());
  });

  test('the JSON report round-trips to a deep-equal FramelensReport', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 3 }), (texts) => {
        const report: FramelensReport = analyzeStories([{ id: 'story', articles: texts.map((text, index) => ({ text, meta: { id: `a${index}`, outlet: 'Outlet' } })) }]);
        const parsed: FramelensReport = JSON.parse(JSON.stringify(report)) as FramelensReport;
        expect(parsed).toStrictEqual(JSON.parse(JSON.stringify(parsed)));
        expect(parsed).toEqual(report);
        expect(report.stories[0]!.articles.length + report.stories[0]!.failures.length).toBe(texts.length);
      }),
      { numRuns: 40 },
    );
  });

  test('empty text yields a typed error, never a report', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\n', '\r\n', '\t', '\u00a0', '\u200b', '\u2028', '\uFEFF'), { maxLength: 20 }), (parts) => {
        expect(() => readArticle(parts.join(''))).toThrow(expect.objectContaining({ code: 'empty-text' }));
      }),
      { numRuns: 50 },
    );
  });
});

// The report types hold only JSON: no functions, maps, sets, dates or bigints. A field of such a
// type added to the report fails this line at compile time.
type IsJson<T> = T extends string | number | boolean | null | undefined
  ? true
  : T extends ((...args: never[]) => unknown) | Map<unknown, unknown> | Set<unknown> | Date | RegExp | bigint | symbol
    ? false
    : T extends readonly (infer Item)[]
      ? IsJson<Item>
      : T extends object
        ? false extends { [K in keyof T]-?: IsJson<T[K]> }[keyof T]
          ? false
          : true
        : false;
type AllTrue<T> = [T] extends [true] ? true : false;
const reportIsJson: AllTrue<IsJson<FramelensReport>> = true;
const mapIsNot: AllTrue<IsJson<{ readonly lookup: Map<string, number> }>> = false;

test('the report types are JSON through and through (checked by the compiler)', () => {
  expect([reportIsJson, mapIsNot]).toEqual([true, false]);
});
