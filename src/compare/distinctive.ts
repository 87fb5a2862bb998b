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

/** A term's occurrences in the whole story. */
interface StoryTerm {
  count: number;
}

/** One article's use of a term: how often, in which written forms, and its first places. */
interface TermUse {
  readonly story: StoryTerm;
  count: number;
  /** The first written form and its count; `surfaces` counts them all once there are several. */
  readonly surface: string;
  surfaceCount: number;
  surfaces: Map<string, number> | undefined;
  readonly spans: { start: number; end: number }[];
}

interface TermCounts {
  /** Uses by term key, in order of first occurrence. */
  readonly uses: Map<string, TermUse>;
  total: number;
}

function addTerm(result: TermCounts, story: Map<string, StoryTerm>, key: string, surface: string, start: number, end: number): void {
  let use = result.uses.get(key);
  if (use === undefined) {
    let term = story.get(key);
    if (term === undefined) story.set(key, (term = { count: 0 }));
    result.uses.set(key, (use = { story: term, count: 0, surface, surfaceCount: 0, surfaces: undefined, spans: [] }));
  }
  use.count++;
  use.story.count++;
  if (use.surfaces === undefined && surface === use.surface) use.surfaceCount++;
  else {
    use.surfaces ??= new Map([[use.surface, use.surfaceCount]]);
    use.surfaces.set(surface, (use.surfaces.get(surface) ?? 0) + 1);
  }
  if (use.spans.length < 3) use.spans.push({ start, end });
  result.total++;
}

function countTerms(text: ComparedText, story: Map<string, StoryTerm>): TermCounts {
  const result: TermCounts = { uses: new Map(), total: 0 };
  const tokens = text.article.tokens;
  for (const sentence of text.content) {
    for (let index = 0; index < sentence.length; index++) {
      const word = sentence[index]!;
      addTerm(result, story, word.stem, tokens[word.token]!.lower, word.start, word.end);
      const next = sentence[index + 1];
      // A phrase is two content words with nothing between them but space.
      if (next && next.token === word.token + 1) {
        addTerm(result, story, `${word.stem} ${next.stem}`, `${tokens[word.token]!.lower} ${tokens[next.token]!.lower}`, word.start, next.end);
      }
    }
  }
  return result;
}

/** The written form used most often, the first in code-unit order on a tie. */
function mostFrequent(use: TermUse): string {
  if (use.surfaces === undefined) return use.surface;
  let best = '';
  let count = -1;
  for (const [surface, n] of use.surfaces) {
    if (n > count || (n === count && surface < best)) {
      best = surface;
      count = n;
    }
  }
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
  const story = new Map<string, StoryTerm>();
  const perArticle = texts.map((text) => countTerms(text, story));
  let storyTotal = 0;
  for (const counts of perArticle) storyTotal += counts.total;
  const alpha0 = (priorArticles * storyTotal) / Math.max(1, texts.length);
  const priorScale = storyTotal > 0 ? alpha0 / storyTotal : 0;
  return texts.map((text, index) => {
    const own = perArticle[index]!;
    if (texts.length < 2) return { article: text.article.id, terms: [] };
    const terms: DistinctiveTerm[] = [];
    for (const [key, use] of own.uses) {
      const yi = use.count;
      const all = use.story.count;
      const yj = all - yi;
      const odds = logOddsRatio(yi, own.total, yj, storyTotal - own.total, all * priorScale, alpha0);
      if (odds.z < minZ) continue;
      terms.push({
        term: mostFrequent(use),
        length: key.includes(' ') ? 2 : 1,
        count: yi,
        otherCount: yj,
        delta: round4(odds.delta),
        z: round4(odds.z),
        spans: use.spans,
      });
    }
    // Among equal scores the phrase is the more telling term ("nansei islands" over "islands").
    terms.sort((a, b) => b.z - a.z || b.count - a.count || b.length - a.length || compareText(a.term, b.term));
    return { article: text.article.id, terms: terms.slice(0, top) };
  });
}
