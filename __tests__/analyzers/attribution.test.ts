import fc from 'fast-check';
import { attributionAnalyzer } from '../../src/analyzers/attribution';
import { readArticle } from '../../src/article';
import { isFramingFinding } from '../../src/findings';
import { DEFAULT_LEXICONS, termWords } from '../../src/lexicons';
import { bodyArticle, fixtureLine, readFixture, runAnalyzer, seedArticle, SEEDS } from './quotation-helpers';
import { describeFindingProperties } from '../helpers/finding-properties';

const attributions = (text: string) => runAnalyzer(attributionAnalyzer, bodyArticle(text));
const stances = (text: string) => attributions(text).map((finding) => `${finding.text}:${finding.stance}`);

describe('attribution on the seeds', () => {
  test.each(SEEDS)('seed %s gives the findings of its fixture', (seed) => {
    expect(runAnalyzer(attributionAnalyzer, seedArticle(seed)).map(fixtureLine)).toEqual(readFixture(seed, 'attribution'));
  });

  test('"claims" and "slamming" in 000 and "hailed" in 003 are non-neutral', () => {
    const nonNeutral = (seed: string) => runAnalyzer(attributionAnalyzer, seedArticle(seed)).filter(isFramingFinding).map((finding) => finding.text);
    expect(nonNeutral('000')).toEqual(expect.arrayContaining(['claims', 'slamming']));
    expect(nonNeutral('003')).toContain('hailed');
  });

  test('"revealed" in 000 is an endorsement both times', () => {
    const revealed = runAnalyzer(attributionAnalyzer, seedArticle('000')).filter((finding) => finding.text === 'revealed');
    expect(revealed.map((finding) => finding.stance)).toEqual(['endorsement', 'endorsement']);
  });

  test('no "said" on the seeds is non-neutral', () => {
    for (const seed of SEEDS) {
      for (const finding of runAnalyzer(attributionAnalyzer, seedArticle(seed))) {
        if (finding.verb === 'say') expect(finding.stance).toBe('neutral');
      }
    }
  });

  test("Beijing's territorial claim in 004 is not an attribution", () => {
    expect(runAnalyzer(attributionAnalyzer, seedArticle('004')).map((finding) => finding.text)).not.toContain('claims');
  });
});

describe('stances', () => {
  test('"said" is neutral', () => {
    expect(stances('Gantz said the deal was signed.')).toEqual(['said:neutral']);
  });

  test('"claimed" casts doubt', () => {
    expect(stances('Gantz claimed that the deal was historic.')).toEqual(['claimed:doubt']);
  });

  test('"revealed that" endorses the statement', () => {
    expect(stances('The newspaper revealed that the two armies forged an agreement.')).toEqual(['revealed:endorsement']);
  });

  test('"slammed" dramatises hostility', () => {
    expect(stances('Hamada slammed Moscow over its efforts.')).toEqual(['slammed:hostility']);
  });

  test('"hailed" praises', () => {
    expect(stances('Gantz hailed the visit as a success.')).toEqual(['hailed:praise']);
  });

  test('"admitted" is an admission', () => {
    expect(stances('The ministry admitted that the talks had failed.')).toEqual(['admitted:admission']);
  });

  test('"stressed" is emphasis', () => {
    expect(stances('Hamada stressed that peace matters.')).toEqual(['stressed:emphasis']);
  });

  test('a multi-word reporting verb is one finding: "lashed out"', () => {
    expect(stances('The envoy lashed out at the critics.')).toEqual(['lashed out:hostility']);
  });

  test('a time adverbial between the verb and its complement is transparent: "claimed on Tuesday that"', () => {
    expect(stances('Abbas claimed on Tuesday that Israel must withdraw.')).toEqual(['claimed:doubt']);
    expect(stances('Gantz claimed on Tuesday: “We won.”')).toEqual(['claimed:doubt']);
    expect(stances('Abbas revealed on Monday night that the talks had failed.')).toEqual(['revealed:endorsement']);
    expect(stances('The minister revealed earlier this week that the talks had failed.')).toEqual(['revealed:endorsement']);
    expect(stances('The minister noted on March 3 that the talks had failed.')).toEqual(['noted:endorsement']);
  });

  test('a prepositional adjunct before a that-clause or quotation is transparent: "revealed in a statement that"', () => {
    expect(stances('The ministry revealed in a statement that the talks had failed.')).toEqual(['revealed:endorsement']);
    expect(stances('Abbas stressed at a rally on Monday: “We will stay.”')).toEqual(['stressed:emphasis']);
    // Before anything weaker than a that-clause or quotation the other sense stays: "revealed in the tunnel, ...".
    expect(attributions('The search revealed in the tunnel, which ran under the border, a cache of arms.')).toEqual([]);
  });

  test('"according to" is neutral and names the speaker after it', () => {
    const [finding] = attributions('The proposal would see troops stationed there, according to Tokyo officials.');
    expect(finding).toMatchObject({ verb: 'according to', stance: 'neutral', speaker: 'Tokyo officials' });
  });
});

describe('speakers', () => {
  test('after a time word, "by" with a common noun is a manner, not the agent: "said Tuesday by phone"', () => {
    const [finding] = attributions('Gantz said Tuesday by phone that the deal was done.');
    expect(finding).toMatchObject({ text: 'said', speaker: 'Gantz' });
    expect(attributions('The story was reported Saturday by BigGovernment.com on its site.')[0]).toMatchObject({ text: 'reported', speaker: 'BigGovernment' });
  });

  test('the subject before the verb speaks', () => {
    const [finding] = attributions('Defense Minister Benny Gantz claimed that the visit was a success.');
    expect(finding).toMatchObject({ speaker: 'Defense Minister Benny Gantz' });
  });

  test('an inverted subject after a quotation speaks', () => {
    const [finding] = attributions('“We will go on,” said Defense Minister Yasukazu Hamada.');
    expect(finding).toMatchObject({ speaker: 'Defense Minister Yasukazu Hamada' });
  });

  test('a passive agent speaks: "as revealed by"', () => {
    const [finding] = attributions('The two will exchange technology, as revealed by Benny Gantz on Tuesday.');
    expect(finding).toMatchObject({ stance: 'endorsement', speaker: 'Benny Gantz' });
  });

  test('a participle after a comma reports for the subject of the clause', () => {
    const [finding] = attributions("Hamada also addressed Russia's involvement in Ukraine, slamming Moscow's plans.");
    expect(finding).toMatchObject({ verb: 'slam', speaker: 'Hamada' });
  });

  test('an appositive name speaks: "a newspaper, Yomiuri, revealed"', () => {
    const [finding] = attributions('Last week, a major Japanese newspaper, Yomiuri, revealed that the base was planned.');
    expect(finding).toMatchObject({ speaker: 'Yomiuri' });
  });

  test('an appositive between the subject and the verb is skipped: "Abbas, 87, claimed", "Benny Gantz, Israel\'s defense minister, claimed"', () => {
    const speakerOf = (text: string) => attributions(text).map((finding) => finding.speaker);
    expect(speakerOf('Abbas, 87, claimed that Israel lied.')).toEqual(['Abbas']);
    expect(speakerOf("Benny Gantz, Israel's defense minister, claimed that the talks failed.")).toEqual(['Benny Gantz']);
    expect(speakerOf('The minister, a veteran of three wars, claimed that the talks failed.')).toEqual(['minister']);
    // A fronted prepositional phrase is no subject: "In a statement, the ministry, claimed".
    expect(speakerOf('In a statement, the ministry, claimed that the talks failed.')).toEqual(['ministry']);
  });

  test('"he" resolves to the last person who spoke', () => {
    const found = attributions('Hamada said exchanges had grown.\nHe said that Japan wants more.');
    expect(found.map((finding) => [finding.speaker, finding.speakerVia ?? null])).toEqual([
      ['Hamada', null],
      ['Hamada', 'pronoun'],
    ]);
  });

  const pronounSpeakers = (text: string) => attributions(text).map((finding) => [finding.speaker, finding.speakerVia ?? null]);

  test('"he" resolves to a person who was the subject of a sentence but never spoke', () => {
    expect(pronounSpeakers('Benny Gantz arrived in Tokyo on Monday.\nHe said that the talks went well.')).toEqual([['Benny Gantz', 'pronoun']]);
  });

  test('a newer subject wins over an older speaker', () => {
    expect(pronounSpeakers('Hamada said exchanges had grown.\nBenny Gantz arrived in Tokyo on Monday.\nHe said that the talks went well.')).toEqual([
      ['Hamada', null],
      ['Benny Gantz', 'pronoun'],
    ]);
  });

  test('a person named after the verb or as a possessive is no antecedent', () => {
    // "Joe Arpaio had praise for Donald Trump. He also said": the subject, not the object.
    expect(pronounSpeakers('Joe Arpaio had praise for Donald Trump.\nHe also said that the wall would work.')).toEqual([['Joe Arpaio', 'pronoun']]);
    expect(pronounSpeakers('Barack Obama spoke on Monday.\nAfter Edward Snowden’s disclosures, the review began.\nHe said that privacy matters.')).toEqual([['Barack Obama', 'pronoun']]);
  });

  test('a pronoun after a comma reports the clause before it, so that clause\'s subject is not the speaker', () => {
    expect(pronounSpeakers('Hamada said exchanges had grown.\nThis year, Benny Gantz has pushed the deal hard, he said.')).toEqual([
      ['Hamada', null],
      ['Hamada', 'pronoun'],
    ]);
  });

  test('after a fronted clause the pronoun reports what follows: "When Gantz arrived, he said “…”"', () => {
    const text = 'Hamada said the talks went well.\nWhen Israeli Defense Minister Benny Gantz arrived in Tokyo on Monday, he said “we are ready to sign the deal.”';
    expect(attributions(text).map((finding) => finding.actor)).toEqual(['hamada', 'gantz']);
  });

  test('a law named like a person is no antecedent: "The Affordable Care Act …. “…,” he said"', () => {
    const text = 'President Barack Obama spoke in Ohio on Monday.\nThe Affordable Care Act was passed in 2010.\n“It works for millions of families,” he said.';
    expect(attributions(text).map((finding) => finding.actor)).toEqual(['obama']);
  });

  test('persons named inside quotations or page boilerplate are no antecedents', () => {
    expect(pronounSpeakers('“Benny Gantz arrived,” a spokesman said.\nHe said that the talks went well.')).toEqual([
      ['spokesman', null],
      ['He', null],
    ]);
    // Benny Gantz is the subject only of a related-story link between the two paragraphs.
    const text = 'Hamada said exchanges with Benny Gantz had grown.\nBenny Gantz arrives in Seoul\nHe said that the talks went well.';
    const article = readArticle(text, { id: 'test' }, { boilerplate: { forceRoles: { 0: 'body', 1: 'boilerplate', 2: 'body' } } });
    expect(runAnalyzer(attributionAnalyzer, article).map((finding) => finding.actor)).toEqual(['hamada', 'hamada']);
  });

  test('the speaker span slices to the speaker', () => {
    const text = 'Gantz was quoted making these claims by the Kyodo news agency.';
    for (const finding of attributions(text)) expect(text.slice(finding.speakerStart, finding.speakerEnd)).toBe(finding.speaker);
  });
});

describe('words that look like reporting verbs but are not', () => {
  test('"claims" as a noun of making statements is a doubting attribution', () => {
    expect(stances('Gantz was quoted making these claims by the agency.')).toEqual(['quoted:neutral', 'claims:doubt']);
  });

  test('a territorial claim is not an attribution', () => {
    expect(attributions('Taiwan is a self-ruled democracy that Beijing claims as its own.')).toEqual([]);
  });

  test('"the claim that" with its content clause is a doubting attribution', () => {
    expect(stances('Romney rejected the claim that the plan cuts benefits.')).toEqual(['claim:doubt']);
  });

  test('a bare "their claim" is not an attribution: it may be a legal claim', () => {
    expect(attributions('The plaintiffs offered statistics to support their claim.')).toEqual([]);
  });

  test('a compound noun "discrimination claims" is not an attribution', () => {
    expect(attributions('She made her name by bringing discrimination claims against the firm.')).toEqual([]);
  });

  test('a day of the week is not a speaker', () => {
    const [finding] = attributions('Documents released on Friday showed how the money was used.');
    expect(finding).toMatchObject({ stance: 'endorsement' });
    expect(finding!.speaker).toBeUndefined();
  });

  test('"claim" with a deed or credit as its object is the taking-credit sense, not a report: "Hamas claimed the attack"', () => {
    expect(attributions('Hamas claimed the attack.')).toEqual([]);
    expect(attributions('Hamas claimed the deadly bombing on Tuesday.')).toEqual([]);
    expect(attributions('The faction claimed credit for the kidnapping.')).toEqual([]);
    // With a clause after the noun the object is the clause's subject: a report ("claimed (that) the attack was ...").
    expect(stances('Israel claimed the attack was staged.')).toEqual(['claimed:doubt']);
  });

  test('claiming responsibility is not an attribution', () => {
    expect(attributions('The group claimed responsibility for the attack.')).toEqual([]);
  });

  test('"said" after a determiner is an adjective', () => {
    expect(attributions('The said agreement was signed in 2019.')).toEqual([]);
  });

  test('"noted" after a determiner is an adjective', () => {
    expect(attributions('A noted scholar attended the signing.')).toEqual([]);
  });

  test('"revealed" without a reporting complement is not reporting', () => {
    expect(attributions('The search revealed a tunnel under the border.')).toEqual([]);
  });

  test('"States" in "United States" is a name', () => {
    expect(attributions('He returned from the United States on Monday.')).toEqual([]);
  });

  test('an infinitive with no speaker is not an attribution: "to tell the story"', () => {
    expect(attributions('Join our mission to tell the Jewish story fully and fairly.')).toEqual([]);
  });

  test('reporting verbs inside quoted speech are the speaker’s words', () => {
    expect(stances('“I said we would win, and they claimed otherwise,” Gantz told reporters.')).toEqual(['told:neutral']);
  });
});

describe('the attribution lexicon', () => {
  const entries = DEFAULT_LEXICONS.attribution;
  const stances = new Set(['neutral', 'doubt', 'endorsement', 'hostility', 'praise', 'admission', 'emphasis']);

  test('ids are unique and every entry has a source, a lemma and a known stance', () => {
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.source.trim()).not.toBe('');
      expect(entry.note.trim()).not.toBe('');
      expect(entry.lemma).toBeDefined();
      expect(stances.has(entry.stance ?? '')).toBe(true);
    }
  });

  test('every stance has entries', () => {
    expect(new Set(entries.map((entry) => entry.stance))).toEqual(stances);
  });

  test('no inflected form belongs to two entries', () => {
    const seen = new Map<string, string>();
    for (const entry of entries) {
      for (const term of entry.terms) {
        const key = termWords(term).join(' ');
        expect(seen.get(key) ?? entry.id).toBe(entry.id);
        seen.set(key, entry.id);
      }
    }
  });

  test('"said" and "according to" are neutral', () => {
    const stanceOf = (term: string) => entries.find((entry) => entry.terms.includes(term))?.stance;
    expect(stanceOf('said')).toBe('neutral');
    expect(stanceOf('according to')).toBe('neutral');
  });
});

describe('attribution properties', () => {
  const fragments = ['Gantz', 'said', 'claimed', 'that', 'the', 'said', 'deal', ',', '.', '“It works,”', 'according to', 'officials', 'He', 'added', '\n', 'revealed', 'by'];
  describeFindingProperties({
    texts: fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 20 }).map((parts) => `Start. ${parts.join(' ')}`),
    run: attributions,
    key: (finding) => [finding.stance, finding.speaker],
    prefix: 'Nothing to report here.\n\n',
    numRuns: 40,
  });
});
