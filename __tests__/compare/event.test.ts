import { readArticle } from '../../src/article';
import { compareEvent, findNounChunks, inflections } from '../../src/compare/event';
import { id, seedStory } from './helpers';

describe('event wording on the seed story', () => {
  test('each article names the event in its own words, found from the text', () => {
    const lines = seedStory().comparison.event.articles.map((entry) => `${entry.article.slice(0, 3)} ${entry.position} "${entry.wording}"`);
    expect(lines).toEqual([
      '000 headline "military collaboration"',
      '001 headline "historic defense agreement"',
      '002 headline "military strategic cooperation"',
      '003 0 "memorandum for defense cooperation"',
      // The issue's "defense agreement": 004's headline writes "new defense agreement".
      '004 headline "new defense agreement"',
    ]);
  });

  test('every wording is its evidence in the text', () => {
    const story = seedStory();
    for (const entry of story.comparison.event.articles) {
      const article = story.articles.find((report) => report.id === entry.article)!;
      expect(article.text.slice(entry.start, entry.end)).toBe(entry.wording);
    }
  });

  test('five different wordings: no two articles name the event alike', () => {
    const { variants } = seedStory().comparison.event;
    expect(variants).toHaveLength(5);
    expect(variants.find((variant) => variant.wording === 'military collaboration')!.articles).toEqual([id('000')]);
  });
});

describe('noun phrases for event wording', () => {
  const chunks = (text: string): string[] => {
    const article = readArticle(text);
    return findNounChunks(article.tokens).map((chunk) => article.text.slice(article.tokens[chunk.from]!.start, article.tokens[chunk.to - 1]!.end));
  };

  test('a title directly before a name is not a noun phrase of the event', () => {
    expect(chunks('Israeli security minister Benny Gantz met his counterpart on Tuesday.')).not.toContain('Israeli security minister');
  });

  test('an adjective after a noun starts a new phrase', () => {
    expect(chunks('Israel, Japan sign historic defense agreement')).toContain('historic defense agreement');
  });

  test('the phrase the other leads share wins, with its preposition-attached argument', () => {
    const roles = { boilerplate: { forceRoles: { 0: 'headline', 1: 'body' } as const } };
    const articles = [
      readArticle('The ministers signed a memorandum for defense cooperation\nThe two countries will widen defense ties.', { id: 'a' }, roles),
      readArticle('Two countries agree on defense cooperation\nThe ministers met in Tokyo.', { id: 'b' }, roles),
    ];
    const wordings = compareEvent(articles).articles.map((entry) => entry.wording);
    expect(wordings).toEqual(['memorandum for defense cooperation', 'defense cooperation']);
  });

  test("a phrase inside someone's quoted speech is the speaker's wording, not the outlet's", () => {
    const articles = [
      'Israel and Japan signed a defense agreement in Tokyo on Tuesday, officials of both countries said after the meeting.',
      '“This defense agreement between two ancient nations is historic,” Gantz said in Tokyo on Tuesday after the signing ceremony with Hamada.',
      'The defense agreement signed in Tokyo on Tuesday widens military exchanges between Israel and Japan, the ministries said.',
    ].map((text, index) => readArticle(text, { id: `t${index}` }));
    expect(compareEvent(articles).articles.map((entry) => [entry.article, entry.wording])).toEqual([
      ['t0', 'defense agreement'],
      ['t2', 'defense agreement'],
    ]);
  });

  test('a headline verb the tagger reads as a noun is no part of the wording: "Israel, Japan sign pact"', () => {
    const roles = { boilerplate: { forceRoles: { 0: 'headline', 1: 'body' } as const } };
    const articles = [
      readArticle('Israel, Japan sign defense pact\nIsrael and Japan signed a defense pact on Tuesday.', { id: 'a' }, roles),
      readArticle('Japan and Israel sign defense accord\nThe two countries signed a defense accord in Tokyo.', { id: 'b' }, roles),
    ];
    expect(compareEvent(articles).articles.map((entry) => `${entry.position} ${entry.wording}`)).toEqual(['headline defense pact', 'headline defense accord']);
  });

  test('a headline noun the story uses as a noun, or the head of a noun phrase, stays in the wording', () => {
    const roles = { boilerplate: { forceRoles: { 0: 'headline', 1: 'body' } as const } };
    const trade = [
      readArticle('China trade deal collapses\nThe trade deal with China collapsed as trade fell.', { id: 'a' }, roles),
      readArticle('US, China hold trade deal talks\nTrade talks on the deal stalled; they traded blame.', { id: 'b' }, roles),
    ];
    expect(compareEvent(trade).articles.map((entry) => entry.wording)).toEqual(['China trade deal', 'trade deal talks']);
    // "crash" ends the phrase: no verb stands there, however often the bodies write "crashed".
    const crash = [
      readArticle('Ethiopia jet crash\nThe jet crashed after takeoff.', { id: 'a' }, roles),
      readArticle('Boeing jet crash\nA Boeing jet crashed near the capital.', { id: 'b' }, roles),
    ];
    expect(compareEvent(crash).articles.map((entry) => entry.wording)).toEqual(['Ethiopia jet crash', 'Boeing jet crash']);
  });

  test('a Title Case headline\'s third-person verb is no part of the wording: "Glenn Beck Rips Progressivism"', () => {
    const roles = { boilerplate: { forceRoles: { 0: 'headline', 1: 'body' } as const } };
    const articles = [
      readArticle('Glenn Beck Rips Progressivism\nBeck ripped progressivism at a conservative conference.', { id: 'a' }, roles),
      readArticle('Beck attacks progressivism at conference\nAt the conservative conference, Beck ripped into progressivism again.', { id: 'b' }, roles),
    ];
    expect(compareEvent(articles).articles[0]!.wording).toBe('Progressivism');
  });

  test('a phrase headed by a time dates the event and does not name it: "many times"', () => {
    const articles = ['They had met many times before.', 'They met several times on the deal.'].map((text, index) => readArticle(text, { id: `t${index}` }));
    // Before, "many times" and "several times on the deal" named the event.
    expect(compareEvent(articles).articles).toEqual([]);
    // A noun before the time says what: "jail time" names the event.
    const jail = ['The fraudster got jail time for election fraud.', 'The court ordered jail time for the fraudster.'].map((text, index) => readArticle(text, { id: `j${index}` }));
    expect(compareEvent(jail).articles.map((entry) => entry.wording)).toEqual(['jail time for election fraud', 'jail time for the fraudster']);
    // "today", "yesterday" and "tonight" only date what comes before them.
    const today = ['They made their announcement today in Ohio.', 'Their announcement today came in Ohio.'].map((text, index) => readArticle(text, { id: `d${index}` }));
    expect(compareEvent(today).articles.map((entry) => entry.wording).join(' ')).not.toContain('today');
  });

  test('a verb\'s regular inflections, for reading headline verbs', () => {
    expect(inflections('sign')).toEqual(['sign', 'signs', 'signed', 'signing']);
    expect(inflections('agree')).toEqual(['agree', 'agrees', 'agreed', 'agreeing']);
    expect(inflections('vote')).toEqual(['vote', 'votes', 'voted', 'voting']);
    expect(inflections('pass')).toContain('passes');
    expect(inflections('stop')).toEqual(expect.arrayContaining(['stopped', 'stopping']));
  });

  test('a Title Case headline is read with the parts of speech the story text gives its words', () => {
    const roles = { boilerplate: { forceRoles: { 0: 'headline', 1: 'body' } as const } };
    const articles = [
      readArticle('Israel, Japan Sign Historic Defense Agreement\nThe historic defense agreement was signed in Tokyo on Tuesday.', { id: 'a' }, roles),
      readArticle('Japan and Israel sign a defense agreement\nThe ministers signed the agreement in Tokyo.', { id: 'b' }, roles),
    ];
    expect(compareEvent(articles).articles.map((entry) => `${entry.position} ${entry.wording}`)).toEqual(['headline Historic Defense Agreement', 'headline defense agreement']);
  });
});
