import { analyzeArticle } from '../src/analyze';
import { findLines, findQuotes, readArticle } from '../src/article';
import { classifyBlocks } from '../src/boilerplate';
import { compareStory } from '../src/compare';
import { renderMarkdown } from '../src/render/markdown';
import { renderText } from '../src/render/text';
import { isFramelensError } from '../src/errors';
import { buildLexicons, DEFAULT_LEXICONS, type LexiconEntry } from '../src/lexicons';
import { seedText } from './helpers/corpus';
import { hostileCases, spanProblems } from './helpers/hostile';

const analyze = (text: string, options = {}) => {
  const article = readArticle(text, { id: 'hostile' });
  return { article, report: analyzeArticle(article, options) };
};

describe('hostile and odd text completes with correct offsets', () => {
  // Small versions of the benchmark's cases (scripts/bench-hostile.ts runs them at 10 MB and 1 MB).
  test.each(hostileCases(6_000, seedText('000')).map((hostile) => [hostile.name, hostile.text] as const))('%s', (_name, text) => {
    const { article, report } = analyze(text);
    expect(spanProblems(article, report)).toEqual([]);
    expect(article.text).toBe(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  });

  test('more findings than a function call takes arguments (200,000) are analysed and rendered', () => {
    // Spreading such a list into push() throws "Maximum call stack size exceeded".
    const { report } = analyze(Array.from({ length: 200_000 }, (_, i) => `Officials claimed the toll was ${i}.`).join('\n'));
    expect(report.findings.length).toBeGreaterThanOrEqual(200_000);
    const whole = { schemaVersion: 1, stories: [{ id: 'many', articles: [report], failures: [], comparison: compareStory([]) }], failures: [] };
    expect(renderMarkdown(whole)).toContain('many');
    expect(renderText(whole)).toContain('many');
  }, 120_000);

  test('a single 1 MB line without a space', () => {
    const text = `Gantz said ${'ab'.repeat(500_000)} on Tuesday.`;
    const { article, report } = analyze(text);
    expect(article.blocks).toHaveLength(1);
    expect(spanProblems(article, report)).toEqual([]);
    // The long word is read in pieces, each its own slice of the text, nothing out of place.
    expect(article.tokens.at(-2)!.value).toBe('Tuesday');
  });

  test('white space wink drops (vertical tab, form feed, U+2028, an inner BOM) does not shift later tokens', () => {
    const text = 'Gantz\u000b met\u000c Hamada\u2028in Tokyo\uFEFF on Tuesday\u2029and left.';
    const { article } = analyze(text);
    expect(article.tokens.map((token) => token.value)).toEqual(['Gantz', 'met', 'Hamada', 'in', 'Tokyo', 'on', 'Tuesday', 'and', 'left', '.']);
    for (const token of article.tokens) expect(text.slice(token.start, token.end)).toBe(token.value);
  });

  test('a zero-width space at a line start is white space whatever lines come before it', () => {
    const alone = readArticle('\u200b\u201e');
    const after = readArticle('A first paragraph.\n\n\u200b\u201e');
    const shift = 'A first paragraph.\n\n'.length;
    expect(after.tokens.filter((token) => token.start >= shift).map((token) => [token.start - shift, token.value])).toEqual(alone.tokens.map((token) => [token.start, token.value]));
    expect(alone.tokens.map((token) => token.value)).toEqual(['\u201e']);
  });

  test('CRLF line ends stay outside blocks', () => {
    const text = 'Japan and Israel sign pact\r\n\r\nGantz met Hamada.\r\nThey spoke.\r\n';
    expect(analyze(text).article.blocks.map((block) => text.slice(block.start, block.end))).toEqual(['Japan and Israel sign pact', 'Gantz met Hamada.', 'They spoke.']);
  });

  test('emoji, flags and joiner sequences are never cut in half', () => {
    const text = 'Families 👩‍👩‍👧‍👦 cheered 🇮🇱🇯🇵 as Gantz said “we are one 🤝” today 👍🏽.';
    const { article, report } = analyze(text);
    expect(spanProblems(article, report)).toEqual([]);
    expect(article.quotes.map((quote) => text.slice(quote.start, quote.end))).toEqual(['“we are one 🤝”']);
  });

  test('Arabic guillemets and Hebrew text keep their quotation spans', () => {
    const text = 'قال غانتس إن «الاتفاق تاريخي» بعد لقائه.\nגנץ אמר „ההסכם היסטורי“ בטוקיו.';
    const { article, report } = analyze(text);
    expect(spanProblems(article, report)).toEqual([]);
    expect(article.quotes.map((quote) => text.slice(quote.start, quote.end))).toContain('«الاتفاق تاريخي»');
  });

  test('a text that is all boilerplate counts no body tokens and scores nothing', () => {
    const text = 'Home / News / World\nSubscribe to our newsletter\nShare this article\n© 2023 The Times of Israel. All rights reserved.\nAdvertisement';
    const { report } = analyze(text);
    for (const finding of report.findings) expect(finding.boilerplate).toBe(true);
    for (const score of Object.values(report.scores)) expect(Number.isFinite(score)).toBe(true);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('unbalanced quotation marks stay linear', () => {
  // The sum of the quotation spans is what analyzers walk: it must grow with the text, not its square.
  const covered = (text: string) => findQuotes(text, findLines(text)).reduce((sum, quote) => sum + quote.end - quote.start, 0);

  test.each([
    ['curly openers', '“word '],
    ['straight doubles', '"word '],
    ['straight singles', "'word "],
    ['every kind of opener', '“a ‘b «c ‹d „e ‚f '],
  ])('thousands of %s make spans covering at most three times the text', (_name, unit) => {
    const text = unit.repeat(5_000);
    expect(covered(text)).toBeLessThanOrEqual(3 * text.length);
  });

  test('an opening mark of the same kind ends an unclosed quotation there', () => {
    const text = 'He said “one and then “two” and three.';
    const quotes = findQuotes(text, findLines(text));
    expect(quotes.map((quote) => [text.slice(quote.start, quote.end), quote.closed, quote.depth])).toEqual([
      ['“one and then', false, 0],
      ['“two”', true, 0],
    ]);
  });

  test('a quotation of another kind still nests', () => {
    const text = '“He called it ‘historic’ today,” Gantz said.';
    expect(findQuotes(text, findLines(text)).map((quote) => quote.depth)).toEqual([0, 1]);
  });

  test('closing marks without openers make no spans', () => {
    expect(findQuotes('word” '.repeat(5_000), findLines('word” '.repeat(5_000)))).toEqual([]);
  });
});

describe('user lexicon terms are words, not patterns', () => {
  const entry = (id: string, terms: string[]): LexiconEntry => ({ id, terms, category: 'emotive', note: 'test', source: 'test' });
  const HOSTILE_TERMS = ['(a+)+$', '(x+x+)+y', 'a'.repeat(1_000), '.*', '[', '\\', '$&', 'constructor', '__proto__', 'toString', 'hasOwnProperty'];

  test('regex-breaking terms compile and run without hanging, and match only themselves', () => {
    const lexicon = { add: { loaded: HOSTILE_TERMS.map((term, index) => entry(`hostile.${index}`, [term])) } };
    const text = `${'a'.repeat(5_000)}! ${'x'.repeat(3_000)} Nothing here matches dot star.\nThe constructor of __proto__ said toString again.`;
    const { report } = analyze(text, { lexicon, only: ['loaded-language'] });
    const hostile = report.findings.filter((finding) => finding.rule.startsWith('hostile.'));
    expect(hostile.map((finding) => finding.text).sort()).toEqual(['__proto__', 'constructor', 'toString']);
  });

  test('a term too long for any word, such as "a" 10,000 times, is refused with a typed error', () => {
    const lexicon = { add: { loaded: [entry('long.term', ['fine', 'a'.repeat(10_000)])] } };
    expect(() => buildLexicons(lexicon, 'long.json')).toThrow(expect.objectContaining({ code: 'invalid-lexicon', input: 'long.json', field: 'loaded[0].terms[1]' }));
  });

  test('no lexicon term or actor name ever becomes a RegExp', () => {
    const seen: string[] = [];
    const Original = globalThis.RegExp;
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args, newTarget) {
        seen.push(String(args[0]));
        return Reflect.construct(target, args, newTarget) as object;
      },
      apply(target, self, args) {
        seen.push(String(args[0]));
        return Reflect.apply(target, self, args) as RegExp;
      },
    });
    try {
      const lexicon = { add: { loaded: [entry('marker.term', ['zqxterm', 'zqx(a+)+$'])], hedges: [{ ...entry('marker.hedge', ['zqxhedge']), category: 'hedge' }] } };
      const { report } = analyze('Gantz said the zqxterm deal was zqxhedge good.\nZqxactor spoke.', { lexicon, actors: [{ name: 'Zqxactor', aliases: ['zqx(b+)+$'] }] });
      expect(report.findings.some((finding) => finding.rule === 'marker.term')).toBe(true);
      // Boilerplate phrases are the one user string that joins a RegExp (escaped, see below):
      // seeing it here shows the trap works.
      readArticle('Zqxphrase (c+)+$ here\nGantz met Hamada.', {}, { boilerplate: { phrases: [{ phrase: 'zqxphrase (c+)+$', kind: 'promotion' }] } });
    } finally {
      globalThis.RegExp = Original;
    }
    expect(seen.filter((source) => /zqx(?!phrase)/i.test(source))).toEqual([]);
    expect(seen.filter((source) => source.includes('zqxphrase'))).toEqual([expect.stringContaining('zqxphrase \\(c\\+\\)\\+\\$')]);
  });

  test('user boilerplate phrases are escaped before they join a RegExp, and matched literally', () => {
    const text = 'Subscribe (a+)+$ now\nGantz met Hamada in Tokyo on Tuesday, the ministry said in a statement.';
    const roles = classifyBlocks(text, findLines(text), { phrases: [{ phrase: '(a+)+$', kind: 'promotion' }] });
    expect(roles[0]).toMatchObject({ role: 'boilerplate', kind: 'promotion' });
    const plain = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\nGantz met Hamada in Tokyo on Tuesday, the ministry said in a statement.';
    expect(classifyBlocks(plain, findLines(plain), { phrases: [{ phrase: '(a+)+$', kind: 'promotion' }] })[0]!.rule).not.toMatch(/^user-phrase/);
  });

  test('a boilerplate phrase too long to search every line for is a typed error', () => {
    expect.assertions(2);
    try {
      readArticle('Gantz met Hamada.', {}, { boilerplate: { phrases: [{ phrase: 'a'.repeat(10_000), kind: 'promotion' }] } });
    } catch (error) {
      expect(isFramelensError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'invalid-option', field: 'boilerplate.phrases[0]' });
    }
  });
});

describe('__proto__ and constructor keys change nothing outside their entries', () => {
  const snapshot = JSON.stringify(DEFAULT_LEXICONS);
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  afterEach(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(DEFAULT_LEXICONS)).toBe(snapshot);
  });

  test('entries with those ids are plain entries', () => {
    const overrides = JSON.parse(`{
      "add": {"loaded": [
        {"id": "__proto__", "terms": ["constructor"], "category": "emotive", "note": "n", "source": "s"},
        {"id": "constructor", "terms": ["__proto__"], "category": "emotive", "note": "n", "source": "s"}
      ]},
      "remove": ["__proto__"]
    }`) as never;
    const lexicons = buildLexicons(overrides, 'proto.json');
    const ids = lexicons.loaded.map((item) => item.id);
    expect(ids).not.toContain('__proto__'); // removed by its own id, like any other
    expect(ids).toContain('constructor');
    const added = lexicons.loaded.find((item) => item.id === 'constructor')!;
    expect(Object.keys(added).sort()).toEqual(['category', 'id', 'note', 'source', 'terms']);
    expect(Object.getPrototypeOf(added)).toBe(Object.prototype);
  });

  test('those keys in an entry and those ids in remove are refused, not applied', () => {
    const entry = '"id": "x", "terms": ["y"], "category": "c", "note": "n", "source": "s"';
    for (const key of ['__proto__', 'constructor']) {
      const overrides = JSON.parse(`{"add": {"loaded": [{${entry}, "${key}": {"polluted": true}}]}}`) as never;
      expect(() => buildLexicons(overrides)).toThrow(expect.objectContaining({ code: 'invalid-lexicon', field: `loaded[0].${key}` }));
    }
    expect(() => buildLexicons(JSON.parse('{"remove": ["toString"]}') as never)).toThrow(expect.objectContaining({ code: 'invalid-lexicon', field: 'remove[0]' }));
  });

  test('a lexicon named __proto__ or constructor is an unknown lexicon', () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const overrides = JSON.parse(`{"add": {"${name}": [{"id": "x", "terms": ["y"], "category": "c", "note": "n", "source": "s"}]}}`) as never;
      expect(() => buildLexicons(overrides)).toThrow(expect.objectContaining({ code: 'invalid-lexicon', field: `add.${name}` }));
    }
  });

  test('actors with those keys analyse like any other', () => {
    const actors = JSON.parse('[{"name": "Gantz"}, {"name": "constructor", "aliases": ["__proto__"]}]') as never;
    const { article, report } = analyze('Gantz met the constructor. __proto__ spoke.', { actors });
    expect(spanProblems(article, report)).toEqual([]);
    const keyed = JSON.parse('[{"name": "Gantz", "__proto__": {"polluted": true}}]') as never;
    expect(() => analyze('Gantz spoke.', { actors: keyed })).toThrow(expect.objectContaining({ code: 'invalid-option', field: '[0].__proto__' }));
  });

  test('JSON Lines records with those keys analyse like any other', () => {
    const { report } = analyze('The constructor and __proto__ and hasOwnProperty and toString met valueOf.');
    expect(Object.keys(report.counts).sort()).toEqual(Object.keys(analyzeArticle(readArticle('A plain sentence.')).counts).sort());
  });
});
