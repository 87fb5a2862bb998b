import fc from 'fast-check';
import { titleChoice } from '../../src/analyzers/title-choice';
import { bodyArticle, readFixture, runAnalyzer, seedArticle, SEEDS } from './quotation-helpers';
import { lexicalLine } from './lexical-helpers';
import { describeFindingProperties } from '../helpers/finding-properties';

const titles = (text: string) => runAnalyzer(titleChoice, bodyArticle(text));

describe('legislative leaders', () => {
  test('"Senate Majority Leader Mitch McConnell" and "Minority Whip" are floor-leader titles', () => {
    expect(titles('Senate Majority Leader Mitch McConnell met House Minority Whip Steve Scalise.').map((finding) => [finding.title, finding.office, finding.actor])).toEqual([
      ['majority leader', 'floor-leader', 'mcconnell'],
      ['minority whip', 'floor-leader', 'scalise'],
    ]);
  });
});

describe('secretaries', () => {
  test('"Secretary Mattis" is a secretary\'s title, "Press Secretary Sarah Sanders" a spokesperson\'s', () => {
    expect(titles('Secretary Mattis praised the troops. Press Secretary Sarah Sanders spoke later.').map((finding) => [finding.title, finding.office, finding.actor])).toEqual([
      ['secretary', 'secretary', 'mattis'],
      ['press secretary', 'spokesperson', 'sanders'],
    ]);
  });

  test('"FBI Director James Comey": a bare "Director" is a title', () => {
    expect(titles('FBI Director James Comey testified on Monday.').map((finding) => [finding.title, finding.office, finding.actor])).toEqual([['director', 'director', 'comey']]);
  });
});

describe('titles that are also surnames', () => {
  const attached = (text: string) => titles(text).map((finding) => `${finding.text}->${finding.actor ?? '-'}`);

  test('"King" in a name is no title: "Steve King", "Dr. Martin Luther King Jr.", "King said"', () => {
    expect(attached('Rep. Steve King of Iowa spoke on Monday. Later, King said the plan would fail.')).toEqual(['Rep.->king']);
    expect(attached('Dr. Martin Luther King Jr. marched in 1963. Dr. King wrote a letter.')).toEqual([]);
  });

  test('"King" before a name, or after a country, a possessive or "the", is the monarch\'s title', () => {
    expect(attached('Saudi King Salman met Trump. The King said the talks went well.')).toEqual(['King->salman', 'King->salman']);
    expect(attached('Jordan’s King Abdullah II met Trump. Mr. Trump and King Salman agreed.')).toEqual(['King->abdullah', 'King->salman']);
  });
});

describe('title-choice on the seeds', () => {
  test.each(SEEDS)('seed %s gives the findings of its fixture', (seed) => {
    expect(runAnalyzer(titleChoice, seedArticle(seed)).map(lexicalLine)).toEqual(readFixture(seed, 'title-choice'));
  });

  test('000 calls Gantz "security minister" twice, a title of the defense-minister office', () => {
    const found = runAnalyzer(titleChoice, seedArticle('000')).filter((finding) => finding.title === 'security minister');
    expect(found.map((finding) => [finding.text, finding.actor, finding.office])).toEqual([
      ['security minister', 'gantz', 'defense-minister'],
      ['Security Minister', 'gantz', 'defense-minister'],
    ]);
    expect(found[0]!.alternatives).toEqual(expect.arrayContaining(['defense minister', 'minister of defense', 'defence minister']));
    expect(found[0]!.alternatives).not.toContain('security minister');
  });
});

describe('which person a title attaches to', () => {
  test('the name right after the title', () => {
    expect(titles('Chief Cabinet Secretary Hirokazu Matsuno met him.').map((finding) => [finding.title, finding.actor])).toEqual([['chief cabinet secretary', 'matsuno']]);
  });

  test('a nationality before the title is not part of it', () => {
    const [finding] = titles('Japanese Minister of Defense Yasukazu Hamada signed.');
    expect(finding).toMatchObject({ text: 'Minister of Defense', title: 'minister of defense', office: 'defense-minister', actor: 'hamada' });
  });

  test('two titles joined by "and" both attach to the name after the second', () => {
    const found = titles('He met Deputy Prime Minister and Minister of Defense Benjamin Gantz on Tuesday.');
    expect(found.map((finding) => [finding.office, finding.actor])).toEqual([
      ['deputy-prime-minister', 'gantz'],
      ['defense-minister', 'gantz'],
    ]);
  });

  test('a title in apposition after the name attaches to it', () => {
    expect(titles('Hamada, the Japanese Defense Minister, spoke first.')[0]).toMatchObject({ office: 'defense-minister', actor: 'hamada' });
  });

  test("a title in apposition after a country's possessive attaches to the name: \"Gantz, Israel's defense minister\"", () => {
    expect(titles("Benny Gantz, Israel's defense minister, visited Tokyo.")[0]).toMatchObject({ title: 'defense minister', office: 'defense-minister', actor: 'gantz' });
    expect(titles('Gantz met Hamada’s defense aides in Tokyo.')).toEqual([]);
  });

  test('a title with the name in apposition after it attaches to it', () => {
    expect(titles('The Japanese Defense Minister, Hamada, spoke first.')[0]).toMatchObject({ office: 'defense-minister', actor: 'hamada' });
  });

  test('"Ambassador to Japan" attaches past the country of the posting', () => {
    expect(titles('He met U.S. Ambassador to Japan Rahm Emmanuel.')[0]).toMatchObject({ office: 'ambassador', actor: 'emmanuel' });
  });

  test('"the Minister" names the person last given a minister title nearby', () => {
    const found = titles('Minister Gantz met the ambassador. The Minister was joined by his staff.');
    expect(found.map((finding) => finding.actor)).toEqual(['gantz', 'gantz']);
  });

  test('"his Japanese counterpart X" gives X the office of the person he is counterpart to', () => {
    const found = titles('Defense Minister Benny Gantz met his Japanese counterpart Yasukazu Hamada in Tokyo.');
    expect(found.map((finding) => [finding.title, finding.office, finding.actor, finding.byReference ?? null])).toEqual([
      ['defense minister', 'defense-minister', 'gantz', null],
      ['counterpart', 'defense-minister', 'hamada', true],
    ]);
  });

  test('a counterpart with no titled person before keeps the office "counterpart", still a title by reference', () => {
    expect(titles('Gantz met his counterpart Yasukazu Hamada.')[0]).toMatchObject({ office: 'counterpart', actor: 'hamada', byReference: true });
  });

  test('a lower-case title that names nobody is not a finding', () => {
    expect(titles('The president of the club resigned.')).toEqual([]);
  });

  test('the British spelling "defence minister" is the same office', () => {
    expect(titles('Defence Minister Ben Wallace said so.')[0]).toMatchObject({ office: 'defense-minister', actor: 'wallace', title: 'defence minister' });
  });
});

describe('title-choice properties', () => {
  const sentence = fc.constantFrom(
    'Israeli security minister Benny Gantz met Hamada.',
    'Defense Minister Yasukazu Hamada spoke.',
    'The president said nothing.',
    'Prime Minister Netanyahu left for Tokyo.',
    'Nothing happened on Tuesday.',
  );
  describeFindingProperties({
    texts: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')),
    run: (text) => runAnalyzer(titleChoice, bodyArticle(text)),
    key: (finding) => [finding.rule, finding.actor],
    numRuns: 25,
  });

  test('the same seed article gives the same findings', () => {
    expect(runAnalyzer(titleChoice, seedArticle('002'))).toEqual(runAnalyzer(titleChoice, seedArticle('002')));
  });
});
