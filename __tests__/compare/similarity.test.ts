import { readArticle } from '../../src/article';
import { compareSimilarity } from '../../src/compare/similarity';
import { prepareText } from '../../src/compare/terms';
import { id, seedStory } from './helpers';

describe('similarity on the seed story', () => {
  test('a symmetric matrix keyed by article id, 1 on the diagonal', () => {
    const { matrix } = seedStory().comparison.similarity;
    const ids = seedStory().comparison.articles;
    expect(Object.keys(matrix)).toEqual(ids);
    for (const a of ids) {
      expect(matrix[a]![a]).toBe(1);
      for (const b of ids) {
        expect(matrix[a]![b]).toBe(matrix[b]![a]);
        expect(matrix[a]![b]).toBeGreaterThanOrEqual(0);
        expect(matrix[a]![b]).toBeLessThanOrEqual(1);
      }
    }
  });

  test('001 and 003, which quote the same Gantz statements at length, are the closest pair', () => {
    const [first] = seedStory().comparison.similarity.pairs;
    expect([first!.a, first!.b]).toEqual([id('001'), id('003')]);
  });

  test('every pair once, most similar first', () => {
    const { pairs } = seedStory().comparison.similarity;
    expect(pairs).toHaveLength(10);
    const scores = pairs.map((pair) => pair.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('article ids are data', () => {
  test('an article called "__proto__" gets its own row in the matrix', () => {
    const texts = ['__proto__', 'constructor'].map((name) =>
      prepareText(readArticle('Japan and Israel signed a defense agreement in Tokyo on Tuesday.\nThe ministers met.', { id: name }, { boilerplate: { forceRoles: { 0: 'body', 1: 'body' } } })),
    );
    const { matrix, mean } = compareSimilarity(texts);
    expect(Object.keys(matrix)).toEqual(['__proto__', 'constructor']);
    expect(Object.prototype.hasOwnProperty.call(matrix, '__proto__')).toBe(true);
    expect(matrix['__proto__']!['constructor']).toBe(1);
    expect(mean['constructor']).toBe(1);
    expect(JSON.stringify(matrix)).toBe('{"__proto__":{"__proto__":1,"constructor":1},"constructor":{"__proto__":1,"constructor":1}}');
  });
});
