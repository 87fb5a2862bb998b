import { readArticle } from '../../src/article';
import type { ArticleCoverage } from '../../src/compare';
import { compareCoverage } from '../../src/compare/coverage';
import { prepareText } from '../../src/compare/terms';
import { id, seedStory } from './helpers';

function coverage(prefix: string): ArticleCoverage {
  return seedStory().comparison.coverage.find((entry) => entry.article === id(prefix))!;
}

describe('coverage on the seed story', () => {
  test('000 alone mentions the attack base on the Nansei Islands', () => {
    const nansei = coverage('000').sentences.filter((statement) => statement.text.includes('Nansei Islands'));
    expect(nansei).toHaveLength(2);
    for (const statement of nansei) expect(statement.counterparts).toEqual([]);
  });

  test('000 alone mentions the $30 billion for Africa', () => {
    const africa = coverage('000').sentences.filter((statement) => statement.text.includes('$30 billion'));
    expect(africa).toHaveLength(1);
    expect(africa[0]!.counterparts).toEqual([]);
  });

  test('004 alone tells of the fallout of Pelosi’s visit to Taiwan', () => {
    const pelosi = coverage('004').sentences.filter((statement) => statement.text.includes('Pelosi'));
    expect(pelosi.length).toBeGreaterThan(0);
    expect(pelosi.some((statement) => statement.counterparts.length === 0)).toBe(true);
    for (const other of ['000', '001', '002', '003']) {
      expect(coverage(other).sentences.some((statement) => statement.text.includes('Pelosi'))).toBe(false);
    }
  });

  test('the statement 001 and 003 both quote is shared, each pointing at the other', () => {
    const statement = coverage('003').sentences.find((entry) => entry.text.includes('Our countries share a common goal'))!;
    expect(statement.counterparts[0]!.article).toBe(id('001'));
    const story = seedStory();
    const other = story.articles.find((article) => article.id === id('001'))!;
    const sentenceOf001 = coverage('001').sentences.find((entry) => entry.sentence === statement.counterparts[0]!.sentence)!;
    expect(other.text.slice(sentenceOf001.start, sentenceOf001.end)).toContain('our countries share this common goal');
  });

  test('counts add up and every statement lies outside boilerplate', () => {
    const story = seedStory();
    for (const entry of story.comparison.coverage) {
      expect(entry.shared + entry.unique).toBe(entry.statements);
      expect(entry.sentences).toHaveLength(entry.statements);
      const report = story.articles.find((article) => article.id === entry.article)!;
      for (const statement of entry.sentences) {
        expect(report.text.slice(statement.start, statement.end)).toBe(statement.text);
        const block = report.blocks.find((candidate) => candidate.start <= statement.start && statement.start < candidate.end)!;
        expect(block.role).not.toBe('boilerplate');
      }
    }
    // 003's related-article teasers and 004's donation appeal are boilerplate: never statements.
    expect(coverage('003').sentences.some((statement) => statement.text.includes('UNRWA'))).toBe(false);
    expect(coverage('004').sentences.some((statement) => statement.text.includes('republish'))).toBe(false);
  });
});

describe('sentence alignment on short texts', () => {
  const texts = [
    'Japan and Israel signed a defense agreement in Tokyo on Tuesday.\nThe agreement widens military equipment exchanges between the two countries.\nGold prices in Mali rose sharply after heavy fighting near the border.',
    'Israel and Japan signed a new defense agreement in Tokyo.\nThe ministers said the agreement widens equipment exchanges between their militaries.',
    'In Tokyo, Japan and Israel signed a defense agreement.\nThe weather in Tokyo was warm and humid during the visit of the delegation.',
  ].map((text, index) => prepareText(readArticle(text, { id: `t${index}` }, { boilerplate: { forceRoles: { 0: 'body', 1: 'body', 2: 'body' } } })));

  test('a statement made by one article only has no counterpart; shared ones point at each other', () => {
    const [first] = compareCoverage(texts);
    const lines = first!.sentences.map((statement) => `${statement.counterparts.map((counterpart) => counterpart.article).join(',') || 'unique'}: ${statement.text.slice(0, 30)}`);
    expect(lines).toEqual([
      't2,t1: Japan and Israel signed a defe',
      't1: The agreement widens military ',
      'unique: Gold prices in Mali rose sharp',
    ]);
  });

  test('a small posting budget still finds the counterpart through the rarest shared words, scored exactly', () => {
    const full = compareCoverage(texts)[0]!.sentences[1]!.counterparts;
    const cut = compareCoverage(texts, { postingBudget: 3 })[0]!.sentences[1]!.counterparts;
    expect(cut).toEqual(full);
  });
});
