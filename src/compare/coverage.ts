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

/**
 * The story's statements as sparse unit vectors in flat arrays: unit u holds the term ids
 * `terms[from[u]]` to `terms[from[u + 1] - 1]`, ascending, with their unit-length TF-IDF weights
 * (IDF over the units).
 */
interface Units {
  readonly count: number;
  readonly article: Int32Array;
  /** Index into the article's sentences. */
  readonly sentence: Int32Array;
  readonly from: Int32Array;
  readonly terms: Int32Array;
  readonly weights: Float64Array;
  /** Per term id, the number of units that hold it. */
  readonly df: Int32Array;
}

/** Sentences with at least `minWords` content words as TF-IDF vectors; term ids in order of first use. */
function vectorize(texts: readonly ComparedText[], minWords: number): Units {
  const ids = new Map<string, number>();
  const df: number[] = [];
  const article: number[] = [];
  const sentence: number[] = [];
  const from: number[] = [0];
  const terms: number[] = [];
  const counts: number[] = [];
  let scratch = new Int32Array(64);
  texts.forEach((text, index) => {
    for (let position = 0; position < text.sentences.length; position++) {
      const first = text.bounds[position]!;
      const length = text.bounds[position + 1]! - first;
      if (length < minWords) continue;
      if (scratch.length < length) scratch = new Int32Array(length * 2);
      for (let w = 0; w < length; w++) {
        const stem = text.stems[first + w]!;
        let id = ids.get(stem);
        if (id === undefined) {
          ids.set(stem, (id = df.length));
          df.push(0);
        }
        scratch[w] = id;
      }
      // Sorted ids in runs: each run is one term and its count.
      const sorted = scratch.subarray(0, length).sort();
      for (let w = 0; w < sorted.length; ) {
        const id = sorted[w]!;
        const run = w;
        while (w < sorted.length && sorted[w] === id) w++;
        terms.push(id);
        counts.push(w - run);
        df[id]!++;
      }
      article.push(index);
      sentence.push(position);
      from.push(terms.length);
    }
  });
  const count = article.length;
  const weights = new Float64Array(terms.length);
  for (let unit = 0; unit < count; unit++) {
    let sum = 0;
    for (let k = from[unit]!; k < from[unit + 1]!; k++) {
      const weight = (1 + Math.log(counts[k]!)) * (Math.log((1 + count) / (1 + df[terms[k]!]!)) + 1);
      weights[k] = weight;
      sum += weight * weight;
    }
    const norm = Math.sqrt(sum);
    for (let k = from[unit]!; k < from[unit + 1]!; k++) weights[k] = weights[k]! / norm;
  }
  return {
    count,
    article: Int32Array.from(article),
    sentence: Int32Array.from(sentence),
    from: Int32Array.from(from),
    terms: Int32Array.from(terms),
    weights,
    df: Int32Array.from(df),
  };
}

/** The inverted index: the units (ascending) and weights of term id t lie at `from[t]` to `from[t + 1] - 1`. */
interface Postings {
  readonly from: Int32Array;
  readonly units: Int32Array;
  readonly weights: Float64Array;
}

function indexPostings(units: Units): Postings {
  const from = new Int32Array(units.df.length + 1);
  for (let id = 0; id < units.df.length; id++) from[id + 1] = from[id]! + units.df[id]!;
  const next = from.slice(0, units.df.length);
  const postingUnits = new Int32Array(units.terms.length);
  const postingWeights = new Float64Array(units.terms.length);
  for (let unit = 0; unit < units.count; unit++) {
    for (let k = units.from[unit]!; k < units.from[unit + 1]!; k++) {
      const p = next[units.terms[k]!]!++;
      postingUnits[p] = unit;
      postingWeights[p] = units.weights[k]!;
    }
  }
  return { from, units: postingUnits, weights: postingWeights };
}

/** Term ids rarest first (fewest units), ties by id: a counting sort on the unit counts. */
function rarestFirst(df: Int32Array, units: number): Int32Array {
  const start = new Int32Array(units + 2);
  for (let id = 0; id < df.length; id++) start[df[id]! + 1]!++;
  for (let n = 1; n < start.length; n++) start[n] = start[n]! + start[n - 1]!;
  const order = new Int32Array(df.length);
  for (let id = 0; id < df.length; id++) order[start[df[id]!]!++] = id;
  return order;
}

/** Where term id `id` lies in a unit's ascending terms. */
function termIndex(terms: Int32Array, from: number, to: number, id: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (terms[mid]! < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The dot product of two units' sparse vectors. */
function dot(units: Units, a: number, b: number): number {
  const { terms, weights } = units;
  let sum = 0;
  let i = units.from[a]!;
  let j = units.from[b]!;
  const endA = units.from[a + 1]!;
  const endB = units.from[b + 1]!;
  while (i < endA && j < endB) {
    const x = terms[i]!;
    const y = terms[j]!;
    if (x === y) sum += weights[i++]! * weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * Put a candidate unit into an article's shortlist, kept best first by partial score (ties by
 * lower unit index) and cut at `keep`.
 */
function insertCandidate(shortlist: Int32Array, base: number, listed: Int32Array, article: number, keep: number, unit: number, partial: Float64Array): void {
  const size = listed[article]!;
  let at = size;
  while (at > 0) {
    const above = shortlist[base + at - 1]!;
    if (partial[unit]! > partial[above]! || (partial[unit] === partial[above] && unit < above)) at--;
    else break;
  }
  if (at >= keep) return;
  for (let j = Math.min(size, keep - 1); j > at; j--) shortlist[base + j] = shortlist[base + j - 1]!;
  shortlist[base + at] = unit;
  if (size < keep) listed[article] = size + 1;
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
  const units = vectorize(texts, minWords);
  const postings = indexPostings(units);
  const byRank = rarestFirst(units.df, units.count);
  const rank = new Int32Array(byRank.length);
  byRank.forEach((id, position) => (rank[id] = position));

  const byArticle = texts.map(() => [] as Statement[]);
  const partial = new Float64Array(units.count);
  const touched = new Int32Array(units.count);
  // Per other article, its best candidates so far, best first (at most SHORTLIST), and the
  // articles in the order they were first reached.
  const shortlist = new Int32Array(texts.length * SHORTLIST);
  const listed = new Int32Array(texts.length);
  const reached = new Int32Array(texts.length);
  let order = new Int32Array(64);
  for (let unit = 0; unit < units.count; unit++) {
    const article = units.article[unit]!;
    const from = units.from[unit]!;
    const to = units.from[unit + 1]!;
    // Accumulate dot products over the postings of the rarest terms, within the budget: the
    // frequent terms a sentence shares with many others weigh little under IDF anyway.
    if (order.length < to - from) order = new Int32Array(2 * (to - from));
    for (let k = from; k < to; k++) order[k - from] = rank[units.terms[k]!]!;
    const ranks = order.subarray(0, to - from).sort();
    let touchedCount = 0;
    let read = 0;
    let complete = true;
    for (let r = 0; r < ranks.length; r++) {
      const id = byRank[ranks[r]!]!;
      const first = postings.from[id]!;
      const length = postings.from[id + 1]! - first;
      if (length <= 1) continue; // a term of this sentence alone matches nothing
      if (read > 0 && read + length > postingBudget) {
        complete = false;
        break;
      }
      read += length;
      const weight = units.weights[termIndex(units.terms, from, to, id)]!;
      for (let p = first; p < first + length; p++) {
        const other = postings.units[p]!;
        if (units.article[other] === article) continue;
        if (partial[other] === 0) touched[touchedCount++] = other;
        partial[other] = partial[other]! + weight * postings.weights[p]!;
      }
    }
    // Each other article's best match; when the budget cut the reading short, the few best
    // partial matches there get their exact cosine.
    const keep = complete ? 1 : SHORTLIST;
    let reachedCount = 0;
    for (let t = 0; t < touchedCount; t++) {
      const other = touched[t]!;
      const otherArticle = units.article[other]!;
      if (listed[otherArticle] === 0) reached[reachedCount++] = otherArticle;
      insertCandidate(shortlist, otherArticle * SHORTLIST, listed, otherArticle, keep, other, partial);
    }
    let best = 0;
    const counterparts: Counterpart[] = [];
    for (let r = 0; r < reachedCount; r++) {
      const otherArticle = reached[r]!;
      let match = -1;
      let score = 0;
      for (let c = 0; c < listed[otherArticle]!; c++) {
        const candidate = shortlist[otherArticle * SHORTLIST + c]!;
        const candidateScore = complete ? partial[candidate]! : dot(units, unit, candidate);
        if (match === -1 || candidateScore > score) {
          match = candidate;
          score = candidateScore;
        }
      }
      listed[otherArticle] = 0;
      best = Math.max(best, score);
      if (score >= threshold) {
        const other = texts[otherArticle]!;
        counterparts.push({ article: other.article.id, sentence: other.sentences[units.sentence[match]!]!, score: round4(score) });
      }
    }
    for (let t = 0; t < touchedCount; t++) partial[touched[t]!] = 0;
    counterparts.sort((a, b) => b.score - a.score || compareText(a.article, b.article));
    const text = texts[article]!;
    const sentence = text.article.sentences[text.sentences[units.sentence[unit]!]!]!;
    byArticle[article]!.push({
      sentence: sentence.index,
      start: sentence.start,
      end: sentence.end,
      text: text.article.text.slice(sentence.start, sentence.end),
      counterparts,
      best: round4(best),
    });
  }

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
