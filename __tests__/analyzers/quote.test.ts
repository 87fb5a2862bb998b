import fc from 'fast-check';
import { quoteAnalyzer } from '../../src/analyzers/quote';
import { bodyArticle, fixtureLine, readFixture, runAnalyzer, seedArticle, SEEDS } from './quotation-helpers';
import { describeFindingProperties } from '../helpers/finding-properties';

const quotes = (text: string) => runAnalyzer(quoteAnalyzer, bodyArticle(text));
const speakers = (text: string) => quotes(text).map((finding) => finding.speaker);

describe('quote on the seeds', () => {
  test.each(SEEDS)('seed %s gives the findings of its fixture', (seed) => {
    expect(runAnalyzer(quoteAnalyzer, seedArticle(seed)).map(fixtureLine)).toEqual(readFixture(seed, 'quote'));
  });

  test("speaker spans slice to the speaker's name", () => {
    for (const seed of SEEDS) {
      const article = seedArticle(seed);
      for (const finding of runAnalyzer(quoteAnalyzer, article)) {
        expect(article.text.slice(finding.start, finding.end)).toBe(finding.text);
        expect(article.text.slice(finding.innerStart, finding.innerEnd)).toBe(finding.quote);
        if (finding.speaker !== undefined) expect(article.text.slice(finding.speakerStart, finding.speakerEnd)).toBe(finding.speaker);
      }
    }
  });

  test("001's quotations all belong to Gantz, through a continued paragraph and a pronoun", () => {
    const found = runAnalyzer(quoteAnalyzer, seedArticle('001'));
    expect(found.map((finding) => [finding.actor, finding.speakerVia])).toEqual([
      ['gantz', undefined],
      ['gantz', 'continuation'],
      ['gantz', 'pronoun'],
    ]);
  });
});

describe('who is speaking', () => {
  test('a speaker after an inverted speech verb: “…,” said Gantz', () => {
    expect(speakers('“Our mission is to defend our people,” said Gantz, who arrived on Monday.')).toEqual(['Gantz']);
  });

  test('a speaker before the speech verb after the quotation: “…,” Gantz said', () => {
    expect(speakers('“Our countries share a common goal,” Gantz said.')).toEqual(['Gantz']);
  });

  test('a speaker who told someone: “…,” Gantz told reporters', () => {
    expect(speakers('“This has been an overall successful visit,” Gantz told reporters during a briefing.')).toEqual(['Gantz']);
  });

  test('a speaker who responded: “…,” Gantz responded', () => {
    expect(speakers('“We open the doors to technological cooperation,” Gantz responded.')).toEqual(['Gantz']);
  });

  test('a speaker before a colon: Gantz said: “…”', () => {
    expect(speakers('Gantz said: “Global stability is threatened by Iran’s program.”')).toEqual(['Gantz']);
  });

  test('an organisation as speaker: “…,” the Defense Ministry said', () => {
    const [finding] = quotes('The visit comes “in order to build a framework for greater defense cooperation,” the Defense Ministry said.');
    expect(finding).toMatchObject({ speaker: 'Defense Ministry', partial: true });
  });

  test('"According to Gantz" names the speaker of a later quotation in the sentence', () => {
    const [finding] = quotes('According to Gantz, with the agreement “we open the doors to technological cooperation and industrial ventures.”');
    expect(finding).toMatchObject({ speaker: 'Gantz', partial: true });
  });

  test('"He added:" resolves to the last person who spoke', () => {
    const found = quotes('“Our troops defend our people,” said Gantz.\nHe added: “Global stability is threatened by Iran’s nuclear program.”');
    expect(found.map((finding) => [finding.speaker, finding.speakerVia ?? null])).toEqual([
      ['Gantz', null],
      ['Gantz', 'pronoun'],
    ]);
  });

  test('"he" after a plain sentence resolves to its subject: "Benny Gantz spoke. “…,” he said"', () => {
    const found = quotes('Benny Gantz spoke at the ceremony.\n“Our countries share a common goal and a common vision,” he said.');
    expect(found.map((finding) => [finding.speaker, finding.speakerVia ?? null])).toEqual([['Benny Gantz', 'pronoun']]);
  });

  test('"He called …" resolves as a reporting pronoun does', () => {
    const [finding] = quotes('Benny Gantz spoke on Monday.\nHe called the plan “reckless”.');
    expect(finding).toMatchObject({ speaker: 'Benny Gantz', speakerVia: 'pronoun', rule: 'quote.characterisation' });
  });

  test('"he" is not resolved to an organisation', () => {
    const found = quotes('“The visit matters,” the Defense Ministry said.\nHe added: “It will have implications for our industries.”');
    expect(found[1]!.speaker).toBe('He');
  });

  test('a paragraph opening with a quotation right after a quoted paragraph continues its speaker', () => {
    const found = quotes('“In Israel, our troops serve in the army,” said Gantz.\n\n“Minister, our countries share this common goal and will achieve our common vision.”');
    expect(found[1]).toMatchObject({ speaker: 'Gantz', speakerVia: 'continuation', partial: false });
  });

  test('a quotation after an unquoted paragraph does not inherit a speaker', () => {
    const found = quotes('“Our troops serve in the army,” said Gantz.\nThe ministers then left the building together.\n“What authority would allow you to do that?”');
    expect(found[1]!.speaker).toBeUndefined();
  });

  test('a name right after the quotation speaks, not a noun in its apposition', () => {
    expect(speakers('“This is scary,” Senator Mark Warner of Virginia, the top Democrat on the Senate Intelligence Committee, said.')).toEqual(['Senator Mark Warner']);
  });

  test('the hearer of "told" is not the speaker', () => {
    expect(speakers('“He is waiting on the advice of counsel,” Bob Haueter, his chief of staff, told HuffPost.')).toEqual(['Bob Haueter']);
  });

  test('a quotation opening a sentence after an attributed one in the same paragraph continues its speaker', () => {
    const found = quotes('“I want to invite him to Arizona,” she said. “I think he’d have a good audience with the voters there.”');
    expect(found[1]).toMatchObject({ speaker: 'she', speakerVia: 'continuation' });
  });

  test('a verb in the next sentence does not attribute a quotation that ended the sentence before', () => {
    const found = quotes('Aides said Trump has the understanding of a “fifth- or sixth-grader.” Mattis has denied having said that.');
    expect(found[0]!.speaker).toBe('Aides');
  });

  test('a full quotation with no named speaker has none', () => {
    expect(speakers('“What authority would allow you to do that?” – A response to one journalist.')).toEqual([undefined]);
  });
});

describe('partial quotations', () => {
  test('a quotation woven into the writer’s sentence is partial', () => {
    const [finding] = quotes('Gantz said the new agreement “will strengthen the defense capability of each country.”');
    expect(finding).toMatchObject({ speaker: 'Gantz', partial: true });
  });

  test('a quotation that opens its sentence is not partial', () => {
    const [finding] = quotes('“We open the doors to cooperation,” Gantz responded.');
    expect(finding!.partial).toBe(false);
  });

  test('a short quoted phrase in a reported sentence is a partial quotation of the speaker', () => {
    const [finding] = quotes('Yomiuri revealed that the allies would set up a base in an "emergency," should war arise.');
    expect(finding).toMatchObject({ quote: 'emergency,', speaker: 'Yomiuri', partial: true });
  });

  test('a characterising word after a naming verb is a partial quotation of its subject', () => {
    const [finding] = quotes('Jackson rated the ad as "false," noting that the campaign disagreed.');
    expect(finding).toMatchObject({ quote: 'false,', speaker: 'Jackson', partial: true, rule: 'quote.characterisation' });
  });

  test('a scare quote, a title and a mentioned word are not quotations', () => {
    expect(quotes('Japan, \'Israel\' agree on a “Memorandum for Defense Cooperation”, subject line “republish,” today.')).toEqual([]);
  });

  test('a quoted name inside quoted speech is not a quotation of its own', () => {
    const found = quotes('“In Israel, our troops serve in the ‘Israeli Defense Forces – IDF’ – because our mission is to defend our people,” said Gantz.');
    expect(found).toHaveLength(1);
  });
});

describe('quote properties', () => {
  const fragments = ['“We open the doors to cooperation,”', 'said', 'Gantz', 'He added:', '“It will help us all.”', '.', ',', 'the ministry', '\n', "'Israel'", 'met', 'Hamada'];
  describeFindingProperties({
    texts: fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 20 }).map((parts) => `Start. ${parts.join(' ')}`),
    run: quotes,
    key: (finding) => [finding.speaker, finding.partial],
    prefix: 'An opening paragraph without quotations.\n\n',
    numRuns: 40,
  });
});
