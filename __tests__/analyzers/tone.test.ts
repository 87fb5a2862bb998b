import fc from 'fast-check';
import Sentiment from 'sentiment';
import { readArticle } from '../../src/article';
import { findActors } from '../../src/actors';
import { scoreTone, DEFAULT_NEGATORS } from '../../src/tone';
import { bodyArticle, seedArticle, SEEDS } from './quotation-helpers';

const tone = (text: string) => {
  const article = bodyArticle(text);
  return scoreTone(article, findActors(article));
};

describe('word scores', () => {
  test('a positive word scores its AFINN value', () => {
    expect(tone('The visit was a success.').score).toBe(2);
  });

  test('"not" flips the score of the word it governs', () => {
    const result = tone('The talks were not good.');
    expect(result.score).toBe(-3);
    expect(result.sentences[0]!.terms).toEqual([expect.objectContaining({ word: 'good', score: -3, negated: true })]);
  });

  test('"n\'t" with a curly apostrophe negates like a straight one', () => {
    expect(tone('They didn’t like it.').score).toBe(-2);
    expect(tone("They didn't like it.").score).toBe(-2);
  });

  test('negation reaches over an intensifier within its window', () => {
    expect(tone('The talks were not very good.').score).toBe(-3);
  });

  test('negation stops at a comma', () => {
    expect(tone('It was not over, good.').sentences[0]!.terms).toEqual([expect.objectContaining({ word: 'good', score: 3, negated: false })]);
  });

  test('"never" negates', () => {
    expect(tone('They never trust them.').score).toBe(-1);
  });

  test('a curly apostrophe does not break a word: a possessive counts as one word', () => {
    const result = tone('Israel’s army left.');
    expect(result.words).toBe(3);
    expect(result.score).toBe(0);
  });

  test('curly quotation marks do not stick to the word they enclose', () => {
    expect(tone('They called the outcome “good” today.').score).toBe(3);
  });

  test('custom negators replace the defaults', () => {
    const article = bodyArticle('The talks were not good.');
    expect(scoreTone(article, [], { negators: new Set(['never']) }).score).toBe(3);
  });
});

describe('article, sentence and actor tone', () => {
  test('comparative is the score per body word', () => {
    const result = tone('The visit was a success. The talks were bad.');
    expect(result.words).toBe(9);
    expect(result.score).toBe(-1);
    expect(result.comparative).toBeCloseTo(-1 / 9);
  });

  test('each sentence has its score, words and comparative', () => {
    const result = tone('The visit was a success. The talks were bad.');
    expect(result.sentences.map((sentence) => [sentence.score, sentence.words])).toEqual([
      [2, 5],
      [-3, 4],
    ]);
    expect(result.sentences[1]!.comparative).toBeCloseTo(-3 / 4);
  });

  test('an actor’s tone is that of the sentences that mention it', () => {
    const result = tone('Gantz hailed a great success. Hamada was angry. Hamada left.');
    const byActor = Object.fromEntries(result.actors.map((actor) => [actor.actor, actor]));
    expect(byActor.gantz).toMatchObject({ sentences: 1, score: 7 });
    expect(byActor.hamada).toMatchObject({ sentences: 2, score: -3 });
  });

  test('boilerplate sentences are left out', () => {
    const text = 'The visit was a success.\nSubscribe now for great free offers!';
    const article = readArticle(text, { id: 'b' }, { boilerplate: { forceRoles: { 0: 'body', 1: 'boilerplate' } } });
    const result = scoreTone(article, []);
    expect(result.score).toBe(2);
    expect(result.sentences).toHaveLength(1);
  });

  test('scored term spans slice to their word', () => {
    for (const seed of SEEDS) {
      const article = seedArticle(seed);
      for (const sentence of scoreTone(article, findActors(article)).sentences) {
        for (const term of sentence.terms) expect(article.text.slice(term.start, term.end).toLowerCase().replace(/\u2019/g, "'")).toBe(term.word);
      }
    }
  });

  test('scoring never changes the sentiment package’s shared word table', () => {
    const before = new Sentiment().analyze('framelens good').score;
    tone('Gantz hailed a great success.');
    expect(new Sentiment().analyze('framelens good').score).toBe(before);
  });

  test('the default negators include the clitic wink-nlp splits off', () => {
    expect(DEFAULT_NEGATORS.has("n't")).toBe(true);
  });
});

describe('tone properties', () => {
  const fragments = ['good', 'bad', 'not', 'never', 'Gantz', 'said', ',', '.', 'didn’t', 'like', '\n', 'the', 'great'];
  const texts = fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 20 }).map((parts) => `Start. ${parts.join(' ')}`);

  test('the same input gives the same tone', () => {
    fc.assert(fc.property(texts, (text) => expect(tone(text)).toEqual(tone(text))), { numRuns: 30 });
  });

  test('the article score is the sum of its sentence scores', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const result = tone(text);
        expect(result.score).toBe(result.sentences.reduce((sum, sentence) => sum + sentence.score, 0));
        expect(result.words).toBe(result.sentences.reduce((sum, sentence) => sum + sentence.words, 0));
      }),
      { numRuns: 40 },
    );
  });
});
