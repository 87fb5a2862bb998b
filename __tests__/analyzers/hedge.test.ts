import fc from 'fast-check';
import { hedge } from '../../src/analyzers/hedge';
import { bodyArticle, readFixture, runAnalyzer, seedArticle, SEEDS } from './quotation-helpers';
import { lexicalLine } from './lexical-helpers';
import { describeFindingProperties } from '../helpers/finding-properties';

const hedges = (text: string) => runAnalyzer(hedge, bodyArticle(text)).map((finding) => [finding.text, finding.category]);

describe('hedge on the seeds', () => {
  test.each(SEEDS)('seed %s gives the findings of its fixture', (seed) => {
    expect(runAnalyzer(hedge, seedArticle(seed)).map(lexicalLine)).toEqual(readFixture(seed, 'hedge'));
  });

  test('000 distances itself with "as per" US interest and "reportedly"', () => {
    const found = runAnalyzer(hedge, seedArticle('000'));
    expect(found.map((finding) => [finding.text, finding.category])).toEqual([
      ['as per', 'distancing'],
      ['reportedly', 'distancing'],
    ]);
  });
});

describe('what is a hedge', () => {
  test('distancing adverbs', () => {
    expect(hedges('The man allegedly fled; he reportedly hid and purportedly left.')).toEqual([
      ['allegedly', 'distancing'],
      ['reportedly', 'distancing'],
      ['purportedly', 'distancing'],
    ]);
  });

  test('weasel attributions to unnamed people', () => {
    expect(hedges('Critics say the plan failed, and it is believed that some say otherwise.')).toEqual([
      ['Critics say', 'weasel'],
      ['it is believed', 'weasel'],
      ['some say', 'weasel'],
    ]);
  });

  test('epistemic hedges', () => {
    expect(hedges('The plan apparently failed and seems to have cost more.')).toEqual([
      ['apparently', 'hedge'],
      ['seems to', 'hedge'],
    ]);
  });

  test('a speaker’s hedge inside direct speech is not the writer’s', () => {
    expect(hedges('“The talks apparently failed because nobody came,” the envoy said. The plan apparently failed.')).toEqual([['apparently', 'hedge']]);
  });

  test('a hedge in a short quotation the analysis reads as someone\'s words is theirs too: "adding, “perhaps we will.”"', () => {
    expect(hedges('The president said the White House should sue, adding, “perhaps we will.” The suit perhaps follows.')).toEqual([['perhaps', 'hedge']]);
    expect(hedges('Asked about obstruction, Comey said “it’s possible”.')).toEqual([]);
  });

  test('a hedge in scare quotes stays the writer\'s; one in a quoted title or a mentioned word does not', () => {
    expect(hedges('The so-called “reportedly peaceful” march ended.')).toEqual([['reportedly', 'distancing']]);
    expect(hedges('The report, titled “Allegedly Safe: How Dams Fail,” was released.')).toEqual([]);
  });

  test('"as" and "per" alone are not hedges', () => {
    expect(hedges('As the talks ended, fuel cost $3 per gallon.')).toEqual([]);
  });
});

describe('hedge properties', () => {
  const sentence = fc.constantFrom('He reportedly left.', 'Critics say it failed.', 'Nothing happened on Tuesday.', 'As per the plan, troops moved.');
  describeFindingProperties({
    texts: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')),
    run: (text) => runAnalyzer(hedge, bodyArticle(text)),
    key: (finding) => [finding.rule],
    numRuns: 25,
  });
});
