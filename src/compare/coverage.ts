import { compareText, round4, type ComparedText } from './terms';

/** The closest sentence of another article. */
export interface Counterpart {
  readonly article: string;
  readonly sentence: number;
  /** TF-IDF cosine of the two sentences' content words. */
  readonly score: number;
}

/** One statement (sentence) of an article and its counterparts in the others. */
export interface Statement {
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Best match in each other article at or above the threshold, closest first; empty when only this article says it. */
  readonly counterparts: readonly Counterpart[];
  /** The best score against any other article, counterpart or not. */
  readonly best: number;
}

export interface ArticleCoverage {
  readonly article: string;
  readonly statements: number;
  readonly shared: number;
  readonly unique: number;
  /** Unique statements over statements. */
  readonly uniqueShare: number;
  readonly sentences: readonly Statement[];
}

export interface CompareCoverageOptions {
  /** Least cosine for two sentences to say the same thing (default 0.25). */
  readonly threshold?: number;
  /** Sentences with fewer content words are not statements (default 3). */
  readonly minWords?: number;
  /** Postings read per sentence to propose candidates, rarest terms first (default 2,000). */
  readonly postingBudget?: number;
}

export const DEFAULT_COVERAGE_OPTIONS: Readonly<Required<CompareCoverageOptions>> = Object.freeze({ threshold: 0.25, minWords: 3, postingBudget: 2000 });

interface Unit {
  readonly article: number;
  /** Index into the article's sentences. */
  readonly sentence: number;
  readonly vector: Map<string, number>;
}

/**
 * Which statements of each article have a counterpart in the others and which appear in only one,
 * by aligning sentences: TF-IDF vectors of content words (IDF over the story's sentences), the
 * best cosine in each other article. Candidates come from an inverted index read rarest term
 * first with a fixed budget, so the work grows with the text, not with its square.
 *
 * @example
 * compareCoverage(texts)[0].sentences.filter((s) => s.counterparts.length === 0);
 */
export function compareCoverage(texts: readonly ComparedText[], options: CompareCoverageOptions = {}): ArticleCoverage[] {
  const { threshold, minWords, postingBudget } = { ...DEFAULT_COVERAGE_OPTIONS, ...options };
  const units: Unit[] = [];
  const df = new Map<string, number>();
  texts.forEach((text, article) => {
    text.content.forEach((words, sentence) => {
      if (words.length < minWords) return;
      const vector = new Map<string, number>();
      for (const word of words) vector.set(word.stem, (vector.get(word.stem) ?? 0) + 1);
      for (const term of vector.keys()) df.set(term, (df.get(term) ?? 0) + 1);
      units.push({ article, sentence, vector });
    });
  });
  const total = units.length;
  const postings = new Map<string, number[]>();
  units.forEach((unit, index) => {
    let norm = 0;
    for (const [term, tf] of unit.vector) {
      const weight = (1 + Math.log(tf)) * (Math.log((1 + total) / (1 + df.get(term)!)) + 1);
      unit.vector.set(term, weight);
      norm += weight * weight;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(index);
    }
    norm = Math.sqrt(norm);
    for (const [term, weight] of unit.vector) unit.vector.set(term, weight / norm);
  });

  const byArticle = texts.map(() => [] as Statement[]);
  units.forEach((unit) => {
    const terms = [...unit.vector.keys()].sort((a, b) => postings.get(a)!.length - postings.get(b)!.length || compareText(a, b));
    const candidates = new Set<number>();
    let read = 0;
    for (const term of terms) {
      const list = postings.get(term)!;
      if (read > 0 && read + list.length > postingBudget) break;
      read += list.length;
      for (const other of list) if (units[other]!.article !== unit.article) candidates.add(other);
    }
    const bestPer = new Map<number, { sentence: number; score: number }>();
    for (const other of candidates) {
      const candidate = units[other]!;
      let dot = 0;
      for (const [term, weight] of unit.vector) dot += weight * (candidate.vector.get(term) ?? 0);
      const current = bestPer.get(candidate.article);
      if (!current || dot > current.score) bestPer.set(candidate.article, { sentence: texts[candidate.article]!.sentences[candidate.sentence]!, score: dot });
    }
    let best = 0;
    const counterparts: Counterpart[] = [];
    for (const [article, match] of bestPer) {
      best = Math.max(best, match.score);
      if (match.score >= threshold) counterparts.push({ article: texts[article]!.article.id, sentence: match.sentence, score: round4(match.score) });
    }
    counterparts.sort((a, b) => b.score - a.score || compareText(a.article, b.article));
    const text = texts[unit.article]!;
    const sentence = text.article.sentences[text.sentences[unit.sentence]!]!;
    byArticle[unit.article]!.push({
      sentence: sentence.index,
      start: sentence.start,
      end: sentence.end,
      text: text.article.text.slice(sentence.start, sentence.end),
      counterparts,
      best: round4(best),
    });
  });

  return texts.map((text, index) => {
    const sentences = byArticle[index]!;
    const unique = sentences.filter((statement) => statement.counterparts.length === 0).length;
    return {
      article: text.article.id,
      statements: sentences.length,
      shared: sentences.length - unique,
      unique,
      uniqueShare: sentences.length > 0 ? round4(unique / sentences.length) : 0,
      sentences,
    };
  });
}
