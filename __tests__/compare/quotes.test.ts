import { readArticle } from '../../src/article';
import { analyzeArticle } from '../../src/analyze';
import { compareStory, type QuoteGroup } from '../../src/compare';
import { seedId, seedText } from '../helpers/corpus';
import { id, seedStory } from './helpers';

function groupWith(start: string): QuoteGroup {
  const found = seedStory().comparison.quotes.groups.find((group) => group.renderings.some((rendering) => rendering.text.startsWith(start)));
  if (!found) throw new Error(`no quote group with a rendering starting "${start}"`);
  return found;
}

describe('quotes on the seed story', () => {
  test('000 and 002 render Gantz’s "two ancient nations" statement in one group', () => {
    const group = groupWith('Today, the two ancient nations');
    expect(group.articles).toEqual([id('000'), id('002')]);
    expect(group.renderings[0]!.text.startsWith('Today, the two ancient nations, powerful democracies and engines of innovation')).toBe(true);
    expect(group.renderings[1]!.text.startsWith('Today, two ancient nations, followers of democracy and engines of invention')).toBe(true);
  });

  test('the word diff shows what 002 changed: followers of democracy, invention, adventure', () => {
    const group = groupWith('Today, the two ancient nations');
    const other = group.renderings.find((rendering, index) => index !== group.reference)!;
    const lines = other.diff.map((run) => `${run.op === 'equal' ? ' ' : run.op === 'insert' ? '+' : '-'} ${run.text}`);
    expect(lines).toEqual([
      '  Today',
      '- the',
      '  two ancient nations',
      '- powerful democracies',
      '+ followers of democracy',
      '  and engines of',
      '- innovation',
      '+ invention',
      '  embark',
      '- on',
      '+ upon',
      '  a new',
      '- venture the',
      '+ adventure a',
      '  partnership based on trust',
    ]);
  });

  test('001 and 003 render "our countries share a common goal" in one group; 001 begins with "Minister,"', () => {
    const group = groupWith('Our countries share a common goal');
    expect(group.articles).toEqual([id('001'), id('003')]);
    const first = group.renderings.find((rendering) => rendering.article === id('001'))!;
    expect(first.text.startsWith('Minister, our countries share this common goal')).toBe(true);
  });

  test('a partial quotation of a longer rendering joins its group (002, 003 and 004 quote one statement)', () => {
    const group = groupWith('We open the doors');
    expect(group.articles).toEqual([id('002'), id('003'), id('004')]);
  });

  test('each rendering is its evidence, inside the article body', () => {
    const story = seedStory();
    for (const group of story.comparison.quotes.groups) {
      for (const rendering of group.renderings) {
        const report = story.articles.find((article) => article.id === rendering.article)!;
        expect(report.text.slice(rendering.start, rendering.end)).toBe(rendering.text);
        const block = report.blocks.find((candidate) => candidate.start <= rendering.start && rendering.start < candidate.end)!;
        expect(block.role).not.toBe('boilerplate');
      }
    }
  });

  test('whom each article quotes: Gantz everywhere, Hamada in 000 and 004, the Defense Ministry in 003', () => {
    const speakers = seedStory().comparison.quotes.articles.map((entry) => `${entry.article.slice(0, 3)} ${entry.speakers.map((speaker) => speaker.speaker ?? '?').join(' ')}`);
    for (const line of speakers) expect(line).toContain('gantz');
    expect(speakers.find((line) => line.startsWith('000'))).toContain('hamada');
    expect(speakers.find((line) => line.startsWith('004'))).toContain('hamada');
    expect(speakers.find((line) => line.startsWith('003'))).toContain('defense-ministry');
  });

  test('how much: 003 is more than half quotation, 002 under a tenth', () => {
    const share = (prefix: string): number => seedStory().comparison.quotes.articles.find((entry) => entry.article === id(prefix))!.share;
    expect(share('003')).toBeGreaterThan(0.5);
    expect(share('002')).toBeLessThan(0.1);
    for (const entry of seedStory().comparison.quotes.articles) {
      expect(entry.quotedWords).toBe(entry.speakers.reduce((sum, speaker) => sum + speaker.words, 0));
      expect(entry.quotes).toBe(entry.speakers.reduce((sum, speaker) => sum + speaker.quotes, 0));
    }
  });
});

describe('quote alignment on short texts', () => {
  const roles = { boilerplate: { forceRoles: { 0: 'headline', 1: 'body', 2: 'body' } as const } };
  const items = (texts: readonly string[]) =>
    texts.map((text, index) => {
      const article = readArticle(text, { id: `t${index}` }, roles);
      return { article, report: analyzeArticle(article) };
    });

  test('one statement quoted in slightly different words by two articles is one group; an unrelated quotation is not', () => {
    const story = items([
      'Ministers meet in Tokyo\n"We will widen defense exchanges and deepen our technology cooperation," the minister said.\n"The weather was fine," a spokesman added.',
      'Tokyo talks end\n"We shall widen defense exchanges and deepen technology cooperation," the minister told reporters.\nOfficials did not comment.',
    ]);
    const { groups } = compareStory(story).quotes;
    expect(groups).toHaveLength(1);
    expect(groups[0]!.articles).toEqual(['t0', 't1']);
    const changed = groups[0]!.renderings.flatMap((rendering) => rendering.diff.filter((run) => run.op !== 'equal').map((run) => `${run.op} ${run.text}`));
    expect(changed).toEqual(['delete will', 'insert shall', 'delete our']);
  });

  test('quotations within one article are never grouped with each other', () => {
    const story = items([
      'Ministers meet\n"We will widen defense exchanges and deepen technology cooperation," he said.\n"We will widen defense exchanges and deepen technology cooperation," he repeated.',
      'Other news\nNothing was quoted in this article about the meeting at all.',
    ]);
    expect(compareStory(story).quotes.groups).toEqual([]);
  });
});

describe('quotes without quote findings', () => {
  test('outermost quotation marks stand in, scare quotes left out: 000 and 002 still share the "two ancient nations" statement', () => {
    const story = ['000', '002'].map((prefix) => {
      const article = readArticle(seedText(prefix), { id: seedId(prefix) });
      const report = analyzeArticle(article);
      return { article, report: { ...report, findings: report.findings.filter((finding) => finding.analyzer !== 'quote') } };
    });
    const { groups, articles } = compareStory(story).quotes;
    expect(articles.map((entry) => entry.source)).toEqual(['quotation-marks', 'quotation-marks']);
    expect(groups.some((group) => group.renderings.some((rendering) => rendering.text.startsWith('Today, the two ancient nations')) && group.articles.length === 2)).toBe(true);
    for (const group of groups) for (const rendering of group.renderings) expect(rendering.span).toBeDefined();
    // 000's headline 'Israel' is a scare quote, not speech.
    expect(groups.flatMap((group) => group.renderings).some((rendering) => rendering.text === 'Israel')).toBe(false);
  });
});
