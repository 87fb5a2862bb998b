import { readArticle } from '../../src/article';
import { analyzeArticle } from '../../src/analyze';
import type { ActorNaming, NamingDivergence, NamingDivergenceKind } from '../../src/compare';
import { compareNaming } from '../../src/compare/naming';
import { id, seedStory } from './helpers';

function actor(actorId: string): ActorNaming {
  const found = seedStory().comparison.naming.find((entry) => entry.actor === actorId);
  if (!found) throw new Error(`no actor ${actorId} in the comparison`);
  return found;
}

function divergence(actorId: string, kind: NamingDivergenceKind): NamingDivergence {
  const found = actor(actorId).divergences.find((entry) => entry.kind === kind);
  if (!found) throw new Error(`no ${kind} divergence for ${actorId}`);
  return found;
}

/** A divergence as lines: `value: 000 001`, most used first. */
function lines(entry: NamingDivergence): string[] {
  return entry.variants.map((variant) => `${variant.value}: ${variant.articles.map((article) => article.slice(0, 3)).join(' ')}`);
}

describe('naming on the seed story', () => {
  test('"his Japanese counterpart" (000, 003) is a title by reference, not a wording of Hamada\'s office: no title divergence for him', () => {
    expect(actor('hamada').divergences.map((entry) => entry.kind)).not.toContain('title');
    expect(actor('hamada').articles.find((naming) => naming.article === id('000'))!.titles).toEqual([]);
    expect(lines(divergence('gantz', 'title'))).toEqual(['defense minister: 001 002 003 004', 'security minister: 000']);
  });

  test('"Benny" against "Benjamin" as name forms of Gantz', () => {
    const entry = divergence('gantz', 'name-form');
    expect(lines(entry)).toEqual(['Benny Gantz: 000 001 003 004', 'Benjamin Gantz: 002']);
    expect(entry.distinct).toEqual([id('002')]);
  });

  test('"HAMADA Yasukazu" against "Yasukazu Hamada" as name forms of Hamada', () => {
    const entry = divergence('hamada', 'name-form');
    expect(lines(entry)).toEqual(['Yasukazu Hamada: 000 001 003 004', 'HAMADA Yasukazu: 002']);
    expect(entry.distinct).toEqual([id('002')]);
  });

  test('000 calls Gantz "security minister" where the others write "defense minister" or "Minister of Defense"', () => {
    const entry = divergence('gantz', 'title');
    const security = entry.variants.find((variant) => variant.value === 'security minister');
    expect(security?.articles).toEqual([id('000')]);
    expect(entry.office).toBe('defense-minister');
    expect(entry.distinct).toEqual([id('000')]);
    // "defense minister" and "Minister of Defense" are one wording in another order.
    const defense = entry.variants.find((variant) => variant.value === 'defense minister');
    expect(defense?.forms).toEqual(expect.arrayContaining(['defense minister', 'minister of defense']));
    expect(defense?.articles).toEqual([id('001'), id('002'), id('003'), id('004')]);
  });

  test('000 alone labels Israel "the Israeli occupation"', () => {
    const entry = divergence('israel', 'label');
    const occupation = entry.variants.find((variant) => variant.value.includes('occupation'));
    expect(occupation?.articles).toEqual([id('000')]);
    expect(entry.distinct).toEqual([id('000')]);
    expect(entry.without).toEqual(expect.arrayContaining([id('001'), id('002'), id('003'), id('004')]));
  });

  test("000 alone puts 'Israel' in scare quotes; the others write plain Israel", () => {
    const entry = divergence('israel', 'scare-quote');
    expect(lines(entry)).toEqual(['Israel: 000']);
    expect(entry.distinct).toEqual([id('000')]);
    expect(entry.without).toEqual([id('001'), id('002'), id('003'), id('004')]);
  });

  test('000 "claims" and 003 "hailed" what Gantz said, where every article reports him with "said"', () => {
    const entry = divergence('gantz', 'attribution');
    expect(lines(entry)).toEqual(['say: 000 001 002 003 004', 'reveal: 000 002', 'claim: 000', 'hail: 003']);
    expect(entry.distinct).toEqual([id('000'), id('003')]);
    expect(actor('gantz').articles.find((naming) => naming.article === id('003'))!.verbs.find((verb) => verb.value === 'hail')).toMatchObject({ text: 'hailed', group: 'praise' });
  });

  test('verbs of one stance are one choice: "said", "told" and "according to" do not diverge', () => {
    const hamada = divergence('hamada', 'attribution');
    expect(hamada.variants.find((variant) => variant.value === 'say')!.forms).toEqual(expect.arrayContaining(['say', 'state', 'add']));
    expect(lines(hamada)).toEqual(['say: 002 004', 'slam: 000']);
  });

  test('every naming choice points at a finding whose evidence is its text', () => {
    const story = seedStory();
    for (const entry of story.comparison.naming) {
      for (const naming of entry.articles) {
        const report = story.articles.find((article) => article.id === naming.article)!;
        for (const choice of [...naming.titles, ...naming.labels, ...naming.scareQuotes]) {
          const finding = report.findings[choice.finding]!;
          expect(finding.boilerplate).toBe(false);
          expect(report.text.slice(choice.start, choice.end)).toBe(finding.text);
        }
        for (const form of naming.forms) expect(report.text.slice(form.start, form.end)).toBe(form.form);
      }
    }
  });

  test('only actors named by two or more articles are compared', () => {
    for (const entry of seedStory().comparison.naming) expect(entry.articles.length).toBeGreaterThanOrEqual(2);
  });
});

describe('naming on short texts', () => {
  const roles = { boilerplate: { forceRoles: { 0: 'body', 1: 'body' } as const } };
  const items = (texts: readonly string[]) =>
    texts.map((text, index) => {
      const article = readArticle(text, { id: `t${index}` }, roles);
      return { article, report: analyzeArticle(article) };
    });
  const story = items([
    'Representative John Smith spoke to reporters on Monday about the budget.\nJohn Smith said the budget was fair.',
    'Rep. John Q. Smith spoke to reporters on Monday about the budget.\nJohn Q. Smith said the budget was fair.',
    'Congressman John Smith spoke to reporters on Monday about the budget.\nSmith said the budget was fair.',
  ]);

  test('only a person has name forms to compare: "Top Clinton Aide" against "Former Clinton Aide" is no name divergence', () => {
    // "aide" is written in lower case too, so neither article takes "Clinton Aide" for a person's name.
    const aides = items(['Top Clinton Aide spoke to reporters on Monday.\nThe aide said little.', 'Former Clinton Aide spoke to reporters on Monday.\nThe aide said little.']);
    const aide = compareNaming(aides).find((entry) => entry.actor === 'aide');
    expect(aide?.divergences.map((entry) => entry.kind) ?? []).not.toContain('name-form');
  });

  test('two people of one surname are no name divergence; a hypocorism or a title before the surname is', () => {
    const nameForms = (texts: readonly string[], actorId: string) =>
      compareNaming(items(texts))
        .find((entry) => entry.actor === actorId)
        ?.divergences.find((entry) => entry.kind === 'name-form')
        ?.variants.map((variant) => variant.value);
    // Actors are keyed by surname: Donald and Melania Trump meet under "trump".
    expect(nameForms(['President Donald Trump spoke on Monday.\nTrump said little.', 'First lady Melania Trump spoke on Monday.\nTrump said little.'], 'trump')).toBeUndefined();
    expect(nameForms(['Senator Dick Durbin spoke on Monday.\nDurbin said little.', 'Senator Richard J. Durbin spoke on Monday.\nDurbin said little.'], 'durbin')).toEqual(['Dick Durbin', 'Richard J. Durbin']);
    // Non-ASCII and curly-apostrophe surnames are matched as keys: Gerd and Anna Müller are two people.
    expect(nameForms(['Gerd Müller spoke on Monday.\nMüller said little.', 'Anna Müller spoke on Monday.\nMüller said little.', 'Gerd Müller spoke on Monday.\nMüller said little.'], 'muller')).toBeUndefined();
    // A rank the name keeps in front makes no other name: "General Michael Flynn" is "Michael Flynn".
    expect(nameForms(['General Michael Flynn spoke on Monday.\nFlynn said little.', 'Michael Flynn spoke on Monday.\nFlynn said little.'], 'flynn')).toBeUndefined();
    // The name is the surname with the word next to it; what stands further off describes.
    expect(nameForms(['Republican Mitt Romney spoke on Monday.\nRomney said little.', 'Mitt Romney spoke on Monday.\nRomney said little.'], 'romney')).toBeUndefined();
    expect(
      nameForms(
        ['Weekly Standard Editor Bill Kristol spoke on Monday.\nKristol said little.', 'Bill Kristol spoke on Monday.\nKristol said little.', 'William Kristol spoke on Monday.\nKristol said little.'],
        'kristol',
      ),
    ).toEqual(['Bill Kristol', 'William Kristol']);
    expect(nameForms(['Hillary Rodham Clinton spoke on Monday.\nClinton said little.', 'Hillary Clinton spoke on Monday.\nClinton said little.'], 'clinton')?.slice().sort()).toEqual(['Hillary Clinton', 'Hillary Rodham Clinton']);
    // A rank is no given name: "General Flynn" may be Michael Flynn.
    expect(nameForms(['General Flynn spoke on Monday.\nFlynn said little.', 'Michael Flynn spoke on Monday.\nFlynn said little.'], 'flynn')?.slice().sort()).toEqual(['General Flynn', 'Michael Flynn']);
    // Another person of a surname ("hunter-biden") is compared by that surname too: a description before the name makes no other name.
    const withJoe = (hunter: string) => `President Joe Biden spoke on Monday.\nBiden said little. ${hunter} listened. Biden left.`;
    expect(nameForms([withJoe('Hunter Biden'), withJoe('Democrat Hunter Biden'), withJoe('Hunter Biden')], 'hunter-biden')).toBeUndefined();
  });

  test('an abbreviated title is the same wording as the full one; another title of the office stands apart', () => {
    const smith = compareNaming(story).find((entry) => entry.actor === 'smith')!;
    const titles = smith.divergences.find((entry) => entry.kind === 'title')!;
    expect(titles.variants).toEqual([
      { value: 'representative', articles: ['t0', 't1'], forms: ['representative', 'rep.'] },
      { value: 'congressman', articles: ['t2'] },
    ]);
    expect(titles.distinct).toEqual(['t2']);
  });

  test("a label inside someone's quotation is the speaker's, not the outlet's naming", () => {
    const quoting = items([
      'The Israeli occupation must end, Palestinian officials said in Ramallah on Tuesday after the talks.\nAbbas spoke to reporters about Israel.',
      'Abbas said in Ramallah on Tuesday that "the Israeli occupation must end now," after the talks.\nAbbas spoke to reporters about Israel.',
      'Abbas said in Ramallah on Tuesday that Israel must withdraw its forces, after the talks.\nAbbas spoke to reporters about Israel.',
    ]);
    const reports = quoting.map((item) => item.report.findings.filter((finding) => finding.analyzer === 'label').map((finding) => finding.text));
    expect(reports).toEqual([['Israeli occupation'], ['Israeli occupation'], []]); // the label is found in both, quoted or not
    const labels = compareNaming(quoting).find((entry) => entry.actor === 'israel')!.divergences.find((entry) => entry.kind === 'label')!;
    expect(labels.variants).toEqual([{ value: 'occupation', articles: ['t0'] }]);
    expect(labels.without).toEqual(['t1', 't2']);
  });

  test('a quoted label is left out however the findings were made: with only the naming analyzers run too', () => {
    const texts = [
      'The Israeli occupation must end, Palestinian officials said in Ramallah on Tuesday after the talks.\nAbbas spoke to reporters about Israel.',
      'Abbas said in Ramallah on Tuesday that "the Israeli occupation must end now," after the talks.\nAbbas spoke to reporters about Israel.',
    ];
    const only = texts.map((text, index) => {
      const article = readArticle(text, { id: `t${index}` }, roles);
      return { article, report: analyzeArticle(article, { only: ['label', 'title-choice', 'scare-quote'] }) };
    });
    const labels = compareNaming(only).find((entry) => entry.actor === 'israel')!.divergences.find((entry) => entry.kind === 'label')!;
    expect(labels.variants).toEqual([{ value: 'occupation', articles: ['t0'] }]);
  });

  test('reporting verbs diverge when articles differ in stance, not when one article takes two', () => {
    const both = 'Gantz met Hamada in Tokyo on Tuesday to sign the memorandum on defense cooperation.\nGantz said the talks went well. Gantz claimed the deal was historic.';
    const plain = 'Gantz met Hamada in Tokyo on Tuesday to sign the memorandum on defense cooperation.\nGantz visited the ministry.';
    const attribution = (texts: readonly string[]) => compareNaming(items(texts)).find((entry) => entry.actor === 'gantz')?.divergences.find((entry) => entry.kind === 'attribution');
    expect(attribution([both, both])).toBeUndefined();
    expect(attribution([both, plain])).toBeUndefined();
    const saidOnly = both.replace(' Gantz claimed the deal was historic.', '');
    expect(attribution([both, saidOnly])).toMatchObject({ variants: [{ value: 'say', articles: ['t0', 't1'] }, { value: 'claim', articles: ['t0'] }], distinct: ['t0'] });
  });

  test('a middle initial is not a different name form', () => {
    const smith = compareNaming(story).find((entry) => entry.actor === 'smith')!;
    expect(smith.articles[1]!.forms.map((form) => form.form)).toEqual(['John Q. Smith']);
    expect(smith.divergences.some((entry) => entry.kind === 'name-form')).toBe(false);
  });
});
