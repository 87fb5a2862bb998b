import fc from 'fast-check';
import { creditAnalyzer } from '../../src/analyzers/credit';
import { DEFAULT_LEXICONS } from '../../src/lexicons';
import { bodyArticle, fixtureLine, readFixture, runAnalyzer, seedArticle, SEEDS } from './quotation-helpers';
import { describeFindingProperties } from '../helpers/finding-properties';

const credits = (text: string) => runAnalyzer(creditAnalyzer, bodyArticle(text));
const summary = (text: string) => credits(text).map((finding) => `${finding.kind}:${finding.source}:${finding.text}`);

describe('credit on the seeds', () => {
  test.each(SEEDS)('seed %s gives the findings of its fixture', (seed) => {
    expect(runAnalyzer(creditAnalyzer, seedArticle(seed)).map(fixtureLine)).toEqual(readFixture(seed, 'credit'));
  });

  test('the credits of 001 (JNS), 003 (Jerusalem Post) and 004 (JTA, Associated Press) are found', () => {
    const sources = (seed: string) => runAnalyzer(creditAnalyzer, seedArticle(seed)).map((finding) => finding.source);
    expect(sources('001')).toContain('JNS');
    expect(sources('003')).toContain('Jerusalem Post');
    expect(sources('004')).toEqual(expect.arrayContaining(['JTA', 'Associated Press']));
  });
});

describe('credit lines', () => {
  test('a parenthesised agency before a dash at a paragraph start is a syndication credit', () => {
    expect(summary('(JTA) — Israel and Japan signed a defense agreement on Tuesday.')).toEqual(['syndication:JTA:(JTA) —']);
  });

  test('a dateline with an agency in parentheses is a syndication credit', () => {
    expect(summary('TOKYO (Reuters) - Japan said on Tuesday it would raise spending.')).toEqual(['syndication:Reuters:(Reuters) -']);
  });

  test('an agency web address alone on a line is a sign-off credit', () => {
    expect(summary('The ties deepened under Trump.\n\n–JNS.org')).toEqual(['syndication:JNS:–JNS.org']);
  });

  test('a dash and an agency at the end of a paragraph is a sign-off credit', () => {
    expect(summary('Japan will raise its budget. — AP')).toEqual(['syndication:Associated Press:— AP']);
  });

  test('"Read the full story at" an outlet is a read-more credit', () => {
    expect(summary('The Defense Ministry said so.\nRead the full story at Jerusalem Post')).toEqual(['read-more:Jerusalem Post:Read the full story at Jerusalem Post']);
  });

  test('"This article originally appeared on" an outlet is a republication credit', () => {
    expect(summary('This article originally appeared on JTA.org.')).toEqual(['originally-appeared:JTA:This article originally appeared on JTA.org']);
  });

  test('"according to" an agency is a source credit', () => {
    expect(summary('The goal is a free region, said Hamada, according to the Associated Press.')).toEqual(['source:Associated Press:according to the Associated Press']);
  });

  test('an agency as the agent of a quotation is a source credit, with "news agency" kept', () => {
    expect(summary('Gantz was quoted by the Kyodo news agency.')).toEqual(['source:Kyodo:quoted by the Kyodo news agency']);
  });

  test('an outlet that reports something is a source credit', () => {
    expect(summary('A major newspaper, Yomiuri, revealed that a base was planned.')).toEqual(['source:Yomiuri:Yomiuri']);
  });
});

describe('outlet names that are not credits', () => {
  test('an outlet named as an actor is not a credit', () => {
    expect(credits('China threatened a spat after the Jerusalem Post published an interview.')).toEqual([]);
  });

  test('an outlet name inside a longer name is not a credit', () => {
    expect(credits('Michael Bloomberg said the plan would work.')).toEqual([]);
  });

  test('an outlet mentioned in a list is not a credit', () => {
    expect(credits('Unless it originated with JTA, Haaretz or another publication, you may republish it.')).toEqual([]);
  });
});

describe('the credits lexicon', () => {
  const entries = DEFAULT_LEXICONS.credits;

  test('ids are unique and every entry has a note and a source', () => {
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.source.trim()).not.toBe('');
      expect(entry.note.trim()).not.toBe('');
    }
  });

  test('every entry is an agency, an outlet or a credit phrase', () => {
    const categories = new Set(['agency', 'outlet', 'read-more', 'originally-appeared', 'source']);
    for (const entry of entries) expect(categories.has(entry.category)).toBe(true);
  });

  test('the agencies of the seed story are listed', () => {
    const names = new Set(entries.flatMap((entry) => entry.terms.map((term) => term.toLowerCase())));
    for (const name of ['jta', 'jns', 'associated press', 'reuters', 'afp', 'kyodo', 'xinhua', 'anadolu agency', 'jerusalem post', 'times of israel', 'wafa']) expect(names.has(name)).toBe(true);
  });
});

describe('credit properties', () => {
  const fragments = ['(JTA)', '—', 'Israel', 'signed', 'according to', 'the', 'Associated Press', '.', '\n', '–JNS.org', 'Read the full story at', 'Jerusalem Post', 'Reuters', 'said'];
  describeFindingProperties({
    texts: fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 20 }).map((parts) => `Start. ${parts.join(' ')}`),
    run: credits,
    key: (finding) => [finding.kind, finding.source],
    prefix: 'A plain first paragraph.\n\n',
    numRuns: 40,
  });
});
