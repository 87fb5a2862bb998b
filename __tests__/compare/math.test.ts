import fc from 'fast-check';
import { readArticle } from '../../src/article';
import { diffSequences, diffWords } from '../../src/compare/diff';
import { compareDistinctive, logOddsRatio } from '../../src/compare/distinctive';
import { median, robustZ } from '../../src/compare/metrics';
import { overlap } from '../../src/compare/quotes';
import { cosine, tfidfVectors } from '../../src/compare/similarity';
import { prepareText, stemWord } from '../../src/compare/terms';

describe('weighted log-odds ratio with an informative Dirichlet prior', () => {
  test('matches the formula of Monroe, Colaresi and Quinn on a toy count', () => {
    // delta = ln(6 / (100 + 10 - 5 - 1)) - ln(2 / (100 + 10 - 1 - 1)); variance = 1/6 + 1/2
    const odds = logOddsRatio(5, 100, 1, 100, 1, 10);
    expect(odds.delta).toBeCloseTo(1.136353, 5);
    expect(odds.variance).toBeCloseTo(0.666667, 5);
    expect(odds.z).toBeCloseTo(1.391742, 5);
  });

  test('a term used equally often on both sides has z = 0', () => {
    expect(logOddsRatio(4, 200, 4, 200, 2, 50).z).toBeCloseTo(0, 10);
  });

  test('the word an article repeats and the others never use is its most distinctive term', () => {
    const texts = [
      'The regime said the regime will answer. The regime leader spoke on Monday about the talks.',
      'The government said it will answer. The leader spoke on Monday about the talks.',
      'The government said it will answer soon. Its leader spoke on Monday about the talks.',
    ].map((text, index) => prepareText(readArticle(text, { id: `a${index}` })));
    const [first, second] = compareDistinctive(texts, { minZ: 0 });
    expect(first!.terms[0]!.term).toBe('regime');
    expect(first!.terms[0]!.count).toBe(3);
    expect(first!.terms[0]!.otherCount).toBe(0);
    expect(second!.terms.map((term) => term.term)).not.toContain('regime');
  });
});

describe('robust z-scores by median absolute deviation', () => {
  test('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  test('z = 0.6745 (x - median) / MAD flags a far value', () => {
    const scores = robustZ([1, 2, 3, 4, 100]);
    expect(scores.median).toBe(3);
    expect(scores.mad).toBe(1);
    expect(scores.scale).toBe('mad');
    expect(scores.z[4]).toBeCloseTo(0.6745 * 97, 6);
    expect(scores.z[0]).toBeCloseTo(-1.349, 6);
  });

  test('when MAD is 0 the mean absolute deviation scales the score: one nonzero value among five zeros-like values stands out', () => {
    const scores = robustZ([0, 0, 0, 0, 12]);
    expect(scores.mad).toBe(0);
    expect(scores.scale).toBe('mean-absolute-deviation');
    expect(scores.z[4]).toBeCloseTo(12 / (1.253314 * 2.4), 6);
    expect(Math.abs(scores.z[4]!)).toBeGreaterThan(3.5);
    expect(scores.z[0]).toBe(0);
  });

  test('when every value is equal nothing stands out', () => {
    const scores = robustZ([2, 2, 2]);
    expect(scores.scale).toBe('none');
    expect(scores.z).toEqual([0, 0, 0]);
  });
});

describe('word-level diff', () => {
  test('a substitution, a deletion and an insertion', () => {
    expect(diffWords('Today, the two ancient nations embark on a venture', 'Today, two ancient nations embark upon a venture today')).toEqual([
      { op: 'equal', text: 'Today' },
      { op: 'delete', text: 'the' },
      { op: 'equal', text: 'two ancient nations embark' },
      { op: 'delete', text: 'on' },
      { op: 'insert', text: 'upon' },
      { op: 'equal', text: 'a venture' },
      { op: 'insert', text: 'today' },
    ]);
  });

  test('words compare case-blind and with straight or curly apostrophes alike', () => {
    expect(diffWords('Our Israel’s goal', 'our Israel\'s goal')).toEqual([{ op: 'equal', text: "our Israel's goal" }]);
  });

  test('the edit script rebuilds both sequences and is no longer than needed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), (a, b) => {
        const ops = diffSequences(a, b);
        const left: string[] = [];
        const right: string[] = [];
        let i = 0;
        let j = 0;
        for (const op of ops) {
          if (op === 'equal') {
            expect(a[i]).toBe(b[j]);
            left.push(a[i++]!);
            right.push(b[j++]!);
          } else if (op === 'delete') left.push(a[i++]!);
          else right.push(b[j++]!);
        }
        expect(left).toEqual(a);
        expect(right).toEqual(b);
        // Equal steps are a longest common subsequence: check against the textbook table.
        const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
        for (let x = 1; x <= a.length; x++) {
          for (let y = 1; y <= b.length; y++) table[x]![y] = a[x - 1] === b[y - 1] ? table[x - 1]![y - 1]! + 1 : Math.max(table[x - 1]![y]!, table[x]![y - 1]!);
        }
        expect(ops.filter((op) => op === 'equal').length).toBe(table[a.length]![b.length]);
      }),
    );
  });

  test('past the edit limit the middle becomes one deletion and one insertion', () => {
    expect(diffSequences(['x', 'a', 'b', 'y'], ['x', 'c', 'd', 'y'], 1)).toEqual(['equal', 'delete', 'delete', 'insert', 'insert', 'equal']);
  });
});

describe('term keys and vector similarity', () => {
  test('possessives and regular plurals share a key', () => {
    expect(stemWord('Israel’s')).toBe('israel');
    expect(stemWord('collaborations')).toBe('collaboration');
    expect(stemWord('Countries')).toBe('country');
    expect(stemWord('news')).toBe('news');
    expect(stemWord('status')).toBe('status');
  });

  test('honorifics with their period are function words, as without it: "Mr. Trump" compares by "trump"', () => {
    const { stems } = prepareText(readArticle('Mr. Trump and Mrs. Clinton met Ms. Abedin.'));
    expect(stems).not.toContain('mr.');
    expect(stems).not.toContain('mrs.');
    expect(stems).not.toContain('ms.');
  });

  test('overlap coefficient is shared items over the smaller set', () => {
    expect(overlap(new Set(['a', 'b', 'c']), new Set(['a', 'b', 'c', 'd', 'e']))).toEqual({ shared: 3, score: 1 });
    expect(overlap(new Set(['a', 'b']), new Set(['c']))).toEqual({ shared: 0, score: 0 });
  });

  test('TF-IDF cosine is 1 for the same bag and 0 for disjoint ones', () => {
    const [a, b, c] = tfidfVectors([['defense', 'agreement'], ['agreement', 'defense'], ['gold', 'mali']]);
    expect(cosine(a!, b!)).toBeCloseTo(1, 10);
    expect(cosine(a!, c!)).toBe(0);
  });
});
