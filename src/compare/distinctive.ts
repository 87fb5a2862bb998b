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

/** A term of the story: a word's stem, or two stems joined by a space for a phrase. */
interface StoryTerm {
  readonly key: string;
  /** Occurrences in the whole story. */
  count: number;
  /** The article being counted when it last occurred, and its use there. */
  article: number;
  use: TermUse | undefined;
  /** For a word: the phrases it starts, by the stem of their second word. */
  phrases: Map<string, StoryTerm> | undefined;
}

/** One article's use of a term: how often, in which written forms, and its first places. */
interface TermUse {
  readonly term: StoryTerm;
  count: number;
  /** The first written form, a word or a phrase's two words, and how often it was written so. */
  readonly head: string;
  readonly tail: string | undefined;
  surfaceCount: number;
  /** Every written form and its count, once a second form appears. */
  surfaces: Map<string, number> | undefined;
  /** The first place; the first three once it occurs again. */
  readonly start: number;
  readonly end: number;
  spans: { start: number; end: number }[] | undefined;
}

interface TermCounts {
  /** In order of first occurrence. */
  readonly uses: TermUse[];
  total: number;
}

function storyTerm(story: Map<string, StoryTerm>, key: string): StoryTerm {
  let term = story.get(key);
  if (term === undefined) story.set(key, (term = { key, count: 0, article: -1, use: undefined, phrases: undefined }));
  return term;
}

function written(head: string, tail: string | undefined): string {
  return tail === undefined ? head : `${head} ${tail}`;
}

function addUse(result: TermCounts, article: number, term: StoryTerm, head: string, tail: string | undefined, start: number, end: number): void {
  let use = term.use;
  if (term.article !== article || use === undefined) {
    use = { term, count: 0, head, tail, surfaceCount: 0, surfaces: undefined, start, end, spans: undefined };
    term.article = article;
    term.use = use;
    result.uses.push(use);
  }
  use.count++;
  term.count++;
  if (use.surfaces === undefined && head === use.head && tail === use.tail) use.surfaceCount++;
  else {
    use.surfaces ??= new Map([[written(use.head, use.tail), use.surfaceCount]]);
    const surface = written(head, tail);
    use.surfaces.set(surface, (use.surfaces.get(surface) ?? 0) + 1);
  }
  if (use.count === 2) use.spans = [{ start: use.start, end: use.end }, { start, end }];
  else if (use.count === 3) use.spans!.push({ start, end });
  result.total++;
}

function countTerms(text: ComparedText, article: number, story: Map<string, StoryTerm>): TermCounts {
  const result: TermCounts = { uses: [], total: 0 };
  const tokens = text.article.tokens;
  const { bounds, stems } = text;
  for (let position = 0; position < text.sentences.length; position++) {
    const last = bounds[position + 1]! - 1;
    for (let k = bounds[position]!; k <= last; k++) {
      const stem = stems[k]!;
      const index = text.tokens[k]!;
      const token = tokens[index]!;
      const term = storyTerm(story, stem);
      addUse(result, article, term, token.lower, undefined, token.start, token.end);
      // A phrase is two content words with nothing between them but space.
      if (k < last && text.tokens[k + 1] === index + 1) {
        const next = tokens[index + 1]!;
        const nextStem = stems[k + 1]!;
        let phrase = term.phrases?.get(nextStem);
        if (phrase === undefined) {
          phrase = storyTerm(story, `${stem} ${nextStem}`);
          (term.phrases ??= new Map()).set(nextStem, phrase);
        }
        addUse(result, article, phrase, token.lower, next.lower, token.start, next.end);
      }
    }
  }
  return result;
}

/**
 * The words among the kept terms that occur only inside one of the kept phrases, as often here and
 * in the rest of the story as the phrase does ("east" and "middle" beside "middle east"): a nested
 * term that says nothing the phrase does not (after the C-value method's nested terms, Frantzi,
 * Ananiadou and Mima 2000).
 */
function nestedWords(uses: readonly TermUse[]): Set<StoryTerm> {
  const byKey = new Map<string, TermUse>();
  for (const use of uses) if (!use.term.key.includes(' ')) byKey.set(use.term.key, use);
  const nested = new Set<StoryTerm>();
  for (const use of uses) {
    const space = use.term.key.indexOf(' ');
    if (space === -1) continue;
    for (const word of [use.term.key.slice(0, space), use.term.key.slice(space + 1)]) {
      const single = byKey.get(word);
      if (single && single.count === use.count && single.term.count === use.term.count) nested.add(single.term);
    }
  }
  return nested;
}

/** The written form used most often, the first in code-unit order on a tie. */
function mostFrequent(use: TermUse): string {
  if (use.surfaces === undefined) return written(use.head, use.tail);
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
  const perArticle = texts.map((text, index) => countTerms(text, index, story));
  let storyTotal = 0;
  for (const counts of perArticle) storyTotal += counts.total;
  const alpha0 = (priorArticles * storyTotal) / Math.max(1, texts.length);
  const priorScale = storyTotal > 0 ? alpha0 / storyTotal : 0;
  return texts.map((text, index) => {
    const own = perArticle[index]!;
    if (texts.length < 2) return { article: text.article.id, terms: [] };
    const terms: DistinctiveTerm[] = [];
    const kept: { use: TermUse; odds: LogOdds }[] = [];
    for (const use of own.uses) {
      const odds = logOddsRatio(use.count, own.total, use.term.count - use.count, storyTotal - own.total, use.term.count * priorScale, alpha0);
      if (odds.z >= minZ) kept.push({ use, odds });
    }
    const nested = nestedWords(kept.map(({ use }) => use));
    for (const { use, odds } of kept) {
      if (nested.has(use.term)) continue;
      const yi = use.count;
      const yj = use.term.count - yi;
      terms.push({
        term: mostFrequent(use),
        length: use.term.key.includes(' ') ? 2 : 1,
        count: yi,
        otherCount: yj,
        delta: round4(odds.delta),
        z: round4(odds.z),
        spans: use.spans ?? [{ start: use.start, end: use.end }],
      });
    }
    // Among equal scores the phrase is the more telling term ("nansei islands" over "islands").
    terms.sort((a, b) => b.z - a.z || b.count - a.count || b.length - a.length || compareText(a.term, b.term));
    return { article: text.article.id, terms: terms.slice(0, top) };
  });
}
