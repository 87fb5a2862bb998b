import { compareText, round4, type ComparedText } from './terms';

/** A word or two-word phrase an article uses far more than the rest of the story. */
export interface DistinctiveTerm {
  /** The phrase as the article writes it most often, in lower case ("military collaboration"). */
  readonly term: string;
  /** 1 for a word, 2 for a phrase of two adjacent content words. */
  readonly length: 1 | 2;
  /** Occurrences in this article and in the other articles together. */
  readonly count: number;
  readonly otherCount: number;
  /** Weighted log-odds ratio of this article against the rest. */
  readonly delta: number;
  /** `delta` over its standard deviation. */
  readonly z: number;
  /** The first places it occurs (at most three). */
  readonly spans: readonly { readonly start: number; readonly end: number }[];
}

export interface ArticleDistinctiveTerms {
  readonly article: string;
  readonly terms: readonly DistinctiveTerm[];
}

export interface CompareDistinctiveOptions {
  /** Terms kept per article (default 10). */
  readonly top?: number;
  /** Smallest z-score kept (default 1.282: one-sided 10 %, since only terms used more are asked for). */
  readonly minZ?: number;
  /**
   * Strength of the prior, in articles: the prior holds as many words as this many average
   * articles of the story, spread like the story's own counts (default 1).
   */
  readonly priorArticles?: number;
}

export const DEFAULT_DISTINCTIVE_OPTIONS: Readonly<Required<CompareDistinctiveOptions>> = Object.freeze({ top: 10, minZ: 1.282, priorArticles: 1 });

/** The log-odds of one term between a group and the rest, with its z-score. */
export interface LogOdds {
  readonly delta: number;
  readonly variance: number;
  readonly z: number;
}

/**
 * The weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn
 * 2008, "Fightin' words", eq. 16 and 18): y counts of the term in the group and the rest, n their
 * totals, alpha the term's prior count and alpha0 the prior's total.
 *
 * @example
 * logOddsRatio(5, 100, 1, 100, 6, 200).z; // ≈ 0.96
 */
export function logOddsRatio(yi: number, ni: number, yj: number, nj: number, alpha: number, alpha0: number): LogOdds {
  const delta = Math.log((yi + alpha) / (ni + alpha0 - yi - alpha)) - Math.log((yj + alpha) / (nj + alpha0 - yj - alpha));
  const variance = 1 / (yi + alpha) + 1 / (yj + alpha);
  return { delta, variance, z: delta / Math.sqrt(variance) };
}

interface TermCounts {
  readonly counts: Map<string, number>;
  readonly surfaces: Map<string, Map<string, number>>;
  readonly spans: Map<string, { start: number; end: number }[]>;
  total: number;
}

function countTerms(text: ComparedText): TermCounts {
  const result: TermCounts = { counts: new Map(), surfaces: new Map(), spans: new Map(), total: 0 };
  const add = (key: string, surface: string, start: number, end: number): void => {
    result.counts.set(key, (result.counts.get(key) ?? 0) + 1);
    let surfaces = result.surfaces.get(key);
    if (!surfaces) result.surfaces.set(key, (surfaces = new Map()));
    surfaces.set(surface, (surfaces.get(surface) ?? 0) + 1);
    let spans = result.spans.get(key);
    if (!spans) result.spans.set(key, (spans = []));
    if (spans.length < 3) spans.push({ start, end });
    result.total++;
  };
  for (const sentence of text.content) {
    sentence.forEach((word, index) => {
      add(word.stem, text.article.tokens[word.token]!.lower, word.start, word.end);
      const next = sentence[index + 1];
      // A phrase is two content words with nothing between them but space.
      if (next && next.token === word.token + 1) {
        add(`${word.stem} ${next.stem}`, `${text.article.tokens[word.token]!.lower} ${text.article.tokens[next.token]!.lower}`, word.start, next.end);
      }
    });
  }
  return result;
}

function mostFrequent(surfaces: Map<string, number>): string {
  let best = '';
  let count = -1;
  for (const [surface, n] of surfaces) if (n > count || (n === count && surface < best)) [best, count] = [surface, n];
  return best;
}

/**
 * Per article, the words and two-word phrases it uses far more than the rest of the story, by
 * the weighted log-odds ratio with the whole story's counts as the informative prior.
 *
 * @example
 * compareDistinctive(texts)[0].terms[0]; // { term: 'nansei islands', z: 2.4, ... }
 */
export function compareDistinctive(texts: readonly ComparedText[], options: CompareDistinctiveOptions = {}): ArticleDistinctiveTerms[] {
  const { top, minZ, priorArticles } = { ...DEFAULT_DISTINCTIVE_OPTIONS, ...options };
  const perArticle = texts.map(countTerms);
  const story = new Map<string, number>();
  let storyTotal = 0;
  for (const counts of perArticle) {
    for (const [key, n] of counts.counts) story.set(key, (story.get(key) ?? 0) + n);
    storyTotal += counts.total;
  }
  const alpha0 = (priorArticles * storyTotal) / Math.max(1, texts.length);
  const priorScale = storyTotal > 0 ? alpha0 / storyTotal : 0;
  return texts.map((text, index) => {
    const own = perArticle[index]!;
    if (texts.length < 2) return { article: text.article.id, terms: [] };
    const terms: DistinctiveTerm[] = [];
    for (const [key, yi] of own.counts) {
      const all = story.get(key)!;
      const yj = all - yi;
      const odds = logOddsRatio(yi, own.total, yj, storyTotal - own.total, all * priorScale, alpha0);
      if (odds.z < minZ) continue;
      terms.push({
        term: mostFrequent(own.surfaces.get(key)!),
        length: key.includes(' ') ? 2 : 1,
        count: yi,
        otherCount: yj,
        delta: round4(odds.delta),
        z: round4(odds.z),
        spans: own.spans.get(key)!,
      });
    }
    // Among equal scores the phrase is the more telling term ("nansei islands" over "islands").
    terms.sort((a, b) => b.z - a.z || b.count - a.count || b.length - a.length || compareText(a.term, b.term));
    return { article: text.article.id, terms: terms.slice(0, top) };
  });
}
