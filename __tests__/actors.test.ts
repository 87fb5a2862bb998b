import { actorLocator, findActors, findActorAt, COUNTRIES } from '../src/actors';
import { readArticle } from '../src/article';
import { bodyArticle, seedArticle, SEEDS } from './analyzers/quotation-helpers';

const actorsOf = (text: string, options = {}) => findActors(bodyArticle(text), options);
const ids = (text: string) => actorsOf(text).map((actor) => actor.id).sort();
const byId = (text: string, id: string) => actorsOf(text).find((actor) => actor.id === id);

describe('people', () => {
  test('a full name and a bare surname are one actor keyed by the surname', () => {
    const gantz = byId('Benny Gantz met Hamada in Tokyo. Gantz said the visit went well.', 'gantz');
    expect(gantz).toMatchObject({ type: 'person', name: 'Benny Gantz' });
    expect(gantz!.forms).toEqual(['Benny Gantz', 'Gantz']);
    expect(gantz!.mentions).toHaveLength(2);
  });

  test('"King" after a given name or honorific is a surname, not a title: "Steve King", "Dr. King"', () => {
    const king = byId('Rep. Steve King of Iowa spoke on Monday. Later, King said the plan would fail.', 'king');
    expect(king).toMatchObject({ type: 'person', name: 'Steve King' });
    expect(king!.forms.slice().sort()).toEqual(['King', 'Steve King']);
    expect(ids('Rep. Steve King of Iowa spoke on Monday.')).not.toContain('steve');
  });

  test('a generational suffix is part of the name but never its key: "Martin Luther King Jr.", "Sammy Davis Jr."', () => {
    expect(byId('Dr. Martin Luther King Jr. marched in 1963. Dr. King wrote a letter.', 'king')!.forms.slice().sort()).toEqual(['King', 'Martin Luther King Jr.']);
    expect(ids('Sammy Davis Jr. sang. Davis smiled.')).toEqual(['davis']);
    // After a comma the suffix is no actor of its own.
    expect(ids('The Rev. Martin Luther King, Jr., marched to Selma.')).not.toContain('jr.');
  });

  test('"King" before a name or after a country or determiner stays a title: "Saudi King Salman", "the King"', () => {
    expect(byId('Saudi King Salman met the envoy. The King said the talks went well.', 'salman')).toMatchObject({ type: 'person', forms: ['Salman'] });
    expect(ids('Saudi King Salman met the envoy.')).not.toContain('king');
    // A name after it makes it the title, whatever capitalised word stands before.
    expect(byId('Former King Juan Carlos spoke.', 'carlos')).toMatchObject({ type: 'person', forms: ['Juan Carlos'] });
    expect(byId('Moroccan King Mohammed VI spoke on Monday.', 'mohammed')).toMatchObject({ type: 'person', forms: ['Mohammed VI'] });
  });

  test('a thing keeps its numeral, and a titled person may bear a party\'s or thing\'s name', () => {
    expect(ids('World War II ended in 1945.')).toEqual(['world-war-ii']);
    expect(byId('Mayor John Tory said the plan is good. Tory added that it would pass.', 'tory')).toMatchObject({ type: 'person', forms: ['John Tory', 'Tory'] });
    // The tagger reads "Act" as a verb, outside the name run: still a law, not the person "care".
    expect(byId('The Senate passed the Affordable Care Act on Monday.', 'affordable-care')).toMatchObject({ type: 'unknown' });
  });

  test('names of things, party members and the first person are no people', () => {
    const typeOf = (text: string, id: string) => byId(text, id)?.type;
    expect(typeOf('Social Security faces a shortfall.', 'social-security')).toBe('unknown');
    expect(typeOf('The Second Amendment protects gun owners.', 'second-amendment')).toBe('unknown');
    expect(typeOf('The town has shrunk since World War II ended.', 'world-war-ii')).toBe('unknown');
    expect(typeOf('Senate Democrats sought a vote.', 'senate-democrats')).toBe('unknown');
    expect(typeOf('Sen. Rand Paul, Kentucky Republican, spoke.', 'kentucky-republican')).toBe('unknown');
    expect(actorsOf('“I’m not worried,” Sabin said. I’m sure.').map((actor) => actor.id)).toEqual(['sabin']);
  });

  test('ranks are titles, and a run right before a title qualifies it: "Missouri Highway Patrol Capt. Ron Johnson"', () => {
    const text = 'Missouri Highway Patrol Capt. Ron Johnson met Former FBI Director James Comey. Johnson spoke first.';
    expect(byId(text, 'johnson')!.forms.slice().sort()).toEqual(['Johnson', 'Ron Johnson']);
    expect(byId(text, 'comey')).toMatchObject({ type: 'person', forms: ['James Comey'] });
    expect(actorsOf(text).filter((actor) => actor.type === 'person').map((actor) => actor.id).sort()).toEqual(['comey', 'johnson']);
    expect(ids('Chief Financial Officer Jane Smith resigned.')).toEqual(['smith']);
  });

  test('the run-before-title rule stays in its sentence and keeps a person\'s key', () => {
    // A headline that ends in a name, then a body that opens with a title.
    expect(ids('Japan signs defense pact with Benny Gantz\n\nDefense Minister Benny Gantz met Hamada in Tokyo. Gantz said the talks went well.')).toEqual(['gantz', 'hamada', 'japan', 'tokyo']);
    expect(byId('Trump Nominates Mike Pompeo Secretary Of State\n\nPresident Trump picked Mike Pompeo on Tuesday. Pompeo said he was honored.', 'pompeo')).toMatchObject({ type: 'person' });
    expect(ids('Trump Nominates Mike Pompeo Secretary Of State\n\nPresident Trump picked Mike Pompeo on Tuesday. Pompeo said he was honored.')).not.toContain('mike-pompeo');
  });

  test('"Sheriff" is a surname as "King" is: "David Sheriff", but "Sheriff Joe Arpaio"', () => {
    expect(byId('David Sheriff said the vote was rigged.', 'sheriff')).toMatchObject({ type: 'person' });
    expect(byId('Sheriff Joe Arpaio spoke.', 'arpaio')).toMatchObject({ type: 'person', forms: ['Joe Arpaio'] });
  });

  test('"Secretary Mattis": a bare "Secretary" is a title, no part of the name', () => {
    expect(byId('Secretary Mattis praised the troops. Jim Mattis left in December.', 'mattis')).toMatchObject({ type: 'person', forms: ['Jim Mattis', 'Mattis'] });
  });

  test('"Senate Majority Leader Mitch McConnell": the leader title is no part of the name', () => {
    expect(byId('Senate Majority Leader Mitch McConnell blocked the bill.', 'mcconnell')).toMatchObject({ type: 'person', forms: ['Mitch McConnell'] });
    expect(ids('Senate Majority Leader Mitch McConnell blocked the bill.')).not.toContain('majority');
  });

  test('"Benny Gantz" and "Benjamin Gantz" share the key "gantz"', () => {
    expect(byId('Benny Gantz spoke.', 'gantz')).toBeDefined();
    expect(byId('Benjamin Gantz spoke.', 'gantz')).toBeDefined();
  });

  test('a Japanese-order name with the surname in capitals is keyed by the surname', () => {
    const hamada = byId('Japan Defense Minister HAMADA Yasukazu met Gantz. Hamada said exchanges progressed.', 'hamada');
    expect(hamada).toMatchObject({ type: 'person' });
    expect(hamada!.forms.slice().sort()).toEqual(['HAMADA Yasukazu', 'Hamada']);
    expect(byId('Gantz met Yasukazu Hamada in Tokyo.', 'hamada')).toBeDefined();
  });

  test('a title before a name is not part of the name', () => {
    const gantz = byId('Israeli Security Minister Benny Gantz arrived on Tuesday.', 'gantz');
    expect(gantz!.mentions.map((mention) => mention.text)).toEqual(['Benny Gantz']);
    expect(ids('Israeli Security Minister Benny Gantz arrived on Tuesday.')).toEqual(['gantz', 'israel']);
  });

  test('a possessive is not part of the name', () => {
    const gantz = byId('Israel Defense Minister Benny Gantz’s Japan trip ended.', 'gantz');
    expect(gantz!.mentions.map((mention) => mention.text)).toEqual(['Benny Gantz']);
  });

  test('a given name alone joins the person named in full', () => {
    expect(byId('Benny Gantz spoke first. Later Benny thanked the hosts.', 'gantz')!.mentions).toHaveLength(2);
  });

  test('a name whose surname is also a word of the text keeps the surname key, with its type open', () => {
    const rice = byId('Condoleezza Rice spoke on Monday. They ate rice and beans.', 'rice');
    expect(rice).toMatchObject({ type: 'unknown' });
    expect(byId('Condoleezza Rice spoke on Monday.', 'rice')).toMatchObject({ type: 'person' });
  });

  describe('people of one surname', () => {
    const mentionsOf = (text: string) => Object.fromEntries(actorsOf(text).map((actor) => [actor.id, actor.mentions.map((mention) => mention.text)]));

    test('two people named in full are two actors; the one mentioned most keeps the surname', () => {
      expect(mentionsOf('Donald Trump and Melania Trump arrived on Monday. Trump said the visit was great. Melania smiled.')).toEqual({
        trump: ['Donald Trump', 'Trump'],
        'melania-trump': ['Melania Trump', 'Melania'],
      });
      // Only first names compare by their initials: Rodham is no Roger.
      expect(ids('Hillary Rodham Clinton spoke on Monday. Her brother-in-law Roger Clinton said little.')).toEqual(['clinton', 'roger-clinton']);
    });

    test('a surname alone goes to the person of that surname named in full first, the main person in news style', () => {
      expect(mentionsOf('Hunter Biden, the son of President Joe Biden, pleaded guilty on Tuesday. Biden, 53, faces prison. Hunter left the court.')).toEqual({
        biden: ['Hunter Biden', 'Biden', 'Hunter'],
        'joe-biden': ['Joe Biden'],
      });
      const trump = mentionsOf('Donald Trump spoke on Monday. Trump said the race was his. An ad showed Melania Trump. Trump lashed out at Cruz.');
      expect([trump.trump, trump['melania-trump']]).toEqual([['Donald Trump', 'Trump', 'Trump'], ['Melania Trump']]);
      // The main person is named in full once, the other of that surname in full each time.
      const jackson = mentionsOf(
        'Jackson pleads guilty\n\nFormer Rep. Jesse Jackson Jr. pleaded guilty on Wednesday. Jackson said he was sorry. ' +
          'Sandra Jackson will plead guilty too. Sandra Jackson was an alderman. Prosecutors said Jackson spent the money.',
      );
      expect(jackson).toMatchObject({ jackson: ['Jackson', 'Jesse Jackson Jr.', 'Jackson', 'Jackson'], 'sandra-jackson': ['Sandra Jackson', 'Sandra Jackson'] });
    });

    test('a surname after a title goes to the person named in full after that title', () => {
      const text = 'Hunter Biden, the son of President Joe Biden, pleaded guilty on Tuesday. President Biden said he would not pardon him.';
      // Joe Biden, mentioned twice, keeps the surname.
      expect(mentionsOf(text)).toEqual({ biden: ['Joe Biden', 'Biden'], 'hunter-biden': ['Hunter Biden'] });
    });

    test('names that may be one person’s stay one actor: a nickname, a middle name, a description before the name', () => {
      expect(ids('Benny Gantz arrived on Monday. Defense Minister Benjamin Gantz said the pact was historic.')).toEqual(['gantz']);
      expect(ids('Hillary Rodham Clinton spoke on Monday. Hillary Clinton said little.')).toEqual(['clinton']);
      expect(ids('Bill Clinton spoke on Monday. William Clinton said little.')).toEqual(['clinton']);
      expect(ids('Republican Mitt Romney spoke on Monday. Mitt Romney said little.')).toEqual(['romney']);
      expect(ids('Judge Brett Kavanaugh spoke on Monday. Brett Kavanaugh and Judge Kavanaugh said little.')).toEqual(['kavanaugh']);
      expect(ids('Sarah Huckabee Sanders spoke on Monday. Huckabee Sanders said little.')).toEqual(['sanders']);
    });

    test('words in capitals, abbreviations and places before a surname name no other person', () => {
      expect(mentionsOf('Ian David Long opened fire on Tuesday. The Thousand Oaks, Calif. Long was 28.').long).toEqual(['Ian David Long', 'Calif. Long']);
      expect(ids('Donald Trump spoke on Monday. AP Trump said little.')).toEqual(['trump']);
      expect(ids('Ronald Reagan spoke there. In California Reagan said little.')).toEqual(['reagan']);
    });

    test('a given name that is also a word of the text tells people apart and places the name alone: "Bill"', () => {
      expect(mentionsOf('Hillary Clinton and Chelsea Clinton spoke on Monday. Bill Clinton said the bill would pass. Clinton smiled.')).toMatchObject({
        clinton: ['Hillary Clinton', 'Clinton'],
        'bill-clinton': ['Bill Clinton'],
      });
      expect(mentionsOf('Bill Clinton spoke on Monday. He said the bill would pass. Bill smiled.').clinton).toEqual(['Bill Clinton', 'Bill']);
      // A surname that is a word of the text too: the names stay open, and still two people.
      const rice = actorsOf('Former Secretary of State Condoleezza Rice spoke. Susan Rice listened. Later, Susan Rice said rice prices rose. Susan Rice left.');
      expect(rice.filter((actor) => actor.id.endsWith('rice')).map((actor) => `${actor.id}: ${actor.forms.join('|')}`)).toEqual(['rice: Susan Rice', 'condoleezza-rice: Condoleezza Rice']);
    });

    test('one initial, another suffix or other middle initials make two people', () => {
      expect(ids('Joe Biden and Jill Biden arrived on Monday. Jill Biden spoke.')).toEqual(['biden', 'joe-biden']);
      expect(mentionsOf('Donald Trump spoke on Monday. His son Donald Trump Jr. listened. Trump said nothing.')).toEqual({
        trump: ['Donald Trump', 'Trump'],
        'donald-trump-jr': ['Donald Trump Jr.'],
      });
      expect(ids('George H.W. Bush and George W. Bush met. George H.W. Bush spoke.')).toEqual(['bush', 'george-w-bush']);
      expect(ids('Donald J. Trump spoke on Monday. Donald Trump said little.')).toEqual(['trump']);
    });

    test('spellings of one given name are one person: "Hilary" and "Hillary", "Barak" and "Barack"', () => {
      expect(ids('Hillary Clinton spoke on Monday. Bill Clinton listened. Hilary Clinton left.')).toEqual(['bill-clinton', 'clinton']);
      expect(ids('Barack Obama spoke on Monday. Michelle Obama listened. Barak Obama left.')).toEqual(['michelle-obama', 'obama']);
    });

    test('a common word first in a sentence or in a headline is no given name: "Former Trump aide"', () => {
      const text = 'Trump aide pleads guilty\n\nDonald Trump spoke on Monday. Former Trump aide Rick Gates pleaded guilty. The former aide said little.';
      expect(ids(text)).toEqual(['gates', 'trump']);
    });

    test('a person the caller declares keeps its id and the surname alone; the others of its surname are their own', () => {
      const found = actorsOf('Donald Trump met Melania Trump and Ivanka Trump on Monday. Melania Trump smiled. Trump said it was great.', { actors: [{ name: 'Donald Trump' }] });
      expect(found.filter((actor) => actor.id.endsWith('trump')).map((actor) => `${actor.id}: ${actor.mentions.map((mention) => mention.text).join('|')}`).sort()).toEqual([
        'ivanka-trump: Ivanka Trump',
        'melania-trump: Melania Trump|Melania Trump',
        'trump: Donald Trump|Trump',
      ]);
    });

    test('a given name alone counts to its person: the one mentioned most keeps the surname', () => {
      expect(ids('Donald Trump and Melania Trump arrived. Trump spoke. Melania smiled. Melania waved. Melania left.')).toEqual(['donald-trump', 'trump']);
    });

    test('a party member before a name is no given name: "Republican" alone stays no person', () => {
      const found = actorsOf('Republican Mitt Romney spoke on Monday. The senator said a Republican would vote for it.');
      expect(found.find((actor) => actor.id === 'romney')!.mentions.map((mention) => mention.text)).toEqual(['Republican Mitt Romney']);
      expect(found.find((actor) => actor.id === 'republican')).toMatchObject({ type: 'unknown' });
    });
  });

  test('a country after "Ambassador to" is a place, not part of the envoy’s name', () => {
    expect(ids('Gantz met U.S. Ambassador to Japan Rahm Emmanuel.')).toEqual(['emmanuel', 'gantz', 'japan', 'united-states']);
  });
});

describe('countries', () => {
  test('"Israel", "Israeli", "Israel\'s" and "Israelis" are one country actor', () => {
    const israel = byId("Israel and Japan met. Israeli officials spoke of Israel's aims and Israelis cheered.", 'israel');
    expect(israel).toMatchObject({ type: 'country', name: 'Israel' });
    expect(israel!.mentions.map((mention) => mention.text)).toEqual(['Israel', 'Israeli', 'Israel', 'Israelis']);
  });

  test('"Japan" and "Japanese" are one country actor', () => {
    expect(byId('Japan said the Japanese public agreed.', 'japan')!.forms.slice().sort()).toEqual(['Japan', 'Japanese']);
  });

  test('a multi-word country name is one mention', () => {
    expect(byId('Gantz visited the United States and Burkina Faso.', 'united-states')!.mentions[0]!.text).toBe('United States');
    expect(ids('Gantz visited Burkina Faso.')).toContain('burkina-faso');
  });

  test('the pronoun "us" is not the United States', () => {
    expect(ids('He told us the US would help.')).toEqual(['united-states']);
  });

  test('every country of the table has an id, a name and forms that include the name', () => {
    for (const country of COUNTRIES) {
      expect(country.id).toMatch(/^[a-z-]+$/);
      expect(country.forms).toContain(country.name);
    }
  });
});

describe('organisations', () => {
  test('a nationality inside an organisation name stays in it', () => {
    const idf = byId('Troops of the Israeli Defense Forces – IDF – moved. The IDF said so.', 'israeli-defense-forces');
    expect(idf).toMatchObject({ type: 'organization' });
    expect(idf!.forms.slice().sort()).toEqual(['IDF', 'Israeli Defense Forces']);
  });

  test('an acronym in brackets joins its organisation', () => {
    const sdf = byId("Japan's Self-Defense Forces (SDF) agreed. The SDF will help.", 'self-defense-forces');
    expect(sdf!.mentions).toHaveLength(3);
  });

  test('"Ministry of Defense" is one organisation', () => {
    expect(byId('At the Ministry of Defense building in Tokyo.', 'ministry-of-defense')).toMatchObject({ type: 'organization' });
  });

  test('place names are not people', () => {
    const types = actorsOf('Troops on the Nansei Islands and in the Middle East.').map((actor) => actor.type);
    expect(types).not.toContain('person');
  });
});

describe('user-supplied actors', () => {
  test('a user actor is found by its aliases, case-insensitively', () => {
    const actors = actorsOf('The IOF raided the camp. Later the iof withdrew.', { actors: [{ id: 'idf', name: 'Israel Defense Forces', aliases: ['IOF'], type: 'organization' }] });
    const idf = actors.find((actor) => actor.id === 'idf');
    expect(idf).toMatchObject({ type: 'organization', name: 'Israel Defense Forces', origin: 'spec' });
    expect(idf!.mentions.map((mention) => mention.text)).toEqual(['IOF', 'iof']);
  });

  test('a user person without an id is keyed like a found person, by the surname', () => {
    const actors = actorsOf('Gantz spoke. Benny Gantz left.', { actors: [{ name: 'Benny Gantz', type: 'person' }] });
    expect(actors.filter((actor) => actor.id === 'gantz')).toHaveLength(1);
    expect(actors.find((actor) => actor.id === 'gantz')!.mentions).toHaveLength(2);
  });
});

describe('boilerplate', () => {
  test('an actor named only in boilerplate is left out; mentions in boilerplate are marked', () => {
    const text = 'Gantz met Hamada in Tokyo on Tuesday and both praised the talks.\nSubscribe to our newsletter from Reuters\nGantz left.';
    const article = readArticle(text, { id: 'x' }, { boilerplate: { forceRoles: { 0: 'body', 1: 'boilerplate', 2: 'body' } } });
    const actors = findActors(article);
    expect(actors.map((actor) => actor.id)).not.toContain('reuters');
    expect(actors.find((actor) => actor.id === 'gantz')!.mentions.every((mention) => mention.boilerplate === false)).toBe(true);
  });
});

describe('on the seeds', () => {
  test('Gantz, Hamada, Israel and Japan are actors of every seed, under shared ids', () => {
    for (const seed of SEEDS) {
      const found = findActors(seedArticle(seed)).map((actor) => actor.id);
      expect(found).toEqual(expect.arrayContaining(['gantz', 'hamada', 'israel', 'japan']));
    }
  });

  test('002 names Gantz "Benjamin Gantz" and Hamada "HAMADA Yasukazu"', () => {
    const actors = findActors(seedArticle('002'));
    expect(actors.find((actor) => actor.id === 'gantz')!.forms).toContain('Benjamin Gantz');
    expect(actors.find((actor) => actor.id === 'hamada')!.forms).toContain('HAMADA Yasukazu');
  });

  test('every mention is a slice of the text and findActorAt finds its actor', () => {
    for (const seed of SEEDS) {
      const article = seedArticle(seed);
      const actors = findActors(article);
      for (const actor of actors) {
        for (const mention of actor.mentions) {
          expect(article.text.slice(mention.start, mention.end)).toBe(mention.text);
          expect(findActorAt(actors, mention.start, mention.end)).toBeDefined();
        }
      }
    }
  });

  test('actorLocator answers as findActorAt does, for every span of every length over the seeds', () => {
    for (const seed of SEEDS) {
      const article = seedArticle(seed);
      const actors = findActors(article);
      const actorAt = actorLocator(actors);
      let found = 0;
      for (let start = 0; start < article.text.length; start += 7) {
        for (const length of [0, 1, 5, 12, 40, 200]) {
          const expected = findActorAt(actors, start, start + length);
          expect(actorAt(start, start + length)).toBe(expected);
          if (expected) found++;
        }
      }
      expect(found).toBeGreaterThan(0);
    }
  });

  test('actorLocator gives the first actor in list order when mentions of two actors overlap a span', () => {
    const mention = (start: number, end: number) => ({ start, end, text: 'x'.repeat(end - start), boilerplate: false });
    const actors = [
      { id: 'late', name: 'Late', type: 'person' as const, forms: ['Late'], origin: 'text' as const, mentions: [mention(30, 34)] },
      { id: 'early', name: 'Early', type: 'person' as const, forms: ['Early'], origin: 'text' as const, mentions: [mention(10, 15), mention(100, 160)] },
    ];
    const actorAt = actorLocator(actors as unknown as Parameters<typeof actorLocator>[0]);
    expect(actorAt(12, 32)?.id).toBe('late');
    expect(actorAt(150, 151)?.id).toBe('early');
    expect(actorAt(16, 29)).toBeUndefined();
    expect(actorAt(160, 170)).toBeUndefined();
  });

  test('the same article gives the same actors', () => {
    expect(findActors(seedArticle('001'))).toEqual(findActors(seedArticle('001')));
  });
});
