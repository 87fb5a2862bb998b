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
