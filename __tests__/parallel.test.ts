import { analyzeStories, type StoryInput } from '../src/analyze';
import { FramelensError } from '../src/errors';
import { analyzeStoriesParallel, createAnalyzePool, runTask, storyJsonParts } from '../src/parallel';
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
