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
  /** Postings read per sentence to propose candidates, rarest terms first (default 1,000). */
  readonly postingBudget?: number;
}

export const DEFAULT_COVERAGE_OPTIONS: Readonly<Required<CompareCoverageOptions>> = Object.freeze({ threshold: 0.25, minWords: 3, postingBudget: 1000 });

/** Candidates per other article whose exact cosine is computed. */
const SHORTLIST = 3;

interface Unit {
  readonly article: number;
  /** Index into the article's sentences. */
  readonly sentence: number;
  /** Term ids, ascending, and their unit-length TF-IDF weights. */
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

/** The dot product of two sparse vectors with ascending term ids. */
function dot(a: Unit, b: Unit): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
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
  const ids = new Map<string, number>();
  const df: number[] = [];
  const counted: { article: number; sentence: number; counts: Map<number, number> }[] = [];
  texts.forEach((text, article) => {
    text.content.forEach((words, sentence) => {
      if (words.length < minWords) return;
      const counts = new Map<number, number>();
      for (const word of words) {
        let id = ids.get(word.stem);
        if (id === undefined) {
          ids.set(word.stem, (id = df.length));
          df.push(0);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const id of counts.keys()) df[id]!++;
      counted.push({ article, sentence, counts });
    });
  });
  const total = counted.length;
  const postingUnits: number[][] = df.map(() => []);
  const postingWeights: number[][] = df.map(() => []);
  const units: Unit[] = counted.map(({ article, sentence, counts }, index) => {
    const terms = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    const weights = Float64Array.from(terms, (id) => (1 + Math.log(counts.get(id)!)) * (Math.log((1 + total) / (1 + df[id]!)) + 1));
    const norm = Math.sqrt(weights.reduce((sum, weight) => sum + weight * weight, 0));
    terms.forEach((id, k) => {
      weights[k] = weights[k]! / norm;
      postingUnits[id]!.push(index);
      postingWeights[id]!.push(weights[k]!);
    });
    return { article, sentence, terms, weights };
  });

  const byArticle = texts.map(() => [] as Statement[]);
  const partial = new Float64Array(total);
  units.forEach((unit) => {
    // Accumulate dot products over the postings of the rarest terms, within the budget: the
    // frequent terms a sentence shares with many others weigh little under IDF anyway.
    const order = [...unit.terms.keys()].sort((a, b) => df[unit.terms[a]!]! - df[unit.terms[b]!]! || unit.terms[a]! - unit.terms[b]!);
    const touched: number[] = [];
    let read = 0;
    let complete = true;
    for (const k of order) {
      const id = unit.terms[k]!;
      const list = postingUnits[id]!;
      if (list.length <= 1) continue; // a term of this sentence alone matches nothing
      if (read > 0 && read + list.length > postingBudget) {
        complete = false;
        break;
      }
      read += list.length;
      const weight = unit.weights[k]!;
      const listWeights = postingWeights[id]!;
      for (let p = 0; p < list.length; p++) {
        const other = list[p]!;
        if (units[other]!.article === unit.article) continue;
        if (partial[other] === 0) touched.push(other);
        partial[other] = partial[other]! + weight * listWeights[p]!;
      }
    }
    // Each other article's best match; when the budget cut the reading short, the few best
    // partial matches there get their exact cosine.
    const shortlist = new Map<number, number[]>();
    for (const other of touched) {
      const article = units[other]!.article;
      let list = shortlist.get(article);
      if (!list) shortlist.set(article, (list = []));
      list.push(other);
    }
    const bestPer = new Map<number, { sentence: number; score: number }>();
    for (const [article, list] of shortlist) {
      list.sort((a, b) => partial[b]! - partial[a]! || a - b);
      for (const other of list.slice(0, complete ? 1 : SHORTLIST)) {
        const candidate = units[other]!;
        const score = complete ? partial[other]! : dot(unit, candidate);
        const current = bestPer.get(article);
        if (!current || score > current.score) bestPer.set(article, { sentence: texts[article]!.sentences[candidate.sentence]!, score });
      }
    }
    for (const other of touched) partial[other] = 0;
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
