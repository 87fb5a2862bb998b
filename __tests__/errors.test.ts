import { analyzeArticle, analyzeInput, analyzeStories, analyzeStory } from '../src/analyze';
import { readArticle } from '../src/article';
import { describeType, FramelensError, isFramelensError, type FramelensErrorCode } from '../src/errors';
import * as api from '../src/index';
import { buildLexicons, DEFAULT_LEXICONS, validateLexicon } from '../src/lexicons';

/** The typed error a call throws, or a failed expectation when it throws something else or nothing. */
function caught(call: () => unknown): FramelensError {
  try {
    call();
  } catch (error) {
    if (isFramelensError(error)) return error;
    throw new Error(`expected a FramelensError, got ${String(error)}`);
  }
  throw new Error('expected a FramelensError, but nothing was thrown');
}

function expectCode(call: () => unknown, code: FramelensErrorCode, fields: Partial<Pick<FramelensError, 'input' | 'line' | 'field'>> = {}): FramelensError {
  const error = caught(call);
  expect({ code: error.code, ...pick(error, Object.keys(fields) as (keyof typeof fields)[]) }).toEqual({ code, ...fields });
  return error;
}

function pick(error: FramelensError, keys: readonly ('input' | 'line' | 'field')[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, error[key]]));
}

const GOOD = 'Gantz met Hamada in Tokyo on Tuesday.';
const call = (fn: (...args: never[]) => unknown, ...args: unknown[]) => () => (fn as (...a: unknown[]) => unknown)(...args);

describe('FramelensError', () => {
  test('carries code, input, line and field, and says where in its message', () => {
    const error = new FramelensError('invalid-json', 'malformed JSON', { input: 'news.jsonl', line: 3, field: 'text' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'FramelensError', code: 'invalid-json', input: 'news.jsonl', line: 3, field: 'text' });
    expect(error.message).toBe('news.jsonl:line 3: malformed JSON');
  });

  test('toJSON is the plain failure a report lists, without absent fields', () => {
    expect(new FramelensError('empty-text', 'the article has no text', { input: 'a.txt' }).toJSON()).toEqual({ code: 'empty-text', message: 'a.txt: the article has no text', input: 'a.txt' });
    expect(JSON.parse(JSON.stringify(new FramelensError('invalid-option', 'bad', { field: 'only' })))).toEqual({ code: 'invalid-option', message: 'bad', field: 'only' });
  });

  test('keeps the cause', () => {
    const cause = new SyntaxError('x');
    expect(new FramelensError('invalid-json', 'bad', { cause }).cause).toBe(cause);
  });

  test('isFramelensError tells typed errors from others', () => {
    expect(isFramelensError(new FramelensError('empty-text', 'x'))).toBe(true);
    expect(isFramelensError(new TypeError('x'))).toBe(false);
    expect(isFramelensError({ code: 'empty-text' })).toBe(false);
  });

  test('describeType names null and arrays', () => {
    expect([null, [], {}, 1, 'x', undefined].map(describeType)).toEqual(['null', 'array', 'object', 'number', 'string', 'undefined']);
  });
});

describe('readArticle refuses bad text', () => {
  test.each([
    ['', 'empty'],
    ['   \n\t\r\n ', 'white space'],
    ['\u200b\u00a0\u2028\u3000', 'zero-width and no-break spaces'],
    ['\uFEFF', 'a lone byte-order mark'],
  ])('%j (%s) is empty-text', (text, _kind) => {
    expectCode(call(readArticle, text, { id: 'x' }), 'empty-text', { input: 'x' });
  });

  test('a NUL character is binary-content with its offset', () => {
    const error = expectCode(call(readArticle, 'Gantz\u0000met Hamada.', { id: 'nul' }), 'binary-content', { input: 'nul' });
    expect(error.message).toContain('offset 5');
  });

  test('text longer than maxLength is text-too-large', () => {
    expectCode(call(readArticle, GOOD, { id: 'big' }, { maxLength: 10 }), 'text-too-large', { input: 'big' });
  });

  test('errors name the path and JSON Lines line when the meta has them', () => {
    expectCode(call(readArticle, ' ', { id: 'wire-4', path: 'news.jsonl', line: 4 }), 'empty-text', { input: 'news.jsonl', line: 4 });
  });

  test.each([
    [42, 'a number'],
    [null, 'null'],
    [undefined, 'undefined'],
    [Buffer.from(GOOD), 'a Buffer'],
    [{ text: GOOD }, 'an article input'],
  ])('text that is %s (%s) is invalid-field "text"', (text, _kind) => {
    expectCode(call(readArticle, text, { id: 'x' }), 'invalid-field', { field: 'text', input: 'x' });
  });

  test('meta that is not an object is invalid-argument', () => {
    expectCode(call(readArticle, GOOD, 'id'), 'invalid-argument', { field: 'meta' });
    expectCode(call(readArticle, GOOD, null), 'invalid-argument', { field: 'meta' });
  });

  test('a meta field of the wrong type is invalid-field', () => {
    expectCode(call(readArticle, GOOD, { id: 7 }), 'invalid-field', { field: 'meta.id' });
    expectCode(call(readArticle, GOOD, { id: 'a', outlet: ['x'] }), 'invalid-field', { field: 'meta.outlet', input: 'a' });
    expectCode(call(readArticle, GOOD, { id: 'a', line: 0 }), 'invalid-field', { field: 'meta.line' });
  });

  test('unknown or mistyped options are invalid-option', () => {
    expectCode(call(readArticle, GOOD, {}, { maxLenght: 10 }), 'invalid-option', { field: 'maxLenght' });
    expectCode(call(readArticle, GOOD, {}, { maxLength: '10' }), 'invalid-option', { field: 'maxLength' });
    expectCode(call(readArticle, GOOD, {}, { maxLength: Number.NaN }), 'invalid-option', { field: 'maxLength' });
    expectCode(call(readArticle, GOOD, {}, 'fast'), 'invalid-argument', { field: 'options' });
  });

  test('boilerplate options of the wrong shape are invalid-option', () => {
    expectCode(call(readArticle, GOOD, {}, { boilerplate: { phrases: ['Subscribe'] } }), 'invalid-option', { field: 'boilerplate.phrases[0]' });
    expectCode(call(readArticle, GOOD, {}, { boilerplate: { phrases: [{ phrase: ' ', kind: 'promotion' }] } }), 'invalid-option', { field: 'boilerplate.phrases[0]' });
    expectCode(call(readArticle, GOOD, {}, { boilerplate: { forceRoles: { 0: 'footer' } } }), 'invalid-option', { field: 'boilerplate.forceRoles.0' });
    expectCode(call(readArticle, GOOD, {}, { boilerplate: { forceRoles: { first: 'body' } } }), 'invalid-option', { field: 'boilerplate.forceRoles.first' });
  });
});

describe('analyzeArticle refuses bad arguments', () => {
  const article = readArticle(GOOD, { id: 'good' });

  test('raw text instead of an Article is invalid-argument', () => {
    expectCode(call(analyzeArticle, GOOD), 'invalid-argument', { field: 'article' });
    expectCode(call(analyzeArticle, { text: GOOD }), 'invalid-argument', { field: 'article' });
  });

  test('an unknown option key is invalid-option naming the key', () => {
    expectCode(call(analyzeArticle, article, { onlly: ['hedge'] }), 'invalid-option', { field: 'onlly' });
  });

  test('options that are not an object are invalid-argument', () => {
    expectCode(call(analyzeArticle, article, null), 'invalid-argument', { field: 'options' });
    expectCode(call(analyzeArticle, article, ['hedge']), 'invalid-argument', { field: 'options' });
  });

  test('only and skip must be arrays of ids', () => {
    expectCode(call(analyzeArticle, article, { only: 'hedge' }), 'invalid-option', { field: 'only' });
    expectCode(call(analyzeArticle, article, { skip: [1] }), 'invalid-option', { field: 'skip' });
  });

  test('an unknown analyzer id is unknown-analyzer', () => {
    const error = expectCode(call(analyzeArticle, article, { only: ['scare-quote', 'sarcasm'] }), 'unknown-analyzer', { field: 'only' });
    expect(error.message).toContain('"sarcasm"');
    expectCode(call(analyzeArticle, article, { skip: ['constructor'] }), 'unknown-analyzer', { field: 'skip' });
  });

  test('actors must be specs with a name', () => {
    expectCode(call(analyzeArticle, article, { actors: 'Gantz' }), 'invalid-option', { field: 'actors' });
    expectCode(call(analyzeArticle, article, { actors: [{ name: 'Gantz' }, { aliases: ['Hamada'] }] }), 'invalid-option', { field: '[1].name' });
    expectCode(call(analyzeArticle, article, { actors: [{ name: 'Gantz', type: 'alien' }] }), 'invalid-option', { field: '[0].type' });
    expectCode(call(analyzeArticle, article, { actors: [{ name: 'Gantz', aliases: 'Benny' }] }), 'invalid-option', { field: '[0].aliases' });
  });

  test('lexicon overrides of the wrong shape are invalid-lexicon', () => {
    expectCode(call(analyzeArticle, article, { lexicon: { remove: 'loaded.historic' } }), 'invalid-lexicon', { field: 'remove' });
    expectCode(call(analyzeArticle, article, { lexicon: { add: [] } }), 'invalid-lexicon', { field: 'add' });
    expectCode(call(analyzeArticle, article, { lexicon: { add: { slurs: [] } } }), 'invalid-lexicon', { field: 'add.slurs' });
    expectCode(call(analyzeArticle, article, { lexicon: { append: {} } }), 'invalid-lexicon', { field: 'append' });
  });

  test('boilerplate options are checked with the analysis options', () => {
    expectCode(call(analyzeArticle, article, { boilerplate: 'strict' }), 'invalid-option', { field: 'boilerplate' });
  });

  test('good options pass', () => {
    expect(() => analyzeArticle(article, { only: [], skip: [], actors: [{ name: 'Benny Gantz', aliases: ['Gantz'], type: 'person' }], lexicon: { remove: [] } })).not.toThrow();
  });
});

describe('lexicon entries name the entry and the field', () => {
  const entry = { id: 'my.term', terms: ['shocking'], category: 'emotive', note: 'n', source: 's' };

  test.each([
    [{ ...entry, id: '' }, 'loaded[0].id'],
    [{ ...entry, terms: [] }, 'loaded[0].terms'],
    [{ ...entry, terms: ['ok', ''] }, 'loaded[0].terms'],
    [{ ...entry, terms: 'shocking' }, 'loaded[0].terms'],
    [{ ...entry, source: undefined }, 'loaded[0].source'],
    [{ ...entry, note: 5 }, 'loaded[0].note'],
    [{ ...entry, alternative: ['x'] }, 'loaded[0].alternative'],
    ['just a string', 'loaded[0]'],
  ])('%j is invalid at %s', (bad, field) => {
    expectCode(call(buildLexicons, { add: { loaded: [bad] } }, 'my-lexicon.json'), 'invalid-lexicon', { field, input: 'my-lexicon.json' });
  });

  test('a repeated id names the second entry', () => {
    expectCode(call(validateLexicon, 'loaded', [entry, entry], 'f.json'), 'invalid-lexicon', { field: 'loaded[1].id', input: 'f.json' });
  });

  test('a category an analyzer would replace or drop, or an attribution without a stance, is refused, not changed without a word', () => {
    const error = expectCode(call(buildLexicons, { add: { loaded: [{ ...entry, category: 'nasty' }] } }, 'my.json'), 'invalid-lexicon', { field: 'loaded[0].category', input: 'my.json' });
    expect(error.message).toBe('my.json: entry "my.term" (loaded[0]) has the category "nasty"; a loaded category is one of intensifier, puffery, emotive, pejorative, euphemism, sensational, moralizing');
    expectCode(call(validateLexicon, 'hedges', [{ ...entry, category: 'Pejorative' }]), 'invalid-lexicon', { field: 'hedges[0].category' });
    expectCode(call(validateLexicon, 'credits', [{ ...entry, category: 'wire' }]), 'invalid-lexicon', { field: 'credits[0].category' });
    expectCode(call(validateLexicon, 'attribution', [{ ...entry, category: 'reporting-verb' }]), 'invalid-lexicon', { field: 'attribution[0].stance' });
    expectCode(call(validateLexicon, 'attribution', [{ ...entry, category: 'reporting-verb', stance: 'angry' }]), 'invalid-lexicon', { field: 'attribution[0].stance' });
    expect(validateLexicon('attribution', [{ ...entry, category: 'reporting-verb', stance: 'doubt' }])[0]!.stance).toBe('doubt');
    expect(validateLexicon('labels', [{ ...entry, category: 'my-family' }])[0]!.category).toBe('my-family'); // a label family is the user's to name
  });

  test('a lexicon that is not an array is invalid-lexicon', () => {
    expectCode(call(validateLexicon, 'hedges', { entry }, 'f.json'), 'invalid-lexicon', { field: 'hedges' });
  });

  test('overrides that are not an object are invalid-lexicon', () => {
    expectCode(call(buildLexicons, 'loaded'), 'invalid-lexicon');
    expectCode(call(buildLexicons, null), 'invalid-lexicon');
  });

  test('the shipped lexicons are frozen', () => {
    expect(Object.isFrozen(DEFAULT_LEXICONS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_LEXICONS.loaded)).toBe(true);
  });
});

describe('a story never stops at its first bad article', () => {
  test('every bad article input is a listed failure and the good one is analysed', () => {
    const story = analyzeStory({
      id: 's',
      articles: [
        null,
        'raw text',
        { text: 5 },
        { text: GOOD, meta: 'meta' },
        { text: '   ' },
        { text: GOOD, meta: { id: 'good' } },
        new FramelensError('invalid-json', 'malformed JSON', { input: 'news.jsonl', line: 2 }),
        { text: 'a\u0000b', meta: { id: 'bin', path: 'bin.txt' } },
      ] as never,
    });
    expect(story.articles.map((article) => article.id)).toEqual(['good']);
    expect(story.failures.map((failure) => [failure.code, failure.input, failure.line])).toEqual([
      ['invalid-argument', 's#1', undefined],
      ['invalid-argument', 's#2', undefined],
      ['invalid-field', 's#3', undefined],
      ['invalid-argument', 's#4', undefined],
      ['empty-text', 's#5', undefined],
      ['invalid-json', 'news.jsonl', 2],
      ['binary-content', 'bin.txt', undefined],
    ]);
  });

  test('analyzeInput returns a failure, never throws, for a bad input', () => {
    expect(analyzeInput(undefined as never, 'x#1')).toMatchObject({ code: 'invalid-argument', input: 'x#1' });
  });

  test('an article written {id, text} instead of {text, meta: {id}} is a failure saying where the id belongs; the other articles are analysed', () => {
    const story = analyzeStory({ id: 's', articles: [{ id: 'a', text: 'Officials said the talks would resume.' } as never, { text: 'Gantz met Hamada in Tokyo.', meta: { id: 'b' } }] });
    expect(story.articles.map((article) => article.id)).toEqual(['b']);
    expect(story.failures).toEqual([{ code: 'invalid-argument', message: 's#1: an article input is {text, meta?}, not a key "id": "id" belongs in meta ({text, meta: {id}})', input: 's#1', field: 'article.id' }]);
    expect(analyzeStory({ id: 's', articles: [{ text: 'Officials said so.', colour: 'red' } as never] }).failures[0]).toMatchObject({ field: 'article.colour', message: 's#1: an article input is {text, meta?}, not a key "colour"' });
  });

  test('a story missing its id or articles names the field', () => {
    expect(caught(() => analyzeStory({ articles: [] } as never))).toMatchObject({ code: 'invalid-argument', field: 'story.id', message: 'story.id must be a string (the story\'s name), got undefined' });
    expect(caught(() => analyzeStory({ id: 's', articles: 'text' } as never))).toMatchObject({ code: 'invalid-argument', field: 'story.articles', message: 's: story.articles must be an array of articles {text, meta?}, got string' });
  });

  test('a story that is not {id, articles} is invalid-argument', () => {
    expectCode(call(analyzeStory, null), 'invalid-argument', { field: 'story' });
    expectCode(call(analyzeStory, { id: 's', articles: GOOD }), 'invalid-argument', { field: 'story.articles', input: 's' });
    expectCode(call(analyzeStory, [GOOD]), 'invalid-argument', { field: 'story' });
  });

  test('option errors are the caller\'s: thrown once, not listed per article', () => {
    expectCode(call(analyzeStory, { id: 's', articles: [{ text: GOOD }] }, { only: ['nope'] }), 'unknown-analyzer');
  });

  test('analyzeStories lists the failures it is given and those of every story', () => {
    const given = new FramelensError('unreadable-path', 'cannot read: ENOENT', { input: 'missing.txt' }).toJSON();
    const report = analyzeStories([{ id: 'a', articles: [{ text: '' }] }, { id: 'b', articles: [{ text: GOOD }] }], {}, [given]);
    expect(report.failures).toEqual([given]);
    expect(report.stories.map((story) => story.failures.length)).toEqual([1, 0]);
    expect(report.stories[1]!.articles).toHaveLength(1);
    expectCode(call(analyzeStories, 'stories'), 'invalid-argument', { field: 'stories' });
  });
});

describe('every public function', () => {
  // A new export that fails here needs a typed check of its arguments (see src/inputs.ts) or, for
  // a per-token helper, a place in this list. Helpers analyzers call per token or finding take
  // values framelens made: a check there would cost on the hot path. Streams and worker pools
  // are asynchronous and report their own errors.
  const UNCHECKED = new Set([
    'blockAt', 'sentenceAt', 'spanFields', 'quoteAround', 'findActorAt', 'compareFindings', 'isFramingFinding', 'isSpace',
    'median', 'robustZ', 'logOddsRatio', 'diffWords',
    'FramelensError',
  ]);
  const BAD_ARGUMENTS: readonly unknown[][] = [[], [null], [42], ['text'], [{}], [[]], ['Gantz met Hamada.', null], ['Gantz met Hamada.', 42, 42], [{ text: 5 }, { bogus: 1 }]];

  test('refuses wrong argument types with a FramelensError, never a TypeError from inside, thrown or as a rejection', async () => {
    const offenders: string[] = [];
    for (const [name, value] of Object.entries(api)) {
      if (typeof value !== 'function' || UNCHECKED.has(name)) continue;
      for (const args of BAD_ARGUMENTS) {
        try {
          let result: unknown = (value as (...args: unknown[]) => unknown)(...args);
          if (result instanceof Promise) result = await result;
          // A generator checks its arguments when it is first read.
          const next = (result as { next?: unknown } | null)?.next;
          if (typeof next === 'function') {
            const step: unknown = (next as () => unknown).call(result);
            if (step instanceof Promise) await step;
          }
          // Arguments that happen to be valid (createAnalyzePool({})) make a pool: close it.
          const close = (result as { close?: unknown } | null)?.close;
          if (typeof close === 'function') await (close as () => Promise<void>).call(result);
        } catch (error) {
          if (!isFramelensError(error)) offenders.push(`${name}(${JSON.stringify(args)}): ${String(error)}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  }, 60_000);
});
