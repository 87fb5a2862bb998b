import fc from 'fast-check';
import { readArticle } from '../../src/article';
import { analyzeArticle } from '../../src/analyze';
import { compareStory, COMPARISON_SCHEMA_VERSION, type ComparedArticle } from '../../src/compare';
import { SEED_FILES, seedId, seedText } from '../helpers/corpus';
import { seedStory } from './helpers';

function seedItems(extra: Record<string, { text: string; block: number }> = {}): ComparedArticle[] {
  return SEED_FILES.map((file) => {
    const prefix = file.slice(0, 3);
    const added = extra[prefix];
    const text = seedText(prefix) + (added ? added.text : '');
    const options = added ? { boilerplate: { forceRoles: { [added.block]: 'boilerplate' as const } } } : {};
    const article = readArticle(text, { id: seedId(prefix) }, options);
    return { article, report: analyzeArticle(article) };
  });
}

function numbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => numbers(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => numbers(item, out));
  return out;
}

describe('the story comparison as a whole', () => {
  test('carries its schema version and the article ids in input order', () => {
    const { comparison, articles } = seedStory();
    expect(comparison.schemaVersion).toBe(COMPARISON_SCHEMA_VERSION);
    expect(comparison.articles).toEqual(articles.map((article) => article.id));
  });

  test('is plain JSON: a round trip gives the same value', () => {
    const { comparison } = seedStory();
    expect(JSON.parse(JSON.stringify(comparison))).toEqual(comparison);
  });

  test('floats are rounded to four decimals', () => {
    for (const value of numbers(seedStory().comparison)) {
      expect(Number.isFinite(value)).toBe(true);
      expect(Math.abs(value * 10_000 - Math.round(value * 10_000))).toBeLessThan(1e-6);
    }
  });

  test('the same input gives the same output', () => {
    const items = seedItems();
    expect(JSON.stringify(compareStory(items))).toBe(JSON.stringify(compareStory(items)));
    expect(JSON.stringify(compareStory(items))).toBe(JSON.stringify(seedStory().comparison));
  });

  test('boilerplate never feeds the comparison: a page-furniture paragraph full of loaded words changes nothing', () => {
    const furniture = "\n\nRelated: the 'regime' and its barbaric occupation forces reportedly slammed Gantz, the Zionist security minister. \"Today, two ancient nations embark on a new venture,\" Gantz said.\n";
    const plain = compareStory(seedItems());
    const blocks = readArticle(seedText('000'), { id: seedId('000') }).blocks.length;
    const padded = compareStory(seedItems({ '000': { text: furniture, block: blocks } }));
    expect(padded).toEqual(plain);
  });

  test('no articles and a single article compare without error', () => {
    const empty = compareStory([]);
    expect(empty.articles).toEqual([]);
    expect(empty.naming).toEqual([]);
    expect(empty.quotes.groups).toEqual([]);
    const [one] = seedItems();
    const single = compareStory([one!]);
    expect(single.naming).toEqual([]);
    expect(single.quotes.groups).toEqual([]);
    expect(single.distinctive[0]!.terms).toEqual([]);
    expect(single.similarity.pairs).toEqual([]);
    expect(single.summary[0]!.items.every((item) => item.kind !== 'unique-coverage')).toBe(true);
  });
});

describe('order of the articles', () => {
  test('permuting the articles gives each article the same coverage, distinctive terms, event wording and summary', () => {
    const items = seedItems();
    const base = compareStory(items);
    const byId = <T extends { readonly article: string }>(list: readonly T[]): Record<string, T> => Object.fromEntries(list.map((entry) => [entry.article, entry]));
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }), (order) => {
        const other = compareStory(order.map((index) => items[index]!));
        expect(byId(other.distinctive)).toEqual(byId(base.distinctive));
        expect(byId(other.event.articles)).toEqual(byId(base.event.articles));
        // Quote group ids follow the input order: compare the groups by their articles instead.
        const summaries = (comparison: typeof base) =>
          byId(comparison.summary.map((entry) => ({ ...entry, items: entry.items.map((item) => (item.kind === 'quote-rendering' ? { ...item, group: [...comparison.quotes.groups[item.group]!.articles].sort().join(' ') } : item)) })));
        expect(summaries(other)).toEqual(summaries(base));
        const counterparts = (comparison: typeof base) =>
          Object.fromEntries(comparison.coverage.map((entry) => [entry.article, entry.sentences.map((statement) => [...statement.counterparts].map((c) => `${c.article}:${c.sentence}`).sort())]));
        expect(counterparts(other)).toEqual(counterparts(base));
        expect(other.similarity.pairs.map((pair) => [pair.a, pair.b].sort().join(' ') + ` ${pair.score}`).sort()).toEqual(
          base.similarity.pairs.map((pair) => [pair.a, pair.b].sort().join(' ') + ` ${pair.score}`).sort(),
        );
      }),
      { numRuns: 15 },
    );
  });
});
