import { analyzeArticle, analyzeInput, analyzeStories, analyzeStory, assembleStory, type AnalyzedArticle } from '../src/analyze';
import { readArticle } from '../src/article';
import { compareStory } from '../src/compare';
import type { FramelensErrorCode, InputFailure } from '../src/errors';
import { MAX_ACTOR_ALIASES, MAX_ACTOR_NAME, validateActors } from '../src/inputs';
import { buildLexicons } from '../src/lexicons';
import { findActors } from '../src/actors';
import { findRecurringLines } from '../src/boilerplate';
import { scoreTone } from '../src/tone';

/** The call throws a FramelensError with this code and field (and, if given, a message holding `words`). */
function expectCode(call: () => unknown, code: FramelensErrorCode, field: string, words?: string): void {
  expect(call).toThrow(expect.objectContaining({ name: 'FramelensError', code, field, ...(words !== undefined ? { message: expect.stringContaining(words) } : {}) }));
}

/** Call a public function the way JavaScript may, with arguments TypeScript would refuse. */
const loose = (fn: (...args: never[]) => unknown, ...args: unknown[]) => () => (fn as (...a: unknown[]) => unknown)(...args);

const TEXT_A = 'Defense Minister Benny Gantz met Hamada in Tokyo on Tuesday. Gantz said the talks went well.';
const TEXT_B = 'Israel and Japan signed a defense pact in Tokyo. Officials called it historic.';
const TEXT_C = 'Hamada welcomed the Israeli delegation to Tokyo, officials said on Tuesday.';

function analyzed(text: string, id: string, path?: string): AnalyzedArticle {
  const result = analyzeInput({ text, meta: { id, ...(path !== undefined ? { path } : {}) } }, id);
  if (!('report' in result)) throw new Error(`could not analyse ${id}`);
  return result;
}

describe('ids within a story are unique', () => {
  test('an article repeating an earlier id is a reported failure naming both positions; the rest is compared', () => {
    const story = analyzeStory({
      id: 'pact',
      articles: [
        { text: TEXT_A, meta: { id: 'art', path: 'd1/art.txt' } },
        { text: TEXT_B, meta: { id: 'art', path: 'd2/art.txt' } },
        { text: TEXT_C, meta: { id: 'other', path: 'd2/other.txt' } },
      ],
    });
    expect(story.articles.map((article) => article.path)).toEqual(['d1/art.txt', 'd2/other.txt']);
    expect(story.comparison.articles).toEqual(['art', 'other']);
    expect(story.failures).toHaveLength(1);
    const failure = story.failures[0]!;
    expect(failure).toMatchObject({ code: 'invalid-field', input: 'art', field: 'id' });
    expect(failure.message).toContain('article 2 (d2/art.txt)');
    expect(failure.message).toContain('article 1 (d1/art.txt)');
  });

  test('assembleStory applies the same rule to results made elsewhere (worker threads)', () => {
    const results = [analyzed(TEXT_A, 'a'), analyzed(TEXT_B, 'b'), analyzed(TEXT_C, 'a')];
    const story = assembleStory('s', results);
    expect(story.comparison.articles).toEqual(['a', 'b']);
    expect(story.failures.map(({ code, input, field }) => ({ code, input, field }))).toEqual([{ code: 'invalid-field', input: 'a', field: 'id' }]);
    expect(story.failures[0]!.message).toMatch(/article 3 repeats the id "a" of article 1/);
  });

  test('compareStory given repeated ids throws invalid-argument', () => {
    const a = analyzed(TEXT_A, 'a');
    expectCode(() => compareStory([a, analyzed(TEXT_B, 'b'), a]), 'invalid-argument', 'items[2].report.id', 'items[0]');
  });
});

describe('public functions meet wrong arguments with invalid-argument naming the argument', () => {
  const good = analyzed(TEXT_A, 'a');

  test.each([
    ['analyzeStories: failures a number', loose(analyzeStories, [], {}, 5), 'failures'],
    ['analyzeStories: failures a string', loose(analyzeStories, [], {}, 'abc'), 'failures'],
    ['analyzeStories: a failure that is not one', loose(analyzeStories, [], {}, [null]), 'failures[0]'],
    ['analyzeStories: a hole among the failures', loose(analyzeStories, [], {}, [, { code: 'empty-text', message: 'x' }]), 'failures[0]'],
    ['analyzeStories: a hole among the stories', loose(analyzeStories, [, { id: 's', articles: [] }]), 'stories[0]'],
    ['analyzeStories: a story that is not one', loose(analyzeStories, [{ id: 's', articles: [] }, { id: 5 }]), 'stories[1].id'],
    ['analyzeStories: options null', loose(analyzeStories, [], null), 'options'],
    ['analyzeStory: a number', loose(analyzeStory, 5), 'story'],
    ['analyzeStory: articles missing', loose(analyzeStory, { id: 'x' }), 'story.articles'],
    ['assembleStory: id a number', loose(assembleStory, 5, []), 'id'],
    ['assembleStory: results a string', loose(assembleStory, 'x', 'abc'), 'results'],
    ['assembleStory: a number among the results', loose(assembleStory, 'x', [5]), 'results[0]'],
    ['assembleStory: null among the results', loose(assembleStory, 'x', [good, null]), 'results[1]'],
    ['assembleStory: an object that is neither', loose(assembleStory, 'x', [{}]), 'results[0]'],
    ['assembleStory: a report without its article', loose(assembleStory, 'x', [{ report: good.report }]), 'results[0].article'],
    ['compareStory: a number among the items', loose(compareStory, [1]), 'items[0]'],
    ['compareStory: a hole among the items', loose(compareStory, [good, ,]), 'items[1]'],
    ['compareStory: an article without its report', loose(compareStory, [{ article: good.article }]), 'items[0].report'],
    ['compareStory: items null', loose(compareStory, null), 'items'],
    ['compareStory: options null', loose(compareStory, [], null), 'options'],
    ['analyzeInput: fallbackId a number', loose(analyzeInput, { text: TEXT_A }, 5), 'fallbackId'],
    ['analyzeInput: options null', loose(analyzeInput, { text: TEXT_A }, 'x', null), 'options'],
    ['analyzeInput: recurring not a Set', loose(analyzeInput, { text: TEXT_A }, 'x', {}, ['line']), 'recurring'],
    ['analyzeArticle: a number', loose(analyzeArticle, 5), 'article'],
  ])('%s', (_, call, field) => {
    expectCode(call, 'invalid-argument', field);
  });

  test('a hole among a story\'s articles is a missing article, reported; the others are analysed', () => {
    const story = analyzeStory({ id: 'x', articles: [, { text: TEXT_A }] as never });
    expect(story.articles.map((article) => article.id)).toEqual(['x#2']);
    expect(story.failures).toEqual([expect.objectContaining({ code: 'invalid-argument', input: 'x#1', field: 'article' })]);
  });

  test('failures given to analyzeStories are copied into the report', () => {
    const failure: InputFailure = { code: 'unreadable-path', message: 'gone: cannot read', input: 'gone' };
    expect(analyzeStories([], {}, [failure]).failures).toEqual([failure]);
  });
});

describe('an article whose meta has a field of the wrong type', () => {
  test('is one failure of its story, not a TypeError, and its lines count for no other article', () => {
    const story = analyzeStory({
      id: 'pact',
      articles: [
        { text: TEXT_A, meta: { id: 'a', outlet: 5 as unknown as string } },
        { text: TEXT_B, meta: { id: 'b' } },
        { text: TEXT_C, meta: { id: 'c', url: {} as unknown as string } },
      ],
    });
    expect(story.failures.map(({ code, input, field }) => ({ code, input, field }))).toEqual([
      { code: 'invalid-field', input: 'a', field: 'meta.outlet' },
      { code: 'invalid-field', input: 'c', field: 'meta.url' },
    ]);
    expect(story.articles.map((article) => article.id)).toEqual(['b']);
  });
});

describe('the stages on their own check their options', () => {
  const article = readArticle('Gantz said the talks would not resume. Kyodo reported it.');
  test.each([
    ['findActors: actors a number', loose(findActors, article, { actors: 5 }), 'invalid-option', 'actors'],
    ['findActors: options null', loose(findActors, article, null), 'invalid-argument', 'options'],
    ['findActors: an unknown key', loose(findActors, article, { actorz: [] }), 'invalid-option', 'actorz'],
    ['findActors: titles not a list', loose(findActors, article, { titles: 'minister' }), 'invalid-option', 'titles'],
    ['scoreTone: negators a string', loose(scoreTone, article, [], { negators: 'not' }), 'invalid-option', 'negators'],
    ['scoreTone: options null', loose(scoreTone, article, [], null), 'invalid-argument', 'options'],
    ['scoreTone: an unknown key', loose(scoreTone, article, [], { negatorz: [] }), 'invalid-option', 'negatorz'],
    ['scoreTone: a negative window', loose(scoreTone, article, [], { negationWindow: -1 }), 'invalid-option', 'negationWindow'],
    ['findRecurringLines: options null', loose(findRecurringLines, [], null), 'invalid-argument', 'options'],
    ['findRecurringLines: an unknown key', loose(findRecurringLines, [], { shortLinee: 5 }), 'invalid-option', 'shortLinee'],
    ['findRecurringLines: shortLine not a number', loose(findRecurringLines, [], { shortLine: 'x' }), 'invalid-option', 'shortLine'],
  ] as const)('%s', (_name, call, code, field) => expectCode(call, code, field));

  test('good options still work', () => {
    expect(findActors(article, { actors: [{ name: 'Kyodo' }] }).map((actor) => actor.name)).toContain('Kyodo');
    expect(scoreTone(article, [], { negators: new Set(['not']), negationWindow: 0 }).score).toBe(scoreTone(article, [], { negators: new Set() }).score);
    expect(findRecurringLines([{ text: 'a' }], { shortLine: 10 })).toHaveLength(1);
  });
});

describe('a boilerplate phrase of an unknown kind', () => {
  test('is the caller\'s error, thrown once before any article is read, not one failure per article', () => {
    const options = { boilerplate: { phrases: [{ phrase: 'Become a Patron', kind: 'nope' as never }] } };
    expectCode(() => analyzeStory({ id: 'pact', articles: [{ text: TEXT_A }, { text: TEXT_B }] }, options), 'invalid-option', 'boilerplate.phrases[0].kind', 'navigation');
  });
});

describe('lexicon overrides refuse unknown keys at every level, naming the key path', () => {
  const entry = { id: 'my.term', terms: ['shocking'], category: 'emotive', note: 'n', source: 's' };

  test.each([
    ['a misspelled add', { ad: { loaded: [entry] } }, 'ad'],
    ['a misspelled remove', { remov: ['loaded.historic'] }, 'remov'],
    ['a misspelled lexicon name', { add: { lodaed: [entry] } }, 'add.lodaed'],
    ['a misspelled entry field', { add: { loaded: [{ ...entry, alternate: 'neutral' }] } }, 'loaded[0].alternate'],
    ['a removed id no entry has', { remove: ['loaded.historic', 'loaded.histroic'] }, 'remove[1]'],
  ])('%s', (_, overrides, field) => {
    expectCode(() => buildLexicons(overrides as never, 'my-lexicon.json'), 'invalid-lexicon', field);
  });

  test('through the analysis options as well', () => {
    const article = readArticle(TEXT_A, { id: 'a' });
    expectCode(() => analyzeArticle(article, { lexicon: { remov: ['loaded.historic'] } as never }), 'invalid-lexicon', 'remov');
  });
});

describe('actors: wrong types and over-long names are invalid-actors naming the index and field', () => {
  test.each([
    ['an id that is a number', [{ name: 'Gantz', id: 5 }], '[0].id'],
    ['a name that is a number', [{ name: 'Gantz' }, { name: 5 }], '[1].name'],
    ['an alias that is a number', [{ name: 'Gantz', aliases: ['Benny', 5] }], '[0].aliases[1]'],
    ['an empty alias', [{ name: 'Gantz', aliases: [' '] }], '[0].aliases[0]'],
    ['a misspelled key', [{ name: 'Gantz', alias: ['Benny'] }], '[0].alias'],
    ['a hole', [{ name: 'Gantz' }, , { name: 'Hamada' }], '[1]'],
    ['a name too long', [{ name: 'G'.repeat(MAX_ACTOR_NAME + 1) }], '[0].name'],
    ['an alias too long', [{ name: 'Gantz', aliases: ['B'.repeat(MAX_ACTOR_NAME + 1)] }], '[0].aliases[0]'],
    ['too many aliases', [{ name: 'Gantz', aliases: Array.from({ length: MAX_ACTOR_ALIASES + 1 }, (_, k) => `Gantz ${k}`) }], '[0].aliases'],
  ])('%s', (_, actors, field) => {
    expectCode(() => validateActors(actors, 'actors.json'), 'invalid-actors', field);
  });

  test('names and aliases at the cap are accepted', () => {
    const actors = [{ name: 'G'.repeat(MAX_ACTOR_NAME), aliases: Array.from({ length: MAX_ACTOR_ALIASES }, (_, k) => `Gantz ${k}`) }];
    expect(validateActors(actors, 'actors.json')).toEqual(actors);
  });

  test('through the analysis options the code is invalid-option', () => {
    const article = readArticle(TEXT_A, { id: 'a' });
    expectCode(() => analyzeArticle(article, { actors: [{ name: 'Gantz', id: 5 }] as never }), 'invalid-option', '[0].id');
  });
});

describe('unknown option keys are invalid-option naming the key', () => {
  const article = readArticle(TEXT_A, { id: 'a' });

  test.each([
    ['a misspelled boilerplate option', { boilerplate: { phrasez: [] } }, 'boilerplate.phrasez'],
    ['a misspelled phrase field', { boilerplate: { phrases: [{ phrase: 'Read more', kind: 'promotion', mach: 'line' }] } }, 'boilerplate.phrases[0].mach'],
    ['an unknown phrase match', { boilerplate: { phrases: [{ phrase: 'Read more', kind: 'promotion', match: 'whole' }] } }, 'boilerplate.phrases[0].match'],
    ['recurring lines that are not a Set', { boilerplate: { recurring: ['Read more'] } }, 'boilerplate.recurring'],
  ])('%s', (_, options, field) => {
    expectCode(() => analyzeArticle(article, options as never), 'invalid-option', field);
    expectCode(() => readArticle(TEXT_A, { id: 'a' }, options as never), 'invalid-option', field);
  });

  test.each([
    ['an unknown section', { similarity: {} }, 'similarity'],
    ['a misspelled key in a section', { quotes: { minWord: 3 } }, 'quotes.minWord'],
    ['a section that is not an object', { metrics: 3.5 }, 'metrics'],
    ['a count that is not a whole number', { distinctive: { top: 2.5 } }, 'distinctive.top'],
    ['a threshold that is not a number', { coverage: { threshold: '0.3' } }, 'coverage.threshold'],
  ])('compareStory: %s', (_, options, field) => {
    expectCode(() => compareStory([], options as never), 'invalid-option', field);
  });

  test('known options pass', () => {
    expect(() => readArticle(TEXT_A, { id: 'a' }, { boilerplate: { phrases: [{ phrase: 'Read more', kind: 'promotion', match: 'line' }], forceRoles: { 0: 'body' }, recurring: new Set(['read more']) } })).not.toThrow();
    expect(() => compareStory([], { quotes: { minWords: 4 }, distinctive: { top: 5, minZ: 1.5 }, summary: { items: 3 } })).not.toThrow();
  });
});
