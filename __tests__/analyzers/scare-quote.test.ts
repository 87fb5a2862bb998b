import fc from 'fast-check';
import { readArticle } from '../../src/article';
import { scareQuoteAnalyzer, findScareQuotes } from '../../src/analyzers/scare-quote';
import { bodyArticle, contextFor, fixtureLine, readFixture, runAnalyzer, seedArticle, SEEDS } from './quotation-helpers';
import { describeFindingProperties } from '../helpers/finding-properties';

const scareQuotes = (text: string) => runAnalyzer(scareQuoteAnalyzer, bodyArticle(text));
const terms = (text: string) => scareQuotes(text).map((finding) => finding.term);

describe('scare-quote on the seeds', () => {
  test.each(SEEDS)('seed %s gives the findings of its fixture', (seed) => {
    expect(runAnalyzer(scareQuoteAnalyzer, seedArticle(seed)).map(fixtureLine)).toEqual(readFixture(seed, 'scare-quote'));
  });

  test("000's headline 'Israel' is a scare quote naming the actor Israel", () => {
    const [headline] = runAnalyzer(scareQuoteAnalyzer, seedArticle('000'));
    expect(headline).toMatchObject({ start: 7, end: 15, text: "'Israel'", term: 'Israel', mark: 'single' });
    expect(headline!.actor).toBe('israel');
  });

  test('the article text of 001 to 004 has no scare quote', () => {
    for (const seed of ['001', '002', '003', '004']) {
      expect(runAnalyzer(scareQuoteAnalyzer, seedArticle(seed)).filter((finding) => !finding.boilerplate)).toEqual([]);
    }
  });
});

describe('what is a scare quote', () => {
  test('a quoted name in a headline is a scare quote', () => {
    expect(terms("Japan, 'Israel' agree on military collaboration\nThe two ministers met in Tokyo.")).toEqual(['Israel']);
  });

  test('straight and curly, single and double marks all make scare quotes', () => {
    expect(terms('Troops left "Israel" and ‘Palestine’ and “Judea” and \'Samaria\' on Monday.')).toEqual(['Israel', 'Palestine', 'Judea', 'Samaria']);
  });

  test('a quoted possessive name is a scare quote with its apostrophe kept', () => {
    expect(terms('Children hold vigil to save them from "Israel\'s" attacks.')).toEqual(["Israel's"]);
  });

  test('apostrophes are not quote marks', () => {
    expect(scareQuotes("Israel’s program, Iran's aims and the '90s were discussed.")).toEqual([]);
  });

  test('a quoted name inside direct speech is not a scare quote', () => {
    expect(scareQuotes('“In Israel, our troops serve in the ‘Israeli Defense Forces – IDF’ – because our mission is to defend our people,” said Gantz.')).toEqual([]);
  });

  test('a Title Case name of a document is not a scare quote', () => {
    expect(scareQuotes('The ministers signed a “Memorandum for Defense Cooperation” on Tuesday.')).toEqual([]);
  });

  test('a Title Case title with a possessive is not a scare quote: “America’s Next Top Model”', () => {
    expect(scareQuotes('Griffin once appeared on “America’s Next Top Model” before her career took off.')).toEqual([]);
    // A quoted possessive name alone is still one.
    expect(terms('The article mentions “Israel’s” attacks.')).toHaveLength(1);
  });

  test('a Title Case named concept is not a scare quote', () => {
    expect(scareQuotes('Japan wants to reinforce a “Free and Open Indo-Pacific (FOIP)” in the region.')).toEqual([]);
  });

  test('a short quote followed by a speech verb is a partial quotation, not a scare quote', () => {
    expect(scareQuotes('It helps Japan push its goal of achieving a “free and open Indo-Pacific,” said Defense Minister Yasukazu Hamada.')).toEqual([]);
  });

  test('a short quote in a sentence that reports speech is the speaker’s word, not a scare quote', () => {
    expect(scareQuotes('Yomiuri revealed that the allies would act in an "emergency," should war arise.')).toEqual([]);
  });

  test('a quoted clause after a reporting verb is speech, not a scare quote', () => {
    expect(scareQuotes("Hamada also addressed Ukraine, slamming Moscow's 'efforts to change the status quo in the region.'")).toEqual([]);
  });

  test('a quoted full sentence is speech, not a scare quote', () => {
    expect(scareQuotes('“We open the doors.” The visit ended.')).toEqual([]);
  });

  test('a quotation introduced by a colon is speech, not a scare quote', () => {
    expect(scareQuotes('The minister said only: "Never."')).toEqual([]);
  });

  test('a short stretch after a mark that never closes is not a scare quote', () => {
    expect(scareQuotes('The screen measures 5 "wide')).toEqual([]);
  });

  test('a word being mentioned is not a scare quote', () => {
    expect(scareQuotes('Please email us, subject line “republish,” with any questions.')).toEqual([]);
  });

  test('a quoted phrase that leads a headline is a quotation, not a scare quote', () => {
    const article = readArticle('Related Articles:\n‘Peace through strength’ when it comes to supporting Israel\nThe body text follows here, with details.', { id: 'h' }, { boilerplate: { forceRoles: { 0: 'headline', 1: 'headline', 2: 'body' } } });
    expect(runAnalyzer(scareQuoteAnalyzer, article)).toEqual([]);
  });

  test('a word a named speaker uses to characterise something is their word, not a scare quote', () => {
    expect(scareQuotes('He called Steele\'s comments "unacceptable" on Friday.')).toEqual([]);
  });

  test('a passive naming verb leaves the quoted label in the writer’s voice', () => {
    expect(terms('A segment of society -- labeled "birthers" in the vernacular -- demanded proof.')).toEqual(['birthers']);
  });

  test('a term the writer puts in quotes with "so-called" is still a scare quote', () => {
    expect(terms('The so-called "security fence" divides the town.')).toEqual(['security fence']);
  });

  test('scare quotes in page furniture are kept and flagged as boilerplate', () => {
    const text = 'Israel and Japan sign a pact.\nRead next: Children hold vigil to save them from "Israel\'s" attacks';
    const article = readArticle(text, { id: 'b' }, { boilerplate: { forceRoles: { 0: 'body', 1: 'boilerplate' } } });
    const [finding] = runAnalyzer(scareQuoteAnalyzer, article);
    expect(finding).toMatchObject({ text: '"Israel\'s"', boilerplate: true });
  });
});

describe('scare-quote properties', () => {
  const fragments = ['Japan', "'Israel'", '"the occupation"', 'said', 'Gantz', ',', '.', '“We open the doors to cooperation,”', 'met', 'a', '“Free Trade Pact”', '\n', 'Israel’s', 'the', "'90s"];
  const texts = fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 25 }).map((parts) => `Start. ${parts.join(' ')}`);
  describeFindingProperties({ texts, run: scareQuotes, key: (finding) => [finding.term], prefix: 'A first paragraph with no quotes at all.\n\n', numRuns: 40 });

  test('the term is the evidence without its quotation marks', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (const finding of scareQuotes(text)) expect(finding.text.slice(1, -1)).toBe(finding.term);
      }),
      { numRuns: 40 },
    );
  });

  test('a text without quotation marks yields nothing', () => {
    expect(scareQuotes('Israel and Japan signed a defense pact on Tuesday.')).toEqual([]);
  });
});
