import { splitWords, stemWord } from '../../src/compare/terms';
import { id, seedStory } from './helpers';

const key = (text: string): string => splitWords(text).map((word) => stemWord(word.value)).join(' ');

function terms(prefix: string): string[] {
  return seedStory().comparison.distinctive.find((entry) => entry.article === id(prefix))!.terms.map((term) => term.term);
}

describe('distinctive terms on the seed story', () => {
  test('China is what 004 talks about far more than the rest', () => {
    expect(terms('004')[0]).toBe('china');
  });

  test('000’s own phrases: the Nansei Islands, the attack base, military collaboration', () => {
    expect(terms('000')).toEqual(expect.arrayContaining(['nansei islands', 'attack base', 'military collaboration']));
  });

  test('002 talks of the Middle East', () => {
    expect(terms('002')).toContain('middle east');
  });

  test('a word found only inside a listed phrase, as often, is left out: "middle east" without "middle" and "east"', () => {
    expect(terms('002')).not.toContain('middle');
    expect(terms('002')).not.toContain('east');
    // 000 writes "agency" only in "news agency".
    expect(terms('000')).toContain('news agency');
    expect(terms('000')).not.toContain('agency');
    // "israeli" occurs outside "israeli defense" too, so both stay.
    expect(terms('001')).toEqual(expect.arrayContaining(['israeli', 'israeli defense']));
  });

  test('every term has a positive z-score, counts and spans that are its evidence', () => {
    const story = seedStory();
    for (const entry of story.comparison.distinctive) {
      const report = story.articles.find((article) => article.id === entry.article)!;
      for (const term of entry.terms) {
        expect(term.z).toBeGreaterThan(0);
        expect(term.count).toBeGreaterThan(0);
        // Spans are occurrences of the term's key: "military collaborations" counts as "military collaboration".
        for (const span of term.spans) expect(key(report.text.slice(span.start, span.end))).toBe(key(term.term));
      }
      const zs = entry.terms.map((term) => term.z);
      expect(zs).toEqual([...zs].sort((a, b) => b - a));
    }
  });
});
