import { analyzeStories, type StoryInput } from '../src/analyze';
import { FramelensError } from '../src/errors';
import { analyzeStoriesParallel, createAnalyzePool, poolSeams, runTask, storyJsonParts, type AnalyzePool, type CreateAnalyzePoolOptions } from '../src/parallel';
import { seedId, seedText, SEED_FILES } from './helpers/corpus';

const seeds = SEED_FILES.slice(0, 6).map((file) => file.slice(0, 3));

/** Three stories from the seed corpus, one with an article that failed to read and one untitled. */
const stories: StoryInput[] = [
  { id: 'first', articles: seeds.slice(0, 2).map((prefix) => ({ text: seedText(prefix), meta: { id: seedId(prefix) } })) },
  { id: 'second', articles: [new FramelensError('invalid-json', 'malformed JSON', { input: 'news.jsonl', line: 3 }), { text: seedText(seeds[2]!) }, { text: '   ' }] },
  { id: 'third', articles: seeds.slice(3).map((prefix) => ({ text: seedText(prefix), meta: { id: seedId(prefix), outlet: prefix } })) },
  // One outlet's footer in every article: story-level boilerplate evidence that a split story must keep.
  { id: 'fourth', articles: seeds.slice(0, 3).map((prefix) => ({ text: `${seedText(prefix)}\nThe weather in Tokyo stayed mild through the week of the visit.`, meta: { id: `${prefix}-example`, outlet: 'Example' } })) },
];

const expected = JSON.stringify(analyzeStories(stories));

/** Where two reports first differ, with some context; undefined when they are the same. */
function firstDifference(actual: string): string | undefined {
  if (actual === expected) return undefined;
  let at = 0;
  while (actual[at] === expected[at]) at++;
  return `at ${at}: ${actual.slice(Math.max(0, at - 120), at + 60)} … expected … ${expected.slice(Math.max(0, at - 120), at + 60)}`;
}

describe('analysis pool', () => {
  test('the stories hold lines an outlet repeats, which only the whole story reveals', () => {
    expect(expected.includes('"rule":"recurring"')).toBe(true);
  });

  test('one job gives the report analyzeStories gives', async () => {
    expect(firstDifference(JSON.stringify(await analyzeStoriesParallel(stories, {}, { jobs: 1 })))).toBeUndefined();
  });

  test('worker threads give the same report, in input order, for whole stories and stories split into batches', async () => {
    // Stories of more than two articles are split across the workers and compared on this thread.
    expect(firstDifference(JSON.stringify(await analyzeStoriesParallel(stories, {}, { jobs: 2, splitAbove: 2 })))).toBeUndefined();
  }, 60_000);

  test('a story task returns the JSON text the report would hold, with its failures', () => {
    const reply = runTask({ id: 7, kind: 'story', story: 'second', articles: [{ failure: new FramelensError('empty-text', 'no text').toJSON() }, { text: 'A short article.' }], json: '    ' }, {});
    const report = analyzeStories([{ id: 'second', articles: [new FramelensError('empty-text', 'no text'), { text: 'A short article.' }] }]).stories[0]!;
    expect(reply).toEqual({ id: 7, json: storyJsonParts(report, '    '), failures: report.failures });
  });

  test('the JSON of a story under any prefix is the indented JSON with the prefix after each line break', () => {
    const report = analyzeStories([{ id: 'seed', articles: SEED_FILES.slice(0, 2).map((file) => ({ id: seedId(file), text: seedText(file) })) }]).stories[0]!;
    const indented = JSON.stringify(report, null, 2);
    for (const prefix of ['', '  ', '    ', '      ', ' ', '\t', ' \t ']) {
      expect(storyJsonParts(report, prefix).join('') === indented.replace(/\n/g, `\n${prefix}`)).toBe(true);
    }
    expect(storyJsonParts(report, null).join('')).toBe(JSON.stringify(report));
  });

  test('a bad option fails when the pool is made, not in a worker', () => {
    expect(() => createAnalyzePool({ only: ['no-such-analyzer'] }, { jobs: 2 })).toThrow(FramelensError);
  });

  test('jobs must be a whole number of at least one', () => {
    expect(() => createAnalyzePool({}, { jobs: 0 })).toThrow(/jobs/);
    expect(() => createAnalyzePool({}, { jobs: 1.5 })).toThrow(/jobs/);
  });
});

/** The code and field of what a call throws or rejects with, to compare one job with several. */
async function failureOf(call: () => unknown): Promise<{ code?: string; field?: string; input?: string; type: string }> {
  try {
    await call();
  } catch (error) {
    const { code, field, input } = error as FramelensError;
    return { code, field, input, type: error instanceof FramelensError ? 'FramelensError' : (error as Error).constructor.name };
  }
  return { type: 'none' };
}

const good: StoryInput = { id: 'good', articles: [{ text: 'Officials said the talks would resume on Monday.' }] };

describe('analysis pool on bad input', () => {
  const startWorker = poolSeams.startWorker;
  const post = poolSeams.post;
  let started = 0;
  let pool: AnalyzePool;
  const local = createAnalyzePool({}, { jobs: 1 });

  beforeAll(async () => {
    poolSeams.startWorker = (script, options) => {
      started++;
      return startWorker(script, options);
    };
    pool = createAnalyzePool({}, { jobs: 2 });
    await pool.ready();
  }, 60_000);

  afterEach(() => {
    poolSeams.post = post;
  });

  afterAll(async () => {
    poolSeams.startWorker = startWorker;
    await pool.close();
  });

  test('articles a worker cannot receive (a function or symbol in their meta) give what one job gives, as often as they come', async () => {
    const odd: StoryInput = {
      id: 'odd',
      articles: [
        { text: 'Officials said the talks would resume.\nSubscribe to our newsletter.', meta: { id: 'a', extra: () => 1, note: 'kept' } as never },
        { text: 'The talks resumed.\nSubscribe to our newsletter.', meta: { title: Symbol('title') } as never },
        { text: 5 } as never,
        null as never,
      ],
    };
    const expectedReport = await local.analyzeStory(odd);
    expect(expectedReport.failures.map((failure) => failure.field)).toEqual(['meta.title', 'text', 'article']);
    for (let i = 0; i < 4; i++) expect(await pool.analyzeStory(odd)).toEqual(expectedReport);
    expect((await pool.analyzeStoryJson(odd, '  ')).json.join('')).toBe((await local.analyzeStoryJson(odd, '  ')).json.join(''));
    expect((await pool.analyzeStory(good)).articles).toHaveLength(1);
  }, 60_000);

  test('a hole among a story\'s articles is a missing article, at its own position, whole or split into batches', async () => {
    // eslint-disable-next-line no-sparse-arrays
    const holed: StoryInput = { id: 'holed', articles: [{ text: 'Officials said the talks would resume.', meta: { id: 'a' } }, , { text: 'The talks resumed.', meta: { id: 'c' } }] as never };
    const expectedReport = await local.analyzeStory(holed);
    expect(expectedReport.failures).toEqual([expect.objectContaining({ code: 'invalid-argument', input: 'holed#2', field: 'article' })]);
    expect(await pool.analyzeStory(holed)).toEqual(expectedReport);
    const split = createAnalyzePool({}, { jobs: 2, splitAbove: 1 });
    try {
      expect(await split.analyzeStory(holed)).toEqual(expectedReport);
    } finally {
      await split.close();
    }
  }, 60_000);

  test('a closed pool refuses work with the same typed error, with one job or many', async () => {
    const story: StoryInput = { id: 'late', articles: [{ text: 'Officials said the talks would resume.' }] };
    const closedFailures = [];
    for (const jobs of [1, 2]) {
      const closing = createAnalyzePool({}, { jobs });
      await closing.close();
      closedFailures.push(await failureOf(() => closing.analyzeStory(story)), await failureOf(() => closing.analyzeStoryJson(story)), await failureOf(() => closing.ready()));
    }
    expect(closedFailures).toHaveLength(6);
    for (const failure of closedFailures) expect(failure).toMatchObject({ type: 'FramelensError', code: 'invalid-argument', field: 'pool' });
  }, 60_000);

  test('a story, prefix or argument of the wrong shape gets the typed error one job gives', async () => {
    for (const story of [null, 5, 'story', {}, { id: 'no-articles' }, { articles: [] }, { id: 5, articles: [] }, { id: 'x', articles: 'text' }] as never[]) {
      const expected = await failureOf(() => local.analyzeStory(story));
      expect(expected).toMatchObject({ type: 'FramelensError', code: 'invalid-argument', field: expect.stringMatching(/^story(?:\.id|\.articles)?$/) });
      expect(await failureOf(() => pool.analyzeStory(story))).toEqual(expected);
      expect(await failureOf(() => pool.analyzeStoryJson(story))).toEqual(expected);
    }
    for (const prefix of [5, {}, false] as never[]) {
      expect(await failureOf(() => pool.analyzeStoryJson(good, prefix))).toEqual(await failureOf(() => local.analyzeStoryJson(good, prefix)));
      expect(await failureOf(() => pool.analyzeStoryJson(good, prefix))).toMatchObject({ code: 'invalid-argument', field: 'prefix' });
    }
    expect(await failureOf(() => storyJsonParts(null as never))).toMatchObject({ code: 'invalid-argument', field: 'story' });
    expect(await failureOf(() => runTask(null as never, {}))).toMatchObject({ code: 'invalid-argument', field: 'task' });
  });

  test('a bad story among several fails the run as it does on one thread, before any worker starts', async () => {
    const before = started;
    for (const jobs of [1, 2]) {
      expect(await failureOf(() => analyzeStoriesParallel([good, { id: 5 } as never], {}, { jobs }))).toMatchObject({ code: 'invalid-argument', field: 'story.id' });
      expect(await failureOf(() => analyzeStoriesParallel('stories' as never, {}, { jobs }))).toMatchObject({ code: 'invalid-argument', field: 'stories' });
      expect(await failureOf(() => analyzeStoriesParallel([good], {}, { jobs }, 5 as never))).toMatchObject({ code: 'invalid-argument', field: 'failures' });
    }
    expect(started).toBe(before);
  });

  test('a task that cannot be handed to a worker fails alone, typed, and frees its worker', async () => {
    poolSeams.post = () => {
      throw new Error('could not be cloned');
    };
    for (let i = 0; i < 3; i++) expect(await failureOf(() => pool.analyzeStory({ ...good, id: `lost-${i}` }))).toEqual({ type: 'FramelensError', code: 'invalid-argument', input: `lost-${i}`, field: undefined });
    poolSeams.post = post;
    expect((await pool.analyzeStory(good)).articles).toHaveLength(1);
  }, 60_000);

  test('a worker stopped in the middle of a task fails that task, typed, and another takes its place', async () => {
    poolSeams.post = (worker, task) => {
      if (task.story === 'doomed') void worker.terminate();
      worker.postMessage(task);
    };
    expect(await failureOf(() => pool.analyzeStory({ ...good, id: 'doomed' }))).toMatchObject({ type: 'FramelensError', code: 'worker-failed', input: 'doomed' });
    const after = await Promise.all([pool.analyzeStory(good), pool.analyzeStory(good), pool.analyzeStory(good)]);
    expect(after.map((report) => report.articles.length)).toEqual([1, 1, 1]);
  }, 60_000);

  test('options holding a function of the caller\'s own are refused as one thread refuses them, before any worker starts', () => {
    const options = { actors: [{ name: 'Kyodo news agency', aliases: ['Kyodo'], type: 'organization', onFound: () => 1 }] } as never;
    const before = started;
    const refusal = { name: 'FramelensError', code: 'invalid-option', field: '[0].onFound' };
    expect(() => createAnalyzePool(options, { jobs: 1 })).toThrow(expect.objectContaining(refusal));
    expect(() => createAnalyzePool(options, { jobs: 2 })).toThrow(expect.objectContaining(refusal));
    expect(started).toBe(before);
  });

  test('a pool starts no worker before there is work, and no more than the work', async () => {
    const before = started;
    const lazy = createAnalyzePool({}, { jobs: 3 });
    try {
      expect(started).toBe(before);
      await lazy.analyzeStory(good);
      expect(started).toBe(before + 1);
    } finally {
      await lazy.close();
    }
  }, 60_000);

  test('workers that cannot start fail every call with a typed error instead of leaving it waiting', async () => {
    poolSeams.startWorker = (_script, options) => startWorker('throw new Error("no model here")', { ...options, eval: true });
    const broken = createAnalyzePool({}, { jobs: 2 });
    try {
      expect(await failureOf(() => broken.analyzeStory(good))).toMatchObject({ type: 'FramelensError', code: 'worker-failed' });
      expect(await failureOf(() => broken.ready())).toMatchObject({ code: 'worker-failed' });
      expect(await failureOf(() => broken.analyzeStory(good))).toMatchObject({ code: 'worker-failed' });
    } finally {
      await broken.close();
    }
  });

  test('pool options are checked: an object of known keys, jobs from 1 to 256', () => {
    const before = started;
    const expectOption = (poolOptions: unknown, code: string, field: string): void => {
      let error: unknown;
      try {
        createAnalyzePool({}, poolOptions as CreateAnalyzePoolOptions);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(FramelensError);
      expect(error).toMatchObject({ code, field });
    };
    expectOption(null, 'invalid-argument', 'poolOptions');
    expectOption(2, 'invalid-argument', 'poolOptions');
    expectOption({ job: 2 }, 'invalid-option', 'job');
    for (const jobs of [1e9, 257, -1, '2', Number.NaN]) expectOption({ jobs }, 'invalid-option', 'jobs');
    expectOption({ splitAbove: -1 }, 'invalid-option', 'splitAbove');
    expectOption({ resourceLimits: null }, 'invalid-option', 'resourceLimits');
    expectOption({ resourceLimits: { maxOld: 64 } }, 'invalid-option', 'resourceLimits.maxOld');
    expectOption({ resourceLimits: { maxOldGenerationSizeMb: -1 } }, 'invalid-option', 'resourceLimits.maxOldGenerationSizeMb');
    expect(createAnalyzePool({}, { jobs: 256 }).jobs).toBe(256);
    expect(started).toBe(before);
  });
});
