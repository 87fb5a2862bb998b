import type { ArticleSummary } from '../../src/compare';
import { id, seedStory } from './helpers';

function summary(prefix: string): ArticleSummary {
  return seedStory().comparison.summary.find((entry) => entry.article === id(prefix))!;
}

describe('summary on the seed story', () => {
  test("000 is set apart first by how it names Israel: 'Israel' in scare quotes and 'the Israeli occupation'", () => {
    const top = summary('000').items.slice(0, 2);
    const lines = top.map((item) => (item.kind === 'naming' ? `${item.actor} ${item.divergence} ${item.values.join(' ')} / ${item.others.join(' ')}` : item.kind));
    expect(lines.sort()).toEqual(["israel label Israeli occupation / Israel", "israel scare-quote 'Israel' / Israel"]);
  });

  test('000 calls Gantz "security minister" where the others write "defense minister"', () => {
    const item = summary('000').items.find((entry) => entry.kind === 'naming' && entry.divergence === 'title');
    expect(item).toMatchObject({ actor: 'gantz', values: ['security minister'], others: ['defense minister'] });
  });

  test('002 writes the names its own way: Benjamin Gantz, HAMADA Yasukazu', () => {
    const values = summary('002').items.flatMap((item) => (item.kind === 'naming' && item.divergence === 'name-form' ? item.values : []));
    expect(values.sort()).toEqual(['Benjamin Gantz', 'HAMADA Yasukazu']);
  });

  test('004 says most that no other article says', () => {
    const shares = seedStory().comparison.coverage.map((entry) => entry.uniqueShare);
    const item = summary('004').items.find((entry) => entry.kind === 'unique-coverage');
    expect(item).toBeDefined();
    expect(item!.kind === 'unique-coverage' && item!.share).toBe(Math.max(...shares));
  });

  test('items are ranked by weight, at most five, and every pointer leads to its evidence', () => {
    const story = seedStory();
    for (const entry of story.comparison.summary) {
      expect(entry.items.length).toBeLessThanOrEqual(5);
      const weights = entry.items.map((item) => item.weight);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
      const report = story.articles.find((article) => article.id === entry.article)!;
      for (const item of entry.items) {
        switch (item.kind) {
          case 'naming':
            expect(story.comparison.naming.some((actor) => actor.actor === item.actor && actor.divergences.some((divergence) => divergence.kind === item.divergence && divergence.distinct.includes(entry.article)))).toBe(true);
            for (const finding of item.findings) expect(report.findings[finding]).toBeDefined();
            break;
          case 'metric-outlier':
            for (const finding of item.findings) expect(report.findings[finding]!.analyzer).toBe(item.metric);
            break;
          case 'unique-coverage': {
            const coverage = story.comparison.coverage.find((candidate) => candidate.article === entry.article)!;
            for (const sentence of item.sentences) expect(coverage.sentences.find((statement) => statement.sentence === sentence)!.counterparts).toEqual([]);
            break;
          }
          case 'quote-rendering':
            expect(story.comparison.quotes.groups[item.group]!.articles).toContain(entry.article);
            break;
          case 'event-wording':
            expect(report.text.slice(item.start, item.end)).toBe(item.wording);
            break;
          case 'distinctive-terms':
            for (const term of item.terms) expect(report.text.slice(term.start, term.end).toLowerCase()).toContain(term.term.split(' ')[0]!.slice(0, 4));
            break;
          case 'low-similarity':
            break;
        }
      }
    }
  });
});
