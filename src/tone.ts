import Sentiment from 'sentiment';
import type { Article } from './article';
import type { Actor } from './actors';

/** The tone of one sentence: its AFINN score and the score per word. */
export interface SentenceTone {
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

/** The tone toward one actor: the AFINN score of the sentences that mention it. */
export interface ActorTone {
  readonly actor: string;
  readonly sentences: number;
  readonly score: number;
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

let analyzer: Sentiment | undefined;

/**
 * Score the tone of an article's non-boilerplate sentences with AFINN-165 (the `sentiment`
 * package), per sentence and toward each actor.
 *
 * @example
 * scoreTone(article, actors).comparative; // e.g. 0.04
 */
export function scoreTone(article: Article, actors: readonly Actor[]): ArticleTone {
  analyzer ??= new Sentiment();
  const sentences: SentenceTone[] = [];
  const wordsOf: number[] = [];
  let score = 0;
  let words = 0;
  for (const sentence of article.sentences) {
    if (article.blocks[sentence.block]!.role === 'boilerplate') continue;
    const tokens = article.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
    // Feed sentiment our own tokens: its tokenizer keeps curly quotes on words.
    const words_ = tokens.filter((token) => /[\p{L}\p{N}]/u.test(token.value)).map((token) => token.lower);
    const result = analyzer.analyze(words_.join(' '));
    sentences.push({ sentence: sentence.index, start: sentence.start, end: sentence.end, score: result.score });
    wordsOf.push(words_.length);
    score += result.score;
    words += words_.length;
  }
  const actorTones = actors.map((actor): ActorTone => {
    let actorScore = 0;
    let actorWords = 0;
    let count = 0;
    sentences.forEach((tone, index) => {
      if (actor.mentions.some((mention) => mention.start >= tone.start && mention.start < tone.end)) {
        actorScore += tone.score;
        actorWords += wordsOf[index]!;
        count++;
      }
    });
    return { actor: actor.id, sentences: count, score: actorScore, comparative: actorWords > 0 ? actorScore / actorWords : 0 };
  });
  return { score, comparative: words > 0 ? score / words : 0, words, sentences, actors: actorTones };
}
