import fc from 'fast-check';
import { label } from '../../src/analyzers/label';
import { bodyArticle, readFixture, runAnalyzer, seedArticle, SEEDS } from './quotation-helpers';
import { lexicalLine } from './lexical-helpers';
import { describeFindingProperties } from '../helpers/finding-properties';

const labels = (text: string) => runAnalyzer(label, bodyArticle(text));
const summary = (text: string) => labels(text).map((finding) => [finding.text, finding.family, finding.actor ?? '-', finding.alternative]);

describe('label on the seeds', () => {
  test.each(SEEDS)('seed %s gives the findings of its fixture', (seed) => {
    expect(runAnalyzer(label, seedArticle(seed)).map(lexicalLine)).toEqual(readFixture(seed, 'label'));
  });

  test('000 names Israel "the Israeli occupation"', () => {
    const [finding] = runAnalyzer(label, seedArticle('000'));
    expect(finding).toMatchObject({ text: 'Israeli occupation', label: 'occupation', family: 'occupation', actor: 'israel', alternative: 'Israel', boilerplate: false });
  });
});

describe('what is a label', () => {
  test('"Zionist entity" stands for Israel', () => {
    expect(summary('Israel and Iran traded threats. Tehran warned the Zionist entity.')).toEqual([['Zionist entity', 'zionist', 'israel', 'Israel']]);
  });

  test('"regime" after a nationality keeps the qualifier in its alternative', () => {
    expect(summary('The Iranian regime rejected the offer.')).toEqual([['Iranian regime', 'regime', 'iran', 'Iranian government']]);
  });

  test('"regime" after a name qualifies that actor', () => {
    const [finding] = labels('Bashar Assad spoke. The Assad regime denied it.');
    expect(finding).toMatchObject({ text: 'Assad regime', actor: 'assad', alternative: 'Assad government' });
  });

  test('"regime change" is not a label', () => {
    expect(labels('They called for regime change in the region.')).toEqual([]);
  });

  test('"the occupation of" a territory describes it and is not a label', () => {
    expect(labels('The occupation of the West Bank began in 1967.')).toEqual([]);
  });

  test('"so-called" labels the name after it, and the alternative is that name', () => {
    expect(summary('Fighters of the so-called Islamic State withdrew.')).toEqual([['so-called Islamic State', 'so-called', 'islamic-state', 'Islamic State']]);
  });

  test('"terrorists", "militants" and "freedom fighters" are one family with one neutral alternative', () => {
    const found = labels('Officials called them terrorists; reporters wrote militants; supporters said freedom fighters.');
    expect(found.map((finding) => finding.family)).toEqual(['armed-group', 'armed-group', 'armed-group']);
    expect(new Set(found.map((finding) => finding.alternative))).toEqual(new Set(['armed group']));
  });

  test('"terrorist attack" describes an event and is not a label; "terrorist group" names an actor', () => {
    expect(labels('The terrorist attack killed ten people.')).toEqual([]);
    expect(labels('A terrorist group claimed the bombing.').map((finding) => finding.label)).toEqual(['terrorist group']);
  });

  test('the neutral wording itself is not a label', () => {
    expect(labels('Members of an armed group crossed the border and the Iranian government protested.')).toEqual([]);
  });
});

describe('label properties', () => {
  const sentence = fc.constantFrom(
    'Japan and the Israeli occupation are working together.',
    'The Iranian regime spoke.',
    'The so-called peace process stalled.',
    'Nothing happened on Tuesday.',
  );
  describeFindingProperties({
    texts: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')),
    run: (text) => runAnalyzer(label, bodyArticle(text)),
    key: (finding) => [finding.rule],
    numRuns: 25,
  });
});
