import { analyzeStories } from '../src/analyze';
import { JSON_PART_DEPTH, joinParts, jsonParts } from '../src/json-parts';
import { SEED_FILES, seedId, seedText } from './helpers/corpus';

const samples: unknown[] = [
  null,
  0,
  -1.5,
  'a "quoted"\nline',
  [],
  {},
  [[], {}, [[]], [{}]],
  { a: 1, b: [1, 2, { c: 'x' }], d: {}, e: [] },
  { gone: undefined, fn: () => 1, sym: Symbol('s'), kept: 1 },
  { only: undefined },
  [undefined, () => 1, Symbol('s'), 2],
  { date: new Date(0), nested: [{ when: new Date(86_400_000) }] },
  { custom: { toJSON: () => ({ replaced: [1, 2] }) }, dropped: { toJSON: () => undefined } },
  [{ toJSON: () => undefined }],
  { 2: 'two', 1: 'one', b: 'b', a: 'a' },
  { deep: { er: { and: { deeper: { still: [1, [2, [3, { four: 4 }]]] } } } } },
];

describe('jsonParts', () => {
  test('the pieces make up exactly the text JSON.stringify gives, compact and indented under any prefix', () => {
    for (const value of samples) {
      for (const depth of [0, 1, 2, 3, JSON_PART_DEPTH, 9]) {
        expect(jsonParts(value, null, depth).join('')).toBe(JSON.stringify(value) ?? '');
        for (const prefix of ['', '  ', '    ', ' ', '\t']) {
          const indented = JSON.stringify(value, null, 2)?.replace(/\n/g, `\n${prefix}`) ?? '';
          expect([jsonParts(value, prefix, depth).join(''), depth, prefix]).toEqual([indented, depth, prefix]);
        }
      }
    }
  });

  test("a story's report comes in pieces far smaller than the whole, adding up to its JSON", () => {
    const report = analyzeStories([{ id: 'seed', articles: SEED_FILES.map((file) => ({ text: seedText(file), meta: { id: seedId(file) } })) }]).stories[0]!;
    expect(report.articles).toHaveLength(SEED_FILES.length);
    const whole = JSON.stringify(report);
    const parts = jsonParts(report, null);
    expect(parts.join('')).toBe(whole);
    // A piece is a value three levels down: an article's text or list of findings, an entry of a comparison section.
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThan(whole.length / 10);
  });

  test('joined pieces keep the text and stay within the limit unless one part is longer', () => {
    expect(joinParts(['{', '"a":', '1', '}'], 5)).toEqual(['{"a":', '1}']);
    expect(joinParts([], 5)).toEqual([]);
    const parts = ['ab', 'cdefgh', 'i', 'jk', 'lmnopqrstu', 'v', 'w', 'xyz'];
    for (const limit of [1, 3, 5, 8, 100]) {
      const pieces = joinParts(parts, limit);
      expect(pieces.join('')).toBe(parts.join(''));
      for (const piece of pieces) if (piece.length > limit) expect(parts).toContain(piece);
      // Greedy: no two neighbours would have fitted in one piece.
      for (let i = 1; i < pieces.length; i++) expect(pieces[i - 1]!.length + pieces[i]!.length).toBeGreaterThan(limit);
    }
  });
});
