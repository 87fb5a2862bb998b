import Sentiment from 'sentiment';
import { sentenceAt, type Article, type Token } from './article';
import type { Actor } from './actors';
import { checkArticle, checkOptionsObject, expectArray, isStringSet } from './inputs';
import { describeType, FramelensError } from './errors';
import { lexemesOf, type Lexeme } from './lexeme';

/** One scored word: its AFINN-165 score, flipped when a negation governs it. */
export interface ToneTerm {
  readonly start: number;
  readonly end: number;
  /** The word as scored (lower case, straight apostrophes). */
  readonly word: string;
  readonly score: number;
  readonly negated: boolean;
}

/** The tone of one sentence: its AFINN score, its words and the score per word. */
export interface SentenceTone {
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly words: number;
  readonly comparative: number;
  /** The scored words, so the score explains itself. */
  readonly terms: readonly ToneTerm[];
}

/** The tone toward one actor: the AFINN score of the body sentences that mention it. */
export interface ActorTone {
  readonly actor: string;
  readonly sentences: number;
  readonly score: number;
  readonly words: number;
  /** Score per word of those sentences. */
  readonly comparative: number;
}

/** AFINN tone of an article's body (boilerplate excluded), per sentence and per actor. */
export interface ArticleTone {
  readonly score: number;
  /** Score per body word, the comparable figure across articles. */
  readonly comparative: number;
  readonly words: number;
  readonly sentences: readonly SentenceTone[];
  readonly actors: readonly ActorTone[];
}

export interface ScoreToneOptions {
  /** Words that flip the score of the words after them (default: `DEFAULT_NEGATORS`). */
  readonly negators?: ReadonlySet<string>;
  /** How many words after a negator it governs, up to the next punctuation (default 3). */
  readonly negationWindow?: number;
}

/**
 * Negators: the `sentiment` package's English list with the clitic "n't" as wink-nlp splits it
 * ("did" + "n't"), plus never, no, nor, neither, without, hardly and barely.
 */
export const DEFAULT_NEGATORS: ReadonlySet<string> = Object.freeze(
  new Set(["not", "n't", 'no', 'never', 'nor', 'neither', 'without', 'cannot', 'cant', "can't", 'dont', "don't", 'doesnt', "doesn't", 'isnt', "isn't", 'wont', "won't", 'non', 'hardly', 'barely', 'nobody', 'nothing']),
);

const DEFAULT_WINDOW = 3;
// Negation scope ends at clause punctuation or a contrast (Pang, Lee & Vaithyanathan 2002 mark
// every word from a negation to the next punctuation; the window caps it).
const SCOPE_BREAKS: ReadonlySet<string> = new Set([',', '.', ';', ':', '!', '?', '(', ')', '\u2014', '\u2013', '-', 'but', 'however', 'although']);
const LETTER = /[\p{L}\p{N}]/u;
let sentiment: Sentiment | undefined;

/**
 * The AFINN-165 score of one word, as the `sentiment` package gives it. Each word is scored
 * alone (no `extras`, so the package's shared table never changes) and remembered in its lexeme.
 */
function scoreWord(lexeme: Lexeme): number {
  let score = lexeme.score;
  if (score === undefined) {
    sentiment ??= new Sentiment();
    score = lexeme.score = sentiment.analyze(lexeme.lower).score;
  }
  return score;
}

/** A token that is a word for tone: letters or digits, not a clitic such as "'s". */
function isToneWord(token: Token): boolean {
  const value = token.value;
  const code = value.charCodeAt(0);
  if (code === 0x27 || code === 0x2019) return false;
  const folded = code | 0x20;
  if ((folded >= 0x61 && folded <= 0x7a) || (code >= 0x30 && code <= 0x39)) return true;
  return LETTER.test(value);
}

/**
 * Score the tone of an article's non-boilerplate sentences with AFINN-165 (the `sentiment`
 * package): per article (score per body word), per sentence, and toward each actor (the
 * sentences that mention it). A negator ("not", "n't", "never", ...) flips the words it governs.
 *
 * @example
 * scoreTone(readArticle('The talks were not good.'), []).score; // -3
 */
export function scoreTone(article: Article, actors: readonly Actor[], options: ScoreToneOptions = {}): ArticleTone {
  checkArticle(article);
  expectArray(actors, 'actors');
  checkToneOptions(options);
  const negators = options.negators ?? DEFAULT_NEGATORS;
  const window = options.negationWindow ?? DEFAULT_WINDOW;
  const sentences: SentenceTone[] = [];
  const toneOfSentence = new Map<number, SentenceTone>();
  const lexemes = lexemesOf(article.tokens);
  let score = 0;
  let words = 0;
  for (const sentence of article.sentences) {
    if (article.blocks[sentence.block]!.role === 'boilerplate') continue;
    const terms: ToneTerm[] = [];
    let sentenceScore = 0;
    let sentenceWords = 0;
    let negatedFor = 0; // words left in the current negation's scope
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      const token = article.tokens[i]!;
      const lower = token.lower;
      if (SCOPE_BREAKS.has(lower)) {
        negatedFor = 0;
        continue;
      }
      if (!isToneWord(token)) continue;
      if (lower !== "n't") sentenceWords++;
      const wordScore = scoreWord(lexemes[i]!);
      const negated = negatedFor > 0;
      if (wordScore !== 0) {
        const value = negated ? -wordScore : wordScore;
        terms.push({ start: token.start, end: token.end, word: lower, score: value, negated });
        sentenceScore += value;
      }
      if (negators.has(lower)) negatedFor = window;
      else if (negatedFor > 0) negatedFor--;
    }
    const tone: SentenceTone = {
      sentence: sentence.index,
      start: sentence.start,
      end: sentence.end,
      score: sentenceScore,
      words: sentenceWords,
      comparative: sentenceWords > 0 ? sentenceScore / sentenceWords : 0,
      terms,
    };
    sentences.push(tone);
    toneOfSentence.set(sentence.index, tone);
    score += sentenceScore;
    words += sentenceWords;
  }
  const actorTones = actors.map((actor): ActorTone => {
    const seen = new Set<number>();
    let actorScore = 0;
    let actorWords = 0;
    for (const mention of actor.mentions) {
      const index = sentenceAt(article, mention.start);
      const tone = toneOfSentence.get(index);
      if (!tone || seen.has(index)) continue;
      seen.add(index);
      actorScore += tone.score;
      actorWords += tone.words;
    }
    return { actor: actor.id, sentences: seen.size, score: actorScore, words: actorWords, comparative: actorWords > 0 ? actorScore / actorWords : 0 };
  });
  return { score, comparative: words > 0 ? score / words : 0, words, sentences, actors: actorTones };
}

const SCORE_TONE_OPTION_KEYS: Readonly<Record<keyof ScoreToneOptions, true>> = { negators: true, negationWindow: true };

/** `negators` a Set of strings, `negationWindow` a whole number of words, no other key. */
function checkToneOptions(options: unknown): void {
  const { negators, negationWindow } = checkOptionsObject(options, SCORE_TONE_OPTION_KEYS, 'ScoreToneOptions');
  if (negators !== undefined && !isStringSet(negators)) {
    throw new FramelensError('invalid-option', `"negators" must be a Set of words, got ${describeType(negators)}`, { field: 'negators' });
  }
  if (negationWindow !== undefined && (typeof negationWindow !== 'number' || !Number.isInteger(negationWindow) || negationWindow < 0)) {
    throw new FramelensError('invalid-option', `"negationWindow" must be a whole number of words, got ${describeType(negationWindow)}`, { field: 'negationWindow' });
  }
}
