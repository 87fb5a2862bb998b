import fc from 'fast-check';
import { readArticle } from '../../src/article';
import { loadedLanguage } from '../../src/analyzers/loaded-language';
import { createContext } from '../../src/analyzers';
import { findActors } from '../../src/actors';
import { buildLexicons } from '../../src/lexicons';
import { bodyArticle, readFixture, runAnalyzer, seedArticle, SEEDS } from './quotation-helpers';
import { lexicalLine } from './lexical-helpers';
import { describeFindingProperties } from '../helpers/finding-properties';

const loaded = (text: string) => runAnalyzer(loadedLanguage, bodyArticle(text));

describe('loaded-language on the seeds', () => {
  test.each(SEEDS)('seed %s gives the findings of its fixture', (seed) => {
    expect(runAnalyzer(loadedLanguage, seedArticle(seed)).map(lexicalLine)).toEqual(readFixture(seed, 'loaded-language'));
  });

  test('001 calls the agreement "historic" twice in its text and Iran\'s activities "malign"', () => {
    const body = runAnalyzer(loadedLanguage, seedArticle('001')).filter((finding) => !finding.boilerplate);
    expect(body.filter((finding) => finding.text === 'historic').map((finding) => finding.category)).toEqual(['puffery', 'puffery']);
    expect(body.find((finding) => finding.text === 'malign')).toMatchObject({ category: 'pejorative', rule: 'loaded.malign' });
  });

  test('003\'s teaser "barbaric" is kept but marked as boilerplate', () => {
    const barbaric = runAnalyzer(loadedLanguage, seedArticle('003')).filter((finding) => finding.text === 'barbaric');
    expect(barbaric.length).toBeGreaterThan(0);
    expect(barbaric.every((finding) => finding.boilerplate)).toBe(true);
  });
});

describe('what is loaded language', () => {
  test('puffery, emotive and pejorative words each get their category', () => {
    expect(loaded('A landmark deal ended the brutal siege and the draconian rules.').map((finding) => [finding.text, finding.category])).toEqual([
      ['landmark', 'puffery'],
      ['brutal', 'emotive'],
      ['draconian', 'pejorative'],
    ]);
  });

  test('words are matched whole and case-insensitively', () => {
    expect(loaded('HISTORIC talks. A prehistoric site.').map((finding) => finding.text)).toEqual(['HISTORIC']);
  });

  test('a multi-word term is one finding', () => {
    expect(loaded('Officials spoke of collateral damage.').map((finding) => [finding.text, finding.category])).toEqual([['collateral damage', 'euphemism']]);
  });

  test('a neutral report has no loaded words', () => {
    expect(loaded('The ministers signed a memorandum on Tuesday in Tokyo.')).toEqual([]);
  });

  test('a removed lexicon id stops matching and an added entry matches', () => {
    const article = readArticle('A historic and dastardly plan.', { id: 'x' }, { boilerplate: { forceRoles: { 0: 'body' } } });
    const lexicons = buildLexicons({ remove: ['loaded.historic'], add: { loaded: [{ id: 'loaded.user-dastardly', terms: ['dastardly'], category: 'pejorative', note: 'test', source: 'test' }] } });
    const found = loadedLanguage.analyze(article, createContext(lexicons, findActors(article)));
    expect(found.map((finding) => finding.rule)).toEqual(['loaded.user-dastardly']);
  });
});

describe('loaded-language properties', () => {
  const sentence = fc.constantFrom('A historic deal was signed.', 'The brutal, shocking attack.', 'Nothing happened on Tuesday.', 'Utterly absurd claims.');
  describeFindingProperties({
    texts: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')),
    run: (text) => runAnalyzer(loadedLanguage, bodyArticle(text)),
    key: (finding) => [finding.rule],
    numRuns: 25,
  });

  test('the same seed article gives the same findings', () => {
    expect(runAnalyzer(loadedLanguage, seedArticle('001'))).toEqual(runAnalyzer(loadedLanguage, seedArticle('001')));
  });
});
